import type { ActorCoverage, ActorEntry, Involvement } from './types';

/** Involvement states, least to most involved. */
export const INVOLVEMENTS: readonly Involvement[] = [
	'nicht_beteiligt',
	'in_kontakt',
	'arbeitet_mit',
	'traegt_mit'
];

/** Fewer broadly involved groups than this raise the "≥ 3 sectors" flag. */
export const BROAD_MINIMUM = 3;

/** True for `arbeitet_mit` or better. */
export function isBroadInvolvement(involvement: Involvement): boolean {
	return involvement === 'arbeitet_mit' || involvement === 'traegt_mit';
}

/**
 * Involvement counts over every actor group of the framework; a group without an entry is
 * `nicht_beteiligt`, entries for unknown actor keys are ignored.
 */
export function actorCoverage(
	entries: readonly ActorEntry[],
	allActorKeys: readonly string[]
): ActorCoverage {
	const recorded = new Map<string, Involvement>();
	for (const entry of entries) recorded.set(entry.actorKey, entry.involvement);

	const counts: Record<Involvement, number> = {
		nicht_beteiligt: 0,
		in_kontakt: 0,
		arbeitet_mit: 0,
		traegt_mit: 0
	};
	const byActor: Record<string, Involvement> = {};
	const seen = new Set<string>();
	for (const key of allActorKeys) {
		if (seen.has(key)) continue;
		seen.add(key);
		const involvement = recorded.get(key) ?? 'nicht_beteiligt';
		byActor[key] = involvement;
		counts[involvement]++;
	}
	const broad = counts.arbeitet_mit + counts.traegt_mit;
	return { counts, byActor, broad, fewerThanThreeBroad: broad < BROAD_MINIMUM };
}
