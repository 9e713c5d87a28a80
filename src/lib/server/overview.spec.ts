import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { client, db } from './db';
import * as s from './db/schema';
import { loadOrganizationOverview } from './overview';
import {
	TEST_PASSWORD,
	createAssessment,
	createOrganization,
	createParticipant,
	createRating,
	createTeam,
	migrated,
	type TestOrganization
} from './testing/fixtures';
import { Browserless, startServer, type TestServer } from './testing/server';

const NOW = new Date('2026-12-01T10:00:00Z');

/** A closed assessment where three participants give levels 1…5 these values. */
async function closed(teamId: string, date: string, levels: number[], nextDate?: string) {
	const a = await createAssessment(teamId, {
		date,
		status: 'abgeschlossen',
		joinCode: null,
		nextDate: nextDate ?? null
	});
	for (let p = 0; p < 3; p++) {
		const participant = await createParticipant(a.id);
		for (const [i, value] of levels.entries())
			await createRating(participant, `level.${i + 1}`, value);
	}
	return a;
}

async function action(teamId: string, assessmentId: string, values: Partial<s.Action>) {
	await db.insert(s.action).values({
		id: randomUUID(),
		teamId,
		assessmentId,
		title: 'Maßnahme',
		...values
	});
}

let orgA: TestOrganization;
let orgB: TestOrganization;
let alpha: s.Team;
let beta: s.Team;
let gamma: s.Team;
let foreign: s.Team;

beforeAll(async () => {
	await migrated();
	orgA = await createOrganization('ova');
	orgB = await createOrganization('ovb');
	alpha = await createTeam(orgA.id, 'Alpha Nachbarschaft');
	beta = await createTeam(orgA.id, 'Beta Quartier');
	gamma = await createTeam(orgA.id, 'Gamma Archiv');
	foreign = await createTeam(orgB.id, 'Fremdes Team');
	await db.update(s.team).set({ place: 'Nordstadt' }).where(eq(s.team.id, alpha.id));
	await db.update(s.team).set({ place: 'Südstadt' }).where(eq(s.team.id, beta.id));
	await db.update(s.team).set({ archived: true }).where(eq(s.team.id, gamma.id));

	// Alpha: levels 3,2,… (k = 1, Stufenwert 1⅔) then 3,3,1 (k = 2, 2⅓) → ↑
	const first = await closed(alpha.id, '2026-03-01', [3, 2, 1, 0, 0], '2026-09-01');
	await closed(alpha.id, '2026-09-01', [3, 3, 1, 0, 0], '2027-03-01');
	await action(alpha.id, first.id, { status: 'offen', dueDate: '2026-11-30' }); // overdue
	await action(alpha.id, first.id, { status: 'laeuft', dueDate: '2026-12-01' }); // due today
	await action(alpha.id, first.id, { status: 'erledigt', dueDate: '2026-01-01' }); // done
	// Beta: 2,… (k = 0, ⅔) then 1 (k = 0, ⅓) → ↓
	await closed(beta.id, '2025-10-01', [2, 0, 0, 0, 0]);
	await closed(beta.id, '2026-10-01', [1, 0, 0, 0, 0]);
	// Beta's draft for next spring is its next date
	await createAssessment(beta.id, { date: '2027-04-15', status: 'entwurf', joinCode: null });
	await closed(foreign.id, '2026-05-05', [4, 4, 4, 4, 4]);
});

describe('organisation overview (data)', () => {
	it('gives each team its last date, reached level, trend, open/overdue actions and next date', async () => {
		const overview = await loadOrganizationOverview(
			orgA.id,
			{ sort: 'name', place: '', includeArchived: false },
			NOW
		);
		expect(overview.today).toBe('2026-12-01');
		expect(overview.teams.map((t) => t.name)).toEqual(['Alpha Nachbarschaft', 'Beta Quartier']);
		const [a, b] = overview.teams;
		expect(a).toMatchObject({
			lastAssessmentDate: '2026-09-01',
			trend: 'up',
			openActions: 2,
			overdueActions: 1,
			nextDate: '2027-03-01'
		});
		expect(a.pyramid?.reachedLevel).toBe(2);
		expect(b).toMatchObject({
			lastAssessmentDate: '2026-10-01',
			trend: 'down',
			nextDate: '2027-04-15'
		});
		expect(b.pyramid?.reachedLevel).toBe(0);
		// every place of the organisation's teams, archived ones included (Gamma keeps the fixture's place)
		expect(overview.places).toEqual(['Nordstadt', 'Südstadt', 'Teststadt']);
	});

	it('filters by place, shows archived teams only when asked, and sorts by name or activity', async () => {
		const byPlace = await loadOrganizationOverview(
			orgA.id,
			{ sort: 'name', place: 'Südstadt', includeArchived: false },
			NOW
		);
		expect(byPlace.teams.map((t) => t.name)).toEqual(['Beta Quartier']);
		const all = await loadOrganizationOverview(
			orgA.id,
			{ sort: 'name', place: '', includeArchived: true },
			NOW
		);
		expect(all.teams.map((t) => t.name)).toEqual([
			'Alpha Nachbarschaft',
			'Beta Quartier',
			'Gamma Archiv'
		]);
		// Alpha's actions were changed today (2026-12-01 or later), so it was active last
		const byActivity = await loadOrganizationOverview(
			orgA.id,
			{ sort: 'aktivitaet', place: '', includeArchived: true },
			NOW
		);
		expect(byActivity.teams.at(-1)?.name).toBe('Gamma Archiv');
	});

	it('uses the same number of queries for 3 teams as for 23', async () => {
		const count = async (organizationId: string) => {
			const execute = client.execute;
			let n = 0;
			client.execute = ((...args: Parameters<typeof execute>) => {
				n++;
				return execute.apply(client, args);
			}) as typeof execute;
			try {
				await loadOrganizationOverview(organizationId, {
					sort: 'name',
					place: '',
					includeArchived: true
				});
			} finally {
				client.execute = execute;
			}
			return n;
		};
		const big = await createOrganization('ovbig');
		for (let i = 0; i < 23; i++) {
			const team = await createTeam(big.id, `Team ${i}`);
			await closed(team.id, '2026-01-01', [i % 5, 1, 0, 0, 0]);
			await closed(team.id, '2026-06-01', [(i + 1) % 5, 1, 0, 0, 0]);
		}
		const small = await count(orgA.id);
		expect(small).toBeGreaterThan(0);
		expect(await count(big.id)).toBe(small);
	});
});

