// The Caring-Community pyramid as a self-contained SVG string: the same drawing on the result
// page ({@html}) and in the PDF (pdfmake's `svg` node). Pure: no DOM, no CSS variables.
import type { LevelState, PyramidResult } from '../scoring';
import { LEVEL_COLORS, PALETTE } from './palette';

/** What the pyramid shows: the scoring result plus the Teamwert per level (index 0 = level 1). */
export type PyramidSvgInput = Pick<
	PyramidResult,
	'reachedLevel' | 'nextLevel' | 'aheadOfBase' | 'states'
> & {
	teamValues: readonly (number | null)[];
};

/** Every text the drawing contains, already in the reader's language. */
export interface PyramidSvgLabels {
	/** The accessible name (<title>), e.g. "Pyramide: erreichte Stufe 2 von 5". */
	title: string;
	/** Optional longer description (<desc>). */
	description?: string;
	/** Short title per level, index 0 = level 1. */
	levelTitles: readonly string[];
	/** The word before the level number, e.g. "Stufe". */
	level: string;
	/** Name of each level state. */
	states: Record<LevelState, string>;
	/** The word before a Teamwert, e.g. "Teamwert". */
	teamValue: string;
	/** Mark of the next level, e.g. "nächste Stufe". */
	next: string;
	/** Mark of a level ahead of its base, e.g. "Vorgriff – trägt die Basis?". */
	ahead: string;
}

export interface PyramidSvgOptions {
	labels: PyramidSvgLabels;
	/** Prefix for the ids of <title>/<desc>; unique per page when several pyramids are drawn. */
	idPrefix?: string;
	/** Font family of all texts (the PDF passes its embedded font). */
	fontFamily?: string;
}

/** Width and height of the drawing's coordinate system (it scales via viewBox). */
export const PYRAMID_VIEWBOX = { width: 580, height: 300 } as const;

const BAND_HEIGHT = 52;
const GAP = 5;
const TOP = 10;
const PYRAMID_WIDTH = 230;
const LABEL_X = PYRAMID_WIDTH + 18;
/** Width of the top band relative to the base, so the level number still fits. */
const TOP_RATIO = 0.2;

/** Escapes text for use in SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

function round(n: number): number {
	return Math.round(n * 10) / 10;
}

/** Half width of the pyramid at height `y` (trapezoid edges are straight lines). */
function halfWidthAt(y: number, levels: number): number {
	const top = TOP;
	const bottom = TOP + levels * BAND_HEIGHT + (levels - 1) * GAP;
	const f = (bottom - y) / (bottom - top); // 0 at the base, 1 at the top
	return (PYRAMID_WIDTH / 2) * (1 - (1 - TOP_RATIO) * f);
}

/** Kind of a band, decides its look. */
type BandKind = 'reached' | 'next' | 'ahead' | 'other';

/**
 * The pyramid as an SVG string: five stacked trapezoids, level 1 at the bottom; reached levels
 * filled in their level colour, the next level with a dashed outline and a label, levels ahead
 * of their base lightly filled with a dotted outline and the "Vorgriff" prompt; every band named
 * with its level number, short title, state and Teamwert. role="img" with <title> (and <desc>).
 */
