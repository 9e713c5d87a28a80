import { describe, expect, it } from 'vitest';
import { DEFAULT_MIN_GROUP_SIZE, summarizeAll, summarizeItem } from './item';
import { ratingsOf } from './test-helpers';
import type { RatingInput, RatingValue } from './types';

const KEY = 'level.1';

function summary(values: (RatingValue | null)[], m = 3) {
	return summarizeItem(KEY, ratingsOf(KEY, values), undefined, m);
}

/** Ratings of one actor group, numbered from `first` so participants stay distinct. */
function group(actorGroup: string, values: (RatingValue | null)[], first: number): RatingInput[] {
	return ratingsOf(KEY, values, { actorGroup }, first);
}

describe('summarizeItem statistics', () => {
	it('no ratings: no statistics, item offen, only lowN', () => {
		expect(summary([])).toEqual({
			itemKey: KEY,
			n: 0,
			nKnown: 0,
			median: null,
			mean: null,
			min: null,
			max: null,
			range: null,
			distribution: { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0, unknown: 0 },
			teamValue: null,
			hasConsensus: false,
			consensusReason: null,
			status: 'offen',
			flags: { dissent: false, knowledgeGap: false, lowN: true, perspectiveGap: false }
		});
	});

	it('all unknown: counted in n and distribution, no statistics, knowledge gap', () => {
		expect(summary([null, null, null])).toEqual({
			itemKey: KEY,
			n: 3,
			nKnown: 0,
			median: null,
			mean: null,
			min: null,
			max: null,
			range: null,
			distribution: { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0, unknown: 3 },
			teamValue: null,
			hasConsensus: false,
			consensusReason: null,
			status: 'offen',
			flags: { dissent: false, knowledgeGap: true, lowN: true, perspectiveGap: false }
		});
	});

	it('one rater', () => {
		expect(summary([2])).toMatchObject({
			n: 1,
			nKnown: 1,
			median: 2,
			mean: 2,
			min: 2,
			max: 2,
			range: 0,
			teamValue: 2,
			status: 'rated',
			flags: { dissent: false, knowledgeGap: false, lowN: true, perspectiveGap: false }
		});
	});

	it.each<[string, (RatingValue | null)[], RatingValue, number]>([
		['odd count', [1, 2, 3], 2, 2],
		['odd count, unsorted input', [4, 0, 4], 4, 8 / 3],
		['even count takes the lower middle', [0, 1, 3, 4], 1, 2],
		['two ratings take the lower one', [3, 2], 2, 2.5],
		['six ratings: index 2 of 1,2,3,4,4,4', [4, 1, 4, 2, 4, 3], 3, 3],
		['unknowns do not shift the median', [null, 4, null, 4, 0, null], 4, 8 / 3]
	])('median and mean: %s', (_name, values, median, mean) => {
		const s = summary(values);
		expect(s.median).toBe(median);
		expect(s.mean).toBeCloseTo(mean, 12);
		expect(s.teamValue).toBe(median);
	});

	it('distribution counts every value and the unknowns', () => {
		expect(summary([0, 4, 4, null, 2, 2, 2]).distribution).toEqual({
			0: 1,
			1: 0,
			2: 3,
			3: 0,
			4: 2,
			unknown: 1
		});
	});

	it('min, max and range', () => {
		expect(summary([3, 1, 2, null])).toMatchObject({ min: 1, max: 3, range: 2 });
	});
});

describe('summarizeItem Teamwert and consensus', () => {
	it('consensus overrides the median', () => {
		const s = summarizeItem(
			KEY,
			ratingsOf(KEY, [3, 3, 3]),
			{ itemKey: KEY, value: 1, reason: 'x' },
			3
		);
		expect(s).toMatchObject({
			median: 3,
			teamValue: 1,
			hasConsensus: true,
			consensusReason: 'x',
			status: 'rated'
		});
	});

	it('consensus without ratings: Teamwert ohne Einzelbewertungen', () => {
		const s = summarizeItem(KEY, [], { itemKey: KEY, value: 2 }, 3);
		expect(s).toMatchObject({
			n: 0,
			median: null,
			mean: null,
			teamValue: 2,
			hasConsensus: true,
			consensusReason: null,
			status: 'consensus_only'
		});
	});

	it('consensus on an item rated only as unknown', () => {
		const s = summarizeItem(KEY, ratingsOf(KEY, [null, null]), { itemKey: KEY, value: 0 }, 3);
		expect(s).toMatchObject({ n: 2, teamValue: 0, status: 'consensus_only' });
	});

	it('null consensus means none', () => {
		expect(summarizeItem(KEY, ratingsOf(KEY, [1, 2, 3]), null, 3)).toMatchObject({
			teamValue: 2,
			hasConsensus: false
		});
	});
});

