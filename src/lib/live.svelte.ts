// The browser side of live updates: ONE EventSource per page, the latest state as a rune,
// reconnection after network loss, and a callback when something new arrived. Participants
// refresh their page only when the facilitator changed what they see (step, reveal, timer …),
// never because someone else rated — otherwise traffic would grow with the square of the room.
import type { LiveState } from '$lib/server/live';

export type { LiveState };

/** Called with every new state and the one before it (null for the first after a (re)start). */
export type OnLiveState = (next: LiveState, previous: LiveState | null) => void;

/** The server sends a `ping` every 15 s; three missed ones mean the connection is dead. */
const STALE_MS = 45_000;
const MAX_BACKOFF_MS = 30_000;

/** One live connection to an SSE URL (`event: state`), with reconnects of its own. */
export class LiveConnection {
	/** The latest state from the server, or null before the first one. */
	state = $state<LiveState | null>(null);
	/** True while the stream is open. */
	connected = $state(false);
	/** False while the browser reports no network. */
	online = $state(true);

	#url: string | null = null;
	#onState: OnLiveState | undefined;
	#source: EventSource | null = null;
	#retry: ReturnType<typeof setTimeout> | undefined;
	#watchdog: ReturnType<typeof setInterval> | undefined;
	#attempt = 0;
	#lastSeen = 0;
	#running = false;

	constructor(onState?: OnLiveState) {
		this.#onState = onState;
	}

	/** Opens the stream (and keeps it open) until the returned function or stop() is called. */
	start(url: string): () => void {
		if (typeof window === 'undefined' || typeof EventSource === 'undefined') return () => {};
		this.stop();
		if (url !== this.#url) this.state = null;
		this.#url = url;
		this.#running = true;
		this.online = navigator.onLine !== false;
		window.addEventListener('online', this.#onOnline);
		window.addEventListener('offline', this.#onOffline);
		window.addEventListener('pagehide', this.#onPageHide);
		window.addEventListener('pageshow', this.#onPageShow);
		this.#watchdog = setInterval(this.#checkStale, 10_000);
		this.#open();
		return () => this.stop();
	}

	/** Closes the stream and forgets the listeners (page left or component destroyed). */
	stop(): void {
		this.#running = false;
		if (typeof window !== 'undefined') {
			window.removeEventListener('online', this.#onOnline);
			window.removeEventListener('offline', this.#onOffline);
			window.removeEventListener('pagehide', this.#onPageHide);
			window.removeEventListener('pageshow', this.#onPageShow);
		}
		clearInterval(this.#watchdog);
		clearTimeout(this.#retry);
		this.#retry = undefined;
		this.#closeSource();
	}

	#open = () => {
		clearTimeout(this.#retry);
		this.#retry = undefined;
		this.#closeSource();
		if (!this.#running || !this.#url) return;
		const source = new EventSource(this.#url);
		this.#source = source;
		this.#lastSeen = Date.now();
		source.onopen = () => {
			this.connected = true;
			this.#attempt = 0;
			this.#lastSeen = Date.now();
		};
		source.addEventListener('state', (event) => {
			this.#lastSeen = Date.now();
			this.#receive((event as MessageEvent<string>).data);
		});
		source.addEventListener('ping', () => (this.#lastSeen = Date.now()));
		source.onerror = () => {
			this.connected = false;
			// CONNECTING: the browser retries by itself. CLOSED (an error status, a stopping
			// server): retry ourselves, with growing pauses and jitter so a room does not stampede.
			if (source.readyState === EventSource.CLOSED && this.#source === source) {
				this.#scheduleRetry();
			}
		};
	};

	#receive(data: string) {
		let next: LiveState;
		try {
			next = JSON.parse(data) as LiveState;
		} catch {
			return;
		}
		const previous = this.state;
		// Another process may answer a reconnect from a poll a moment older: never go back.
		if (previous && next.revision < previous.revision) return;
		if (
			previous &&
			previous.revision === next.revision &&
			previous.participants === next.participants
		) {
			return;
		}
		this.state = next;
		this.#onState?.(next, previous);
	}

	#scheduleRetry() {
		if (!this.#running || this.#retry) return;
		this.#closeSource();
		const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.#attempt) + Math.random() * 1000;
		this.#attempt++;
		this.#retry = setTimeout(this.#open, delay);
	}

	#closeSource() {
		if (this.#source) {
			this.#source.onerror = null;
			this.#source.close();
			this.#source = null;
		}
		this.connected = false;
	}

	#onOnline = () => {
		this.online = true;
		// The old connection may hang on a dead network: start afresh at once.
		this.#attempt = 0;
		this.#open();
	};

	#onOffline = () => {
		this.online = false;
	};

	#onPageHide = () => this.#closeSource();

	#onPageShow = (event: PageTransitionEvent) => {
		if (event.persisted && this.#running) this.#open();
	};

	#checkStale = () => {
		if (!this.#running || !this.#source || document.visibilityState === 'hidden') return;
		if (Date.now() - this.#lastSeen > STALE_MS) this.#open();
	};
}

/**
 * A live connection for the lifetime of the calling component (call it during component
 * initialisation). The URL is read in an effect; null keeps the connection closed.
 */
export function useLive(url: () => string | null, onState?: OnLiveState): LiveConnection {
	const connection = new LiveConnection(onState);
	// Derived: a page refresh that yields the same URL keeps the open stream.
	const current = $derived(url());
	$effect(() => {
		const target = current;
		if (!target) return;
		return connection.start(target);
	});
	return connection;
}

/** What a participant's screen depends on; a refresh is due only when this changes. */
export type FollowBasis = Pick<
	LiveState,
	'status' | 'currentStep' | 'revealedSteps' | 'resultsShared' | 'timerStep' | 'timerEndsAt'
>;

/** A comparable key of what participants see: step, reveal, status, shared results, timer. */
export function followKey(s: FollowBasis): string {
	return JSON.stringify([
		s.status,
		s.currentStep,
		[...s.revealedSteps].sort(),
		s.resultsShared,
		s.timerStep,
		s.timerEndsAt
	]);
}

/**
 * Runs `task` at most once per `ms`, never two at a time; calls in between collapse into one
 * trailing run. For refreshes driven by live notices.
 */
export function throttle(task: () => unknown, ms = 1000): () => void {
	let last = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let running = false;
	let again = false;
	const run = async () => {
		timer = undefined;
		running = true;
		last = Date.now();
		try {
			await task();
		} finally {
			running = false;
			if (again) {
				again = false;
				request();
			}
		}
	};
	const request = () => {
		if (running) {
			again = true;
			return;
		}
		if (timer) return;
		timer = setTimeout(run, Math.max(0, last + ms - Date.now()));
	};
	return request;
}
