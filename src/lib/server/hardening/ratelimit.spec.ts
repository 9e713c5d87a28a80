// Rate limits of the BUILT server with RATE_LIMIT_FACTOR=1: sign-in, sign-up and invitation
// acceptance through the forms, and the auth API's own sign-in endpoint. Each limit gets its
// own server, so one test's attempts do not count against another's.
// Failed joins (wrong codes) are limited and valid joins from one address are never throttled:
// both are tested in src/lib/server/participants.spec.ts ("join rate limit").
// Build first: BUILD_DIR=build-… npx vite build
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import * as s from '../db/schema';
import { Browserless, startServer, type TestServer } from '../testing/server';
import { seedFixtureOrg, signedIn, visibleText, type OrgWorld } from '../testing/hardening';

const LIMITED = 'Zu viele Versuche. Bitte warten Sie eine Minute.';
let world: OrgWorld;
let server: TestServer | undefined;

beforeAll(async () => {
	world = await seedFixtureOrg('limit');
});
afterEach(async () => {
	await server?.stop();
	server = undefined;
});

async function fresh(env: Record<string, string> = {}): Promise<TestServer> {
	server = await startServer(
		{ RATE_LIMIT_FACTOR: '1', ...env },
		{ databaseUrl: process.env.DATABASE_URL! }
	);
	return server;
}

describe('sign-in form', () => {
	it('allows 10 attempts a minute per address, then refuses even the right password', async () => {
		const srv = await fresh();
		const statuses: number[] = [];
		for (let i = 0; i < 10; i++) {
			const res = await new Browserless(srv.url).post('/anmelden', {
				email: world.logins.member!.email,
				password: `falsch-${i}`
			});
			statuses.push(res.status);
			await res.body?.cancel();
		}
		expect(statuses).toEqual(Array(10).fill(400));
		const browser = new Browserless(srv.url);
		const blocked = await browser.post('/anmelden', {
			email: world.logins.member!.email,
			password: world.logins.member!.password
		});
		expect(blocked.status).toBe(429);
		expect(visibleText(await blocked.text())).toContain(LIMITED);
		expect(browser.cookies.size).toBe(0);
	});

	it('the auth API endpoint has its own limit of 10 a minute', async () => {
		const srv = await fresh();
		const statuses: number[] = [];
		for (let i = 0; i < 11; i++) {
			const res = await fetch(`${srv.url}/api/auth/sign-in/email`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', origin: srv.url },
				body: JSON.stringify({ email: world.logins.member!.email, password: `falsch-${i}` })
			});
			statuses.push(res.status);
			await res.body?.cancel();
		}
		expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
		expect(statuses[10]).toBe(429);
	});
});

describe('sign-up form', () => {
	it('allows 5 attempts a minute per address, then creates nobody even with valid data', async () => {
		const srv = await fresh({ SIGNUP: 'open' });
		for (let i = 0; i < 5; i++) {
			const res = await new Browserless(srv.url).post('/registrieren', {
				name: 'Kurz',
				email: 'kein-email',
				password: 'kurz',
				organization: 'Verein'
			});
			expect(res.status).toBe(400);
			await res.body?.cancel();
		}
		const email = `neu-${Date.now()}@test.invalid`;
		const blocked = await new Browserless(srv.url).post('/registrieren', {
			name: 'Neue Person',
			email,
			password: 'ein-langes-passwort',
			organization: 'Neuer Verein'
		});
		expect(blocked.status).toBe(429);
		expect(visibleText(await blocked.text())).toContain(LIMITED);
		expect(await db.select().from(s.user).where(eq(s.user.email, email))).toEqual([]);
	});
});

describe('invitation acceptance', () => {
	it('allows 10 attempts a minute per address, then refuses', async () => {
		const srv = await fresh();
		// Signed in as someone the invitation is not for: every attempt is refused with 400.
		const member = await signedIn(srv.url, world.logins.member!);
		for (let i = 0; i < 10; i++) {
			const res = await member.post(`/einladung/${world.invitationId}`, {});
			expect(res.status).toBe(400);
			await res.body?.cancel();
		}
		const blocked = await member.post(`/einladung/${world.invitationId}`, {});
		expect(blocked.status).toBe(429);
		expect(visibleText(await blocked.text())).toContain(LIMITED);
		const [invitation] = await db
			.select()
			.from(s.invitation)
			.where(eq(s.invitation.id, world.invitationId));
		expect(invitation.status).toBe('pending');
	});
});
