import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from './db';
import * as s from './db/schema';
import { addDays, listReviewReminders, listTeamActions } from './followup';
import {
	TEST_PASSWORD,
	createAssessment,
	createOrganization,
	createTeam,
	migrated,
	type TestOrganization
} from './testing/fixtures';
import { Browserless, startServer, type TestServer } from './testing/server';

let org: TestOrganization;
let other: TestOrganization;
let team: s.Team;
let otherTeam: s.Team;
let assessment: s.Assessment;
const ids = { overdue: randomUUID(), soon: randomUUID(), later: randomUUID(), done: randomUUID() };
const foreignAction = randomUUID();

beforeAll(async () => {
	await migrated();
	org = await createOrganization('fu');
	other = await createOrganization('fu2');
	team = await createTeam(org.id, 'Nachverfolgung');
	otherTeam = await createTeam(other.id, 'Andere');
	assessment = await createAssessment(team.id, {
		date: '2026-06-01',
		status: 'abgeschlossen',
		joinCode: null,
		nextDate: '2027-01-14'
	});
	const otherAssessment = await createAssessment(otherTeam.id, { status: 'abgeschlossen' });
	const base = { teamId: team.id, assessmentId: assessment.id, itemKey: 'level.2' };
	await db.insert(s.action).values([
		{
			...base,
			id: ids.overdue,
			title: 'Überfällig',
			dueDate: '2026-11-01',
			reviewDate: '2026-11-20'
		},
		{
			...base,
			id: ids.soon,
			title: 'Bald prüfen',
			status: 'laeuft',
			dueDate: '2027-02-01',
			reviewDate: '2026-12-10'
		},
		{
			...base,
			id: ids.later,
			title: 'Später prüfen',
			dueDate: '2027-02-01',
			reviewDate: '2026-12-16'
		},
		{
			...base,
			id: ids.done,
			title: 'Erledigt',
			status: 'erledigt',
			dueDate: '2026-10-01',
			reviewDate: '2026-12-01'
		}
	]);
	await db.insert(s.action).values({
		id: foreignAction,
		teamId: otherTeam.id,
		assessmentId: otherAssessment.id,
		title: 'Fremd',
		reviewDate: '2026-12-05'
	});
});

describe('action follow-up (data)', () => {
	it('marks open actions past their due date as overdue, never done ones', async () => {
		const actions = await listTeamActions(team.id, '2026-12-01');
		const overdue = Object.fromEntries(actions.map((a) => [a.title, a.overdue]));
		expect(overdue).toEqual({
			Überfällig: true,
			'Bald prüfen': false,
			'Später prüfen': false,
			Erledigt: false
		});
		const running = await listTeamActions(team.id, '2026-12-01', 'laeuft');
		expect(running.map((a) => a.title)).toEqual(['Bald prüfen']);
	});

	it('reminds of open actions with a review date within 14 days or past', async () => {
		expect(addDays('2026-12-01', 14)).toBe('2026-12-15');
		const reminders = await listReviewReminders([team.id], '2026-12-01');
		// 2026-12-16 is 15 days away; the done action is not open
		expect(reminders.map((r) => [r.title, r.past])).toEqual([
			['Überfällig', true],
			['Bald prüfen', false]
		]);
	});
});

describe('action follow-up (HTTP)', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startServer({}, { databaseUrl: process.env.DATABASE_URL! });
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('changes the status with a note, without JavaScript; bad input changes nothing', async () => {
		const browser = new Browserless(server.url);
		await browser.signIn(org.users.facilitator.email, TEST_PASSWORD);
		const path = `/teams/${team.id}/massnahmen`;
		const bad = await browser.post(`${path}?/status`, { actionId: ids.soon, status: 'fertig' });
		expect(bad.status).toBe(400);
		const [unchanged] = await db.select().from(s.action).where(eq(s.action.id, ids.soon));
		expect(unchanged.status).toBe('laeuft');

		const ok = await browser.post(`${path}?/status`, {
			actionId: ids.soon,
			status: 'erledigt',
			text: 'Alle Termine stattgefunden.'
		});
		expect(ok.status).toBe(200);
		const [changed] = await db.select().from(s.action).where(eq(s.action.id, ids.soon));
		expect(changed.status).toBe('erledigt');
		const notes = await db.select().from(s.actionNote).where(eq(s.actionNote.actionId, ids.soon));
		expect(notes).toEqual([
			expect.objectContaining({ status: 'erledigt', text: 'Alle Termine stattgefunden.' })
		]);

		const note = await browser.post(`${path}?/note`, {
			actionId: ids.later,
			text: 'Gespräch geführt.'
		});
		expect(note.status).toBe(200);
		const emptyNote = await browser.post(`${path}?/note`, { actionId: ids.later, text: '  ' });
		expect(emptyNote.status).toBe(400);
		const laterNotes = await db
			.select()
			.from(s.actionNote)
			.where(eq(s.actionNote.actionId, ids.later));
		expect(laterNotes.map((n) => n.text)).toEqual(['Gespräch geführt.']);

		// another team's action through this team's page does not exist
		const foreign = await browser.post(`${path}?/status`, {
			actionId: foreignAction,
			status: 'erledigt'
		});
		expect(foreign.status).toBe(404);

		// filtering works as a plain GET
		const html = await (await browser.get(`${path}?status=erledigt`)).text();
		expect(html).toContain('Bald prüfen');
		expect(html).not.toContain('Später prüfen');
	});

	it('serves the review date and the next assessment as calendar files', async () => {
		const browser = new Browserless(server.url);
		await browser.signIn(org.users.member.email, TEST_PASSWORD);
		const review = await browser.get(`/teams/${team.id}/massnahmen/${ids.later}/review.ics`);
		expect(review.status).toBe(200);
		expect(review.headers.get('content-type')).toMatch(/^text\/calendar/);
		const text = await review.text();
		expect(text).toContain('\r\nDTSTART;VALUE=DATE:20261216\r\n');
		expect(text).toMatch(/\r\nSUMMARY:Überprüfung: Später prüfen\r\n/);
		const next = await browser.get(`/teams/${team.id}/naechster-termin.ics`);
		expect(next.status).toBe(200);
		expect(await next.text()).toContain('\r\nDTSTART;VALUE=DATE:20270114\r\n');
		// the other organisation's action is 404 through either team
		expect(
			(await browser.get(`/teams/${team.id}/massnahmen/${foreignAction}/review.ics`)).status
		).toBe(404);
		expect(
			(await browser.get(`/teams/${otherTeam.id}/massnahmen/${foreignAction}/review.ics`)).status
		).toBe(404);
	});

	it("keeps a team's history, comparison and actions from other organisations", async () => {
		const stranger = new Browserless(server.url);
		await stranger.signIn(other.users.manager.email, TEST_PASSWORD);
		for (const page of ['verlauf', 'vergleich', 'massnahmen']) {
			expect((await stranger.get(`/teams/${team.id}/${page}`)).status).toBe(404);
		}
		const own = new Browserless(server.url);
		await own.signIn(org.users.manager.email, TEST_PASSWORD);
		const history = await own.get(`/teams/${team.id}/verlauf`);
		expect(history.status).toBe(200);
		expect(await history.text()).toContain('01.06.2026');
	});
});
