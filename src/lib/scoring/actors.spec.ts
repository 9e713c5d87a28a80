import { describe, expect, it } from 'vitest';
import { actorCoverage } from './actors';
import type { ActorEntry } from './types';

const ACTORS = ['actor.a', 'actor.b', 'actor.c', 'actor.d', 'actor.e'];

describe('actorCoverage', () => {
	it('no entries: every group nicht beteiligt', () => {
		expect(actorCoverage([], ACTORS)).toEqual({
			counts: { nicht_beteiligt: 5, in_kontakt: 0, arbeitet_mit: 0, traegt_mit: 0 },
			byActor: {
				'actor.a': 'nicht_beteiligt',
				'actor.b': 'nicht_beteiligt',
				'actor.c': 'nicht_beteiligt',
				'actor.d': 'nicht_beteiligt',
				'actor.e': 'nicht_beteiligt'
			},
			broad: 0,
			fewerThanThreeBroad: true
		});
	});

	it('exactly three groups arbeitet mit or better: no flag', () => {
		const entries: ActorEntry[] = [
			{ actorKey: 'actor.a', involvement: 'arbeitet_mit' },
			{ actorKey: 'actor.b', involvement: 'traegt_mit' },
			{ actorKey: 'actor.c', involvement: 'traegt_mit' },
			{ actorKey: 'actor.d', involvement: 'in_kontakt' }
		];
		expect(actorCoverage(entries, ACTORS)).toMatchObject({
			counts: { nicht_beteiligt: 1, in_kontakt: 1, arbeitet_mit: 1, traegt_mit: 2 },
			broad: 3,
			fewerThanThreeBroad: false
		});
	});

	it('two broad groups raise the flag; in Kontakt is not broad', () => {
		const entries: ActorEntry[] = [
			{ actorKey: 'actor.a', involvement: 'arbeitet_mit' },
			{ actorKey: 'actor.b', involvement: 'arbeitet_mit' },
			{ actorKey: 'actor.c', involvement: 'in_kontakt' },
			{ actorKey: 'actor.d', involvement: 'in_kontakt' }
		];
		expect(actorCoverage(entries, ACTORS)).toMatchObject({ broad: 2, fewerThanThreeBroad: true });
	});

	it('ignores entries for actor keys outside the framework', () => {
		const entries: ActorEntry[] = [{ actorKey: 'actor.zzz', involvement: 'traegt_mit' }];
		expect(actorCoverage(entries, ACTORS)).toMatchObject({
			counts: { nicht_beteiligt: 5, in_kontakt: 0, arbeitet_mit: 0, traegt_mit: 0 },
			broad: 0
		});
	});
});
