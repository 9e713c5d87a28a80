// The worked examples of docs/SCORING.md, verbatim.
import { describe, expect, it } from 'vitest';
import { summarizeItem } from './item';
import { shareableSummary } from './privacy';
import { formatStufenwert, levelState, pyramidResult } from './pyramid';
import { ratingsOf } from './test-helpers';

describe('SCORING.md worked examples', () => {
	it('1. five participants rate level 3: 1, 3, 3, 4, unknown', () => {
		const summary = summarizeItem(
			'level.3',
			ratingsOf('level.3', [1, 3, 3, 4, null]),
			undefined,
			3
		);
		expect(summary.n).toBe(5);
		expect(summary.nKnown).toBe(4);
		// sorted known 1,3,3,4; value at index ⌊3/2⌋ = 1 → 3
		expect(summary.median).toBe(3);
		expect(summary.mean).toBe(2.75);
		expect(summary.min).toBe(1);
		expect(summary.max).toBe(4);
		expect(summary.range).toBe(3);
		// one of four (the 1) is two or more away from 3: 25 % ≥ 20 %
		expect(summary.flags.dissent).toBe(true);
		// unknown share 1/5 = 20 % < 30 %
		expect(summary.flags.knowledgeGap).toBe(false);
		expect(summary.hasConsensus).toBe(false);
		expect(summary.teamValue).toBe(3);
		expect(levelState(summary.teamValue)).toBe('erreicht');
	});

	it('2. two participants rate 2 and 3: lower median 2, lowN, shared view shows only n', () => {
		const summary = summarizeItem('level.2', ratingsOf('level.2', [2, 3]), undefined, 3);
		expect(summary.median).toBe(2);
		expect(summary.flags.lowN).toBe(true);
		expect(shareableSummary(summary, 3)).toEqual({
			suppressed: true,
			itemKey: 'level.2',
			n: 2,
			teamValue: null,
			hasConsensus: false,
			consensusReason: null,
			flags: { lowN: true }
		});
	});

	it('3. levels 4, 3, 3, 2, 3: k = 3, next 4, level 5 ahead of base, Stufenwert 3.67', () => {
		const result = pyramidResult([4, 3, 3, 2, 3]);
		expect(result.reachedLevel).toBe(3);
		expect(result.nextLevel).toBe(4);
		expect(result.aheadOfBase).toEqual([5]);
		expect(result.stufenwert).toEqual({ whole: 3, thirds: 2 });
		expect(formatStufenwert(result.stufenwert, 'en')).toBe('3.67');
		expect(formatStufenwert(result.stufenwert, 'de')).toBe('3,67');
	});

	it('4. levels 2, 4, 4, open, open: k = 0, next 1, levels 2 and 3 ahead, Stufenwert 0.67', () => {
		const result = pyramidResult([2, 4, 4, null, null]);
		expect(result.reachedLevel).toBe(0);
		expect(result.nextLevel).toBe(1);
		expect(result.aheadOfBase).toEqual([2, 3]);
		expect(result.stufenwert).toEqual({ whole: 0, thirds: 2 });
		expect(formatStufenwert(result.stufenwert, 'en')).toBe('0.67');
	});
});
