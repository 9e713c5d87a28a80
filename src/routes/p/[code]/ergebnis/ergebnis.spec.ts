// Participants' result page on the built server: only a participant of the assessment, on the
// device holding its participant cookie, sees the results, and only once they are shared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import * as s from '$lib/server/db/schema';
import { participantCookieName } from '$lib/server/participant-cookie';
import {
	createAssessment,
	createOrganization,
	createParticipant,
	createRating,
	createTeam
} from '$lib/server/testing/fixtures';
import { startServer, type TestServer } from '$lib/server/testing/server';

let server: TestServer;
let assessmentId: string;
let participantId: string;
let strangerId: string;

beforeAll(async () => {
	const org = await createOrganization();
	const team = await createTeam(org.id, 'Teilnahmeteam');
	const assessment = await createAssessment(team.id, {
		title: 'Geteilte Runde',
		joinCode: 'TEIL2345',
		resultsShared: false
	});
	const other = await createAssessment(team.id, { joinCode: 'ANDR6789' });
	assessmentId = assessment.id;
	const people = [];
	for (let i = 0; i < 3; i++) people.push(await createParticipant(assessment.id));
	participantId = people[0].id;
	strangerId = (await createParticipant(other.id)).id;
	// level 1: 3, 3, 4 → median 3 → reached level 1
	await createRating(people[0], 'level.1', 3);
	await createRating(people[1], 'level.1', 3);
	await createRating(people[2], 'level.1', 4);
	server = await startServer({}, { databaseUrl: process.env.DATABASE_URL! });
});
afterAll(async () => {
	await server?.stop();
});

function get(path: string, participant?: string) {
	return fetch(server.url + path, {
		redirect: 'manual',
		headers: {
			accept: 'text/html',
			'accept-language': 'de-DE',
			...(participant ? { cookie: `${participantCookieName(assessmentId)}=${participant}` } : {})
		}
	});
}

async function share(on: boolean) {
	await db.update(s.assessment).set({ resultsShared: on }).where(eq(s.assessment.id, assessmentId));
}

describe('GET /p/[code]/ergebnis', () => {
	it('answers 404 for an unknown code', async () => {
		const res = await get('/p/GIBTESNICHT/ergebnis', participantId);
		expect(res.status).toBe(404);
		expect(await res.text()).toContain('Zu diesem Code gibt es keine Standortbestimmung.');
	});

	it('refuses devices without this assessment’s participant cookie (403)', async () => {
		await share(true);
		const none = await get('/p/TEIL2345/ergebnis');
		expect(none.status).toBe(403);
		expect(await none.text()).toContain('nur Personen, die an der Standortbestimmung teilgenommen');
		// a participant of another assessment, with the cookie name of this one
		expect((await get('/p/TEIL2345/ergebnis', strangerId)).status).toBe(403);
	});

	it('tells a participant to wait until the results are shared (403)', async () => {
		await share(false);
		const res = await get('/p/TEIL2345/ergebnis', participantId);
		expect(res.status).toBe(403);
		expect(await res.text()).toContain('noch nicht freigegeben');
	});

	it('shows the shared results to a participant, with the code in any case', async () => {
		await share(true);
		const res = await get('/p/teil2345/ergebnis', participantId);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('Geteilte Runde');
		expect(html).toContain('Erreichte Stufe 1 von 5');
		expect(html).toContain('Stufenwert 1,00');
		// level 2 … 5 have no ratings: open, no statistics
		expect(html).toContain('offen – noch keine Bewertungen');
		// no staff controls for participants
		expect(html).not.toContain('Moderieren');
		expect(html).not.toContain('Ergebnisse mit Teilnehmenden teilen');
	});
});