describe('organisation overview (HTTP)', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startServer({}, { databaseUrl: process.env.DATABASE_URL! });
	});
	afterAll(async () => {
		await server?.stop();
	});

	it("shows a manager their organisation's teams only, and another organisation's overview is 404", async () => {
		const browser = new Browserless(server.url);
		await browser.signIn(orgA.users.manager.email, TEST_PASSWORD);
		const res = await browser.get(`/org/${orgA.id}/uebersicht`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('Alpha Nachbarschaft');
		expect(html).toContain('Beta Quartier');
		expect(html).not.toContain('Gamma Archiv');
		expect(html).not.toContain('Fremdes Team');
		expect((await browser.get(`/org/${orgB.id}/uebersicht`)).status).toBe(404);
		const archived = await (await browser.get(`/org/${orgA.id}/uebersicht?archiviert=1`)).text();
		expect(archived).toContain('Gamma Archiv');
	});

	it('offers sorting by name and last activity only, never by score, and no best/worst wording', async () => {
		const browser = new Browserless(server.url);
		await browser.signIn(orgA.users.manager.email, TEST_PASSWORD);
		const html = await (await browser.get(`/org/${orgA.id}/uebersicht`)).text();
		const select = /<select[^>]*name="sortierung"[^>]*>([\s\S]*?)<\/select>/.exec(html);
		expect(select).not.toBeNull();
		const values = [...select![1].matchAll(/<option[^>]*value="([^"]*)"/g)].map((x) => x[1]);
		expect(values).toEqual(['name', 'aktivitaet']);
		expect(html).not.toMatch(/beste|schlechteste|bestes|schlechtestes/i);
		// an unknown sort order (e.g. by Stufenwert) falls back to the name order
		const byScore = await (
			await browser.get(`/org/${orgA.id}/uebersicht?sortierung=stufenwert`)
		).text();
		expect(byScore.indexOf('Alpha Nachbarschaft')).toBeLessThan(byScore.indexOf('Beta Quartier'));
	});

	it('lets an admin archive a team, but not a manager, and not across organisations', async () => {
		const manager = new Browserless(server.url);
		await manager.signIn(orgA.users.manager.email, TEST_PASSWORD);
		const denied = await manager.post(`/org/${orgA.id}/uebersicht?/archive`, {
			teamId: beta.id,
			archived: '1'
		});
		expect(denied.status).toBe(403);

		const admin = new Browserless(server.url);
		await admin.signIn(orgA.users.admin.email, TEST_PASSWORD);
		const foreignTry = await admin.post(`/org/${orgA.id}/uebersicht?/archive`, {
			teamId: foreign.id,
			archived: '1'
		});
		expect(foreignTry.status).toBe(404);
		const bad = await admin.post(`/org/${orgA.id}/uebersicht?/archive`, {
			teamId: beta.id,
			archived: 'vielleicht'
		});
		expect(bad.status).toBe(400);
		const [stillActive] = await db.select().from(s.team).where(eq(s.team.id, beta.id));
		expect(stillActive.archived).toBe(false);

		const ok = await admin.post(`/org/${orgA.id}/uebersicht?/archive`, {
			teamId: beta.id,
			archived: '1'
		});
		expect(ok.status).toBe(200);
		const [row] = await db.select().from(s.team).where(eq(s.team.id, beta.id));
		expect(row.archived).toBe(true);
		const html = await (await admin.get(`/org/${orgA.id}/uebersicht`)).text();
		expect(html).not.toContain('Beta Quartier');
		await admin.post(`/org/${orgA.id}/uebersicht?/archive`, { teamId: beta.id, archived: '0' });
		const [restored] = await db.select().from(s.team).where(eq(s.team.id, beta.id));
		expect(restored.archived).toBe(false);
	});
});
