// The built server on a fresh database: /healthz reports the database and the migrations, and
// every response carries the security headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, type TestServer } from './testing/server';

const MIGRATIONS = readdirSync(resolve('drizzle')).filter((f) => f.endsWith('.sql')).length;

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

describe('GET /healthz', () => {
	it('answers 200 JSON: ok, database reachable, all migrations applied', async () => {
		const res = await fetch(`${server.url}/healthz`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/json/);
		expect(MIGRATIONS).toBeGreaterThan(0);
		expect(await res.json()).toEqual({
			status: 'ok',
			database: 'reachable',
			migrations: MIGRATIONS
		});
	});
});

describe('security headers', () => {
	it.each(['/', '/anmelden', '/healthz', '/gibt-es-nicht'])('are set on %s', async (path) => {
		const res = await fetch(`${server.url}${path}`, { redirect: 'manual' });
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('referrer-policy')).toBeTruthy();
		const csp = res.headers.get('content-security-policy') ?? '';
		const frameOptions = res.headers.get('x-frame-options');
		expect(frameOptions === 'DENY' || /frame-ancestors 'none'/.test(csp)).toBe(true);
	});

	it.each(['/', '/anmelden'])(
		'a Content-Security-Policy restricts %s to the own origin',
		async (path) => {
			const res = await fetch(`${server.url}${path}`);
			expect(res.status).toBe(200);
			const csp = res.headers.get('content-security-policy');
			expect(csp).toBeTruthy();
			expect(csp).toMatch(/default-src 'self'/);
			expect(csp).toMatch(/script-src 'self'/);
			expect(csp).toMatch(/frame-ancestors 'none'/);
			expect(csp).toMatch(/object-src 'none'/);
		}
	);
});
