// Graceful shutdown of the built server: SIGTERM while page requests are in flight lets them
// finish with 200, then the process exits with code 0 within a few seconds.
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TEAM } from './demo';
import { Browserless, startServer, type TestServer } from './testing/server';

const IN_FLIGHT = 40;

let server: TestServer;
let teamId: string;
let cookie: string;

interface Got {
	status: number;
	body: string;
	at: number;
}

function get(agent: Agent, path: string, headers: Record<string, string> = {}): Promise<Got> {
	return new Promise((ok, fail) => {
		const req = request(`${server.url}${path}`, { agent, headers }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (d) => (body += d));
			res.on('end', () => ok({ status: res.statusCode ?? 0, body, at: performance.now() }));
			res.on('error', fail);
		});
		req.on('error', fail);
		req.end();
	});
}

beforeAll(async () => {
	server = await startServer({ DEMO_DATA: 'on' });
	const db = createClient({ url: server.databaseUrl });
	try {
		const rs = await db.execute({ sql: 'select id from team where name = ?', args: [DEMO_TEAM] });
		teamId = String(rs.rows[0].id);
	} finally {
		db.close();
	}
	const browser = new Browserless(server.url);
	await browser.signIn(DEMO_ACCOUNTS[0].email, DEMO_PASSWORD);
	cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
});

afterAll(async () => {
	await server?.stop('SIGKILL');
});

describe('SIGTERM', () => {
	it('lets in-flight page requests finish with 200 and exits with code 0', async () => {
		// Open the connections first (keep-alive), so the requests below are not waiting in the
		// listen queue when the signal arrives but are on connections the server already holds.
		const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
		const warm = await Promise.all(Array.from({ length: IN_FLIGHT }, () => get(agent, '/healthz')));
		expect(warm.every((r) => r.status === 200)).toBe(true);

		const exit = new Promise<{ code: number | null; signal: string | null; at: number }>((ok) =>
			server.process.once('exit', (code, signal) => ok({ code, signal, at: performance.now() }))
		);
		const pages = Array.from({ length: IN_FLIGHT }, () =>
			get(agent, `/teams/${teamId}`, { accept: 'text/html', cookie })
		);
		// Stop the server as soon as it has answered the first of them: it has read the others and
		// is still answering them.
		await Promise.race(pages);
		const signalled = performance.now();
		server.process.kill('SIGTERM');

		const results = await Promise.all(pages);
		const exited = await exit;
		agent.destroy();

		expect(results.map((r) => r.status)).toEqual(Array(IN_FLIGHT).fill(200));
		for (const r of results) {
			expect(r.body).toContain(DEMO_TEAM);
			expect(r.body.trimEnd().endsWith('</html>')).toBe(true);
		}
		// The signal really came while requests were being answered.
		const finishedAfter = results.filter((r) => r.at > signalled).length;
		expect(finishedAfter).toBeGreaterThan(0);
		expect(exited.code).toBe(0);
		expect(exited.signal).toBeNull();
		expect(exited.at - signalled).toBeLessThan(5_000);
		console.info(
			`[shutdown] ${finishedAfter} of ${IN_FLIGHT} page requests finished after SIGTERM, all 200; ` +
				`exit code ${exited.code} after ${Math.round(exited.at - signalled)} ms`
		);
	});
});
