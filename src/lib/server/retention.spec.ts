// Retention with a shifted clock: individual ratings and notes of assessments closed longer than
// the organisation's period are deleted; Teamwerte, answers, entries, actions and participants stay.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { db } from './db';
import * as s from './db/schema';
import {
	createAssessment,
	createOrganization,
	createParticipant,
	createRating,
	createTeam,
	migrated
} from './testing/fixtures';
import { applyRetention } from './retention';
import { startServer } from './testing/server';

const DAY = 86_400_000;
const NOW = new Date('2026-11-20T12:00:00Z');

interface Case {
	assessmentId: string;
}

/** A closed (or running) assessment with 2 participants, 3 ratings, 2 notes and team-level data. */
async function assessmentWithData(teamId: string, closedDaysAgo: number | null): Promise<Case> {
	const a = await createAssessment(teamId, {
		status: closedDaysAgo === null ? 'laeuft' : 'abgeschlossen',
		closedAt: closedDaysAgo === null ? null : new Date(NOW.getTime() - closedDaysAgo * DAY)
	});
	const p1 = await createParticipant(a.id, { nickname: 'Anna', actorGroup: 'hauptamt' });
	const p2 = await createParticipant(a.id, { nickname: 'Ben' });
	await createRating(p1, 'stufe_1', 3, { note: 'Meine Begründung' });
	await createRating(p1, 'stufe_2', 2);
	await createRating(p2, 'stufe_1', 4);
	for (const p of [p1, p2]) {
		await db.insert(s.reflectionNote).values({
			id: randomUUID(),
			assessmentId: a.id,
			participantId: p.id,
			questionKey: 'frage_1',
			text: `Notiz von ${p.nickname}`
		});
	}
	await db
		.insert(s.consensus)
		.values({ assessmentId: a.id, itemKey: 'stufe_1', itemRevision: 1, value: 3 });
	await db.insert(s.teamAnswer).values({ assessmentId: a.id, questionKey: 'frage_1', text: 'Wir' });
	await db
		.insert(s.teamEntry)
		.values({ assessmentId: a.id, kind: 'driver', key: 'demografie', state: 'felt' });
	await db
		.insert(s.action)
		.values({ id: randomUUID(), teamId, assessmentId: a.id, title: 'Nachbarschaftscafé' });
	return { assessmentId: a.id };
}

async function countOf(table: string, assessmentId: string): Promise<number> {
	const rows = await db.all<{ n: number }>(
		sql`select count(*) as n from ${sql.identifier(table)} where assessment_id = ${assessmentId}`
	);
	return Number(rows[0].n);
}

async function snapshot(assessmentId: string) {
	const nicknames = await db
		.select({ nickname: s.participant.nickname, actorGroup: s.participant.actorGroup })
		.from(s.participant)
		.where(eq(s.participant.assessmentId, assessmentId));
	return {
		rating: await countOf('rating', assessmentId),
		reflection_note: await countOf('reflection_note', assessmentId),
		participant: await countOf('participant', assessmentId),
		consensus: await countOf('consensus', assessmentId),
		team_answer: await countOf('team_answer', assessmentId),
		team_entry: await countOf('team_entry', assessmentId),
		action: await countOf('action', assessmentId),
		nicknames: nicknames
			.map((p) => p.nickname)
			.filter(Boolean)
			.sort(),
		actorGroups: nicknames
			.map((p) => p.actorGroup)
			.filter(Boolean)
			.sort()
	};
}

/** The assessment's revision: every write that changes what its results are computed from bumps it. */
async function revisionOf(c: Case): Promise<number> {
	const [row] = await db
		.select({ revision: s.assessment.revision })
		.from(s.assessment)
		.where(eq(s.assessment.id, c.assessmentId));
	return row.revision;
}

const KEPT = { participant: 2, consensus: 1, team_answer: 1, team_entry: 1, action: 1 };
const UNTOUCHED = {
	...KEPT,
	rating: 3,
	reflection_note: 2,
	nicknames: ['Anna', 'Ben'],
	actorGroups: ['hauptamt']
};
const CLEARED = {
	...KEPT,
	rating: 0,
	reflection_note: 0,
	nicknames: [],
	actorGroups: ['hauptamt']
};

let closed40: Case, closed20: Case, closed31: Case, running: Case, keepOrg40: Case;

