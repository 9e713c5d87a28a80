import { describe, expect, it } from 'vitest';
import { summarizeItem } from './item';
import { shareableRoom, shareableSummary } from './privacy';
import { ratingsOf } from './test-helpers';

const KEY = 'level.4';

describe('shareableSummary (minimum-group-size rule)', () => {
	it('lowN without consensus: only n and the lowN flag', () => {
		const s = summarizeItem(KEY, ratingsOf(KEY, [0, 4, null]), undefined, 3);
		expect(shareableSummary(s, 3)).toEqual({
			suppressed: true,
			itemKey: KEY,
			n: 3,
			teamValue: null,
			hasConsensus: false,
			consensusReason: null,
			flags: { lowN: true }
		});
	});

	it('lowN with consensus keeps the Teamwert and its reason', () => {
		const s = summarizeItem(
			KEY,
			ratingsOf(KEY, [0, 4]),
			{ itemKey: KEY, value: 2, reason: 'gemeinsam' },
			3
		);
		expect(shareableSummary(s, 3)).toEqual({
			suppressed: true,
			itemKey: KEY,
			n: 2,
			teamValue: 2,
			hasConsensus: true,
			consensusReason: 'gemeinsam',
			flags: { lowN: true }
		});
	});

	it('exactly m known ratings: everything is shown', () => {
		const s = summarizeItem(KEY, ratingsOf(KEY, [0, 4, 4]), undefined, 3);
		expect(shareableSummary(s, 3)).toEqual({
			suppressed: false,
			itemKey: KEY,
			n: 3,
			nKnown: 3,
			median: 4,
			mean: 8 / 3,
			min: 0,
			max: 4,
			range: 4,
			distribution: { 0: 1, 1: 0, 2: 0, 3: 0, 4: 2, unknown: 0 },
			teamValue: 4,
			hasConsensus: false,
			consensusReason: null,
			status: 'rated',
			flags: { dissent: true, knowledgeGap: false, lowN: false, perspectiveGap: false }
		});
	});

	it('a larger m than the summary was computed with still suppresses', () => {
		const s = summarizeItem(KEY, ratingsOf(KEY, [1, 2]), undefined, 2);
		expect(s.flags.lowN).toBe(false);
		expect(shareableSummary(s, 3).suppressed).toBe(true);
	});

	it('rejects a minimum group size below 2', () => {
		const s = summarizeItem(KEY, ratingsOf(KEY, [1, 2]), undefined, 2);
		expect(() => shareableSummary(s, 1)).toThrow(RangeError);
	});
});

describe('shareableRoom', () => {
	it('names groups at the minimum size and sums smaller ones', () => {
		const tags = [
			'actor.vereine',
			'actor.vereine',
			'actor.vereine', // exactly m = 3: named
			'actor.kirchen',
			'actor.kirchen', // one below m: summed
			'actor.schulen', // summed
			null,
			undefined,
			'' // untagged
		];
		expect(shareableRoom(tags, 3)).toEqual({
			total: 9,
			untagged: 3,
			groups: [{ actorGroup: 'actor.vereine', count: 3 }],
			otherGroups: 3
		});
	});

	it('lists named groups by size, then key', () => {
		const tags = ['b', 'b', 'a', 'a', 'c', 'c', 'c'];
		expect(shareableRoom(tags, 2).groups).toEqual([
			{ actorGroup: 'c', count: 3 },
			{ actorGroup: 'a', count: 2 },
			{ actorGroup: 'b', count: 2 }
		]);
	});

	it('empty room', () => {
		expect(shareableRoom([], 3)).toEqual({ total: 0, untagged: 0, groups: [], otherGroups: 0 });
	});
});
