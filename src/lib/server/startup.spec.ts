// DEMO_DATA at start of the built server: off seeds nothing, on seeds the demo organisation once.
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { Browserless, startServer, type TestServer } from './testing/server';

const DEMO_NOTICE = 'Demo-Installation';
let server: TestServer | undefined;
afterEach(async () => {
	await server?.stop();
	server = undefined;
});

async function count(databaseUrl: string, sql: string): Promise<number> {
	const c = createClient({ url: databaseUrl });
	try {
		return Number((await c.execute(sql)).rows[0].n);
	} finally {
		c.close();
	}
}

describe('DEMO_DATA', () => {
	it('off: the started server holds no organisation, no user and shows no demo notice', async () => {
		server = await startServer({ DEMO_DATA: 'off' });
		expect(await count(server.databaseUrl, 'SELECT count(*) AS n FROM organization')).toBe(0);
		expect(await count(server.databaseUrl, 'SELECT count(*) AS n FROM user')).toBe(0);
		const home = await (await fetch(server.url)).text();
		expect(home).not.toContain(DEMO_NOTICE);
		// The demo login does not exist.
		const res = await new Browserless(server.url).post('/anmelden', {
			email: 'moderation@demo.sorgekompass.invalid',
			password: 'demo-passwort'
		});
		expect(res.status).toBe(400);
	});

	it('on: the demo organisation is seeded once, also after a restart, and the notice shows', async () => {
		server = await startServer({ DEMO_DATA: 'on' });
		const url = server.databaseUrl;
		expect(
			await count(url, "SELECT count(*) AS n FROM organization WHERE name = 'Demo-Verband'")
		).toBe(1);
		expect(await (await fetch(server.url)).text()).toContain(DEMO_NOTICE);
		await server.stop();
		server = await startServer({ DEMO_DATA: 'on' }, { databaseUrl: url });
		expect(await count(url, 'SELECT count(*) AS n FROM organization')).toBe(1);
		expect(await count(url, 'SELECT count(*) AS n FROM assessment')).toBe(3);
		// The demo login works.
		await new Browserless(server.url).signIn(
			'moderation@demo.sorgekompass.invalid',
			'demo-passwort'
		);
	});
});
