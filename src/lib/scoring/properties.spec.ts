import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeAll, summarizeItem } from './item';
import { shareableSummary } from './privacy';
import { pyramidResult, stufenwertInThirds } from './pyramid';
import type { ConsensusInput, RatingInput, RatingValue } from './types';

const KEY = 'level.1';

const ratingValue = fc.constantFrom<RatingValue>(0, 1, 2, 3, 4);
const maybeValue = fc.option(ratingValue, { nil: null, freq: 4 });
const minGroupSize = fc.integer({ min: 2, max: 6 });

/** Ratings of one item by distinct participants, with confidences and actor-group tags. */
function ratingsArb(itemKeys: readonly string[] = [KEY], maxLength = 30) {
	return fc
		.array(
			fc.record({
				itemKey: fc.constantFrom(...itemKeys),
				value: maybeValue,
				confidence: fc.constantFrom('sicher', 'eher_sicher', 'unsicher', null, undefined),
				actorGroup: fc.constantFrom('actor.a', 'actor.b', 'actor.c', null, undefined)
			}),
			{ maxLength }
		)
		.map((rows) => rows.map((row, i): RatingInput => ({ participantId: `p${i}`, ...row })));
}

/** A rating list together with a permutation of it. */
function withPermutation<T>(arb: fc.Arbitrary<T[]>) {
	return arb.chain((list) =>
		fc
			.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })
			.map((shuffled) => [list, shuffled] as const)
	);
}

const consensusArb = fc.option(
	fc.record({ itemKey: fc.constant(KEY), value: ratingValue, reason: fc.option(fc.string()) }),
	{ nil: undefined }
);

describe('item summary properties', () => {
	it('does not depend on the order of the ratings', () => {
		fc.assert(
			fc.property(withPermutation(ratingsArb()), consensusArb, minGroupSize, ([a, b], c, m) => {
				expect(summarizeItem(KEY, b, c, m)).toEqual(summarizeItem(KEY, a, c, m));
			})
		);
	});

	it('summarizeAll does not depend on the order of the ratings either', () => {
		const keys = ['level.1', 'level.2', 'trait.x'];
		fc.assert(
			fc.property(withPermutation(ratingsArb(keys, 60)), minGroupSize, ([a, b], m) => {
				expect(summarizeAll(keys, b, [], m)).toEqual(summarizeAll(keys, a, [], m));
			})
		);
	});

	it('the median is the lower middle of the sorted known values', () => {
		fc.assert(
			fc.property(ratingsArb(), (ratings) => {
				const known = ratings
					.map((r) => r.value)
					.filter((v): v is RatingValue => v !== null)
					.sort((x, y) => x - y);
				const expected = known.length === 0 ? null : known[Math.floor((known.length - 1) / 2)];
				expect(summarizeItem(KEY, ratings, undefined, 3).median).toBe(expected);
			})
		);
	});

	it('without consensus median and Teamwert lie within min..max', () => {
		fc.assert(
			fc.property(ratingsArb(), minGroupSize, (ratings, m) => {
				const s = summarizeItem(KEY, ratings, undefined, m);
				expect(s.teamValue).toBe(s.median);
				if (s.nKnown === 0) {
					expect([s.median, s.min, s.max, s.mean]).toEqual([null, null, null, null]);
					return;
				}
				expect(s.min).not.toBeNull();
				expect(s.max).not.toBeNull();
				expect(s.median).toBeGreaterThanOrEqual(s.min as number);
				expect(s.median).toBeLessThanOrEqual(s.max as number);
				expect(s.mean).toBeGreaterThanOrEqual(s.min as number);
				expect(s.mean).toBeLessThanOrEqual(s.max as number);
			})
		);
	});

	it('adding unknown ratings never changes median, mean, min or max', () => {
		fc.assert(
			fc.property(ratingsArb(), fc.integer({ min: 1, max: 20 }), (ratings, extra) => {
				const unknowns: RatingInput[] = Array.from({ length: extra }, (_, i) => ({
					participantId: `u${i}`,
					itemKey: KEY,
					value: null,
					confidence: 'unsicher',
					actorGroup: 'actor.a'
				}));
				const before = summarizeItem(KEY, ratings, undefined, 3);
				const after = summarizeItem(KEY, [...ratings, ...unknowns], undefined, 3);
				expect([after.median, after.mean, after.min, after.max]).toEqual([
					before.median,
					before.mean,
					before.min,
					before.max
				]);
				expect(after.n).toBe(before.n + extra);
			})
		);
	});

	it('distribution adds up to n and nKnown', () => {
		fc.assert(
			fc.property(ratingsArb(), (ratings) => {
				const s = summarizeItem(KEY, ratings, undefined, 3);
				const d = s.distribution;
				expect(d[0] + d[1] + d[2] + d[3] + d[4]).toBe(s.nKnown);
				expect(s.nKnown + d.unknown).toBe(s.n);
				expect(s.n).toBe(ratings.length);
			})
		);
	});

	it('a consensus is always the Teamwert', () => {
		fc.assert(
			fc.property(ratingsArb(), ratingValue, (ratings, value) => {
				const consensus: ConsensusInput = { itemKey: KEY, value };
				const s = summarizeItem(KEY, ratings, consensus, 3);
				expect(s.teamValue).toBe(value);
				expect(s.hasConsensus).toBe(true);
			})
		);
	});
});

