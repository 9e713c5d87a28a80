import { stufenwertInThirds } from './pyramid';
import type { ComparableItem, ItemComparison, Stufenwert, Trend } from './types';

/**
 * Compares one item between an earlier and a later assessment (either side may lack it). Pass
 * `median: null` for items under the minimum-group-size rule when the result is shown in a shared
 * view.
 */
export function compareItem(
	earlier: ComparableItem | null | undefined,
	later: ComparableItem | null | undefined
): ItemComparison {
	const itemKey = later?.itemKey ?? earlier?.itemKey;
	if (itemKey === undefined) throw new Error('compareItem needs at least one side');
	if (earlier && later && earlier.itemKey !== later.itemKey) {
		throw new Error(`cannot compare ${earlier.itemKey} with ${later.itemKey}`);
	}
	const base = { itemKey, earlier: earlier ?? null, later: later ?? null };
	if (!earlier || !later) {
		return { ...base, direction: 'not_comparable', delta: null, reason: 'missing_item' };
	}
	if (earlier.revision !== later.revision) {
		return { ...base, direction: 'not_comparable', delta: null, reason: 'revision' };
	}
	if (earlier.teamValue === null || later.teamValue === null) {
		return { ...base, direction: 'not_comparable', delta: null, reason: 'missing_value' };
	}
	const delta = later.teamValue - earlier.teamValue;
	return { ...base, direction: delta > 0 ? 'up' : delta < 0 ? 'down' : 'same', delta };
}

/**
 * Item-by-item comparison of two assessments: the later assessment's items in its order, then
 * items only the earlier one has.
 */
export function compareAssessments(
	earlier: readonly ComparableItem[],
	later: readonly ComparableItem[]
): ItemComparison[] {
	const earlierByKey = new Map<string, ComparableItem>();
	for (const item of earlier) {
		if (!earlierByKey.has(item.itemKey)) earlierByKey.set(item.itemKey, item);
	}
	const seen = new Set<string>();
	const result: ItemComparison[] = [];
	for (const item of later) {
		if (seen.has(item.itemKey)) continue;
		seen.add(item.itemKey);
		result.push(compareItem(earlierByKey.get(item.itemKey), item));
	}
	for (const [key, item] of earlierByKey) {
		if (!seen.has(key)) result.push(compareItem(item, undefined));
	}
	return result;
}

/** Trend arrow of a team from the Stufenwert of its last two assessments (null: fewer than two). */
export function teamTrend(
	stufenwertPrevious: Stufenwert | null | undefined,
	stufenwertLast: Stufenwert | null | undefined
): Trend | null {
	if (!stufenwertPrevious || !stufenwertLast) return null;
	const diff = stufenwertInThirds(stufenwertLast) - stufenwertInThirds(stufenwertPrevious);
	return diff > 0 ? 'up' : diff < 0 ? 'down' : 'same';
}
