// Hard deletion: every table is counted before and after deleting an assessment, a team and an
// organisation; exactly the rows that belong to the deleted thing are gone, nothing else changes.
// Team and organisation are deleted through their confirmation pages on the built server.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { client, db } from './db';
import * as s from './db/schema';
import { DEMO_ACCOUNTS, DEMO_ORGANIZATION, DEMO_PASSWORD, DEMO_TEAM, seedDemoData } from './demo';
import { deleteAssessment } from './deletion';
import { loadTeamHistory } from './history';
import {
	createAssessment,
	createOrganization,
	createParticipant,
	createRating,
	createTeam,
	migrated,
	TEST_PASSWORD,
	type TestOrganization
} from './testing/fixtures';
import { Browserless, startServer, type TestServer } from './testing/server';

interface Scope {
	organizationId?: string;
	teamIds: string[];
	assessmentIds: string[];
}

const A = '(select value from json_each(:a))';
const T = '(select value from json_each(:t))';
/**
 * Which rows of each table belong to a scope. A table missing here fails the test: whoever adds
 * a table decides what deleting an assessment, a team or an organisation does with its rows.
 */
const OWNED: Record<string, string> = {
	organization: 'id = :o',
	organization_settings: 'organization_id = :o',
	organization_question: 'organization_id = :o',
	member: 'organization_id = :o',
	invitation: 'organization_id = :o',
	team: `id in ${T}`,
	assessment: `id in ${A}`,
	participant: `assessment_id in ${A}`,
	rating: `assessment_id in ${A}`,
	consensus: `assessment_id in ${A}`,
	assessment_summary: `assessment_id in ${A}`,
	team_entry: `assessment_id in ${A}`,
	team_answer: `assessment_id in ${A}`,
	assessment_question: `assessment_id in ${A}`,
	reflection_note: `assessment_id in ${A}`,
	action: `assessment_id in ${A} or team_id in ${T}`,
	action_note: `assessment_id in ${A} or action_id in (select id from action where assessment_id in ${A} or team_id in ${T})`,
	request_key: `exists (select 1 from json_each(:a) as ids where scope like '%' || ids.value || '%')`,
	// People's accounts and sign-in data are not the organisation's: they stay.
	user: '0',
	account: '0',
	session: '0',
	verification: '0'
};

async function allTables(): Promise<string[]> {
	const rs = await client.execute(
		`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'
		 and name not in ('__drizzle_migrations', 'startup_lock') order by name`
	);
	return rs.rows.map((r) => String(r.name));
}

async function countAll(): Promise<Record<string, number>> {
	const out: Record<string, number> = {};
	for (const table of await allTables()) {
		const rs = await client.execute(`select count(*) as n from "${table}"`);
		out[table] = Number(rs.rows[0].n);
	}
	return out;
}

async function countOwned(scope: Scope): Promise<Record<string, number>> {
	const out: Record<string, number> = {};
	const args = {
		a: JSON.stringify(scope.assessmentIds),
		t: JSON.stringify(scope.teamIds),
		o: scope.organizationId ?? ''
	};
	for (const table of await allTables()) {
		const where = OWNED[table];
		if (!where) throw new Error(`table ${table} has no ownership rule in deletion.spec.ts`);
		const rs = await client.execute({
			sql: `select count(*) as n from "${table}" where ${where}`,
			args
		});
		out[table] = Number(rs.rows[0].n);
	}
	return out;
}

/** Counts every table, deletes, counts again: before − owned = after, table by table. */
async function expectDeletion(scope: Scope, mustHold: string[], remove: () => Promise<void>) {
	const before = await countAll();
	const owned = await countOwned(scope);
	// The scope really holds data in the tables this deletion is about.
	for (const table of mustHold) expect(owned[table], table).toBeGreaterThan(0);
	await remove();
	const after = await countAll();
	const expected = Object.fromEntries(
		Object.entries(before).map(([table, n]) => [table, n - owned[table]])
	);
	expect(after).toEqual(expected);
	expect(Object.values(await countOwned(scope)).every((n) => n === 0)).toBe(true);
	const removed = Object.entries(owned).filter(([, n]) => n > 0);
	console.info(`[deletion] ${removed.map(([t, n]) => `${t} ${n}`).join(', ')}`);
	return { before, owned, after };
}

const ASSESSMENT_TABLES = [
	'assessment',
	'participant',
	'rating',
	'consensus',
	'assessment_summary',
	'team_entry',
	'team_answer',
	'assessment_question',
	'reflection_note',
	'action',
	'action_note',
	'request_key'
];

/** Rows the demo does not write: own questions, an invitation, idempotency keys, a review note. */
async function addExtras(organizationId: string, inviterId: string, assessmentIds: string[]) {
	await db
		.insert(s.organizationQuestion)
		.values({ id: randomUUID(), organizationId, text: 'Wer fehlt noch am Tisch?' });
	await db.insert(s.invitation).values({
		id: randomUUID(),
		organizationId,
		email: `eingeladen-${randomUUID().slice(0, 6)}@test.invalid`,
		role: 'member',
		expiresAt: new Date(Date.now() + 86_400_000),
		inviterId
	});
	await assessmentExtras(assessmentIds);
}

