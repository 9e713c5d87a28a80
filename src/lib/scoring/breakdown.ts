import { assertMinGroupSize, isLowN, summarizeItem } from './item';
import type { Distribution, RatingInput, RatingValue } from './types';

/** The ratings of one actor group (or of the summed rest) of one item, safe for shared views. */
export interface BreakdownRow {
	/** The actor-group tag, or null for the summed rest ("weitere Gruppen und ohne Angabe"). */
	actorGroup: string | null;
	n: number;
	nKnown: number;
	distribution: Distribution;
	/** Lower median of the known ratings (always present: every row has at least m of them). */
	median: RatingValue;
}

/**
 * One item split by the raters' actor-group tags. `groups` are shown one by one; `rest` sums up
 * every other rating and is null when nothing is left over. Both are empty when the item itself
 * is under the minimum-group-size rule, or when no group could be shown on its own.
 */
export interface ItemBreakdown {
	itemKey: string;
	groups: BreakdownRow[];
	rest: BreakdownRow | null;
}

function rowOf(itemKey: string, actorGroup: string | null, ratings: RatingInput[], m: number) {
	const s = summarizeItem(itemKey, ratings, undefined, m);
	return {
		actorGroup,
		n: s.n,
		nKnown: s.nKnown,
		distribution: s.distribution,
		median: s.median as RatingValue
	};
}

/**
 * The actor-group breakdown of one item under the minimum-group-size rule (SCORING.md): a group
 * is shown on its own only with at least `m` known ratings; smaller groups and untagged raters
 * are summed into the rest. The total of the item is shown elsewhere, so the rest could be
 * worked out as "total minus the shown groups": when it holds ratings but fewer than `m` known
 * ones, the smallest shown group joins it (complementary suppression), until the rest has at
 * least `m` known ratings or no group is left to show.
 */
export function actorGroupBreakdown(
	itemKey: string,
	ratings: readonly RatingInput[],
	m: number
): ItemBreakdown {
	assertMinGroupSize(m);
	const own = ratings.filter((r) => r.itemKey === itemKey);
	const known = own.filter((r) => r.value !== null).length;
	if (isLowN(known, m)) return { itemKey, groups: [], rest: null };

	const byGroup = new Map<string, RatingInput[]>();
	let rest: RatingInput[] = [];
	for (const r of own) {
		if (!r.actorGroup) {
			rest.push(r);
			continue;
		}
		const list = byGroup.get(r.actorGroup) ?? [];
		list.push(r);
		byGroup.set(r.actorGroup, list);
	}
	const knownOf = (list: RatingInput[]) => list.filter((r) => r.value !== null).length;
	const shown: [string, RatingInput[]][] = [];
	for (const [group, list] of byGroup) {
		if (knownOf(list) >= m) shown.push([group, list]);
		else rest = rest.concat(list);
	}
	// Largest first; equal sizes by tag so the order never depends on the order of the ratings.
	shown.sort((a, b) => knownOf(b[1]) - knownOf(a[1]) || (a[0] < b[0] ? -1 : 1));
	while (rest.length > 0 && isLowN(knownOf(rest), m) && shown.length > 0) {
		rest = rest.concat(shown.pop()![1]);
	}
	if (shown.length === 0) return { itemKey, groups: [], rest: null };
	return {
		itemKey,
		groups: shown.map(([group, list]) => rowOf(itemKey, group, list, m)),
		rest: rest.length > 0 ? rowOf(itemKey, null, rest, m) : null
	};
}

/** The actor-group breakdown of every given item key, in one pass per item. */
export function actorGroupBreakdowns(
	itemKeys: readonly string[],
	ratings: readonly RatingInput[],
	m: number
): Record<string, ItemBreakdown> {
	const byItem = new Map<string, RatingInput[]>();
	for (const r of ratings) {
		const list = byItem.get(r.itemKey) ?? [];
		list.push(r);
		byItem.set(r.itemKey, list);
	}
	const out: Record<string, ItemBreakdown> = {};
	for (const key of itemKeys) out[key] = actorGroupBreakdown(key, byItem.get(key) ?? [], m);
	return out;
}
