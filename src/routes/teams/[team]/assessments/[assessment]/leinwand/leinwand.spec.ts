// The plenary pages on the real built server: the projector (aggregates only, after the reveal,
// actor groups under the minimum group size hidden, released notes only), paper capture as a
// form without JavaScript, and the printable sheet. Needs a build:
// BUILD_DIR=build-plenary SVELTEKIT_OUT_DIR=.svelte-kit-plenary npx vite build
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import * as s from '$lib/server/db/schema';
import {
	TEST_PASSWORD,
	createAssessment,
	createOrganization,
	createParticipant,
	createRating,
	createTeam,
	type TestOrganization
} from '$lib/server/testing/fixtures';
import { Browserless, startServer, type TestServer } from '$lib/server/testing/server';
import { LEVELS, SCALE, TRAITS } from '$lib/framework';

let server: TestServer;
let org: TestOrganization;
let foreign: TestOrganization;
let teamId: string;
let assessment: s.Assessment;
let base: string;

/** The page text with the entities Svelte escapes turned back into characters. */
function decode(html: string): string {
	return html
		.replace(/&amp;/g, '&')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>');
}

const clients = new Map<string, Browserless>();

/** A signed-in client per user (signed in once: sign-ins are rate-limited). */
async function as(user: { email: string }) {
	let client = clients.get(user.email);
	if (!client) {
		client = new Browserless(server.url);
		await client.signIn(user.email, TEST_PASSWORD);
		clients.set(user.email, client);
	}
	return client;
}

async function page(client: Browserless, path: string) {
	const res = await client.get(path);
	expect(res.status).toBe(200);
	return decode(await res.text());
}

/** The rows of one item's distribution table on the projector, as value → count. */
function distributionOf(html: string, itemKey: string): Record<string, number> | null {
	const article = html.match(new RegExp(`<article[^>]*data-item="${itemKey}"[\\s\\S]*?</article>`));
	if (!article) throw new Error(`item ${itemKey} not on the page`);
	const rows = [
		...article[0].matchAll(
			/<tr data-value="([^"]+)">[\s\S]*?<td class="count[^"]*"><span aria-hidden="true"[^>]*>(\d+)<\/span>/g
		)
	];
	if (rows.length === 0) return null;
	return Object.fromEntries(rows.map((r) => [r[1], Number(r[2])]));
}

beforeAll(async () => {
	org = await createOrganization('plenum');
	foreign = await createOrganization('fremd');
	teamId = (await createTeam(org.id, 'Netzwerk Süd')).id;
	assessment = await createAssessment(teamId, {
		title: 'Mitgliederversammlung 2026',
		mode: 'plenary',
		chosenSteps: ['merkmale', 'reflexion'],
		currentStep: 'pyramide'
	});
	base = `/teams/${teamId}/assessments/${assessment.id}`;
	// Level 1 by nine people, m = 3:
	// Freiwillige 1, 1, 2 · Sorge-Profis 3, 4, 4 · Kommunalpolitik 0, 0 (below m) · untagged 2.
	const people: [string | null, number][] = [
		['actor.freiwillige', 1],
		['actor.freiwillige', 1],
		['actor.freiwillige', 2],
		['actor.sorgeprofis', 3],
		['actor.sorgeprofis', 4],
		['actor.sorgeprofis', 4],
		['actor.kommunalpolitik', 0],
		['actor.kommunalpolitik', 0],
		[null, 2]
	];
	for (const [i, [actorGroup, value]] of people.entries()) {
		const p = await createParticipant(assessment.id, { actorGroup });
		await createRating(p, 'level.1', value);
		// Level 2 gets only two answers: under the minimum group size.
		if (i < 2) await createRating(p, 'level.2', 3);
	}
	server = await startServer({}, { databaseUrl: process.env.DATABASE_URL! });
});

afterAll(async () => {
	await server?.stop();
});

async function setAssessment(values: Partial<typeof s.assessment.$inferInsert>) {
	await db
		.update(s.assessment)
		.set({ ...values, revision: assessment.revision + 1 })
		.where(eq(s.assessment.id, assessment.id));
}

