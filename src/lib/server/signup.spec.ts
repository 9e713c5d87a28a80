// SIGNUP at the built server: "invite" refuses sign-up, "open" creates a user and an organisation
// with that user as owner.
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { Browserless, startServer, type TestServer } from './testing/server';

const CLOSED = 'Die Registrierung ist auf dieser Installation geschlossen.';
let server: TestServer | undefined;
afterEach(async () => {
	await server?.stop();
	server = undefined;
});

async function query(databaseUrl: string, sql: string, args: string[] = []) {
	const c = createClient({ url: databaseUrl });
	try {
		return (await c.execute({ sql, args })).rows;
	} finally {
		c.close();
	}
}

const FORM = {
	name: 'Erika Beispiel',
	email: 'erika@beispiel.invalid',
	password: 'ein-langes-passwort',
	organization: 'Caritas Beispielstadt'
};

describe('SIGNUP=invite', () => {
	it('refuses sign-up with the localised message and creates no user', async () => {
		server = await startServer({ SIGNUP: 'invite' });
		const browser = new Browserless(server.url);
		const page = await browser.get('/registrieren');
		expect(page.status).toBe(200);
		const pageHtml = await page.text();
		expect(pageHtml).toContain(CLOSED);
		expect(pageHtml).not.toContain('name="password"');

		const res = await browser.post('/registrieren', FORM);
		expect(res.status).toBe(403);
		expect(await res.text()).toContain(CLOSED);
		expect(await query(server.databaseUrl, 'SELECT id FROM user')).toHaveLength(0);
		expect(await query(server.databaseUrl, 'SELECT id FROM organization')).toHaveLength(0);
		expect(browser.cookies.size).toBe(0);
	});

	it('says so in English for an English reader', async () => {
		server = await startServer({ SIGNUP: 'invite' });
		const browser = new Browserless(server.url);
		browser.cookies.set('PARAGLIDE_LOCALE', 'en');
		const res = await browser.post('/registrieren', FORM);
		expect(res.status).toBe(403);
		const html = await res.text();
		expect(html).not.toContain(CLOSED);
		expect(html).toContain('Sign-up is closed on this installation.');
	});
});

describe('SIGNUP=open', () => {
	it('creates the user and an organisation with the user as owner, signed in', async () => {
		server = await startServer({ SIGNUP: 'open' });
		const browser = new Browserless(server.url);
		const res = await browser.post('/registrieren', FORM);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/dashboard');

		const users = await query(server.databaseUrl, 'SELECT id, name FROM user WHERE email = ?', [
			FORM.email
		]);
		expect(users).toHaveLength(1);
		expect(users[0].name).toBe(FORM.name);
		const owners = await query(
			server.databaseUrl,
			`SELECT o.name, m.role, s.min_group_size FROM member m
			 JOIN organization o ON o.id = m.organization_id
			 LEFT JOIN organization_settings s ON s.organization_id = o.id
			 WHERE m.user_id = ?`,
			[String(users[0].id)]
		);
		expect(owners).toEqual([
			expect.objectContaining({ name: FORM.organization, role: 'owner', min_group_size: 3 })
		]);

		const dashboard = await browser.get('/dashboard');
		expect(dashboard.status).toBe(200);
		expect(await dashboard.text()).toContain(FORM.organization);
	});

	it('bad input is refused with field messages and creates nothing', async () => {
		server = await startServer({ SIGNUP: 'open' });
		const browser = new Browserless(server.url);
		const res = await browser.post('/registrieren', { ...FORM, password: 'kurz', email: 'x' });
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('Das Passwort braucht mindestens 10 Zeichen.');
		expect(html).toContain('Bitte geben Sie eine gültige E-Mail-Adresse ein.');
		expect(await query(server.databaseUrl, 'SELECT id FROM user')).toHaveLength(0);
	});
});
