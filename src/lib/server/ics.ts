// A minimal iCalendar (RFC 5545) writer for single all-day events: review dates of actions and
// the team's next assessment. CRLF line endings, escaped text, lines folded at 75 octets.

/** One all-day event. */
export interface AllDayEvent {
	/** Globally unique and stable, so re-importing updates instead of duplicating. */
	uid: string;
	/** YYYY-MM-DD. */
	date: string;
	summary: string;
	description?: string;
	url?: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Escapes TEXT values: backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line to at most 75 octets per line, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
	const encoder = new TextEncoder();
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = encoder.encode(char).length;
		// continuation lines start with a space, which counts towards their 75 octets
		const limit = parts.length === 0 ? 75 : 74;
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

function compactDate(isoDate: string): string {
	const match = ISO_DATE.exec(isoDate);
	if (!match) throw new RangeError(`date must be YYYY-MM-DD, got ${isoDate}`);
	return `${match[1]}${match[2]}${match[3]}`;
}

function nextDay(isoDate: string): string {
	const d = new Date(`${isoDate}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

function utcStamp(now: Date): string {
	return now
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

/** A VCALENDAR with one all-day VEVENT; `now` is the DTSTAMP. */
export function allDayCalendar(event: AllDayEvent, now: Date = new Date()): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Sorgekompass//Sorgekompass//DE',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		'BEGIN:VEVENT',
		`UID:${escapeText(event.uid)}`,
		`DTSTAMP:${utcStamp(now)}`,
		`DTSTART;VALUE=DATE:${compactDate(event.date)}`,
		`DTEND;VALUE=DATE:${compactDate(nextDay(event.date))}`,
		`SUMMARY:${escapeText(event.summary)}`
	];
	if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
	if (event.url) lines.push(`URL:${event.url}`);
	lines.push('TRANSP:TRANSPARENT', 'END:VEVENT', 'END:VCALENDAR');
	return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** A file name safe for Content-Disposition (ASCII letters, digits, dashes). */
export function calendarFileName(base: string, date: string): string {
	const safe = base
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/ß/g, 'ss')
		.replace(/[^A-Za-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
	return `${safe || 'Termin'}_${date}.ics`;
}

/** The HTTP response for a calendar file. */
export function calendarResponse(body: string, fileName: string): Response {
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
}
