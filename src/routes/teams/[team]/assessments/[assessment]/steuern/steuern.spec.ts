// The facilitator's control actions through the real built server, posted like a browser
// without JavaScript. Needs a build: BUILD_DIR=build-flow npx vite build.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import * as s from '$lib/server/db/schema';
import {
	createOrganization,
	createParticipant,
	createRating,
	createTeam,
	migrated,
	TEST_PASSWORD,
	type TestOrganization
} from '$lib/server/testing/fixtures';
import { Browserless, startServer, type TestServer } from '$lib/server/testing/server';

let server: TestServer;
let org: TestOrganization;
let teamId: string;
let otherTeamId: string;
let facilitator: Browserless;
let assessmentId: string;
let base: string;

const CODE = /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$/;

async function row() {
	const [a] = await db.select().from(s.assessment).where(eq(s.assessment.id, assessmentId));
	return a;
}

async function consensusRows() {
	return db.select().from(s.consensus).where(eq(s.consensus.assessmentId, assessmentId));
}

beforeAll(async () => {
	await migrated();
	org = await createOrganization('steuern');
	teamId = (await createTeam(org.id, 'Quartier Nord')).id;
	otherTeamId = (await createTeam(org.id, 'Quartier Süd')).id;
	server = await startServer({}, { databaseUrl: process.env.DATABASE_URL! });
	facilitator = new Browserless(server.url);
	await facilitator.signIn(org.users.facilitator.email, TEST_PASSWORD);
});

afterAll(async () => {
	await server?.stop();
});

