// The app's main pages for the browser-wide checks (privacy: no third-party requests;
// accessibility: axe in both languages, no horizontal scrolling). Runs against the e2e server's
// demo database; a running assessment is written straight into it (E2E_DATABASE_URL), as in
// participant.e2e.ts.
import type { Client } from '@libsql/client';
import { expect, type Page } from '@playwright/test';
import {
	DEMO_TEAM,
	insertRunningAssessment,
	openE2eDatabase,
	type RunningAssessment
} from './e2e-db';

export { openE2eDatabase };
export { ADMIN, signIn } from './sign-in';

export interface DemoIds {
	orgId: string;
	teamId: string;
	/** The demo's closed assessments, oldest first. */
	closed: string[];
	/** A running workshop in the demo organisation's test team. */
	running: RunningAssessment;
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
	const running = await insertRunningAssessment(db);
	return {
		orgId: String(team.rows[0].organization_id),
		teamId,
		closed: closed.rows.map((r) => String(r.id)),
		running
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
	const running = `/teams/${ids.running.teamId}/assessments/${ids.running.id}`;
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

/** Joins the assessment on this page's device without naming a group. */
export async function join(page: Page, code: string) {
	await page.goto(`/p/${code}`);
	await page.getByRole('main').locator('form[action="?/join"] button[type="submit"]').click();
	await expect(page.locator('form[action="?/rate"]').first()).toBeVisible();
}
