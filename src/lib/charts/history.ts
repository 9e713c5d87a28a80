// The team history charts as Chart.js configurations: one line chart per pyramid level (Teamwert
// with the min–max band of individual ratings) and one for the Stufenwert with markers where
// actions were decided and reviewed. Pure: no DOM, no Chart import. x is the assessment date as a
// category axis (the table under the charts carries the same data).
import type { ChartConfiguration, ScriptableLineSegmentContext } from 'chart.js';
import { LEVEL_COLORS, PALETTE, withAlpha } from './palette';

/** One assessment on a level's line. Under the minimum-group-size rule pass min/max as null. */
export interface LevelChartPoint {
	/** The formatted date (x label). */
	label: string;
	teamValue: number | null;
	min: number | null;
	max: number | null;
	/** False when the item's revision differs from the previous point: the line is broken there. */
	comparableWithPrevious: boolean;
}

export interface LevelChartLabels {
	title: string;
	teamValue: string;
	min: string;
	max: string;
}

/** One assessment on the Stufenwert line. */
export interface StufenwertChartPoint {
	label: string;
	stufenwert: number;
	/** Titles of actions decided / reviewed in this assessment (markers with tooltips). */
	decided: string[];
	reviewed: string[];
}

export interface StufenwertChartLabels {
	title: string;
	stufenwert: string;
	decided: string;
	reviewed: string;
}

export interface HistoryChartOptions {
	/** Called with the point's index when a point is clicked (opens that assessment). */
	onPoint?: (index: number) => void;
	fontFamily?: string;
	responsive?: boolean;
}

type LineConfig = ChartConfiguration<'line', (number | null)[], string>;

function baseOptions(
	title: string,
	yMax: number,
	options: HistoryChartOptions
): NonNullable<LineConfig['options']> {
	const font = { family: options.fontFamily ?? "'Fira Sans', Arial, sans-serif" };
	const onPoint = options.onPoint;
	return {
		responsive: options.responsive ?? true,
		maintainAspectRatio: false,
		animation: false,
		font,
		interaction: { mode: 'index', intersect: false },
		onClick: onPoint
			? (_event, elements) => {
					if (elements.length > 0) onPoint(elements[0].index);
				}
			: undefined,
		scales: {
			x: { ticks: { color: PALETTE.ink, font }, grid: { display: false } },
			y: {
				min: 0,
				max: yMax,
				ticks: { stepSize: 1, color: PALETTE.ink, font },
				grid: { color: withAlpha(PALETTE.grey, 0.3) }
			}
		},
		plugins: {
			title: { display: true, text: title, color: PALETTE.ink, font: { ...font, size: 15 } },
			legend: { position: 'bottom', labels: { color: PALETTE.ink, font, boxWidth: 14 } },
			tooltip: { enabled: true }
		}
	};
}

/** A level's Teamwert over time with the min–max band; the line breaks where revisions differ. */
export function levelHistoryConfig(
	points: readonly LevelChartPoint[],
	labels: LevelChartLabels,
	options: HistoryChartOptions = {}
): LineConfig {
	// One dark line colour for every level (the pale level colours lack contrast on white); the
	// band takes the light level colour, as in the radar.
	const line = PALETTE.blue;
	const band = withAlpha(LEVEL_COLORS[1], 0.45);
	const broken = (ctx: ScriptableLineSegmentContext) =>
		points[ctx.p1DataIndex]?.comparableWithPrevious === false ? 'transparent' : undefined;
	const hasBand = points.some((p) => p.min !== null && p.max !== null);
	const datasets: LineConfig['data']['datasets'] = [
		{
			label: labels.teamValue,
			data: points.map((p) => p.teamValue),
			borderColor: line,
			backgroundColor: line,
			borderWidth: 3,
			pointRadius: 5,
			pointHoverRadius: 7,
			spanGaps: false,
			fill: false,
			segment: { borderColor: broken },
			order: 0
		}
	];
	if (hasBand) {
		datasets.push(
			{
				label: labels.min,
				data: points.map((p) => (p.max !== null ? p.min : null)),
				borderColor: withAlpha(PALETTE.grey, 0.6),
				backgroundColor: band,
				borderWidth: 1,
				borderDash: [4, 4],
				pointRadius: 0,
				spanGaps: false,
				fill: false,
				segment: { borderColor: broken },
				order: 1
			},
			{
				label: labels.max,
				data: points.map((p) => (p.min !== null ? p.max : null)),
				borderColor: withAlpha(PALETTE.grey, 0.6),
				backgroundColor: band,
				borderWidth: 1,
				borderDash: [4, 4],
				pointRadius: 0,
				spanGaps: false,
				// the band: fill from the max line down to the min line (the previous dataset)
				fill: '-1',
				segment: {
					borderColor: broken,
					backgroundColor: (ctx) =>
						points[ctx.p1DataIndex]?.comparableWithPrevious === false ? 'transparent' : undefined
				},
				order: 2
			}
		);
	}
	return {
		type: 'line',
		data: { labels: points.map((p) => p.label), datasets },
		options: baseOptions(labels.title, 4, options)
	};
}

/** The Stufenwert over time, with markers on the assessments where actions were decided/reviewed. */
export function stufenwertHistoryConfig(
	points: readonly StufenwertChartPoint[],
	labels: StufenwertChartLabels,
	options: HistoryChartOptions = {}
): LineConfig {
	const base = baseOptions(labels.title, 5, options);
	const marker = (pick: (p: StufenwertChartPoint) => string[]) =>
		points.map((p) => (pick(p).length > 0 ? p.stufenwert : null));
	return {
		type: 'line',
		data: {
			labels: points.map((p) => p.label),
			datasets: [
				{
					label: labels.stufenwert,
					data: points.map((p) => p.stufenwert),
					borderColor: PALETTE.blue,
					backgroundColor: PALETTE.blue,
					borderWidth: 3,
					pointRadius: 5,
					pointHoverRadius: 7,
					fill: false,
					order: 2
				},
				{
					label: labels.decided,
					data: marker((p) => p.decided),
					showLine: false,
					pointStyle: 'triangle',
					pointRadius: 7,
					pointHoverRadius: 9,
					borderColor: PALETTE.blueDark,
					backgroundColor: PALETTE.gold,
					order: 0
				},
				{
					label: labels.reviewed,
					data: marker((p) => p.reviewed),
					showLine: false,
					// larger and drawn below the triangle, so both stay visible on one assessment
					pointStyle: 'rectRot',
					pointRadius: 13,
					pointHoverRadius: 15,
					borderColor: PALETTE.blueDark,
					backgroundColor: PALETTE.green,
					order: 1
				}
			]
		},
		options: {
			...base,
			plugins: {
				...base.plugins,
				tooltip: {
					enabled: true,
					callbacks: {
						// marker tooltips list the actions instead of repeating the Stufenwert
						afterLabel: (item) => {
							const p = points[item.dataIndex];
							if (!p) return '';
							if (item.datasetIndex === 1) return p.decided;
							if (item.datasetIndex === 2) return p.reviewed;
							return '';
						}
					}
				}
			}
		}
	};
}
