import { describe, expect, it } from 'vitest';
import {
	formatStufenwert,
	levelState,
	pyramidResult,
	stufenwertInThirds,
	stufenwertToNumber
} from './pyramid';
import type { LevelState, RatingValue } from './types';

describe('levelState', () => {
	it.each<[RatingValue | null, LevelState]>([
		[4, 'erreicht'],
		[3, 'erreicht'],
		[2, 'im_aufbau'],
		[1, 'ansaetze'],
		[0, 'nicht_erkennbar'],
		[null, 'offen']
	])('Teamwert %s → %s', (value, state) => {
		expect(levelState(value)).toBe(state);
	});
});

describe('pyramidResult', () => {
	it('k = 0 with every level open', () => {
		expect(pyramidResult([null, null, null, null, null])).toEqual({
			reachedLevel: 0,
			nextLevel: 1,
			aheadOfBase: [],
			stufenwert: { whole: 0, thirds: 0 },
			stufenwertNumber: 0,
			states: ['offen', 'offen', 'offen', 'offen', 'offen']
		});
	});

	it('k = 0 with level 1 at 1', () => {
		expect(pyramidResult([1, 0, 0, 0, 0])).toMatchObject({
			reachedLevel: 0,
			nextLevel: 1,
			stufenwert: { whole: 0, thirds: 1 }
		});
	});

	it('k = 5: no next level, Stufenwert 5', () => {
		expect(pyramidResult([3, 4, 3, 4, 3])).toEqual({
			reachedLevel: 5,
			nextLevel: null,
			aheadOfBase: [],
			stufenwert: { whole: 5, thirds: 0 },
			stufenwertNumber: 5,
			states: ['erreicht', 'erreicht', 'erreicht', 'erreicht', 'erreicht']
		});
	});

	it('k = 4 with level 5 at 1', () => {
		expect(pyramidResult([4, 4, 4, 3, 1])).toMatchObject({
			reachedLevel: 4,
			nextLevel: 5,
			aheadOfBase: [],
			stufenwert: { whole: 4, thirds: 1 }
		});
	});

	it('an open next level adds nothing to the Stufenwert', () => {
		expect(pyramidResult([3, 3, null, 4, 4])).toMatchObject({
			reachedLevel: 2,
			nextLevel: 3,
			aheadOfBase: [4, 5],
			stufenwert: { whole: 2, thirds: 0 },
			states: ['erreicht', 'erreicht', 'offen', 'erreicht', 'erreicht']
		});
	});

	it('a level right above the next level is ahead of base, the next level itself never', () => {
		expect(pyramidResult([3, 0, 3, 0, 0]).aheadOfBase).toEqual([3]);
	});

	it('rejects an empty pyramid', () => {
		expect(() => pyramidResult([])).toThrow(RangeError);
	});
});

describe('Stufenwert', () => {
	it.each<[number, 0 | 1 | 2, string, string, number]>([
		[0, 0, '0,00', '0.00', 0],
		[0, 1, '0,33', '0.33', 1],
		[3, 2, '3,67', '3.67', 11],
		[4, 1, '4,33', '4.33', 13],
		[5, 0, '5,00', '5.00', 15]
	])('%s + %s/3 → de %s, en %s, %s thirds', (whole, thirds, de, en, inThirds) => {
		const s = { whole, thirds };
		expect(formatStufenwert(s, 'de')).toBe(de);
		expect(formatStufenwert(s, 'en')).toBe(en);
		expect(stufenwertInThirds(s)).toBe(inThirds);
	});

	it('formats plain numbers too', () => {
		expect(formatStufenwert(2.5, 'de-DE')).toBe('2,50');
	});

	it('converts to a number', () => {
		expect(stufenwertToNumber({ whole: 2, thirds: 1 })).toBeCloseTo(2.3333333, 6);
	});
});