export function pyramidSvg(input: PyramidSvgInput, options: PyramidSvgOptions): string {
	const { labels } = options;
	const levels = input.states.length;
	const prefix = (options.idPrefix ?? 'pyramid').replace(/[^a-zA-Z0-9_-]/g, '');
	const font = escapeXml(options.fontFamily ?? "'Fira Sans', Arial, sans-serif");
	const { width } = PYRAMID_VIEWBOX;
	const height = TOP * 2 + levels * BAND_HEIGHT + (levels - 1) * GAP;
	const cx = PYRAMID_WIDTH / 2;
	const titleId = `${prefix}-title`;
	const descId = `${prefix}-desc`;
	const ahead = new Set(input.aheadOfBase);

	const parts: string[] = [];
	parts.push(
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${titleId}"${labels.description ? ` aria-describedby="${descId}"` : ''} font-family="${font}" class="sk-pyramid">`
	);
	parts.push(`<title id="${titleId}">${escapeXml(labels.title)}</title>`);
	if (labels.description) {
		parts.push(`<desc id="${descId}">${escapeXml(labels.description)}</desc>`);
	}

	for (let i = 0; i < levels; i++) {
		const level = i + 1;
		const kind: BandKind =
			level <= input.reachedLevel
				? 'reached'
				: level === input.nextLevel
					? 'next'
					: ahead.has(level)
						? 'ahead'
						: 'other';
		// level 1 is the lowest band
		const yBottom = TOP + (levels - i) * BAND_HEIGHT + (levels - i - 1) * GAP;
		const yTop = yBottom - BAND_HEIGHT;
		const wb = halfWidthAt(yBottom, levels);
		const wt = halfWidthAt(yTop, levels);
		const points = [
			[cx - wb, yBottom],
			[cx + wb, yBottom],
			[cx + wt, yTop],
			[cx - wt, yTop]
		]
			.map(([x, y]) => `${round(x)},${round(y)}`)
			.join(' ');
		const color = LEVEL_COLORS[Math.min(i, LEVEL_COLORS.length - 1)];
		// Unreached bands stay white, so that a filled band always means "reached".
		let fill = '#ffffff';
		let fillOpacity = 1;
		let stroke: string = PALETTE.grey;
		let strokeWidth = 1.5;
		let dash = '';
		if (kind === 'reached') {
			fill = color;
			stroke = PALETTE.blueDark;
		} else if (kind === 'next') {
			stroke = PALETTE.blueDark;
			strokeWidth = 3;
			dash = ' stroke-dasharray="9 5"';
		} else if (kind === 'ahead') {
			fill = color;
			fillOpacity = 0.45;
			stroke = PALETTE.blueDark;
			strokeWidth = 2;
			dash = ' stroke-dasharray="2 4"';
		}
		const numberInk =
			kind === 'reached' && i >= LEVEL_COLORS.length - 1 ? PALETTE.inkOnDark : PALETTE.ink;
		const state = input.states[i];
		const value = input.teamValues[i];
		const valueText = value === null || value === undefined ? '' : `${labels.teamValue} ${value}`;
		// A level ahead of its base is reached by definition: its mark replaces the state name.
		const mark = kind === 'next' ? labels.next : kind === 'ahead' ? labels.ahead : '';
		const details = [kind === 'ahead' ? '' : labels.states[state], valueText]
			.filter(Boolean)
			.join(' · ');
		const midY = yTop + BAND_HEIGHT / 2;

		parts.push(
			`<g class="sk-pyramid__band sk-pyramid__band--${kind}" data-level="${level}" data-state="${state}">`
		);
		parts.push(
			`<polygon points="${points}" fill="${fill}" fill-opacity="${fillOpacity}" stroke="${stroke}" stroke-width="${strokeWidth}"${dash} stroke-linejoin="round"/>`
		);
		parts.push(
			`<text x="${cx}" y="${round(midY + 8)}" text-anchor="middle" font-size="22" font-weight="bold" fill="${numberInk}">${level}</text>`
		);
		// Leader line from the band to its label
		parts.push(
			`<line x1="${round(cx + (wb + wt) / 2 + 4)}" y1="${round(midY)}" x2="${LABEL_X - 4}" y2="${round(midY)}" stroke="${PALETTE.grey}" stroke-width="1"/>`
		);
		parts.push(
			`<text x="${LABEL_X}" y="${round(yTop + 20)}" font-size="15" font-weight="bold" fill="${PALETTE.ink}">${escapeXml(`${labels.level} ${level} · ${labels.levelTitles[i] ?? ''}`)}</text>`
		);
		parts.push(
			`<text x="${LABEL_X}" y="${round(yTop + 40)}" font-size="13.5" fill="${PALETTE.ink}">${mark ? `<tspan font-weight="bold">${escapeXml(mark)}</tspan>${details ? ' · ' : ''}` : ''}${escapeXml(details)}</text>`
		);
		parts.push('</g>');
	}
	parts.push('</svg>');
	return parts.join('');
}
