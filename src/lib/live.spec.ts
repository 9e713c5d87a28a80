// The pure parts of the live client: what makes a participant's screen refresh, and the
// throttle that keeps the control view to one refresh a second during a burst of ratings.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followKey, throttle, type LiveState } from './live.svelte';

const state = (over: Partial<LiveState> = {}): LiveState => ({
	assessmentId: 'a',
	revision: 7,
	status: 'laeuft',
	currentStep: 'pyramide',
	revealedSteps: [],
	resultsShared: false,
	timerStep: null,
	timerEndsAt: null,
	participants: 3,
	ratedCounts: { 'level.1': 2 },
	consensusStamp: '0:0',
	...over
});

describe('followKey', () => {
	it('ignores what others do (ratings, joins, the revision)', () => {
		expect(
			followKey(state({ revision: 99, participants: 40, ratedCounts: { 'level.1': 39 } }))
		).toBe(followKey(state()));
	});

	it('changes with the step, a reveal, the status, shared results and the timer', () => {
		const base = followKey(state());
		for (const change of [
			{ currentStep: 'merkmale' },
			{ revealedSteps: ['pyramide'] },
			{ status: 'abgeschlossen' },
			{ resultsShared: true },
			{ timerStep: 'pyramide', timerEndsAt: 1_800_000_000_000 }
		]) {
			expect(followKey(state(change))).not.toBe(base);
		}
		// The order of revealed steps does not matter.
		expect(followKey(state({ revealedSteps: ['merkmale', 'pyramide'] }))).toBe(
			followKey(state({ revealedSteps: ['pyramide', 'merkmale'] }))
		);
	});
});

describe('throttle', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('runs at most once a second and collapses a burst into one trailing run', async () => {
		const runs: number[] = [];
		const request = throttle(() => runs.push(Date.now()), 1000);
		const start = Date.now();
		request();
		await vi.advanceTimersByTimeAsync(0);
		expect(runs).toHaveLength(1);
		// 50 notices within the next second: one more run, a second after the first.
		for (let i = 0; i < 50; i++) {
			request();
			await vi.advanceTimersByTimeAsync(15);
		}
		await vi.advanceTimersByTimeAsync(1000);
		expect(runs.map((t) => t - start)).toEqual([0, 1000]);
		// Quiet afterwards: nothing more.
		await vi.advanceTimersByTimeAsync(5000);
		expect(runs).toHaveLength(2);
	});

	it('never runs two refreshes at once', async () => {
		let active = 0;
		let most = 0;
		const request = throttle(async () => {
			active++;
			most = Math.max(most, active);
			await new Promise((r) => setTimeout(r, 2500));
			active--;
		}, 1000);
		request();
		for (let i = 0; i < 10; i++) {
			await vi.advanceTimersByTimeAsync(500);
			request();
		}
		await vi.advanceTimersByTimeAsync(10_000);
		expect(most).toBe(1);
	});
});
