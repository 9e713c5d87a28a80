import { describe, expect, it } from 'vitest';
import { actorGroupBreakdown, actorGroupBreakdowns } from './breakdown';
import type { RatingInput, RatingValue } from './types';

const KEY = 'level.2';

/** Ratings of KEY: one entry per rater as [actor group or null, value or null = unknown]. */
function raters(...rows: [string | null, RatingValue | null][]): RatingInput[] {
	return rows.map(([actorGroup, value], i) => ({
		participantId: `p${i + 1}`,
		itemKey: KEY,
		value,
		actorGroup
	}));
}

const dist = (d: Partial<Record<0 | 1 | 2 | 3 | 4 | 'unknown', number>>) => ({
	0: 0,
	1: 0,
	2: 0,
	3: 0,
	4: 0,
	unknown: 0,
	...d
});

describe('actorGroupBreakdown (minimum group size per actor group)', () => {
	const cases: {
		name: string;
		ratings: RatingInput[];
		m: number;
		groups: { actorGroup: string; nKnown: number; median: number }[];
		rest: { n: number; nKnown: number; median: number } | null;
	}[] = [
		{
			name: 'a group exactly at m is shown, nothing left over',
			ratings: raters(['fachkraefte', 1], ['fachkraefte', 2], ['fachkraefte', 4]),
			m: 3,
			groups: [{ actorGroup: 'fachkraefte', nKnown: 3, median: 2 }],
			rest: null
		},
		{
			name: 'a group below m is hidden: summed into the rest',
			ratings: raters(
				['fachkraefte', 3],
				['fachkraefte', 3],
				['fachkraefte', 4],
				['nachbarschaft', 0],
				['nachbarschaft', 1],
				[null, 2],
				[null, 2]
			),
			m: 3,
			groups: [{ actorGroup: 'fachkraefte', nKnown: 3, median: 3 }],
			// rest = 0, 1, 2, 2 → lower median at index 1 → 1
			rest: { n: 4, nKnown: 4, median: 1 }
		},
		{
			name: 'two groups at m, each shown, larger first',
			ratings: raters(
				['politik', 0],
				['politik', 0],
				['politik', 1],
				['buergerinnen', 4],
				['buergerinnen', 4],
				['buergerinnen', 3],
				['buergerinnen', 2]
			),
			m: 3,
			groups: [
				{ actorGroup: 'buergerinnen', nKnown: 4, median: 3 },
				{ actorGroup: 'politik', nKnown: 3, median: 0 }
			],
			rest: null
		},
		{
			name: 'a rest below m would be "total minus shown groups": the smallest group joins it',
			ratings: raters(
				['politik', 0],
				['politik', 0],
				['politik', 1],
				['buergerinnen', 4],
				['buergerinnen', 4],
				['buergerinnen', 3],
				['buergerinnen', 2],
				['nachbarschaft', 2]
			),
			m: 3,
			groups: [{ actorGroup: 'buergerinnen', nKnown: 4, median: 3 }],
			// rest = politik 0, 0, 1 + nachbarschaft 2 → 0, 0, 1, 2 → median 0
			rest: { n: 4, nKnown: 4, median: 0 }
		},
		{
			name: 'only one shown group and a small rest: nothing is shown on its own',
			ratings: raters(['fachkraefte', 3], ['fachkraefte', 3], ['fachkraefte', 4], [null, 0]),
			m: 3,
			groups: [],
			rest: null
		},
		{
			name: 'unknown answers do not count towards m',
			ratings: raters(
				['fachkraefte', 3],
				['fachkraefte', null],
				['fachkraefte', null],
				['politik', 1],
				['politik', 2],
				['buergerinnen', 4],
				['buergerinnen', 4]
			),
			m: 2,
			// fachkraefte has 3 answers but 1 known → rest; the rest (1 known) then takes the
			// smallest shown group (politik, after buergerinnen by tag): 3, 1, 2 → median 2
			groups: [{ actorGroup: 'buergerinnen', nKnown: 2, median: 4 }],
			rest: { n: 5, nKnown: 3, median: 2 }
		},
		{
			name: 'an item under the rule shows no breakdown at all',
			ratings: raters(['fachkraefte', 3], ['fachkraefte', 3]),
			m: 3,
			groups: [],
			rest: null
		},
		{
			name: 'a larger m hides a group that a smaller m shows',
			ratings: raters(
				['fachkraefte', 1],
				['fachkraefte', 1],
				['fachkraefte', 1],
				['politik', 4],
				['politik', 4],
				['politik', 4],
				['politik', 4]
			),
			m: 4,
			groups: [],
			rest: null
		}
	];

	it.each(cases)('$name', ({ ratings, m, groups, rest }) => {
		const b = actorGroupBreakdown(KEY, ratings, m);
		expect(
			b.groups.map((g) => ({ actorGroup: g.actorGroup, nKnown: g.nKnown, median: g.median }))
		).toEqual(groups);
		expect(b.rest && { n: b.rest.n, nKnown: b.rest.nKnown, median: b.rest.median }).toEqual(rest);
	});

	it('shown rows carry the distribution including unknown answers of the group', () => {
		const b = actorGroupBreakdown(
			KEY,
			raters(['fachkraefte', 2], ['fachkraefte', 2], ['fachkraefte', 4], ['fachkraefte', null]),
			3
		);
		expect(b.groups).toEqual([
			{
				actorGroup: 'fachkraefte',
				n: 4,
				nKnown: 3,
				distribution: dist({ 2: 2, 4: 1, unknown: 1 }),
				median: 2
			}
		]);
	});

	it('never shows a group with fewer than m known ratings, whatever the mix', () => {
		const groups = ['a', 'b', 'c', null];
		for (let seed = 1; seed <= 300; seed++) {
			let x = seed;
			const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
			const count = next() % 14;
			const rows: [string | null, RatingValue | null][] = [];
			for (let i = 0; i < count; i++) {
				const v = next() % 6;
				rows.push([groups[next() % 4], v === 5 ? null : (v as RatingValue)]);
			}
			const m = 2 + (next() % 3);
			const b = actorGroupBreakdown(KEY, raters(...rows), m);
			for (const g of b.groups) expect(g.nKnown).toBeGreaterThanOrEqual(m);
			if (b.rest) expect(b.rest.nKnown).toBeGreaterThanOrEqual(m);
			// whatever is shown adds up to the whole item or to nothing
			const shownN = b.groups.reduce((s, g) => s + g.n, 0) + (b.rest?.n ?? 0);
			expect(shownN === 0 || shownN === rows.length).toBe(true);
		}
	});

	it('breaks down several items, ignoring ratings of other items', () => {
		const ratings = [
			...raters(['fachkraefte', 1], ['fachkraefte', 1], ['fachkraefte', 2]),
			{ participantId: 'p9', itemKey: 'level.3', value: 4 as const, actorGroup: 'fachkraefte' }
		];
		const all = actorGroupBreakdowns([KEY, 'level.3'], ratings, 3);
		expect(all[KEY].groups.map((g) => g.median)).toEqual([1]);
		expect(all['level.3']).toEqual({ itemKey: 'level.3', groups: [], rest: null });
	});

	it('refuses a minimum group size below 2', () => {
		expect(() => actorGroupBreakdown(KEY, [], 1)).toThrow(RangeError);
	});
});
