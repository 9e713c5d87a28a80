import type { Attachment } from 'svelte/attachments';
import type { Chart, ChartConfiguration, ChartType, DefaultDataPoint } from 'chart.js';

/**
 * Draws a Chart.js chart on the canvas it is attached to: `<canvas {@attach chart(config)}>`.
 * Chart.js is imported lazily, so only pages that draw a chart load it; the chart is destroyed
 * when the canvas leaves the page or the config changes.
 */
export function chart<
	TType extends ChartType = ChartType,
	TData = DefaultDataPoint<TType>,
	TLabel = unknown
>(config: ChartConfiguration<TType, TData, TLabel>): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		let instance: Chart<TType, TData, TLabel> | undefined;
		let active = true;
		import('chart.js/auto').then(({ default: ChartJs }) => {
			if (!active) return;
			instance = new ChartJs(canvas, config);
			canvas.dataset.chartReady = 'true';
		});
		return () => {
			active = false;
			instance?.destroy();
			delete canvas.dataset.chartReady;
		};
	};
}
