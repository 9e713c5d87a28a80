import type { LevelState, PyramidResult, RatingValue, Stufenwert } from './types';

/** Teamwert from which a level counts as reached. */
export const REACHED_THRESHOLD = 3;

/** State of a pyramid level from its Teamwert (null = no value yet). */
export function levelState(teamValue: RatingValue | null): LevelState {
	if (teamValue === null) return 'offen';
	if (teamValue >= REACHED_THRESHOLD) return 'erreicht';
	if (teamValue === 2) return 'im_aufbau';
	if (teamValue === 1) return 'ansaetze';
	return 'nicht_erkennbar';
}

/** Reached level, next level, levels ahead of their base and exact Stufenwert (index 0 = level 1). */
export function pyramidResult(levelTeamValues: readonly (RatingValue | null)[]): PyramidResult {
	const levels = levelTeamValues.length;
	if (levels === 0) throw new RangeError('a pyramid needs at least one level');

	let k = 0;
	while (k < levels && isReached(levelTeamValues[k])) k++;

	const aheadOfBase: number[] = [];
	// level k + 2 has index k + 1
	for (let i = k + 1; i < levels; i++) {
		if (isReached(levelTeamValues[i])) aheadOfBase.push(i + 1);
	}

	// The next level's Teamwert is below 3 (else k would be higher), so it is 0, 1 or 2 thirds.
	const thirds = k === levels ? 0 : ((levelTeamValues[k] ?? 0) as 0 | 1 | 2);
	const stufenwert: Stufenwert = { whole: k, thirds };
	return {
		reachedLevel: k,
		nextLevel: k === levels ? null : k + 1,
		aheadOfBase,
		stufenwert,
		stufenwertNumber: stufenwertToNumber(stufenwert),
		states: levelTeamValues.map(levelState)
	};
}

function isReached(teamValue: RatingValue | null | undefined): boolean {
	return teamValue !== null && teamValue !== undefined && teamValue >= REACHED_THRESHOLD;
}

/** The Stufenwert in thirds as an integer, for exact comparison (3 ⅔ → 11). */
export function stufenwertInThirds(s: Stufenwert): number {
	return s.whole * 3 + s.thirds;
}

/** The Stufenwert as a float (for charts; never compare these for equality). */
export function stufenwertToNumber(s: Stufenwert): number {
	return s.whole + s.thirds / 3;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** The Stufenwert with two decimals in the locale's format ("3,67" in de, "3.67" in en). */
export function formatStufenwert(s: Stufenwert | number, locale: string): string {
	let formatter = formatters.get(locale);
	if (formatter === undefined) {
		formatter = new Intl.NumberFormat(locale, {
			minimumFractionDigits: 2,
			maximumFractionDigits: 2,
			useGrouping: false
		});
		formatters.set(locale, formatter);
	}
	return formatter.format(typeof s === 'number' ? s : stufenwertToNumber(s));
}
