// Security headers and cookie attributes of the BUILT server: CSP from kit.csp (no inline
// scripts), nosniff, referrer policy, no framing; session and participant cookies httpOnly and
// SameSite=Lax, and Secure when ORIGIN is https (the server itself behind plain http, as behind
// a TLS-terminating proxy).
// Build first: BUILD_DIR=build-… npx vite build
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../testing/server';
import { rawRequest, seedFixtureOrg, signedIn, type OrgWorld } from '../testing/hardening';

let world: OrgWorld;

/** The attributes of the Set-Cookie line for a cookie whose name matches. */
function cookieAttributes(lines: string[], name: RegExp): string[] {
	const line = lines.find((l) => name.test(l.split('=')[0]));
	if (!line) throw new Error(`no Set-Cookie for ${name} in ${JSON.stringify(lines)}`);
	return line
		.split(';')
		.slice(1)
		.map((a) => a.trim().toLowerCase());
}

beforeAll(async () => {
	world = await seedFixtureOrg('kopf');
});

describe('headers over plain http', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startServer({}, { databaseUrl: process.env.DATABASE_URL! });
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('sends a CSP without inline scripts, nosniff, a referrer policy and no framing on pages', async () => {
		const admin = await signedIn(server.url, world.logins.admin!);
		const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		const pages: [string, string][] = [
			['/', ''],
			['/anmelden', ''],
			[`/p/${world.running.code}`, ''],
			['/dashboard', cookie],
			[`/teams/${world.teamId}/assessments/${world.running.id}/steuern`, cookie],
			[`/teams/${world.teamId}/assessments/${world.closed.id}`, cookie]
		];
		for (const [path, c] of pages) {
			const res = await rawRequest(server.url + path, 'GET', { accept: 'text/html', cookie: c });
			expect(res.status, path).toBe(200);
			const csp = String(res.headers['content-security-policy'] ?? '');
			const directives = Object.fromEntries(
				csp.split(';').map((d) => {
					const [name, ...values] = d.trim().split(/\s+/);
					return [name, values];
				})
			);
			expect(directives['script-src'], path).toContain("'self'");
			expect(directives['script-src'], path).not.toContain("'unsafe-inline'");
			expect(directives['script-src'], path).not.toContain("'unsafe-eval'");
			// The one inline bootstrap script is allowed by its hash, nothing else.
			expect(
				directives['script-src'].every((v: string) => v === "'self'" || /^'sha256-/.test(v)),
				path
			).toBe(true);
			expect(directives['frame-ancestors'], path).toEqual(["'none'"]);
			expect(directives['object-src'], path).toEqual(["'none'"]);
			expect(directives['default-src'], path).toEqual(["'self'"]);
			expect(res.headers['x-content-type-options'], path).toBe('nosniff');
			expect(res.headers['referrer-policy'], path).toBe('same-origin');
			expect(res.headers['x-frame-options'], path).toBe('DENY');
		}
	});

	it('sends nosniff and no framing on downloads and error answers too', async () => {
		const admin = await signedIn(server.url, world.logins.admin!);
		const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		for (const path of [
			`/teams/${world.teamId}/assessments/${world.closed.id}/teamwerte.csv`,
			`/teams/${world.teamId}/export.json`,
			'/gibt-es-nicht',
			'/healthz'
		]) {
			const res = await rawRequest(server.url + path, 'GET', { accept: 'text/html', cookie });
			expect(res.headers['x-content-type-options'], path).toBe('nosniff');
			expect(res.headers['x-frame-options'], path).toBe('DENY');
			expect(res.headers['referrer-policy'], path).toBe('same-origin');
		}
	});

	it('sets the session and participant cookies httpOnly and SameSite=Lax, not Secure over http', async () => {
		const signIn = await rawRequest(
			`${server.url}/anmelden`,
			'POST',
			{
				origin: server.url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			new URLSearchParams({
				email: world.logins.member!.email,
				password: world.logins.member!.password
			}).toString()
		);
		expect(signIn.status).toBe(303);
		const session = cookieAttributes(signIn.setCookies, /session_token$/);
		expect(session).toContain('httponly');
		expect(session).toContain('samesite=lax');
		expect(session).not.toContain('secure');

		const join = await rawRequest(
			`${server.url}/p/${world.running.code}?/join`,
			'POST',
			{
				origin: server.url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			''
		);
		expect(join.status).toBe(303);
		const participant = cookieAttributes(join.setCookies, /^sk_p_/);
		expect(participant).toContain('httponly');
		expect(participant).toContain('samesite=lax');
		expect(participant).not.toContain('secure');
	});
});

describe('cookies when ORIGIN is https', () => {
	const ORIGIN = 'https://sorgekompass.test';
	let server: TestServer;
	beforeAll(async () => {
		server = await startServer({ ORIGIN }, { databaseUrl: process.env.DATABASE_URL! });
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('marks the session and participant cookies Secure (and keeps httpOnly, SameSite=Lax)', async () => {
		const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
		const signIn = await rawRequest(
			`${server.url}/anmelden`,
			'POST',
			{ ...form, origin: ORIGIN },
			new URLSearchParams({
				email: world.logins.member!.email,
				password: world.logins.member!.password
			}).toString()
		);
		expect(signIn.status).toBe(303);
		const session = cookieAttributes(signIn.setCookies, /session_token$/);
		expect(session).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'secure']));

		const join = await rawRequest(
			`${server.url}/p/${world.running.code}?/join`,
			'POST',
			{ ...form, origin: ORIGIN },
			''
		);
		expect(join.status).toBe(303);
		const participant = cookieAttributes(join.setCookies, /^sk_p_/);
		expect(participant).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'secure']));
	});

	it('refuses a form post from another origin (CSRF) and sets no cookie', async () => {
		const res = await rawRequest(
			`${server.url}/p/${world.running.code}?/join`,
			'POST',
			{
				origin: 'https://evil.example',
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			''
		);
		expect(res.status).toBe(403);
		expect(res.setCookies).toEqual([]);
	});
});
