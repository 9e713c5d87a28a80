// The organisation's own reflection questions through the built server (needs a build).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import * as s from '$lib/server/db/schema';
import {
	createAssessment,
	createOrganization,
	createTeam,
	migrated,
	TEST_PASSWORD,
	type TestOrganization
} from '$lib/server/testing/fixtures';
import { Browserless, startServer, type TestServer } from '$lib/server/testing/server';

let server: TestServer;
let org: TestOrganization;
let admin: Browserless;

async function questions() {
	return db
		.select()
		.from(s.organizationQuestion)
		.where(eq(s.organizationQuestion.organizationId, org.id));
}

beforeAll(async () => {
	await migrated();
	org = await createOrganization('fragen');
	server = await startServer({}, { databaseUrl: process.env.DATABASE_URL! });
	admin = new Browserless(server.url);
	await admin.signIn(org.users.admin.email, TEST_PASSWORD);
});

afterAll(async () => {
	await server?.stop();
});

describe('own reflection questions', () => {
	it('admins add, rename, archive and restore them; they appear in the control view', async () => {
		const page = `/org/${org.id}/fragen`;
		expect((await admin.post(`${page}?/add`, { text: '   ' })).status).toBe(400);
		expect((await admin.post(`${page}?/add`, { text: 'x'.repeat(501) })).status).toBe(400);
		expect(await questions()).toEqual([]);

		expect(
			(await admin.post(`${page}?/add`, { text: 'Was brauchen pflegende Angehörige?' })).status
		).toBe(200);
		const [q] = await questions();
		expect(q).toMatchObject({ text: 'Was brauchen pflegende Angehörige?', archived: false });

		const team = await createTeam(org.id);
		const a = await createAssessment(team.id, {
			chosenSteps: ['reflexion'],
			currentStep: 'reflexion'
		});
		const facilitator = new Browserless(server.url);
		await facilitator.signIn(org.users.facilitator.email, TEST_PASSWORD);
		const control = `/teams/${team.id}/assessments/${a.id}/steuern`;
		expect(await (await facilitator.get(control)).text()).toContain(
			'Was brauchen pflegende Angehörige?'
		);

		expect(
			(await admin.post(`${page}?/update`, { id: q.id, text: 'Was entlastet Angehörige?' })).status
		).toBe(200);
		expect((await admin.post(`${page}?/archive`, { id: q.id })).status).toBe(200);
		const html = await (await facilitator.get(control)).text();
		expect(html).not.toContain('Was entlastet Angehörige?');
		expect((await admin.post(`${page}?/restore`, { id: q.id })).status).toBe(200);
		expect(await questions()).toMatchObject([
			{ text: 'Was entlastet Angehörige?', archived: false }
		]);

		// Facilitators do not manage the organisation's questions; unknown ids are not found.
		expect((await facilitator.get(page)).status).toBe(403);
		expect((await facilitator.post(`${page}?/add`, { text: 'Von mir' })).status).toBe(403);
		expect((await admin.post(`${page}?/archive`, { id: 'gibt-es-nicht' })).status).toBe(404);
		expect(await questions()).toHaveLength(1);
	});
});
