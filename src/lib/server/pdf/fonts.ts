// The fonts of every server-drawn document: DejaVu Sans from the `dejavu-fonts-ttf` npm package
// (covers umlauts, ß, arrows and typographic quotes). Resolved through Node's module resolution,
// so it works from the source tree, the test runner and the built server alike.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Font family name used in pdfmake documents and in SVG drawings inside them. */
export const PDF_FONT = 'DejaVu';
/** Font family name registered with @napi-rs/canvas for server-side charts. */
export const CANVAS_FONT = 'DejaVu Sans';

export interface FontFiles {
	dir: string;
	normal: string;
	bold: string;
	italics: string;
	bolditalics: string;
}

let files: FontFiles | undefined;

/** Absolute paths of the DejaVu Sans TTF files. */
export function fontFiles(): FontFiles {
	if (!files) {
		const require = createRequire(import.meta.url);
		const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
		files = {
			dir,
			normal: join(dir, 'DejaVuSans.ttf'),
			bold: join(dir, 'DejaVuSans-Bold.ttf'),
			italics: join(dir, 'DejaVuSans-Oblique.ttf'),
			bolditalics: join(dir, 'DejaVuSans-BoldOblique.ttf')
		};
	}
	return files;
}
