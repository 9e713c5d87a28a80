// Charts drawn on the server for the PDF with the same configuration as on the result page:
// Chart.js on @napi-rs/canvas (no DOM), embedded DejaVu Sans, no animation, device pixel ratio 2.
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import {
	Chart,
	Filler,
	Legend,
	LineElement,
	PointElement,
	RadarController,
	RadialLinearScale,
	type ChartConfiguration
} from 'chart.js';
import { CANVAS_FONT, fontFiles } from './fonts';

let ready = false;

function prepare(): void {
	if (ready) return;
	Chart.register(RadarController, RadialLinearScale, PointElement, LineElement, Filler, Legend);
	const fonts = fontFiles();
	GlobalFonts.registerFromPath(fonts.normal, CANVAS_FONT);
	GlobalFonts.registerFromPath(fonts.bold, CANVAS_FONT);
	ready = true;
}

/** Size of a chart in CSS pixels (the PNG has twice as many pixels per side). */
export interface ChartSize {
	width: number;
	height: number;
}

/**
 * Draws a Chart.js configuration to JPEG bytes on a white background. JPEG, not PNG: pdfkit
 * embeds JPEG data as it is, while an RGBA PNG has to be decoded and split in JavaScript, which
 * took longer than the whole rest of the PDF.
 */
export async function chartImage(
	config: ChartConfiguration<'radar', (number | null)[], string | string[]>,
	size: ChartSize
): Promise<Buffer> {
	prepare();
	const canvas = createCanvas(size.width, size.height);
	const context = canvas.getContext('2d');
	// White behind the chart (JPEG has no transparency).
	const background = {
		id: 'sk-white-background',
		beforeDraw(chart: Chart) {
			const ctx = chart.ctx;
			ctx.save();
			ctx.fillStyle = '#ffffff';
			ctx.fillRect(0, 0, chart.width, chart.height);
			ctx.restore();
		}
	};
	const chart = new Chart(context as unknown as CanvasRenderingContext2D, {
		...config,
		options: {
			...config.options,
			responsive: false,
			animation: false,
			devicePixelRatio: 2,
			plugins: { ...config.options?.plugins, tooltip: { enabled: false } }
		},
		plugins: [...(config.plugins ?? []), background]
	});
	try {
		return await canvas.encode('jpeg', 92);
	} finally {
		chart.destroy();
	}
}
