// Browser tests write the running assessments they need straight into the e2e server's database
// (E2E_DATABASE_URL, see playwright.config.ts). They go into a separate team of the demo
// organisation, so the demo team keeps exactly the three assessments other tests assert.
import { randomUUID } from 'node:crypto';
import { createClient, type Client } from '@libsql/client';
import { FRAMEWORK_VERSION } from '../../src/lib/framework/index';

export const DEMO_TEAM = 'Quartiersprojekt Beispielstadt';
const WORK_TEAM = 'E2E-Werkstatt';
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const ALL_OPTIONAL_STEPS = [
	'rueckblick',
	'merkmale',
	'akteure',
	'herausforderungen',
	'reflexion'
];

/** A connection to the e2e server's database. */
export async function openE2eDatabase(): Promise<Client> {
	const db = createClient({ url: process.env.E2E_DATABASE_URL! });
	await db.execute('PRAGMA busy_timeout = 10000');
	return db;
}

/** A random join code from the app's alphabet. */
export function randomJoinCode(): string {
	return Array.from({ length: 8 }, () => ALPHABET[Math.floor(Math.random() * 32)]).join('');
}

/** The id of the demo organisation's test team (created on first use). */
export async function workTeamId(db: Client): Promise<string> {
	const demo = await db.execute({
		sql: 'select organization_id from team where name = ?',
		args: [DEMO_TEAM]
	});
	const organizationId = String(demo.rows[0].organization_id);
	await db.execute({
		sql: `insert into team (id, organization_id, name, place)
			select ?, ?, ?, 'Teststadt' where not exists (select 1 from team where name = ?)`,
		args: [randomUUID(), organizationId, WORK_TEAM, WORK_TEAM]
	});
	const row = await db.execute({ sql: 'select id from team where name = ?', args: [WORK_TEAM] });
	return String(row.rows[0].id);
}

export interface RunningAssessment {
	id: string;
	teamId: string;
	code: string;
}

/** A running assessment of the test team; defaults: workshop at the pyramid step, all optional steps. */
export async function insertRunningAssessment(
	db: Client,
	options: {
		mode?: string;
		step?: string;
		chosenSteps?: string[];
		revealedSteps?: string[];
		title?: string;
	} = {}
): Promise<RunningAssessment> {
	const teamId = await workTeamId(db);
	const id = randomUUID();
	const code = randomJoinCode();
	await db.execute({
		sql: `insert into assessment (id, team_id, date, title, mode, framework_version, status,
			join_code, current_step, chosen_steps, revealed_steps)
			values (?, ?, '2026-12-10', ?, ?, ?, 'laeuft', ?, ?, ?, ?)`,
		args: [
			id,
			teamId,
			options.title ?? 'Vierte Standortbestimmung',
			options.mode ?? 'workshop',
			FRAMEWORK_VERSION,
			code,
			options.step ?? 'pyramide',
			JSON.stringify(options.chosenSteps ?? ALL_OPTIONAL_STEPS),
			JSON.stringify(options.revealedSteps ?? [])
		]
	});
	return { id, teamId, code };
}
