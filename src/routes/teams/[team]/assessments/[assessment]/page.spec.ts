// The staff result page on the built server: access per role, the team in the address, and the
// share switch as a form action without JavaScript.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import * as s from '$lib/server/db/schema';
import {
	TEST_PASSWORD,
	createAssessment,
	createOrganization,
	createTeam,
	type TestOrganization
} from '$lib/server/testing/fixtures';
import { Browserless, startServer, type TestServer } from '$lib/server/testing/server';

let server: TestServer;
let org: TestOrganization;
let foreign: TestOrganization;
let teamId: string;
let otherTeamId: string;
let assessmentId: string;

beforeAll(async () => {
	org = await createOrganization('ergebnis');
	foreign = await createOrganization('fremd');
	const team = await createTeam(org.id, 'Seitenteam');
	otherTeamId = (await createTeam(org.id, 'Zweites Team')).id;
	teamId = team.id;
	assessmentId = (await createAssessment(team.id, { title: 'Leere Runde', revision: 3 })).id;
	server = await startServer({}, { databaseUrl: process.env.DATABASE_URL! });
});
afterAll(async () => {
	await server?.stop();
});

async function as(user: { email: string }) {
	const client = new Browserless(server.url);
	await client.signIn(user.email, TEST_PASSWORD);
	return client;
}

async function row() {
	const [r] = await db.select().from(s.assessment).where(eq(s.assessment.id, assessmentId));
	return r;
}

describe('/teams/[team]/assessments/[assessment]', () => {
	it('shows an empty assessment with a next step instead of zeros', async () => {
		const client = await as(org.users.member);
		const res = await client.get(`/teams/${teamId}/assessments/${assessmentId}`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('Leere Runde');
		expect(html).toContain('Noch keine Ergebnisse');
		expect(html).toContain('Bitten Sie die Moderation');
		expect(html).not.toContain('Erreichte Stufe');
		// members may read, not facilitate
		expect(html).not.toContain('Ergebnisse mit Teilnehmenden teilen');
	});

	it('answers 404 under another team’s address and for other organisations', async () => {
		const client = await as(org.users.facilitator);
		expect((await client.get(`/teams/${otherTeamId}/assessments/${assessmentId}`)).status).toBe(
			404
		);
		expect((await client.get(`/teams/${teamId}/assessments/nope`)).status).toBe(404);
		const stranger = await as(foreign.users.owner);
		expect((await stranger.get(`/teams/${teamId}/assessments/${assessmentId}`)).status).toBe(404);
	});

	it('sends signed-out visitors to the sign-in page', async () => {
		const res = await new Browserless(server.url).get(
			`/teams/${teamId}/assessments/${assessmentId}`
		);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toMatch(/^\/anmelden\?redirectTo=/);
	});

	it('lets a facilitator switch sharing (bumping the revision), but not a member', async () => {
		const member = await as(org.users.member);
		const denied = await member.post(`/teams/${teamId}/assessments/${assessmentId}?/share`);
		expect(denied.status).toBe(403);
		expect(await row()).toMatchObject({ resultsShared: false, revision: 3 });

		const facilitator = await as(org.users.facilitator);
		const wrongTeam = await facilitator.post(
			`/teams/${otherTeamId}/assessments/${assessmentId}?/share`
		);
		expect(wrongTeam.status).toBe(404);
		expect(await row()).toMatchObject({ resultsShared: false, revision: 3 });

		const on = await facilitator.post(`/teams/${teamId}/assessments/${assessmentId}?/share`);
		expect(on.status).toBe(200);
		expect(await on.text()).toContain('Die Ergebnisse sind jetzt für Teilnehmende sichtbar.');
		expect(await row()).toMatchObject({ resultsShared: true, revision: 4 });

		const off = await facilitator.post(`/teams/${teamId}/assessments/${assessmentId}?/share`);
		expect(await off.text()).toContain('nicht mehr sichtbar');
		expect(await row()).toMatchObject({ resultsShared: false, revision: 5 });
	});
});
