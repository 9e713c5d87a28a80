// The characteristics radar as a Chart.js configuration: drawn in the browser through the
// `chart` attachment and on the server (PDF) on @napi-rs/canvas. Pure: no DOM, no Chart import.
import type { ChartConfiguration } from 'chart.js';
import type { SharedItemSummary } from '../scoring';
import { LEVEL_COLORS, PALETTE, withAlpha } from './palette';

/** One radar axis. Under the minimum-group-size rule pass `min`/`max` as null. */
export interface RadarAxis {
	/** Axis label in the reader's language (short title of the characteristic). */
	label: string;
	teamValue: number | null;
	min: number | null;
	max: number | null;
}

/** Texts of the radar, in the reader's language. */
export interface RadarLabels {
	/** Dataset name of the Teamwert line, e.g. "Teamwert". */
	teamValue: string;
	/** Dataset names of the band edges, e.g. "niedrigste Bewertung" / "höchste Bewertung". */
	min: string;
	max: string;
}

export interface RadarOptions {
	/** false on the server (fixed canvas size); default true in the browser. */
	responsive?: boolean;
	/** Font family of all texts (the PDF passes its embedded font). */
	fontFamily?: string;
	/** Wrap axis labels longer than this many characters onto two lines (default 16). */
	wrapAt?: number;
	/** Font size of the axis labels in px (default 13; smaller on narrow screens). */
	pointLabelSize?: number;
}

/**
 * Radar axes from shared item summaries: the Teamwert, and the min–max band only where the item
 * is not suppressed by the minimum-group-size rule.
 */
export function radarAxes(
	items: readonly { label: string; summary: SharedItemSummary }[]
): RadarAxis[] {
	return items.map(({ label, summary }) => ({
		label,
		teamValue: summary.teamValue,
		min: summary.suppressed ? null : summary.min,
		max: summary.suppressed ? null : summary.max
	}));
}

/** Splits a label at the space nearest its middle when it is longer than `max` characters. */
export function wrapLabel(label: string, max: number): string | string[] {
	if (label.length <= max) return label;
	const middle = label.length / 2;
	let best = -1;
	for (let i = 0; i < label.length; i++) {
		if (label[i] === ' ' && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) best = i;
	}
	return best < 0 ? label : [label.slice(0, best), label.slice(best + 1)];
}

/**
 * Chart.js radar configuration (scale 0–4): the Teamwert per axis, plus the min–max band as two
 * extra datasets (the max one filled down to the min one). Band datasets are left out when no
 * axis has a band (every item under the minimum-group-size rule, or no ratings).
 */
export function radarConfig(
	axes: readonly RadarAxis[],
	labels: RadarLabels,
	options: RadarOptions = {}
): ChartConfiguration<'radar', (number | null)[], string | string[]> {
	const hasBand = axes.some((a) => a.min !== null && a.max !== null);
	const font = { family: options.fontFamily ?? "'Fira Sans', Arial, sans-serif" };
	const datasets: ChartConfiguration<'radar', (number | null)[]>['data']['datasets'] = [
		{
			label: labels.teamValue,
			data: axes.map((a) => a.teamValue),
			borderColor: PALETTE.blue,
			backgroundColor: withAlpha(PALETTE.blue, 0.12),
			borderWidth: 3,
			pointBackgroundColor: PALETTE.blue,
			pointRadius: 4,
			fill: false,
			spanGaps: false,
			order: 0
		}
	];
	if (hasBand) {
		datasets.push(
			{
				label: labels.min,
				data: axes.map((a) => (a.min !== null && a.max !== null ? a.min : null)),
				borderColor: LEVEL_COLORS[2],
				backgroundColor: withAlpha(LEVEL_COLORS[1], 0.35),
				borderWidth: 1.5,
				borderDash: [5, 4],
				pointRadius: 2,
				pointBackgroundColor: LEVEL_COLORS[2],
				fill: false,
				order: 1
			},
			{
				label: labels.max,
				data: axes.map((a) => (a.min !== null && a.max !== null ? a.max : null)),
				borderColor: LEVEL_COLORS[2],
				backgroundColor: withAlpha(LEVEL_COLORS[1], 0.35),
				borderWidth: 1.5,
				borderDash: [5, 4],
				pointRadius: 2,
				pointBackgroundColor: LEVEL_COLORS[2],
				// the band: fill from the max line down to the min line (the previous dataset)
				fill: '-1',
				order: 2
			}
		);
	}
	return {
		type: 'radar',
		data: {
			labels: axes.map((a) => wrapLabel(a.label, options.wrapAt ?? 16)),
			datasets
		},
		options: {
			responsive: options.responsive ?? true,
			maintainAspectRatio: true,
			aspectRatio: 1,
			animation: false,
			font,
			scales: {
				r: {
					min: 0,
					max: 4,
					beginAtZero: true,
					ticks: { stepSize: 1, color: PALETTE.ink, backdropColor: 'rgba(255,255,255,0.8)', font },
					pointLabels: {
						color: PALETTE.ink,
						font: { ...font, size: options.pointLabelSize ?? 13 }
					},
					grid: { color: withAlpha(PALETTE.grey, 0.35) },
					angleLines: { color: withAlpha(PALETTE.grey, 0.35) }
				}
			},
			plugins: {
				legend: { position: 'bottom', labels: { color: PALETTE.ink, font } },
				tooltip: { enabled: true }
			}
		}
	};
}