describe('flag: dissent', () => {
	it.each<[string, (RatingValue | null)[], boolean]>([
		['split room 0,0,4,4', [0, 0, 4, 4], true],
		['one outlier among twelve', [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0], false],
		['exactly 20 %: one of five', [3, 3, 3, 3, 1], true],
		['exactly 20 %: two of ten', [3, 3, 3, 3, 3, 3, 3, 3, 1, 1], true],
		['just below: two of eleven', [3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 1], false],
		['one point away never counts', [2, 3, 3, 4], false],
		['a single rating never dissents', [0], false],
		['two ratings two apart', [1, 3], true],
		['unknowns are not part of the share', [3, 3, 3, 3, 1, null, null, null], true]
	])('%s', (_name, values, dissent) => {
		expect(summary(values).flags.dissent).toBe(dissent);
	});
});

describe('flag: knowledgeGap', () => {
	it.each<[string, (RatingValue | null)[], boolean]>([
		['exactly 30 % unknown', [null, null, null, 1, 1, 1, 1, 1, 1, 1], true],
		['just below 30 % unknown (2 of 7)', [null, null, 1, 1, 1, 1, 1], false],
		['20 % unknown', [null, 2, 2, 2, 2], false],
		['all unknown', [null], true],
		['no ratings', [], false]
	])('unknown share: %s', (_name, values, gap) => {
		expect(summary(values).flags.knowledgeGap).toBe(gap);
	});

	function withConfidence(confidences: ('sicher' | 'eher_sicher' | 'unsicher' | null)[]) {
		return confidences.map((confidence, i): RatingInput => ({
			participantId: `p${i}`,
			itemKey: KEY,
			value: 2,
			confidence
		}));
	}

	it('more than half of the known ratings unsicher', () => {
		const ratings = withConfidence(['unsicher', 'unsicher', 'sicher']);
		expect(summarizeItem(KEY, ratings, undefined, 3).flags.knowledgeGap).toBe(true);
	});

	it('exactly half unsicher is not more than half', () => {
		const ratings = withConfidence(['unsicher', 'unsicher', 'sicher', 'eher_sicher']);
		expect(summarizeItem(KEY, ratings, undefined, 3).flags.knowledgeGap).toBe(false);
	});

	it('known ratings without confidence count as not unsicher', () => {
		const ratings = withConfidence(['unsicher', null, null]);
		expect(summarizeItem(KEY, ratings, undefined, 3).flags.knowledgeGap).toBe(false);
	});

	it('unsicher on an unknown rating does not count towards the known ratings', () => {
		const ratings: RatingInput[] = [
			...withConfidence(['sicher', 'sicher', 'sicher', 'sicher']),
			{ participantId: 'x', itemKey: KEY, value: null, confidence: 'unsicher' }
		];
		expect(summarizeItem(KEY, ratings, undefined, 3).flags.knowledgeGap).toBe(false);
	});
});

describe('flag: lowN', () => {
	it.each<[string, (RatingValue | null)[], number, boolean]>([
		['exactly m known ratings', [1, 2, 3], 3, false],
		['one below m', [1, 2], 3, true],
		['unknowns do not count towards m', [1, 2, null, null, null], 3, true],
		['m = 2 with two ratings', [1, 2], 2, false],
		['m = 4 with three ratings', [1, 2, 3], 4, true]
	])('%s', (_name, values, m, lowN) => {
		expect(summary(values, m).flags.lowN).toBe(lowN);
	});

	it('the default minimum group size is 3', () => {
		expect(DEFAULT_MIN_GROUP_SIZE).toBe(3);
	});

	it.each([1, 0, -3, 2.5, Number.NaN])('rejects minimum group size %s', (m) => {
		expect(() => summary([1, 2, 3], m)).toThrow(RangeError);
	});
});