async function assessmentExtras(assessmentIds: string[]) {
	for (const assessmentId of assessmentIds) {
		await db
			.insert(s.assessmentQuestion)
			.values({ id: randomUUID(), assessmentId, text: 'Was nehmen wir mit?' });
		await db
			.insert(s.requestKey)
			.values({ key: randomUUID(), scope: `paper:${assessmentId}`, resultId: randomUUID() });
	}
}

/** A team with one complete assessment (every assessment table has a row). */
async function fullTeam(organizationId: string, name: string) {
	const team = await createTeam(organizationId, name);
	const a = await createAssessment(team.id, { status: 'abgeschlossen', closedAt: new Date() });
	const p = await createParticipant(a.id, { nickname: 'Cem' });
	await createRating(p, 'stufe_1', 2);
	await db
		.insert(s.consensus)
		.values({ assessmentId: a.id, itemKey: 'stufe_1', itemRevision: 1, value: 2 });
	await db
		.insert(s.teamEntry)
		.values({ assessmentId: a.id, kind: 'risk', key: 'ueberlastung', state: 'spuerbar' });
	await db.insert(s.teamAnswer).values({ assessmentId: a.id, questionKey: 'frage_1', text: 'Ja' });
	await db.insert(s.reflectionNote).values({
		id: randomUUID(),
		assessmentId: a.id,
		participantId: p.id,
		questionKey: 'frage_1',
		text: 'Notiz'
	});
	const actionId = randomUUID();
	await db
		.insert(s.action)
		.values({ id: actionId, teamId: team.id, assessmentId: a.id, title: 'Erzählcafé' });
	await db.insert(s.actionNote).values({ id: randomUUID(), actionId, text: 'läuft' });
	await assessmentExtras([a.id]);
	return { team, assessment: a };
}

async function sessionFor(userId: string, activeOrganizationId: string) {
	await db.insert(s.session).values({
		id: randomUUID(),
		token: randomUUID(),
		userId,
		activeOrganizationId,
		expiresAt: new Date(Date.now() + 86_400_000),
		updatedAt: new Date()
	});
}

let demoOrgId: string;
let demoTeamId: string;
let demoAssessments: string[];
let demoSecondTeam: { team: s.Team; assessment: s.Assessment };
let other: TestOrganization;
let server: TestServer;
const ownerEmail = DEMO_ACCOUNTS.find((a) => a.role === 'owner')!.email;
const facilitatorEmail = DEMO_ACCOUNTS.find((a) => a.role === 'facilitator')!.email;

beforeAll(async () => {
	await migrated();
	await seedDemoData();
	const [org] = await db
		.select()
		.from(s.organization)
		.where(eq(s.organization.name, DEMO_ORGANIZATION));
	demoOrgId = org.id;
	const [team] = await db.select().from(s.team).where(eq(s.team.name, DEMO_TEAM));
	demoTeamId = team.id;
	demoAssessments = (
		await db
			.select({ id: s.assessment.id })
			.from(s.assessment)
			.where(eq(s.assessment.teamId, demoTeamId))
			.orderBy(asc(s.assessment.date))
	).map((r) => r.id);
	const [owner] = await db.select().from(s.user).where(eq(s.user.email, ownerEmail));
	await addExtras(demoOrgId, owner.id, demoAssessments);
	// The review step of the second assessment wrote a note on an action of the first.
	const [firstAction] = await db
		.select({ id: s.action.id })
		.from(s.action)
		.where(eq(s.action.assessmentId, demoAssessments[0]))
		.limit(1);
	await db.insert(s.actionNote).values({
		id: randomUUID(),
		actionId: firstAction.id,
		assessmentId: demoAssessments[1],
		status: 'laeuft',
		text: 'Im Rückblick besprochen'
	});
	demoSecondTeam = await fullTeam(demoOrgId, 'Zweites Demo-Team');
	await sessionFor(owner.id, demoOrgId);

	other = await createOrganization('andere');
	const otherTeam = await fullTeam(other.id, DEMO_TEAM); // same team name, other organisation
	await addExtras(other.id, other.users.owner.id, []);
	await sessionFor(other.users.owner.id, other.id);
	// Viewing the histories stores each closed assessment's summary.
	for (const teamId of [demoTeamId, demoSecondTeam.team.id, otherTeam.team.id]) {
		await loadTeamHistory(teamId);
	}

	server = await startServer({}, { databaseUrl: process.env.DATABASE_URL! });
});

afterAll(async () => {
	await server?.stop();
});

