// Sign-in, invitations and organisation boundaries through HTTP against the built server, which
// runs on this test file's own database (fixtures written here, read there).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { db } from './db';
import * as s from './db/schema';
import { Browserless, startServer, type TestServer } from './testing/server';
import {
	createAssessment,
	createOrganization,
	createTeam,
	TEST_PASSWORD,
	type TestOrganization
} from './testing/fixtures';

const SIGNIN_FAILED = 'E-Mail-Adresse oder Passwort stimmen nicht.';
const INVITE_INVALID =
	'Diese Einladung ist abgelaufen, wurde schon verwendet oder gilt nicht für Sie.';
const INVITE_WRONG_EMAIL = 'Diese Einladung gilt für eine andere E-Mail-Adresse.';
const NOT_FOUND = 'Seite nicht gefunden';

let server: TestServer;
let orgA: TestOrganization;
let orgB: TestOrganization;
let teamA: string;
let teamB: string;

beforeAll(async () => {
	orgA = await createOrganization('a');
	orgB = await createOrganization('b');
	teamA = (await createTeam(orgA.id, 'Team Nord')).id;
	teamB = (await createTeam(orgB.id, 'Team Süd')).id;
	await createAssessment(teamB, { title: 'Geheime Standortbestimmung' });
	// Invitations must work while public sign-up is closed.
	server = await startServer(
		{ SIGNUP: 'invite', RATE_LIMIT_FACTOR: '20' },
		{ databaseUrl: process.env.DATABASE_URL! }
	);
});
afterAll(async () => {
	await server?.stop();
});

describe('sign-in', () => {
	it('works with the right password', async () => {
		const browser = new Browserless(server.url);
		await browser.signIn(orgA.users.member.email, TEST_PASSWORD);
		const dashboard = await browser.get('/dashboard');
		expect(dashboard.status).toBe(200);
		expect(await dashboard.text()).toContain(orgA.name);
	});

	it('a wrong password and an unknown address get the same generic message and no session', async () => {
		const answers: { status: number; message: boolean }[] = [];
		for (const [email, password] of [
			[orgA.users.member.email, 'falsches-passwort'],
			['niemand@test.invalid', 'falsches-passwort']
		]) {
			const browser = new Browserless(server.url);
			const res = await browser.post('/anmelden', { email, password });
			const html = await res.text();
			answers.push({ status: res.status, message: html.includes(SIGNIN_FAILED) });
			expect(html).not.toMatch(/unbekannt|existiert nicht|falsches Passwort/i);
			expect(browser.cookies.size).toBe(0);
			expect((await browser.get('/dashboard')).status).toBe(303);
		}
		expect(answers).toEqual([
			{ status: 400, message: true },
			{ status: 400, message: true }
		]);
	});
});

describe('organisation boundaries', () => {
	it('the owner of organisation A sees its own pages', async () => {
		const browser = new Browserless(server.url);
		await browser.signIn(orgA.users.owner.email, TEST_PASSWORD);
		for (const path of [
			`/teams/${teamA}`,
			`/org/${orgA.id}/mitglieder`,
			`/org/${orgA.id}/einstellungen`
		]) {
			expect((await browser.get(path)).status, path).toBe(200);
		}
	});

	it('gets 404 for the team, members and settings pages of organisation B', async () => {
		const browser = new Browserless(server.url);
		await browser.signIn(orgA.users.owner.email, TEST_PASSWORD);
		for (const path of [
			`/teams/${teamB}`,
			`/org/${orgB.id}/mitglieder`,
			`/org/${orgB.id}/einstellungen`
		]) {
			const res = await browser.get(path);
			expect(res.status, path).toBe(404);
			const html = await res.text();
			expect(html).toContain(NOT_FOUND);
			expect(html).not.toContain('Team Süd');
			expect(html).not.toContain('Geheime Standortbestimmung');
			expect(html).not.toContain(orgB.name);
		}
		// Writing into organisation B is refused the same way and changes nothing.
		const res = await browser.post(`/org/${orgB.id}/einstellungen`, {
			minGroupSize: '9',
			timeZone: 'Europe/Berlin'
		});
		expect(res.status).toBe(404);
		const [settings] = await db
			.select()
			.from(s.organizationSettings)
			.where(eq(s.organizationSettings.organizationId, orgB.id));
		expect(settings.minGroupSize).toBe(3);
	});

	it('anonymous requests are sent to the sign-in page', async () => {
		const res = await new Browserless(server.url).get(`/teams/${teamA}`);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe(
			`/anmelden?redirectTo=${encodeURIComponent(`/teams/${teamA}`)}`
		);
	});
});

