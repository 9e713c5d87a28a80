import { eq, inArray, sql } from 'drizzle-orm';
import { db } from './db';
import { assessment, participant, rating } from './db/schema';

/** What every connected screen of an assessment learns after a change: small, aggregated. */
export interface LiveState {
	assessmentId: string;
	revision: number;
	status: string;
	currentStep: string;
	revealedSteps: string[];
	resultsShared: boolean;
	timerStep: string | null;
	timerEndsAt: number | null;
	participants: number;
	/** How many participants have rated each item (counts only, never values). */
	ratedCounts: Record<string, number>;
}

type Listener = (state: LiveState) => void;

const POLL_MS = Number(process.env.LIVE_POLL_MS) || 500;
const listeners = new Map<string, Set<Listener>>();
const lastState = new Map<string, LiveState>();
let timer: ReturnType<typeof setInterval> | undefined;
let polling = false;

/**
 * Reads the live state of the given assessments: one query for all of them, plus one count
 * query per assessment whose revision moved. The database is the source of truth, so several
 * app processes on one database stay in step; the database sees O(active assessments) queries
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
		if (!previous || previous.revision !== row.revision) {
			const counts = await db
				.select({ itemKey: rating.itemKey, n: sql<number>`count(*)` })
				.from(rating)
				.where(eq(rating.assessmentId, row.id))
				.groupBy(rating.itemKey);
			ratedCounts = Object.fromEntries(counts.map((c) => [c.itemKey, Number(c.n)]));
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
			ratedCounts
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
	if (known) queueMicrotask(() => listener(known));
	timer ??= setInterval(poll, POLL_MS);
	return () => {
		set.delete(listener);
		if (set.size === 0) {
			listeners.delete(assessmentId);
			lastState.delete(assessmentId);
		}
		if (listeners.size === 0 && timer) {
			clearInterval(timer);
			timer = undefined;
		}
	};
}

const openStreams = new Set<() => void>();

/**
 * A Server-Sent Events response that sends the assessment's live state on connect and after
 * every change, and a heartbeat comment so proxies keep the connection open.
 */
export function liveStream(assessmentId: string, signal: AbortSignal): Response {
	const encoder = new TextEncoder();
	let close = () => {};
	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			let closed = false;
			const send = (text: string) => {
				if (!closed) controller.enqueue(encoder.encode(text));
			};
			const unsubscribe = subscribe(assessmentId, (state) =>
				send(`event: state\ndata: ${JSON.stringify(state)}\n\n`)
			);
			const heartbeat = setInterval(() => send(': ping\n\n'), 15_000);
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
			signal.addEventListener('abort', close, { once: true });
			send('retry: 2000\n\n');
			const [initial] = await readLiveStates([assessmentId]);
			if (initial) send(`event: state\ndata: ${JSON.stringify(initial)}\n\n`);
		},
		cancel() {
			close();
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-cache, no-transform',
			connection: 'keep-alive',
			'x-accel-buffering': 'no'
		}
	});
}

/** Ends every open live stream (graceful shutdown: clients reconnect to another process). */
export function closeAllStreams(): void {
	for (const close of [...openStreams]) close();
}