describe('control view of a running assessment', () => {
	it('creates a draft from the form and starts it with a join code and a QR code', async () => {
		const res = await facilitator.post(`/teams/${teamId}/assessments/neu`, {
			date: '2026-11-20',
			title: 'Workshop November',
			mode: 'workshop',
			steps: ['merkmale', 'reflexion'],
			questions: 'Was nehmen wir mit?'
		});
		expect(res.status).toBe(303);
		const location = res.headers.get('location')!;
		const match = location.match(/^\/teams\/[^/]+\/assessments\/([^/]+)\/steuern$/);
		expect(match).not.toBeNull();
		assessmentId = match![1];
		base = `/teams/${teamId}/assessments/${assessmentId}`;
		expect(await row()).toMatchObject({
			status: 'entwurf',
			joinCode: null,
			title: 'Workshop November'
		});

		const draftPage = await facilitator.get(`${base}/steuern`);
		expect(draftPage.status).toBe(200);
		expect(await draftPage.text()).toContain('Standortbestimmung starten');

		expect((await facilitator.post(`${base}/steuern?/start`)).status).toBe(303);
		const started = await row();
		expect(started.status).toBe('laeuft');
		expect(started.joinCode).toMatch(CODE);
		const html = await (await facilitator.get(`${base}/steuern`)).text();
		expect(html).toContain(`${server.url}/p/${started.joinCode}`);
		expect(html).toContain('Schritt 1 von 6');

		const qr = await facilitator.get(`${base}/qr.svg`);
		expect(qr.status).toBe(200);
		expect(qr.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
		expect(await qr.text()).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
	});

	it('moves to the pyramid and shows only how many rated before the reveal', async () => {
		expect((await facilitator.post(`${base}/steuern?/next`)).status).toBe(303);
		expect((await row()).currentStep).toBe('pyramide');
		const people = await Promise.all([0, 1, 2].map(() => createParticipant(assessmentId)));
		await createRating(people[0], 'level.1', 4);
		await createRating(people[1], 'level.1', 3);
		await createRating(people[2], 'level.1', 0);
		const html = await (await facilitator.get(`${base}/steuern`)).text();
		expect(html).toContain('Schritt 2 von 6');
		expect(html).toContain('3 von 3');
		expect(html).not.toContain('Median');

		expect(
			(await facilitator.post(`${base}/steuern?/reveal`, { step: 'pyramide', revealed: '1' }))
				.status
		).toBe(303);
		expect((await row()).revealedSteps).toEqual(['pyramide']);
		const revealed = await (await facilitator.get(`${base}/steuern`)).text();
		// Values 4, 3, 0: median 3; 0 lies 3 points away from it in a group of three → dissent.
		expect(revealed).toContain('Median: 3');
		expect(revealed).toContain('Dissens');
	});

	it('records a consensus and shows the reached level at once; bad values store nothing', async () => {
		const before = (await row()).revision;
		const bads: Record<string, string>[] = [
			{ itemKey: 'level.1', value: '9' },
			{ itemKey: 'level.7', value: '2' },
			{ itemKey: 'level.1', value: 'drei' },
			{ itemKey: 'level.1', value: '2', reason: 'x'.repeat(2001) }
		];
		for (const bad of bads) {
			const res = await facilitator.post(`${base}/steuern?/consensus`, bad);
			expect(res.status).toBe(400);
			expect(await res.text()).toContain('Bitte prüfen Sie die markierten Felder.');
		}
		// A question this assessment does not have: nothing stored.
		const other = await facilitator.post(`${base}/steuern?/teamAnswer`, {
			questionKey: 'question.erfunden',
			text: 'x'
		});
		expect(other.status).toBe(400);
		expect(await consensusRows()).toEqual([]);
		expect((await row()).revision).toBe(before);

		const res = await facilitator.post(`${base}/steuern?/consensus`, {
			itemKey: 'level.1',
			value: '3',
			reason: 'Erzählcafé läuft'
		});
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('Teamwert gespeichert.');
		expect(html).toContain('Erreichte Stufe: 1');
		expect(await consensusRows()).toMatchObject([
			{
				itemKey: 'level.1',
				value: 3,
				reason: 'Erzählcafé läuft',
				decidedBy: org.users.facilitator.id
			}
		]);
		expect((await row()).revision).toBe(before + 1);
	});

	it('records an action', async () => {
		const res = await facilitator.post(`${base}/steuern?/action`, {
			title: 'Nachbarschaftscafé',
			description: 'Jeden ersten Freitag',
			itemKey: 'level.2',
			owner: 'Frau Demir',
			dueDate: '2027-02-01',
			reviewDate: '2027-03-01',
			horizon: 'klein_anfangen',
			status: 'offen'
		});
		expect(res.status).toBe(200);
		const actions = await db.select().from(s.action).where(eq(s.action.assessmentId, assessmentId));
		expect(actions).toMatchObject([
			{ title: 'Nachbarschaftscafé', itemKey: 'level.2', owner: 'Frau Demir', teamId }
		]);
		const bad = await facilitator.post(`${base}/steuern?/action`, {
			title: 'Zu lang',
			description: 'x'.repeat(2001),
			horizon: 'klein_anfangen'
		});
		expect(bad.status).toBe(400);
		expect(
			await db.select().from(s.action).where(eq(s.action.assessmentId, assessmentId))
		).toHaveLength(1);
	});

	it('lets no one without the facilitate permission steer', async () => {
		const member = new Browserless(server.url);
		await member.signIn(org.users.member.email, TEST_PASSWORD);
		const before = await row();
		expect((await member.post(`${base}/steuern?/next`)).status).toBe(403);
		expect(
			(await member.post(`${base}/steuern?/consensus`, { itemKey: 'level.2', value: '1' })).status
		).toBe(403);
		expect((await member.get(`${base}/steuern`)).status).toBe(403);

		const anonymous = new Browserless(server.url);
		const res = await anonymous.post(`${base}/steuern?/close`);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toMatch(/^\/anmelden\?redirectTo=/);

		// The assessment does not belong to the other team's URL.
		expect(
			(await facilitator.get(`/teams/${otherTeamId}/assessments/${assessmentId}/steuern`)).status
		).toBe(404);
		expect(await row()).toEqual(before);
	});

	it('closes: the code stops working, writes are refused and change nothing, reopen works', async () => {
		const oldCode = (await row()).joinCode;
		expect((await facilitator.post(`${base}/steuern?/close`)).status).toBe(303);
		const closed = await row();
		expect(closed.status).toBe('abgeschlossen');
		expect(closed.joinCode).toBeNull();
		expect((await facilitator.get(`${base}/qr.svg`)).status).toBe(404);

		const refused = await facilitator.post(`${base}/steuern?/consensus`, {
			itemKey: 'level.2',
			value: '2'
		});
		expect(refused.status).toBe(409);
		expect(await refused.text()).toContain('Diese Standortbestimmung ist abgeschlossen.');
		for (const action of ['next', 'start', 'regenerateCode']) {
			expect((await facilitator.post(`${base}/steuern?/${action}`)).status).toBe(409);
		}
		expect(await row()).toEqual(closed);
		expect(await consensusRows()).toHaveLength(1);

		expect((await facilitator.post(`${base}/steuern?/reopen`)).status).toBe(303);
		const reopened = await row();
		expect(reopened.status).toBe('laeuft');
		expect(reopened.joinCode).toMatch(CODE);
		expect(reopened.joinCode).not.toBe(oldCode);
	});

	it('takes all Teamwerte on one screen in the one-screen mode, and team entries', async () => {
		const res = await facilitator.post(`/teams/${teamId}/assessments/neu`, {
			date: '2026-11-21',
			title: 'Am Tablet',
			mode: 'single_screen',
			steps: ['merkmale', 'herausforderungen']
		});
		expect(res.status).toBe(303);
		const control = res.headers.get('location')!;
		const id = control.split('/')[4];
		expect((await facilitator.post(`${control}?/start`)).status).toBe(303);
		expect((await facilitator.post(`${control}?/next`)).status).toBe(303);
		const page = await (await facilitator.get(control)).text();
		expect(page).toContain('Ein-Bildschirm-Modus');
		expect(page).not.toContain('Ergebnisse aufdecken');

		const saved = await facilitator.post(`${control}?/consensusAll`, {
			'value_level.1': '3',
			'value_level.2': '3',
			'value_level.3': '1',
			'value_level.4': '',
			'value_trait.raumbezug': '2',
			'reason_level.3': 'Hilfe läuft nur über das Projekt'
		});
		expect(saved.status).toBe(200);
		expect(await saved.text()).toContain('Erreichte Stufe: 2');
		const rows = await db.select().from(s.consensus).where(eq(s.consensus.assessmentId, id));
		expect(rows.map((r) => `${r.itemKey}=${r.value}`).sort()).toEqual([
			'level.1=3',
			'level.2=3',
			'level.3=1',
			'trait.raumbezug=2'
		]);

		// One bad value fails the whole form; nothing changes.
		const bad = await facilitator.post(`${control}?/consensusAll`, {
			'value_level.4': '2',
			'value_level.5': '5'
		});
		expect(bad.status).toBe(400);
		expect(
			await db.select().from(s.consensus).where(eq(s.consensus.assessmentId, id))
		).toHaveLength(4);

		// Risks: every item needs one of the three states; notes at most 2,000 characters.
		const risks = Object.fromEntries(
			[
				'risk.konzept',
				'risk.leitung',
				'risk.langer_atem',
				'risk.ungleichheit',
				'risk.hilfe',
				'risk.deprofessionalisierung',
				'risk.ersatz_sozialstaat'
			].map((k) => [`risk_${k}`, k === 'risk.langer_atem' ? 'akut' : 'trifft_nicht_zu'])
		);
		const tooLong = await facilitator.post(`${control}?/entries`, {
			kind: 'risk',
			...risks,
			'note_risk.langer_atem': 'x'.repeat(2001)
		});
		expect(tooLong.status).toBe(400);
		const wrongState = await facilitator.post(`${control}?/entries`, {
			kind: 'risk',
			...risks,
			'risk_risk.konzept': 'traegt_mit'
		});
		expect(wrongState.status).toBe(400);
		expect(await db.select().from(s.teamEntry).where(eq(s.teamEntry.assessmentId, id))).toEqual([]);
		const ok = await facilitator.post(`${control}?/entries`, {
			kind: 'risk',
			...risks,
			'note_risk.langer_atem': 'Förderung endet 2027'
		});
		expect(ok.status).toBe(200);
		const entries = await db.select().from(s.teamEntry).where(eq(s.teamEntry.assessmentId, id));
		expect(entries).toHaveLength(7);
		expect(entries.find((e) => e.key === 'risk.langer_atem')).toMatchObject({
			kind: 'risk',
			state: 'akut',
			note: 'Förderung endet 2027'
		});
		// A driver outside the framework is refused.
		const driver = await facilitator.post(`${control}?/entries`, {
			kind: 'driver',
			drivers: 'driver.unbekannt'
		});
		expect(driver.status).toBe(400);
	});
});