beforeAll(async () => {
	await migrated();
	const withRetention = await createOrganization('retention');
	await db
		.update(s.organizationSettings)
		.set({ retentionDays: 30 })
		.where(eq(s.organizationSettings.organizationId, withRetention.id));
	const team = await createTeam(withRetention.id);
	closed40 = await assessmentWithData(team.id, 40);
	closed31 = await assessmentWithData(team.id, 31);
	closed20 = await assessmentWithData(team.id, 20);
	running = await assessmentWithData(team.id, null);
	// An organisation without a retention period keeps everything.
	const keeping = await createOrganization('keep');
	keepOrg40 = await assessmentWithData((await createTeam(keeping.id)).id, 40);
});

describe('applyRetention', () => {
	it('before the period ends nothing is deleted', async () => {
		// 20 days before NOW even the oldest assessment was closed only 20 days.
		const result = await applyRetention(new Date(NOW.getTime() - 20 * DAY));
		expect(result).toMatchObject({ ratings: 0, notes: 0, nicknames: 0 });
		for (const c of [closed40, closed31, closed20, running, keepOrg40]) {
			expect(await snapshot(c.assessmentId)).toEqual(UNTOUCHED);
		}
	});

	it('deletes ratings, notes and nicknames of assessments closed longer than 30 days; keeps team results', async () => {
		const cases = [closed40, closed31, closed20, running, keepOrg40];
		const revisions = await Promise.all(cases.map(revisionOf));
		const result = await applyRetention(NOW);
		// Two assessments (40 and 31 days) × 3 ratings, 2 notes, 2 nicknames.
		expect(result).toEqual({ assessments: 2, ratings: 6, notes: 4, nicknames: 4 });
		expect(await snapshot(closed40.assessmentId)).toEqual(CLEARED);
		expect(await snapshot(closed31.assessmentId)).toEqual(CLEARED);
		// Closed 20 days ago: within the period.
		expect(await snapshot(closed20.assessmentId)).toEqual(UNTOUCHED);
		// Not closed: no period runs.
		expect(await snapshot(running.assessmentId)).toEqual(UNTOUCHED);
		// Organisation without a retention period.
		expect(await snapshot(keepOrg40.assessmentId)).toEqual(UNTOUCHED);
		// Results computed from the deleted ratings are out of date: their revision moved.
		const bumped = revisions.map((r, i) => r + (i < 2 ? 1 : 0));
		expect(await Promise.all(cases.map(revisionOf))).toEqual(bumped);
	});

	it('is idempotent and catches up when the clock moves on', async () => {
		const revisions = await Promise.all([closed40, closed31].map(revisionOf));
		expect(await applyRetention(NOW)).toMatchObject({ ratings: 0, notes: 0, nicknames: 0 });
		// Nothing deleted, nothing to recompute.
		expect(await Promise.all([closed40, closed31].map(revisionOf))).toEqual(revisions);
		// 11 days later the assessment closed 20 days ago is 31 days closed.
		const later = await applyRetention(new Date(NOW.getTime() + 11 * DAY));
		expect(later).toEqual({ assessments: 3, ratings: 3, notes: 2, nicknames: 2 });
		expect(await snapshot(closed20.assessmentId)).toEqual(CLEARED);
		expect(await snapshot(running.assessmentId)).toEqual(UNTOUCHED);
		expect(await snapshot(keepOrg40.assessmentId)).toEqual(UNTOUCHED);
	});
});

describe('at server start', () => {
	it('the built server applies retention before it answers', async () => {
		const org = await createOrganization('start');
		await db
			.update(s.organizationSettings)
			.set({ retentionDays: 30 })
			.where(eq(s.organizationSettings.organizationId, org.id));
		const team = await createTeam(org.id);
		const a = await createAssessment(team.id, {
			status: 'abgeschlossen',
			closedAt: new Date(Date.now() - 40 * DAY)
		});
		const p = await createParticipant(a.id, { nickname: 'Dana' });
		await createRating(p, 'stufe_1', 1);
		expect(await countOf('rating', a.id)).toBe(1);
		const server = await startServer({}, { databaseUrl: process.env.DATABASE_URL! });
		try {
			expect(await countOf('rating', a.id)).toBe(0);
			expect(await countOf('participant', a.id)).toBe(1);
			expect(server.output()).toContain('[retention] removed 1 rating(s)');
		} finally {
			await server.stop();
		}
	});
});
