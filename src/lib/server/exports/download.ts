// File names and Content-Disposition headers shared by every download (CSV, JSON, PDF).

const TRANSLITERATION: Record<string, string> = {
	ä: 'ae',
	ö: 'oe',
	ü: 'ue',
	Ä: 'Ae',
	Ö: 'Oe',
	Ü: 'Ue',
	ß: 'ss',
	ẞ: 'SS'
};

/**
 * An ASCII file-name part: German umlauts transliterated (ä → ae, ß → ss), other accents
 * dropped, everything else but letters, digits, '-' and '.' turned into single underscores.
 */
export function fileNamePart(value: string): string {
	const ascii = value
		.replace(/[äöüÄÖÜßẞ]/g, (c) => TRANSLITERATION[c])
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9.-]+/g, '_')
		.replace(/^[_.]+|[_.]+$/g, '');
	return ascii.slice(0, 80) || 'Team';
}

/**
 * `<Prefix>_<Team>_<YYYY-MM-DD>.<ext>`: `ascii` for `filename`, `unicode` (umlauts kept, only
 * characters no file system accepts replaced) for `filename*`.
 */
export function downloadFileName(
	prefix: string,
	teamName: string,
	date: string,
	ext: string
): { ascii: string; unicode: string } {
	const unicodePart =
		teamName
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u001f\u007f/\\:*?"<>|\s]+/g, '_')
			.replace(/^[_.]+|[_.]+$/g, '')
			.slice(0, 80) || 'Team';
	return {
		ascii: `${prefix}_${fileNamePart(teamName)}_${date}.${ext}`,
		unicode: `${prefix}_${unicodePart}_${date}.${ext}`
	};
}

/**
 * `attachment` with an ASCII `filename` and the UTF-8 original in RFC 5987 `filename*`
 * (`original` defaults to the ASCII name).
 */
export function contentDisposition(asciiName: string, original = asciiName): string {
	const encoded = encodeURIComponent(original).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
	return `attachment; filename="${asciiName.replace(/["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

/** Headers for a downloadable file; nothing is cached, since the data may change or be private. */
export function downloadHeaders(
	contentType: string,
	name: { ascii: string; unicode: string }
): Record<string, string> {
	return {
		'content-type': contentType,
		'content-disposition': contentDisposition(name.ascii, name.unicode),
		'cache-control': 'private, no-store'
	};
}
