// Live updates for every connected screen of an assessment (participants, control view,
// projector) over Server-Sent Events. The database is the source of truth: each process polls
// the assessments its clients watch (one query per interval for all of them) and fans the
// result out to its own listeners, so several app processes on one database stay in step and
// the database load grows with the number of running assessments, not with the clients.
import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from './db';
import { assessment, consensus, participant, rating } from './db/schema';
import { FlowError, writableAssessment } from './assessments';
import { intInRange } from './validation';

/** What every connected screen of an assessment learns after a change: small, aggregated. */
export interface LiveState {
	assessmentId: string;
	revision: number;
	status: string;
	currentStep: string;
	revealedSteps: string[];
	resultsShared: boolean;
	timerStep: string | null;
	/** When the timebox of `timerStep` ends (ms since the epoch), or null without a timer. */
	timerEndsAt: number | null;
	participants: number;
	/** How many participants have rated each item (counts only, never values). */
	ratedCounts: Record<string, number>;
	/**
	 * Changes whenever a Teamwert is set, changed or cleared (count and last decision time, never
	 * the values), so participants' screens showing revealed results can refresh.
	 */
	consensusStamp: string;
}

type Listener = (state: LiveState) => void;

const POLL_MS = Number(process.env.LIVE_POLL_MS) || 500;
/** A small named event (not a comment) so clients can tell a silent dead connection. */
export const HEARTBEAT_MS = 15_000;
const listeners = new Map<string, Set<Listener>>();
const lastState = new Map<string, LiveState>();
let timer: ReturnType<typeof setInterval> | undefined;
let polling = false;
let shuttingDown = false;

/**
 * Reads the live state of the given assessments: one query for all of them, plus one count
 * query per assessment whose revision moved. The database sees O(active assessments) queries
 * per interval, not O(clients).
 */
export async function readLiveStates(
	ids: string[],
	known: Map<string, LiveState> = new Map()
): Promise<LiveState[]> {
	if (ids.length === 0) return [];
	const rows = await db
		.select({
			id: assessment.id,
			revision: assessment.revision,
			status: assessment.status,
			currentStep: assessment.currentStep,
			revealedSteps: assessment.revealedSteps,
			resultsShared: assessment.resultsShared,
			timerStep: assessment.timerStep,
			timerEndsAt: assessment.timerEndsAt,
			participants: sql<number>`count(${participant.id})`
		})
		.from(assessment)
		.leftJoin(participant, eq(participant.assessmentId, assessment.id))
		.where(inArray(assessment.id, ids))
		.groupBy(assessment.id);
	const states: LiveState[] = [];
	for (const row of rows) {
		const previous = known.get(row.id);
		let ratedCounts = previous?.ratedCounts ?? {};
		let consensusStamp = previous?.consensusStamp ?? '0:0';
		if (!previous || previous.revision !== row.revision) {
			const [counts, [agreed]] = await Promise.all([
				db
					.select({ itemKey: rating.itemKey, n: sql<number>`count(*)` })
					.from(rating)
					.where(eq(rating.assessmentId, row.id))
					.groupBy(rating.itemKey),
				db
					.select({
						n: sql<number>`count(*)`,
						last: sql<number | null>`max(${consensus.decidedAt})`
					})
					.from(consensus)
					.where(eq(consensus.assessmentId, row.id))
			]);
			ratedCounts = Object.fromEntries(counts.map((c) => [c.itemKey, Number(c.n)]));
			consensusStamp = `${Number(agreed?.n ?? 0)}:${Number(agreed?.last ?? 0)}`;
		}
		states.push({
			assessmentId: row.id,
			revision: row.revision,
			status: row.status,
			currentStep: row.currentStep,
			revealedSteps: row.revealedSteps,
			resultsShared: row.resultsShared,
			timerStep: row.timerStep,
			timerEndsAt: row.timerEndsAt ? row.timerEndsAt.getTime() : null,
			participants: Number(row.participants),
			ratedCounts,
			consensusStamp
		});
	}
	return states;
}

async function poll(): Promise<void> {
	if (polling) return;
	polling = true;
	try {
		const ids = [...listeners.keys()];
		const states = await readLiveStates(ids, lastState);
		for (const state of states) {
			// Unsubscribed while the query ran: forget it rather than keep a stale entry.
			if (!listeners.has(state.assessmentId)) continue;
			const previous = lastState.get(state.assessmentId);
			lastState.set(state.assessmentId, state);
			if (
				previous &&
				previous.revision === state.revision &&
				previous.participants === state.participants
			) {
				continue;
			}
			for (const listener of listeners.get(state.assessmentId) ?? []) listener(state);
		}
	} catch (e) {
		console.error('[live] poll failed', e);
	} finally {
		polling = false;
	}
}

/** Subscribes to an assessment's live state; returns the unsubscribe function. */
export function subscribe(assessmentId: string, listener: Listener): () => void {
	let set = listeners.get(assessmentId);
	if (!set) listeners.set(assessmentId, (set = new Set()));
	set.add(listener);
	const known = lastState.get(assessmentId);
	if (known) queueMicrotask(() => set.has(listener) && listener(known));
	if (!timer) {
		timer = setInterval(poll, POLL_MS);
		// Polling alone must never keep a stopping process alive.
		timer.unref?.();
	}
	return () => {
		set.delete(listener);
		if (set.size === 0 && listeners.get(assessmentId) === set) {
			listeners.delete(assessmentId);
			lastState.delete(assessmentId);
		}
		if (listeners.size === 0 && timer) {
			clearInterval(timer);
			timer = undefined;
		}
	};
}

