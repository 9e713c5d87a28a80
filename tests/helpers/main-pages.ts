// The app's main pages for the browser-wide checks (privacy: no third-party requests;
// accessibility: axe in both languages, no horizontal scrolling). Runs against the e2e server's
// demo database; a running assessment is written straight into it (E2E_DATABASE_URL), as in
// participant.e2e.ts.
import { randomUUID } from 'node:crypto';
import { createClient, type Client } from '@libsql/client';
import { expect, type Page } from '@playwright/test';
import { FRAMEWORK_VERSION } from '../../src/lib/framework/index';

export const ADMIN = { email: 'admin@demo.sorgekompass.invalid', password: 'demo-passwort' };
const DEMO_TEAM = 'Quartiersprojekt Beispielstadt';
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export interface DemoIds {
	orgId: string;
	teamId: string;
	/** The demo's closed assessments, oldest first. */
	closed: string[];
	running: { id: string; code: string };
}

export async function openE2eDatabase(): Promise<Client> {
	const db = createClient({ url: process.env.E2E_DATABASE_URL! });
	await db.execute('PRAGMA busy_timeout = 10000');
	return db;
}

/** The demo's ids and a new running workshop at the pyramid step (all optional steps chosen). */
export async function demoWithRunningAssessment(db: Client): Promise<DemoIds> {
	const team = await db.execute({
		sql: 'select id, organization_id from team where name = ?',
		args: [DEMO_TEAM]
	});
	const teamId = String(team.rows[0].id);
	const closed = await db.execute({
		sql: "select id from assessment where team_id = ? and status = 'abgeschlossen' order by date",
		args: [teamId]
	});
	const code = Array.from({ length: 8 }, () => ALPHABET[Math.floor(Math.random() * 32)]).join('');
	const id = randomUUID();
	await db.execute({
		sql: `insert into assessment (id, team_id, date, title, mode, framework_version, status,
			join_code, current_step, chosen_steps, revealed_steps)
			values (?, ?, '2026-12-10', 'Vierte Standortbestimmung', 'workshop', ?, 'laeuft', ?,
			'pyramide', ?, '[]')`,
		args: [
			id,
			teamId,
			FRAMEWORK_VERSION,
			code,
			JSON.stringify(['rueckblick', 'merkmale', 'akteure', 'herausforderungen', 'reflexion'])
		]
	});
	return {
		orgId: String(team.rows[0].organization_id),
		teamId,
		closed: closed.rows.map((r) => String(r.id)),
		running: { id, code }
	};
}

export type Visitor = 'anonymous' | 'admin' | 'participant';

export interface MainPage {
	name: string;
	path: string;
	as: Visitor;
}

/** Every main page of the app and who looks at it. */
export function mainPages(ids: DemoIds): MainPage[] {
	const team = `/teams/${ids.teamId}`;
	const running = `${team}/assessments/${ids.running.id}`;
	const latest = ids.closed[ids.closed.length - 1];
	return [
		{ name: 'landing', path: '/', as: 'anonymous' },
		{ name: 'sign-in', path: '/anmelden', as: 'anonymous' },
		{ name: 'join', path: `/p/${ids.running.code}`, as: 'anonymous' },
		{ name: 'participant step', path: `/p/${ids.running.code}`, as: 'participant' },
		{ name: 'dashboard', path: '/dashboard', as: 'admin' },
		{ name: 'team', path: team, as: 'admin' },
		{ name: 'assessment control', path: `${running}/steuern`, as: 'admin' },
		{ name: 'projector', path: `${running}/leinwand`, as: 'admin' },
		{ name: 'result', path: `${team}/assessments/${latest}`, as: 'admin' },
		{ name: 'history', path: `${team}/verlauf`, as: 'admin' },
		{ name: 'comparison', path: `${team}/vergleich`, as: 'admin' },
		{ name: 'overview', path: `/org/${ids.orgId}/uebersicht`, as: 'admin' },
		{ name: 'members', path: `/org/${ids.orgId}/mitglieder`, as: 'admin' },
		{ name: 'organisation settings', path: `/org/${ids.orgId}/einstellungen`, as: 'admin' }
	];
}

/** Signs in through the form (works in both languages: fields found by their input names). */
export async function signIn(page: Page, login = ADMIN) {
	await page.goto('/anmelden');
	const main = page.getByRole('main');
	await main.locator('input[name="email"]').fill(login.email);
	await main.locator('input[name="password"]').fill(login.password);
	await main.locator('button[type="submit"]').first().click();
	await expect(page).toHaveURL(/\/dashboard$/);
}

/** Joins the assessment on this page's device without naming a group. */
export async function join(page: Page, code: string) {
	await page.goto(`/p/${code}`);
	await page.getByRole('main').locator('form[action="?/join"] button[type="submit"]').click();
	await expect(page.locator('form[action="?/rate"]').first()).toBeVisible();
}