describe('shared view properties', () => {
	const allowedKeys = [
		'suppressed',
		'itemKey',
		'n',
		'teamValue',
		'hasConsensus',
		'consensusReason',
		'flags'
	];

	it('a lowN item exposes nothing derived from individual ratings', () => {
		fc.assert(
			fc.property(ratingsArb(), consensusArb, minGroupSize, (ratings, consensus, m) => {
				const summary = summarizeItem(KEY, ratings, consensus, m);
				fc.pre(summary.flags.lowN);
				const shared = shareableSummary(summary, m);
				expect(shared.suppressed).toBe(true);
				for (const key of Object.keys(shared)) expect(allowedKeys).toContain(key);
				expect(shared.flags).toEqual({ lowN: true });
				expect(shared.n).toBe(ratings.length);
				if (consensus) {
					expect(shared.teamValue).toBe(consensus.value);
					expect(shared.consensusReason).toBe(consensus.reason ?? null);
				} else {
					expect(shared.teamValue).toBeNull();
					expect(shared.consensusReason).toBeNull();
				}
			})
		);
	});

	it('an item with enough known ratings is shown in full', () => {
		fc.assert(
			fc.property(ratingsArb(), minGroupSize, (ratings, m) => {
				const summary = summarizeItem(KEY, ratings, undefined, m);
				fc.pre(!summary.flags.lowN);
				expect(shareableSummary(summary, m)).toEqual({ ...summary, suppressed: false });
			})
		);
	});
});

describe('pyramid properties', () => {
	const levels = fc.array(fc.option(ratingValue, { nil: null }), { minLength: 5, maxLength: 5 });

	it('raising one level never lowers the reached level', () => {
		fc.assert(
			fc.property(levels, fc.nat(4), ratingValue, (values, index, raised) => {
				const current = values[index];
				fc.pre(current === null || raised > current);
				const higher = values.slice();
				higher[index] = raised;
				expect(pyramidResult(higher).reachedLevel).toBeGreaterThanOrEqual(
					pyramidResult(values).reachedLevel
				);
				expect(stufenwertInThirds(pyramidResult(higher).stufenwert)).toBeGreaterThanOrEqual(
					stufenwertInThirds(pyramidResult(values).stufenwert)
				);
			})
		);
	});

	it('the Stufenwert lies in [0, 5] and its integer part is the reached level', () => {
		fc.assert(
			fc.property(levels, (values) => {
				const result = pyramidResult(values);
				expect(result.stufenwertNumber).toBeGreaterThanOrEqual(0);
				expect(result.stufenwertNumber).toBeLessThanOrEqual(5);
				expect(Math.floor(result.stufenwertNumber)).toBe(result.reachedLevel);
				expect(result.stufenwert.whole).toBe(result.reachedLevel);
				if (result.reachedLevel === 5) expect(result.stufenwert.thirds).toBe(0);
			})
		);
	});

	it('levels 1 … k are reached and level k + 1 is not', () => {
		fc.assert(
			fc.property(levels, (values) => {
				const { reachedLevel: k, states, aheadOfBase } = pyramidResult(values);
				expect(states.slice(0, k).every((s) => s === 'erreicht')).toBe(true);
				if (k < 5) expect(states[k]).not.toBe('erreicht');
				for (const level of aheadOfBase) {
					expect(level).toBeGreaterThan(k + 1);
					expect(states[level - 1]).toBe('erreicht');
				}
			})
		);
	});
});