/** The last state this process polled for the assessment, if any client watches it. */
export function knownState(assessmentId: string): LiveState | undefined {
	return lastState.get(assessmentId);
}

/** How many live streams this process holds open (for tests and health output). */
export function openStreamCount(): number {
	return openStreams.size;
}

const openStreams = new Set<() => void>();

const firstReads = new Map<string, Promise<LiveState | undefined>>();

/**
 * The state for a client that just connected, before the next poll knows it. When a whole room
 * reconnects at once (a process restarted), they share one read instead of one each.
 */
function firstState(assessmentId: string): Promise<LiveState | undefined> {
	let read = firstReads.get(assessmentId);
	if (!read) {
		read = readLiveStates([assessmentId])
			.then(([state]) => state)
			.catch((e) => {
				console.error('[live] first read failed', e);
				return undefined;
			})
			.finally(() => firstReads.delete(assessmentId));
		firstReads.set(assessmentId, read);
	}
	return read;
}

const SSE_HEADERS = {
	'content-type': 'text/event-stream; charset=utf-8',
	'cache-control': 'no-cache, no-transform',
	connection: 'keep-alive',
	'x-accel-buffering': 'no'
};

const stateEvent = (state: LiveState) => `event: state\ndata: ${JSON.stringify(state)}\n\n`;

/**
 * A Server-Sent Events response that sends the assessment's live state on connect and after
 * every change, and a small `ping` event every 15 s so proxies keep the connection open and
 * clients notice a dead one. The caller has checked access.
 */
export function liveStream(assessmentId: string, signal: AbortSignal): Response {
	const encoder = new TextEncoder();
	if (shuttingDown) {
		// A process that is stopping sends clients elsewhere: reconnect soon (to another process).
		return new Response('retry: 1000\n\n', { headers: SSE_HEADERS });
	}
	let close = () => {};
	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			let closed = false;
			const send = (text: string) => {
				if (closed) return;
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					close();
				}
			};
			const unsubscribe = subscribe(assessmentId, (state) => send(stateEvent(state)));
			const heartbeat = setInterval(() => send('event: ping\ndata: {}\n\n'), HEARTBEAT_MS);
			heartbeat.unref?.();
			close = () => {
				if (closed) return;
				closed = true;
				clearInterval(heartbeat);
				unsubscribe();
				openStreams.delete(close);
				try {
					controller.close();
				} catch {
					// already closed by the client
				}
			};
			openStreams.add(close);
			if (signal.aborted) return close();
			signal.addEventListener('abort', close, { once: true });
			send('retry: 2000\n\n');
			// The first state: subscribe() sends what this process already polled; else read once.
			if (lastState.has(assessmentId)) return;
			const initial = await firstState(assessmentId);
			if (initial) send(stateEvent(initial));
		},
		cancel() {
			close();
		}
	});
	return new Response(stream, { headers: SSE_HEADERS });
}

/** Ends every open live stream (graceful shutdown: clients reconnect to another process). */
export function closeAllStreams(): void {
	shuttingDown = true;
	for (const close of [...openStreams]) close();
}

/** The facilitator's timebox form: set minutes for the current step, or clear it. */
export const timerIntentSchema = z.object({
	intent: z.enum(['set', 'clear'], { error: 'error_invalid' })
});
export const TIMER_MAX_MINUTES = 180;
export const timerMinutesSchema = z.object({ minutes: intInRange(1, TIMER_MAX_MINUTES) });

/**
 * Sets (minutes) or clears (null) the timebox of the assessment's current step and tells every
 * screen. A timer only informs: nothing is locked when it runs out.
 */
export async function setStepTimer(assessmentId: string, minutes: number | null): Promise<void> {
	const current = await writableAssessment(assessmentId);
	if (current.status !== 'laeuft') throw new FlowError('not_started');
	await db
		.update(assessment)
		.set({
			timerStep: minutes === null ? null : current.currentStep,
			timerEndsAt: minutes === null ? null : new Date(Date.now() + minutes * 60_000),
			revision: sql`${assessment.revision} + 1`
		})
		.where(eq(assessment.id, assessmentId));
}

/** What a page rendered from this assessment row shows of the live state (to compare with). */
export function liveBasisOf(a: {
	revision: number;
	status: string;
	currentStep: string;
	revealedSteps: string[];
	resultsShared: boolean;
	timerStep: string | null;
	timerEndsAt: Date | null;
}) {
	return {
		revision: a.revision,
		status: a.status,
		currentStep: a.currentStep,
		revealedSteps: a.revealedSteps,
		resultsShared: a.resultsShared,
		timerStep: a.timerStep,
		timerEndsAt: a.timerEndsAt ? a.timerEndsAt.getTime() : null,
		/** The server's clock at render, for countdowns. */
		renderedAt: Date.now()
	};
}
