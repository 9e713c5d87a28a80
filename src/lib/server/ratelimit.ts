import { RateLimiter } from 'sveltekit-rate-limiter/server';
import type { RequestEvent } from '@sveltejs/kit';
import { config } from './config';

const limiters = new Map<string, RateLimiter>();

/** A per-client-address limiter: `perMinute` attempts a minute (scaled by RATE_LIMIT_FACTOR). */
function limiter(name: string, perMinute: number): RateLimiter {
	let found = limiters.get(name);
	if (!found) {
		found = new RateLimiter({ IP: [perMinute * config.rateLimitFactor, 'm'] });
		limiters.set(name, found);
	}
	return found;
}

/** True when the client may try again: counts one attempt of `name`. */
export async function allowAttempt(
	event: RequestEvent,
	name: 'signin' | 'signup' | 'invite' | 'reset',
	perMinute: number
): Promise<boolean> {
	return !(await limiter(name, perMinute).isLimited(event));
}

const failures = new Map<string, { count: number; windowStart: number }>();
const FAILURE_WINDOW_MS = 60_000;

/**
 * Failed joins (wrong codes) per client address. Only failures count, so a hall full of phones
 * behind one address is never slowed down by valid joins; a blocked address cannot probe codes.
 */
export const joinFailures = {
	limit: () => 10 * config.rateLimitFactor,
	isBlocked(address: string, now = Date.now()): boolean {
		const entry = failures.get(address);
		if (!entry || now - entry.windowStart > FAILURE_WINDOW_MS) return false;
		return entry.count >= this.limit();
	},
	record(address: string, now = Date.now()): void {
		const entry = failures.get(address);
		if (!entry || now - entry.windowStart > FAILURE_WINDOW_MS) {
			failures.set(address, { count: 1, windowStart: now });
		} else entry.count++;
		if (failures.size > 50_000) failures.clear();
	}
};
