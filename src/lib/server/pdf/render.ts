// pdfmake 0.3 on the server: one configured instance, fonts from fonts.ts, and no access to the
// network or to files other than the fonts (no third-party requests, ever).
import * as pdfmakeModule from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { PDF_FONT, fontFiles } from './fonts';

/** The part of pdfmake's Node API used here (the type package describes the browser build). */
interface PdfMakeServer {
	setFonts(fonts: TFontDictionary): void;
	setUrlAccessPolicy(callback: (url: string) => boolean): void;
	setLocalAccessPolicy(callback: (path: string) => boolean): void;
	createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

// pdfmake is CommonJS exporting one instance: Node's ESM loader hands it over as `default`.
const pdfmake = ((pdfmakeModule as unknown as { default?: PdfMakeServer }).default ??
	pdfmakeModule) as unknown as PdfMakeServer;

let configured = false;

function configure(): void {
	if (configured) return;
	const fonts = fontFiles();
	pdfmake.setFonts({
		[PDF_FONT]: {
			normal: fonts.normal,
			bold: fonts.bold,
			italics: fonts.italics,
			bolditalics: fonts.bolditalics
		}
	});
	const allowed = new Set([fonts.normal, fonts.bold, fonts.italics, fonts.bolditalics]);
	pdfmake.setUrlAccessPolicy(() => false);
	pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
	configured = true;
}

/** Renders a document definition to PDF bytes (the definition is consumed: build a fresh one). */
export function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
	configure();
	return pdfmake.createPdf(doc).getBuffer();
}