describe('flag: perspectiveGap', () => {
	it('two groups at the minimum size with medians two apart', () => {
		const ratings = [...group('actor.a', [1, 1, 1], 1), ...group('actor.b', [3, 3, 3], 10)];
		expect(summarizeItem(KEY, ratings, undefined, 3).flags.perspectiveGap).toBe(true);
	});

	it('medians one apart: not set', () => {
		const ratings = [...group('actor.a', [1, 1, 1], 1), ...group('actor.b', [2, 2, 2], 10)];
		expect(summarizeItem(KEY, ratings, undefined, 3).flags.perspectiveGap).toBe(false);
	});

	it('a group one below the minimum size is not compared', () => {
		const ratings = [...group('actor.a', [1, 1, 1], 1), ...group('actor.b', [4, 4], 10)];
		expect(summarizeItem(KEY, ratings, undefined, 3).flags.perspectiveGap).toBe(false);
	});

	it("unknown ratings do not count towards a group's size", () => {
		const ratings = [...group('actor.a', [1, 1, 1], 1), ...group('actor.b', [4, 4, null], 10)];
		expect(summarizeItem(KEY, ratings, undefined, 3).flags.perspectiveGap).toBe(false);
	});

	it('any two of three groups suffice (lower medians per group)', () => {
		const ratings = [
			...group('actor.a', [1, 1, 4, 4], 1), // lower median 1
			...group('actor.b', [2, 2, 2], 10),
			...group('actor.c', [3, 3, 3], 20)
		];
		expect(summarizeItem(KEY, ratings, undefined, 3).flags.perspectiveGap).toBe(true);
	});

	it('untagged raters form no group', () => {
		const ratings = [...group('actor.a', [1, 1, 1], 1), ...ratingsOf(KEY, [4, 4, 4], {}, 10)];
		expect(summarizeItem(KEY, ratings, undefined, 3).flags.perspectiveGap).toBe(false);
	});

	it('with m = 2 two-person groups count', () => {
		const ratings = [...group('actor.a', [0, 0], 1), ...group('actor.b', [2, 2], 10)];
		expect(summarizeItem(KEY, ratings, undefined, 2).flags.perspectiveGap).toBe(true);
	});
});

describe('summarizeItem input checks', () => {
	it('rejects ratings of another item', () => {
		expect(() => summarizeItem(KEY, ratingsOf('level.2', [1]), undefined, 3)).toThrow();
	});

	it('rejects a consensus of another item', () => {
		expect(() => summarizeItem(KEY, [], { itemKey: 'level.2', value: 1 }, 3)).toThrow();
	});
});

describe('summarizeAll', () => {
	const ratings: RatingInput[] = [
		...ratingsOf('level.1', [3, 4, 3], {}, 1),
		...ratingsOf('trait.raum', [1, null], {}, 1),
		...ratingsOf('level.9', [4], {}, 1)
	];

	it('summarises every item in the order given, also items without ratings', () => {
		const all = summarizeAll(['level.1', 'level.2', 'trait.raum'], ratings, [], 3);
		expect(Object.keys(all)).toEqual(['level.1', 'level.2', 'trait.raum']);
		expect(all['level.1']).toMatchObject({ n: 3, median: 3, teamValue: 3, status: 'rated' });
		expect(all['level.2']).toMatchObject({ n: 0, teamValue: null, status: 'offen' });
		expect(all['trait.raum']).toMatchObject({ n: 2, nKnown: 1, median: 1 });
	});

	it('accepts framework items and ignores ratings and consensus of other keys', () => {
		const all = summarizeAll(
			[{ key: 'level.1' }, { key: 'level.2' }],
			ratings,
			[
				{ itemKey: 'level.2', value: 2, reason: 'Runde' },
				{ itemKey: 'level.9', value: 4 }
			],
			3
		);
		expect(Object.keys(all)).toEqual(['level.1', 'level.2']);
		expect(all['level.2']).toMatchObject({
			teamValue: 2,
			hasConsensus: true,
			consensusReason: 'Runde',
			status: 'consensus_only'
		});
	});

	it('gives the same summary as summarizeItem per item', () => {
		const all = summarizeAll(['level.1'], ratings, [], 3);
		const single = summarizeItem('level.1', ratings.slice(0, 3), undefined, 3);
		expect(all['level.1']).toEqual(single);
	});
});
