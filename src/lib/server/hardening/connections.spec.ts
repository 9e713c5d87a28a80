// A request the server refuses before reading its body (a wrong join code, a method the route
// does not have, an upload by someone without the right) must not leave its keep-alive
// connection stuck: browsers and fetch send the next request on the same connection, and a
// stuck one fails after seconds with a reset. Built server, one connection, real sockets.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../testing/server';
import { seedFixtureOrg, signedIn, type OrgWorld } from '../testing/hardening';

let server: TestServer;
let world: OrgWorld;

beforeAll(async () => {
	world = await seedFixtureOrg('leitung');
	server = await startServer({}, { databaseUrl: process.env.DATABASE_URL! });
});
afterAll(async () => {
	await server?.stop();
});

function send(
	agent: http.Agent,
	method: string,
	path: string,
	body?: Buffer,
	headers: Record<string, string> = {}
): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = http.request(`${server.url}${path}`, { agent, method, headers }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('error', reject);
		req.end(body);
	});
}

describe('keep-alive connections', () => {
	const upload = Buffer.alloc(200 * 1024, 'a');
	const refusedUnread: [string, string, Record<string, string>][] = [
		['a POST to a route without POST', '/healthz', { 'content-type': 'application/octet-stream' }],
		[
			'a form sent to a wrong join code',
			'/p/ZZZZ2345?/join',
			{
				'content-type': 'application/x-www-form-urlencoded',
				'x-sveltekit-action': 'true',
				accept: 'application/json'
			}
		]
	];
	for (const [what, path, headers] of refusedUnread) {
		it(`answer the next request on the same connection after ${what} with an unread 200 KB body`, async () => {
			const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
			try {
				const refused = await send(agent, 'POST', path, upload, {
					...headers,
					origin: server.url
				});
				expect(refused).toBeGreaterThanOrEqual(400);
				const next = await send(agent, 'GET', '/healthz');
				expect(next).toBe(200);
			} finally {
				agent.destroy();
			}
		});
	}

	it('answer the next fetch after a multipart upload refused unread (fetch reuses its connections)', async () => {
		for (let round = 0; round < 3; round++) {
			const form = new FormData();
			form.append('file', new Blob([upload], { type: 'application/json' }), 'export.json');
			const refused = await fetch(`${server.url}/p/ZZZZ2345?/join`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: server.url, accept: 'text/html' },
				body: form
			});
			expect(refused.status).toBe(404);
			for (let i = 0; i < 5; i++) {
				expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
			}
		}
	});

	it('answer the next requests after an upload refused for lack of the right', async () => {
		const manager = await signedIn(server.url, world.logins.manager!);
		const cookie = [...manager.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		for (let round = 0; round < 3; round++) {
			const form = new FormData();
			form.append('file', new Blob([upload], { type: 'application/json' }), 'export.json');
			const refused = await fetch(`${server.url}/org/${world.orgId}/import`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: server.url, accept: 'text/html', cookie },
				body: form
			});
			expect(refused.status).toBe(403);
			for (let i = 0; i < 5; i++) {
				expect((await manager.get(`/teams/${world.teamId}`)).status).toBe(200);
			}
		}
	});
});
