import { describe, expect, it } from 'vitest';
import { compareAssessments, compareItem, teamTrend } from './compare';
import type { ComparableItem, RatingValue } from './types';

function item(
	itemKey: string,
	teamValue: RatingValue | null,
	revision = 1,
	median: RatingValue | null = teamValue,
	n = 5
): ComparableItem {
	return { itemKey, revision, teamValue, median, n };
}

describe('compareItem', () => {
	it.each<[string, RatingValue, RatingValue, 'up' | 'down' | 'same', number]>([
		['up', 1, 3, 'up', 2],
		['down', 4, 3, 'down', -1],
		['same', 2, 2, 'same', 0]
	])('%s', (_name, before, after, direction, delta) => {
		const earlier = item('level.1', before);
		const later = item('level.1', after);
		expect(compareItem(earlier, later)).toEqual({
			itemKey: 'level.1',
			direction,
			delta,
			earlier,
			later
		});
	});

	it('a changed revision is not comparable', () => {
		expect(compareItem(item('level.2', 1, 1), item('level.2', 3, 2))).toMatchObject({
			direction: 'not_comparable',
			delta: null,
			reason: 'revision'
		});
	});

	it('a missing team value on either side is not comparable', () => {
		expect(compareItem(item('level.2', null), item('level.2', 3))).toMatchObject({
			direction: 'not_comparable',
			reason: 'missing_value'
		});
		expect(compareItem(item('level.2', 3), item('level.2', null))).toMatchObject({
			direction: 'not_comparable',
			reason: 'missing_value'
		});
	});

	it('rejects items with different keys', () => {
		expect(() => compareItem(item('level.1', 1), item('level.2', 1))).toThrow();
	});
});

describe('compareAssessments', () => {
	it("later assessment's order first, then items only the earlier one had", () => {
		const earlier = [item('level.1', 2), item('trait.alt', 3), item('level.2', 3, 1, 3, 4)];
		const later = [item('level.1', 3), item('level.2', 3, 1, 2, 7), item('trait.neu', 1)];
		expect(compareAssessments(earlier, later)).toEqual([
			{
				itemKey: 'level.1',
				direction: 'up',
				delta: 1,
				earlier: earlier[0],
				later: later[0]
			},
			{
				itemKey: 'level.2',
				direction: 'same',
				delta: 0,
				earlier: earlier[2],
				later: later[1]
			},
			{
				itemKey: 'trait.neu',
				direction: 'not_comparable',
				delta: null,
				reason: 'missing_item',
				earlier: null,
				later: later[2]
			},
			{
				itemKey: 'trait.alt',
				direction: 'not_comparable',
				delta: null,
				reason: 'missing_item',
				earlier: earlier[1],
				later: null
			}
		]);
	});
});

describe('teamTrend', () => {
	it('null with fewer than two assessments', () => {
		expect(teamTrend(null, { whole: 2, thirds: 0 })).toBeNull();
		expect(teamTrend(undefined, undefined)).toBeNull();
	});

	it.each<[number, 0 | 1 | 2, number, 0 | 1 | 2, 'up' | 'down' | 'same']>([
		[3, 2, 4, 0, 'up'],
		[2, 0, 2, 1, 'up'],
		[4, 0, 3, 2, 'down'],
		[2, 1, 2, 1, 'same'],
		[0, 0, 0, 0, 'same']
	])('%s+%s/3 → %s+%s/3: %s', (w1, t1, w2, t2, trend) => {
		expect(teamTrend({ whole: w1, thirds: t1 }, { whole: w2, thirds: t2 })).toBe(trend);
	});
});
