import type {
	ConsensusInput,
	Distribution,
	ItemStatus,
	ItemSummary,
	RatingInput,
	RatingValue
} from './types';

/** Default minimum group size of an organisation. */
export const DEFAULT_MIN_GROUP_SIZE = 3;

/** The minimum group size may never be set below this. */
export const MIN_GROUP_SIZE_FLOOR = 2;

/** Throws unless `m` is an integer ≥ 2 (a smaller m would undo the privacy rule). */
export function assertMinGroupSize(m: number): void {
	if (!Number.isInteger(m) || m < MIN_GROUP_SIZE_FLOOR) {
		throw new RangeError(`minimum group size must be an integer >= 2, got ${m}`);
	}
}

/** True when fewer than `m` known ratings exist (the minimum-group-size rule applies). */
export function isLowN(nKnown: number, m: number): boolean {
	return nKnown < m;
}

/** Counts of known values 0–4, indexed by value. */
type Counts = [number, number, number, number, number];

/** Lower median (value at index ⌊(total − 1) / 2⌋ of the sorted values) from value counts. */
function medianOfCounts(counts: Counts, total: number): RatingValue | null {
	if (total === 0) return null;
	let index = Math.floor((total - 1) / 2);
	for (let v = 0; v < 5; v++) {
		if (index < counts[v]) return v as RatingValue;
		index -= counts[v];
	}
	throw new Error('counts do not add up to total');
}

/**
 * Running tallies for one item. Values are 0–4, so counting them is enough for every statistic:
 * no sorting, and the result cannot depend on the order of the ratings.
 */
class ItemTally {
	readonly counts: Counts = [0, 0, 0, 0, 0];
	unknown = 0;
	unsicherKnown = 0;
	/** Value counts of known ratings per actor-group tag; created on the first tag. */
	groups: Map<string, Counts> | null = null;

	add(rating: RatingInput): void {
		const value = rating.value;
		if (value === null) {
			this.unknown++;
			return;
		}
		this.counts[value]++;
		if (rating.confidence === 'unsicher') this.unsicherKnown++;
		const group = rating.actorGroup;
		if (group) {
			this.groups ??= new Map();
			let counts = this.groups.get(group);
			if (counts === undefined) {
				counts = [0, 0, 0, 0, 0];
				this.groups.set(group, counts);
			}
			counts[value]++;
		}
	}

	summarize(itemKey: string, consensus: ConsensusInput | undefined, m: number): ItemSummary {
		const c = this.counts;
		const nKnown = c[0] + c[1] + c[2] + c[3] + c[4];
		const n = nKnown + this.unknown;
		const median = medianOfCounts(c, nKnown);

		let min: RatingValue | null = null;
		let max: RatingValue | null = null;
		let mean: number | null = null;
		let dissent = false;
		if (median !== null) {
			let sum = 0;
			let far = 0;
			for (let v = 0; v < 5; v++) {
				if (c[v] === 0) continue;
				if (min === null) min = v as RatingValue;
				max = v as RatingValue;
				sum += v * c[v];
				if (Math.abs(v - median) >= 2) far += c[v];
			}
			mean = sum / nKnown;
			// ≥ 20 % of the known ratings two or more points from the median
			dissent = nKnown >= 2 && far * 100 >= nKnown * 20;
		}

		// ≥ 30 % of all ratings unknown, or more than half of the known ones unsicher
		const knowledgeGap =
			n >= 1 && (this.unknown * 100 >= n * 30 || this.unsicherKnown * 2 > nKnown);

		let perspectiveGap = false;
		if (this.groups !== null) {
			let lowest = 5;
			let highest = -1;
			for (const counts of this.groups.values()) {
				const size = counts[0] + counts[1] + counts[2] + counts[3] + counts[4];
				if (size < m) continue;
				const groupMedian = medianOfCounts(counts, size) as RatingValue;
				if (groupMedian < lowest) lowest = groupMedian;
				if (groupMedian > highest) highest = groupMedian;
			}
			// with fewer than two qualifying groups highest − lowest is ≤ 0
			perspectiveGap = highest - lowest >= 2;
		}

		const hasConsensus = consensus !== undefined;
		const status: ItemStatus = nKnown > 0 ? 'rated' : hasConsensus ? 'consensus_only' : 'offen';
		const distribution: Distribution = {
			0: c[0],
			1: c[1],
			2: c[2],
			3: c[3],
			4: c[4],
			unknown: this.unknown
		};
		return {
			itemKey,
			n,
			nKnown,
			median,
			mean,
			min,
			max,
			range: min === null || max === null ? null : max - min,
			distribution,
			teamValue: hasConsensus ? consensus.value : median,
			hasConsensus,
			consensusReason: hasConsensus ? (consensus.reason ?? null) : null,
			status,
			flags: { dissent, knowledgeGap, lowN: isLowN(nKnown, m), perspectiveGap }
		};
	}
}

/**
 * Summary and flags of one item from its ratings (at most one per participant, the latest) and
 * its consensus; `m` is the organisation's minimum group size.
 */
export function summarizeItem(
	itemKey: string,
	ratings: readonly RatingInput[],
	consensus: ConsensusInput | null | undefined,
	m: number
): ItemSummary {
	assertMinGroupSize(m);
	if (consensus && consensus.itemKey !== itemKey) {
		throw new Error(`consensus for ${consensus.itemKey} passed to item ${itemKey}`);
	}
	const tally = new ItemTally();
	for (const rating of ratings) {
		if (rating.itemKey !== itemKey) {
			throw new Error(`rating for ${rating.itemKey} passed to item ${itemKey}`);
		}
		tally.add(rating);
	}
	return tally.summarize(itemKey, consensus ?? undefined, m);
}

/**
 * Summaries of all given items, keyed by item key in the order of `items`, in one pass over the
 * ratings; ratings and consensus of other item keys are ignored.
 */
export function summarizeAll(
	items: readonly (string | { key: string })[],
	ratings: readonly RatingInput[],
	consensus: readonly ConsensusInput[],
	m: number
): Record<string, ItemSummary> {
	assertMinGroupSize(m);
	const tallies = new Map<string, ItemTally>();
	for (const item of items) {
		const key = typeof item === 'string' ? item : item.key;
		if (!tallies.has(key)) tallies.set(key, new ItemTally());
	}
	for (const rating of ratings) {
		tallies.get(rating.itemKey)?.add(rating);
	}
	const consensusByKey = new Map<string, ConsensusInput>();
	for (const c of consensus) consensusByKey.set(c.itemKey, c);

	const result: Record<string, ItemSummary> = {};
	for (const [key, tally] of tallies) {
		result[key] = tally.summarize(key, consensusByKey.get(key), m);
	}
	return result;
}