describe('hard deletion', () => {
	it('deleteAssessment removes the assessment with everything in it and nothing else', async () => {
		const scope = { teamIds: [], assessmentIds: [demoAssessments[1]] };
		const { owned } = await expectDeletion(scope, ASSESSMENT_TABLES, async () => {
			expect(await deleteAssessment(demoAssessments[1])).toBe(true);
		});
		// The review note it wrote on the first assessment's action is part of it.
		expect(owned.action_note).toBeGreaterThan(0);
		expect(await deleteAssessment(demoAssessments[1])).toBe(false);
	});

	it('the assessment page: wrong team in the address → 404, facilitator → 403, wrong name changes nothing', async () => {
		const path = `/teams/${demoTeamId}/assessments/${demoAssessments[0]}/loeschen`;
		const anonymous = await new Browserless(server.url).get(path);
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('location')).toMatch(/^\/anmelden/);

		const facilitator = new Browserless(server.url);
		await facilitator.signIn(facilitatorEmail, DEMO_PASSWORD);
		expect((await facilitator.get(path)).status).toBe(403);

		const owner = new Browserless(server.url);
		await owner.signIn(ownerEmail, DEMO_PASSWORD);
		const before = await countAll();
		const wrongTeam = `/teams/${demoSecondTeam.team.id}/assessments/${demoAssessments[0]}/loeschen`;
		expect((await owner.get(wrongTeam)).status).toBe(404);
		expect((await owner.post(wrongTeam, { confirmName: DEMO_TEAM })).status).toBe(404);
		const page = await owner.get(path);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Erste Standortbestimmung');
		const wrong = await owner.post(path, { confirmName: 'Quartiersprojekt' });
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).toContain('Der eingegebene Name stimmt nicht überein.');
		const empty = await owner.post(path, {});
		expect(empty.status).toBe(400);
		expect(await countAll()).toEqual(before);
	});

	it('the team page deletes the team with all assessments and actions; the other team stays', async () => {
		const path = `/teams/${demoTeamId}/loeschen`;
		const facilitator = new Browserless(server.url);
		await facilitator.signIn(facilitatorEmail, DEMO_PASSWORD);
		expect((await facilitator.get(path)).status).toBe(403);
		expect((await facilitator.post(path, { confirmName: DEMO_TEAM })).status).toBe(403);
		// Another organisation's owner does not see this team at all.
		const stranger = new Browserless(server.url);
		await stranger.signIn(other.users.owner.email, TEST_PASSWORD);
		expect((await stranger.post(path, { confirmName: DEMO_TEAM })).status).toBe(404);

		const owner = new Browserless(server.url);
		await owner.signIn(ownerEmail, DEMO_PASSWORD);
		const page = await owner.get(path);
		expect(page.status).toBe(200);
		// Two demo assessments are left after the first test.
		expect(await page.text()).toContain('Betroffen: 2 Standortbestimmung(en)');
		const scope = {
			teamIds: [demoTeamId],
			assessmentIds: [demoAssessments[0], demoAssessments[2]]
		};
		await expectDeletion(scope, [...ASSESSMENT_TABLES, 'team'], async () => {
			const res = await owner.post(path, { confirmName: `  ${DEMO_TEAM} ` });
			expect(res.status).toBe(303);
			expect(res.headers.get('location')).toBe('/dashboard');
		});
		expect((await owner.get(path)).status).toBe(404);
	});

	it('only the owner deletes the organisation; everything of it goes, accounts and the other organisation stay', async () => {
		// The other organisation's admin sees why there is no form, and cannot post.
		const admin = new Browserless(server.url);
		await admin.signIn(other.users.admin.email, TEST_PASSWORD);
		const otherPath = `/org/${other.id}/loeschen`;
		const note = await admin.get(otherPath);
		expect(note.status).toBe(200);
		expect(await note.text()).toContain('Nur die Eigentümerin bzw. der Eigentümer');
		expect((await admin.post(otherPath, { confirmName: other.name })).status).toBe(403);
		const manager = new Browserless(server.url);
		await manager.signIn(other.users.manager.email, TEST_PASSWORD);
		expect((await manager.get(otherPath)).status).toBe(403);

		const owner = new Browserless(server.url);
		await owner.signIn(ownerEmail, DEMO_PASSWORD);
		const path = `/org/${demoOrgId}/loeschen`;
		expect((await owner.post(path, { confirmName: other.name })).status).toBe(400);
		const scope = {
			organizationId: demoOrgId,
			teamIds: [demoSecondTeam.team.id],
			assessmentIds: [demoSecondTeam.assessment.id]
		};
		const { owned } = await expectDeletion(
			scope,
			[
				...ASSESSMENT_TABLES,
				'team',
				'organization',
				'organization_settings',
				'organization_question',
				'member',
				'invitation'
			],
			async () => {
				const res = await owner.post(path, { confirmName: DEMO_ORGANIZATION });
				expect(res.status).toBe(303);
				expect(res.headers.get('location')).toBe('/dashboard');
			}
		);
		expect(owned.member).toBe(3);
		// The owner's account and session stay; the session forgets the deleted organisation.
		const sessions = await db.select().from(s.session);
		expect(sessions.some((x) => x.activeOrganizationId === demoOrgId)).toBe(false);
		expect(sessions.some((x) => x.activeOrganizationId === other.id)).toBe(true);
		const dashboard = await owner.get('/dashboard');
		expect(dashboard.status).toBe(200);
		expect(await dashboard.text()).not.toContain(DEMO_ORGANIZATION);
	});
});