describe('invitation through HTTP', () => {
	const invitedEmail = 'neue.moderation@test.invalid';
	let invitationId: string;

	it('an admin creates an invitation and gets the link', async () => {
		const admin = new Browserless(server.url);
		await admin.signIn(orgA.users.admin.email, TEST_PASSWORD);
		const res = await admin.post(`/org/${orgA.id}/mitglieder?/invite`, {
			email: invitedEmail,
			role: 'facilitator'
		});
		expect(res.status).toBe(200);
		const rows = await db
			.select()
			.from(s.invitation)
			.where(and(eq(s.invitation.organizationId, orgA.id), eq(s.invitation.email, invitedEmail)));
		expect(rows).toHaveLength(1);
		expect(rows[0].role).toBe('facilitator');
		expect(rows[0].status).toBe('pending');
		invitationId = rows[0].id;
		expect(await res.text()).toContain(`${server.url}/einladung/${invitationId}`);
	});

	it('a member without member:manage cannot invite', async () => {
		const facilitator = new Browserless(server.url);
		await facilitator.signIn(orgA.users.facilitator.email, TEST_PASSWORD);
		const res = await facilitator.post(`/org/${orgA.id}/mitglieder?/invite`, {
			email: 'noch.jemand@test.invalid',
			role: 'admin'
		});
		expect(res.status).toBe(403);
		const rows = await db
			.select()
			.from(s.invitation)
			.where(eq(s.invitation.email, 'noch.jemand@test.invalid'));
		expect(rows).toHaveLength(0);
	});

	it('a different signed-in user is refused and nothing changes', async () => {
		const other = new Browserless(server.url);
		await other.signIn(orgB.users.member.email, TEST_PASSWORD);
		const page = await other.get(`/einladung/${invitationId}`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain(INVITE_WRONG_EMAIL);
		const res = await other.post(`/einladung/${invitationId}`);
		expect(res.status).toBe(400);
		expect(await res.text()).toContain(INVITE_INVALID);
		const memberships = await db
			.select()
			.from(s.member)
			.where(and(eq(s.member.organizationId, orgA.id), eq(s.member.userId, orgB.users.member.id)));
		expect(memberships).toHaveLength(0);
		const [inv] = await db.select().from(s.invitation).where(eq(s.invitation.id, invitationId));
		expect(inv.status).toBe('pending');
	});

	it('the invited person registers through the link (sign-up is closed otherwise) and joins', async () => {
		const invited = new Browserless(server.url);
		const landing = await invited.get(`/einladung/${invitationId}`);
		expect(landing.status).toBe(200);
		expect(await landing.text()).toContain(invitedEmail);

		const wrongAddress = await invited.post(`/registrieren?einladung=${invitationId}`, {
			name: 'Neue Moderation',
			email: 'andere.adresse@test.invalid',
			password: 'ein-langes-passwort'
		});
		expect(wrongAddress.status).toBe(400);
		expect(
			await db.select().from(s.user).where(eq(s.user.email, 'andere.adresse@test.invalid'))
		).toHaveLength(0);

		const signup = await invited.post(`/registrieren?einladung=${invitationId}`, {
			name: 'Neue Moderation',
			email: invitedEmail,
			password: 'ein-langes-passwort'
		});
		expect(signup.status).toBe(303);
		expect(signup.headers.get('location')).toBe(`/einladung/${invitationId}`);

		const accept = await invited.post(`/einladung/${invitationId}`);
		expect(accept.status).toBe(303);
		expect(accept.headers.get('location')).toBe('/dashboard');

		const [newUser] = await db.select().from(s.user).where(eq(s.user.email, invitedEmail));
		const memberships = await db
			.select({ role: s.member.role, organizationId: s.member.organizationId })
			.from(s.member)
			.where(eq(s.member.userId, newUser.id));
		expect(memberships).toEqual([{ role: 'facilitator', organizationId: orgA.id }]);

		const dashboard = await invited.get('/dashboard');
		const html = await dashboard.text();
		expect(html).toContain(orgA.name);
		expect(html).toContain('Team Nord');
		expect((await invited.get(`/teams/${teamA}`)).status).toBe(200);
	});

	it('a reused link says it is no longer valid', async () => {
		const invited = new Browserless(server.url);
		await invited.signIn(invitedEmail, 'ein-langes-passwort');
		const page = await invited.get(`/einladung/${invitationId}`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain(INVITE_INVALID);
		const again = await invited.post(`/einladung/${invitationId}`);
		expect(again.status).toBe(400);
		expect(await again.text()).toContain(INVITE_INVALID);
		const memberships = await db
			.select()
			.from(s.member)
			.where(eq(s.member.organizationId, orgA.id));
		expect(memberships.filter((m) => m.role === 'facilitator')).toHaveLength(2);
	});
});