describe('projector view (leinwand)', () => {
	it('before the reveal: join code, QR code, counts, and no distribution', async () => {
		const client = await as(org.users.facilitator);
		const html = await page(client, `${base}/leinwand`);
		expect(html).toContain('Mitgliederversammlung 2026');
		expect(html).toContain(`${assessment.joinCode!.slice(0, 4)} ${assessment.joinCode!.slice(4)}`);
		expect(html).toContain(`${base}/qr.svg?c=${assessment.joinCode}`);
		expect(html).toContain('9 Teilnehmende');
		expect(html).toContain('Pyramide');
		expect(html).toContain('Bitte jetzt bewerten');
		expect(html).toContain('9 von 9 Teilnehmenden haben bewertet.');
		expect(html).not.toContain('data-testid="results"');
		expect(html).not.toContain('data-value=');
		expect(html).not.toContain('Median');
		// The projector carries no staff navigation.
		expect(html).not.toContain('Hauptnavigation');
	});

	it('after the reveal: aggregated distributions, lowN items without any', async () => {
		await setAssessment({ revealedSteps: ['pyramide'] });
		const client = await as(org.users.member);
		const html = await page(client, `${base}/leinwand`);
		// 0,0,1,1,2,2,3,4,4 → n 9, lower median at index 4 → 2
		expect(distributionOf(html, 'level.1')).toEqual({
			'0': 2,
			'1': 2,
			'2': 2,
			'3': 1,
			'4': 2,
			unknown: 0
		});
		const level1 = html.match(/<article[^>]*data-item="level.1"[\s\S]*?<\/article>/)![0];
		expect(level1).toContain('9 Antworten');
		expect(level1).toContain('Median 2');
		// Level 2 has two answers: only n and "zu wenige Antworten"
		const level2 = html.match(/<article[^>]*data-item="level.2"[\s\S]*?<\/article>/)![0];
		expect(level2).toContain('2 Antworten');
		expect(level2).toContain('zu wenige Antworten');
		expect(distributionOf(html, 'level.2')).toBeNull();
		expect(level2).not.toContain('Median');
		// No breakdown unless asked for
		expect(html).not.toContain('data-testid="breakdown"');
		expect(html).toContain('?gruppen=1');
	});

	it('the actor-group breakdown hides a group below the minimum group size', async () => {
		const client = await as(org.users.facilitator);
		const html = await page(client, `${base}/leinwand?gruppen=1`);
		const level1 = html.match(/<article[^>]*data-item="level.1"[\s\S]*?<\/article>/)![0];
		expect(level1).toContain('data-testid="breakdown"');
		const groups = [...level1.matchAll(/<tr data-group="([^"]+)">([\s\S]*?)<\/tr>/g)];
		expect(groups.map((g) => g[1])).toEqual(['actor.freiwillige', 'actor.sorgeprofis', 'rest']);
		const cells = (row: string) =>
			[...row.matchAll(/<td class="num[^"]*">(\d+)<\/td>/g)].map((c) => +c[1]);
		// n, median, then the counts of 0–4 and unknown
		expect(cells(groups[0][2])).toEqual([3, 1, 0, 2, 1, 0, 0, 0]);
		expect(cells(groups[1][2])).toEqual([3, 4, 0, 0, 0, 1, 2, 0]);
		// Kommunalpolitik (2) summed with the untagged person: 0, 0, 2 → median 0
		expect(groups[2][2]).toContain('weitere Gruppen und ohne Angabe');
		expect(cells(groups[2][2])).toEqual([3, 0, 2, 0, 1, 0, 0, 0]);
		expect(html).not.toContain('actor.kommunalpolitik');
		expect(html).not.toContain('Kommunalpolitik');
		// The lowN item shows no breakdown either
		const level2 = html.match(/<article[^>]*data-item="level.2"[\s\S]*?<\/article>/)![0];
		expect(level2).not.toContain('data-testid="breakdown"');
	});

	it('shows reflection notes only after the facilitator released them', async () => {
		const [p1, p2] = await db
			.select()
			.from(s.participant)
			.where(eq(s.participant.assessmentId, assessment.id))
			.limit(2);
		await db.insert(s.reflectionNote).values([
			{
				id: randomUUID(),
				assessmentId: assessment.id,
				participantId: p1.id,
				questionKey: 'question.zusammenarbeit',
				text: 'Der Mittagstisch verbindet alle Generationen.',
				released: true
			},
			{
				id: randomUUID(),
				assessmentId: assessment.id,
				participantId: p2.id,
				questionKey: 'question.zusammenarbeit',
				text: 'Noch nicht freigegebene Notiz über Familie M.',
				released: false
			}
		]);
		await setAssessment({ currentStep: 'reflexion' });
		const client = await as(org.users.facilitator);
		const html = await page(client, `${base}/leinwand`);
		expect(html).toContain('Freigegebene Notizen');
		expect(html).toContain('Der Mittagstisch verbindet alle Generationen.');
		expect(html).not.toContain('Noch nicht freigegebene Notiz');
		await setAssessment({ currentStep: 'pyramide' });
	});

	it('is not found for a member of another organisation and for another team in the URL', async () => {
		const outsider = await as(foreign.users.owner);
		expect((await outsider.get(`${base}/leinwand`)).status).toBe(404);
		expect((await outsider.get(`${base}/bogen`)).status).toBe(404);
		expect((await outsider.get(`${base}/papier`)).status).toBe(404);
		const otherTeam = (await createTeam(org.id, 'Anderes Team')).id;
		const client = await as(org.users.facilitator);
		expect(
			(await client.get(`/teams/${otherTeam}/assessments/${assessment.id}/leinwand`)).status
		).toBe(404);
	});
});

describe('printable rating sheet (bogen)', () => {
	it('lists every level and characteristic with its anchors, the join code and the questions', async () => {
		const client = await as(org.users.member);
		const html = await page(client, `${base}/bogen`);
		for (const item of [...LEVELS, ...TRAITS]) {
			expect(html).toContain(item.title.de);
			for (const anchor of item.anchors) expect(html).toContain(anchor.de);
		}
		for (const entry of SCALE) expect(html).toContain(entry.label.de);
		expect(html).toContain('kann ich nicht einschätzen');
		expect(html).toContain(assessment.joinCode!);
		expect(html).toContain('Wer ist bei uns sozial isoliert?');
		// The print rules (A4, no navigation) ship in the page's stylesheet.
		const sheets = [...html.matchAll(/<link href="([^"]+\.css)" rel="stylesheet">/g)].map((l) =>
			new URL(l[1], `${server.url}${base}/bogen`).toString()
		);
		const css = (await Promise.all(sheets.map(async (url) => (await fetch(url)).text()))).join('');
		expect(css).toMatch(/@page\s*\{[^}]*size:\s*A4/);
		expect(css).toMatch(/body:has\(\.sheet\) \.site-header/);
	});

	it('leaves out the characteristics when that step is not part of the assessment', async () => {
		const short = await createAssessment(teamId, { chosenSteps: [] });
		const client = await as(org.users.member);
		const html = await page(client, `/teams/${teamId}/assessments/${short.id}/bogen`);
		for (const level of LEVELS) expect(html).toContain(level.title.de);
		for (const trait of TRAITS) expect(html).not.toContain(trait.title.de);
	});
});

