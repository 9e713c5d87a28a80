// The download and import routes through the built server (build first:
// BUILD_DIR=build-exports SVELTEKIT_OUT_DIR=.svelte-kit-exports npx vite build).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, sql } from 'drizzle-orm';
import { extractText } from 'unpdf';
import { db } from '../db';
import * as s from '../db/schema';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TEAM, seedDemoData } from '../demo';
import {
	TEST_PASSWORD,
	createAssessment,
	createOrganization,
	createParticipant,
	createRating,
	createTeam,
	migrated,
	type TestOrganization
} from '../testing/fixtures';
import { Browserless, startServer, type TestServer } from '../testing/server';

let server: TestServer;
let demoTeam: s.Team;
let newest: s.Assessment;
let other: TestOrganization;
let smallTeam: s.Team;
let small: s.Assessment;

const demoLogin = (role: 'owner' | 'facilitator' | 'manager') =>
	DEMO_ACCOUNTS.find((a) => a.role === role)!.email;

const sessions = new Map<string, Browserless>();

/** One signed-in client per account (sign-ins are rate-limited). */
async function signedIn(email: string, password: string): Promise<Browserless> {
	let client = sessions.get(email);
	if (!client) {
		client = new Browserless(server.url);
		await client.signIn(email, password);
		sessions.set(email, client);
	}
	return client;
}

async function teamCount(): Promise<number> {
	const [row] = await db.select({ n: sql<number>`count(*)` }).from(s.team);
	return Number(row.n);
}

/** Posts a file like a browser form without JavaScript (multipart, same origin). */
async function upload(client: Browserless, path: string, content: string): Promise<Response> {
	const form = new FormData();
	form.append('file', new Blob([content], { type: 'application/json' }), 'export.json');
	return fetch(server.url + path, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			accept: 'text/html',
			origin: server.url,
			cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
		},
		body: form
	});
}

beforeAll(async () => {
	await migrated();
	await seedDemoData();
	[demoTeam] = await db.select().from(s.team).where(eq(s.team.name, DEMO_TEAM));
	[newest] = await db
		.select()
		.from(s.assessment)
		.where(eq(s.assessment.teamId, demoTeam.id))
		.orderBy(desc(s.assessment.date))
		.limit(1);
	other = await createOrganization('fremd');
	smallTeam = await createTeam(other.id, 'Nachbarschaft Ölberg & Süd');
	small = await createAssessment(smallTeam.id, { date: '2026-04-01', status: 'abgeschlossen' });
	const p1 = await createParticipant(small.id);
	const p2 = await createParticipant(small.id);
	await createRating(p1, 'level.1', 1);
	await createRating(p2, 'level.1', 4);
	server = await startServer({}, { databaseUrl: process.env.DATABASE_URL! });
});

afterAll(async () => {
	await server?.stop();
});

describe('team JSON export and import', () => {
	it('gives facilitators the full export as an attachment, not managers or strangers', async () => {
		const facilitator = await signedIn(demoLogin('facilitator'), DEMO_PASSWORD);
		const res = await facilitator.get(`/teams/${demoTeam.id}/export.json`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('application/json');
		expect(res.headers.get('content-disposition')).toMatch(
			/^attachment; filename="Team_Quartiersprojekt_Beispielstadt_\d{4}-\d{2}-\d{2}\.json"/
		);
		const doc = await res.json();
		expect(doc.format).toBe('sorgekompass-team');
		expect(doc.assessments).toHaveLength(3);

		const manager = await signedIn(demoLogin('manager'), DEMO_PASSWORD);
		expect((await manager.get(`/teams/${demoTeam.id}/export.json`)).status).toBe(403);
		const stranger = await signedIn(other.users.admin.email, TEST_PASSWORD);
		expect((await stranger.get(`/teams/${demoTeam.id}/export.json`)).status).toBe(404);
	});

	it('imports an uploaded export as a new team and refuses a truncated file', async () => {
		const facilitator = await signedIn(demoLogin('facilitator'), DEMO_PASSWORD);
		const file = await (await facilitator.get(`/teams/${demoTeam.id}/export.json`)).text();
		const admin = await signedIn(other.users.admin.email, TEST_PASSWORD);

		const page = await admin.get(`/org/${other.id}/import`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Team importieren');

		const before = await teamCount();
		const bad = await upload(admin, `/org/${other.id}/import`, file.slice(0, 2000));
		const html = await bad.text();
		expect(bad.status).toBe(400);
		expect(html).toContain('keine gültige JSON-Datei');
		expect(html).toContain('Es wurde nichts gespeichert.');
		expect(await teamCount()).toBe(before);

		const good = await upload(admin, `/org/${other.id}/import`, file);
		expect(good.status).toBe(303);
		const location = good.headers.get('location')!;
		expect(location).toMatch(/^\/teams\/[0-9a-f-]{36}$/);
		expect(await teamCount()).toBe(before + 1);
		const [imported] = await db
			.select()
			.from(s.team)
			.where(eq(s.team.id, location.split('/').at(-1)!));
		expect(imported.organizationId).toBe(other.id);
		expect(imported.name).toBe(DEMO_TEAM);

		// a manager may not import
		const manager = await signedIn(other.users.manager.email, TEST_PASSWORD);
		expect((await upload(manager, `/org/${other.id}/import`, file)).status).toBe(403);
		expect(await teamCount()).toBe(before + 1);
	});
});

describe('CSV downloads', () => {
	it('serve ratings, Teamwerte and actions per assessment and per team', async () => {
		const manager = await signedIn(demoLogin('manager'), DEMO_PASSWORD);
		const base = `/teams/${demoTeam.id}/assessments/${newest.id}`;
		for (const [kind, prefix] of [
			['bewertungen', 'Bewertungen'],
			['teamwerte', 'Teamwerte'],
			['massnahmen', 'Massnahmen']
		]) {
			const res = await manager.get(`${base}/${kind}.csv`);
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
			expect(res.headers.get('content-disposition')).toBe(
				`attachment; filename="${prefix}_Quartiersprojekt_Beispielstadt_2026-11-12.csv"; filename*=UTF-8''${prefix}_Quartiersprojekt_Beispielstadt_2026-11-12.csv`
			);
			const bytes = new Uint8Array(await res.arrayBuffer());
			expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
			const team = await manager.get(`/teams/${demoTeam.id}/${kind}.csv`);
			expect(team.status).toBe(200);
			expect(team.headers.get('content-disposition')).toMatch(
				new RegExp(`filename="${prefix}_Quartiersprojekt_Beispielstadt_\\d{4}-\\d{2}-\\d{2}\\.csv"`)
			);
		}
		const ratings = await (await manager.get(`/teams/${demoTeam.id}/bewertungen.csv`)).text();
		// three assessments: 6, 8 and 9 participants
		expect(ratings).toContain('13.11.2025;Erste Standortbestimmung;level.1;');
		expect(ratings).toContain(';P09;');
	});

	it('transliterate umlauts in the file name and keep the original in filename*', async () => {
		const member = await signedIn(other.users.member.email, TEST_PASSWORD);
		const res = await member.get(`/teams/${smallTeam.id}/assessments/${small.id}/bewertungen.csv`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toBe(
			`attachment; filename="Bewertungen_Nachbarschaft_Oelberg_Sued_2026-04-01.csv"; filename*=UTF-8''Bewertungen_Nachbarschaft_%C3%96lberg_%26_S%C3%BCd_2026-04-01.csv`
		);
		// two answers are under the minimum group size of 3: no individual values
		const text = await res.text();
		expect(text).toContain('zu wenige Antworten (n = 2)');
		expect(text).not.toContain(';P01;');
	});

	it('answer 404 for another organisation and for a wrong team in the URL', async () => {
		const stranger = await signedIn(other.users.admin.email, TEST_PASSWORD);
		const base = `/teams/${demoTeam.id}/assessments/${newest.id}`;
		expect((await stranger.get(`${base}/bewertungen.csv`)).status).toBe(404);
		expect((await stranger.get(`/teams/${demoTeam.id}/teamwerte.csv`)).status).toBe(404);
		const manager = await signedIn(demoLogin('manager'), DEMO_PASSWORD);
		expect(
			(await manager.get(`/teams/${smallTeam.id}/assessments/${newest.id}/massnahmen.csv`)).status
		).toBe(404);
		const anonymous = new Browserless(server.url);
		expect((await anonymous.get(`${base}/bewertungen.csv`)).status).toBe(303);
	});
});

describe('ergebnis.json and the PDF', () => {
	it('ergebnis.json is the shared view with framework version and item revisions', async () => {
		const member = await signedIn(other.users.member.email, TEST_PASSWORD);
		const res = await member.get(`/teams/${smallTeam.id}/assessments/${small.id}/ergebnis.json`);
		expect(res.status).toBe(200);
		const results = await res.json();
		expect(results.view).toBe('shared');
		expect(results.frameworkVersion).toBe('2026.1');
		expect(results.itemRevisions['level.1']).toBe(1);
		const level1 = results.levels[0].summary;
		expect(level1).toEqual({
			suppressed: true,
			itemKey: 'level.1',
			n: 2,
			teamValue: null,
			hasConsensus: false,
			consensusReason: null,
			flags: { lowN: true }
		});
		const stranger = await signedIn(demoLogin('manager'), DEMO_PASSWORD);
		expect(
			(await stranger.get(`/teams/${smallTeam.id}/assessments/${small.id}/ergebnis.json`)).status
		).toBe(404);
	});

	it('aktionsplan.pdf downloads with its file name, in German or in English', async () => {
		const manager = await signedIn(demoLogin('manager'), DEMO_PASSWORD);
		const path = `/teams/${demoTeam.id}/assessments/${newest.id}/aktionsplan.pdf`;
		const res = await manager.get(path);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		expect(res.headers.get('content-disposition')).toBe(
			`attachment; filename="Aktionsplan_Quartiersprojekt_Beispielstadt_2026-11-12.pdf"; filename*=UTF-8''Aktionsplan_Quartiersprojekt_Beispielstadt_2026-11-12.pdf`
		);
		const german = await extractText(new Uint8Array(await res.arrayBuffer()), { mergePages: true });
		expect(german.text).toContain('Maßnahmen');
		expect(german.text).toContain('Seite 1 von');

		manager.cookies.set('PARAGLIDE_LOCALE', 'en');
		const english = await manager.get(path);
		expect(english.status).toBe(200);
		const text = (
			await extractText(new Uint8Array(await english.arrayBuffer()), { mergePages: true })
		).text;
		expect(text).toContain('Action plan');
		expect(text).toContain('Reached level 2 of 5');
		expect(text).toContain('Page 1 of');
		// dates stay day-first: 12/11/2026
		expect(text).toContain('12/11/2026');
	});
});