describe('paper capture (papier)', () => {
	async function paperParticipants(id: string) {
		return db
			.select()
			.from(s.participant)
			.where(and(eq(s.participant.assessmentId, id), eq(s.participant.source, 'paper')));
	}

	it('stores a sheet once, however often the same form is sent', async () => {
		const client = await as(org.users.facilitator);
		const html = await page(client, `${base}/papier`);
		const key = html.match(/name="key" value="([0-9a-f-]{36})"/)![1];
		const fields = {
			key,
			actorGroup: 'actor.buergerinnen',
			item_level_1: '4',
			item_level_3: 'unknown',
			item_trait_raumbezug: '2'
		};
		const first = await client.post(`${base}/papier`, fields);
		expect(first.status).toBe(303);
		expect(first.headers.get('location')).toBe(`${base}/papier?gespeichert=1`);
		const again = await client.post(`${base}/papier`, fields);
		expect(again.status).toBe(303);
		const sheets = await paperParticipants(assessment.id);
		expect(sheets).toHaveLength(1);
		expect(sheets[0].actorGroup).toBe('actor.buergerinnen');
		const ratings = await db
			.select({ itemKey: s.rating.itemKey, value: s.rating.value })
			.from(s.rating)
			.where(eq(s.rating.participantId, sheets[0].id));
		expect(ratings.sort((a, b) => a.itemKey.localeCompare(b.itemKey))).toEqual([
			{ itemKey: 'level.1', value: 4 },
			{ itemKey: 'level.3', value: null },
			{ itemKey: 'trait.raumbezug', value: 2 }
		]);
		const after = await page(client, `${base}/papier?gespeichert=1`);
		expect(after).toContain('Bisher erfasste Papierbögen: 1');
		expect(after).toContain('Der Bogen ist gespeichert.');
		// The projector counts the sheet like anyone else: level 1 now has ten answers.
		expect(await page(client, `${base}/leinwand`)).toContain('10 Teilnehmende');
	});

	it('refuses an empty sheet and bad values with a message, writing nothing', async () => {
		const client = await as(org.users.facilitator);
		const before = (await paperParticipants(assessment.id)).length;
		const empty = await client.post(`${base}/papier`, { key: randomUUID(), item_level_1: '' });
		expect(empty.status).toBe(400);
		expect(decode(await empty.text())).toContain(
			'Bitte tragen Sie mindestens eine Bewertung des Bogens ein.'
		);
		const bad = await client.post(`${base}/papier`, { key: randomUUID(), item_level_1: '7' });
		expect(bad.status).toBe(400);
		expect((await paperParticipants(assessment.id)).length).toBe(before);
	});

	it('needs the facilitate permission and refuses a closed assessment', async () => {
		const member = await as(org.users.member);
		expect((await member.get(`${base}/papier`)).status).toBe(403);
		expect(
			(await member.post(`${base}/papier`, { key: randomUUID(), item_level_1: '1' })).status
		).toBe(403);

		const closed = await createAssessment(teamId, { status: 'abgeschlossen', joinCode: null });
		const client = await as(org.users.facilitator);
		const html = await page(client, `/teams/${teamId}/assessments/${closed.id}/papier`);
		expect(html).toContain('Die Standortbestimmung ist abgeschlossen.');
		expect(html).not.toContain('name="key"');
		const res = await client.post(`/teams/${teamId}/assessments/${closed.id}/papier`, {
			key: randomUUID(),
			item_level_1: '1'
		});
		expect(res.status).toBe(409);
		expect(await paperParticipants(closed.id)).toHaveLength(0);
		const rows = await db.select().from(s.rating).where(eq(s.rating.assessmentId, closed.id));
		expect(rows).toHaveLength(0);
	});
});
