// Privacy of participants' answers: the data model has no place for an IP address or a user
// agent next to ratings, participants or notes, nothing of the kind is stored after a real
// join and rating, and the server's log (its stdout/stderr) carries no rating value, note,
// nickname, participant id or resume code — also not when a rating is refused.
// Build first: BUILD_DIR=build-… npx vite build
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browserless, startServer, type TestServer } from '../testing/server';
import { openDatabase, seedFixtureOrg, type OrgWorld } from '../testing/hardening';

const NOTE = 'Leuchtturm-Notiz-7319 über den Nachbarschaftstreff';
const NICKNAME = 'Kranich-4471';
const FORBIDDEN_COLUMN = /(^|_)ip(_|$)|address|user_?agent|browser|device|fingerprint|host/i;
// Every column of the two tables, by hand: a new column has to pass a look at this list.
const EXPECTED_COLUMNS: Record<string, string[]> = {
	participant: [
		'id',
		'assessment_id',
		'resume_code',
		'nickname',
		'actor_group',
		'source',
		'created_at'
	],
	rating: [
		'id',
		'assessment_id',
		'participant_id',
		'item_key',
		'item_revision',
		'value',
		'confidence',
		'note',
		'first_value',
		'created_at',
		'updated_at'
	]
};

let world: OrgWorld;
let server: TestServer;

beforeAll(async () => {
	world = await seedFixtureOrg('privat');
	server = await startServer(
		{ RATE_LIMIT_FACTOR: '1000' },
		{ databaseUrl: process.env.DATABASE_URL! }
	);
});
afterAll(async () => {
	await server?.stop();
});

describe('what is stored with answers', () => {
	it('no table of participants, ratings or notes has a column for an address or a user agent', async () => {
		const dbc = await openDatabase(process.env.DATABASE_URL!);
		for (const table of ['participant', 'rating', 'reflection_note', 'consensus', 'team_entry']) {
			const columns = (await dbc.execute(`PRAGMA table_info("${table}")`)).rows.map((r) =>
				String(r.name)
			);
			expect(columns.length, table).toBeGreaterThan(0);
			expect(
				columns.filter((c) => FORBIDDEN_COLUMN.test(c)),
				table
			).toEqual([]);
			if (EXPECTED_COLUMNS[table]) expect(columns, table).toEqual(EXPECTED_COLUMNS[table]);
		}
		dbc.close();
	});

	it('a join and a rating store neither the address nor the browser, and the log shows no answer', async () => {
		const phone = new Browserless(server.url);
		const agent = 'Mozilla/5.0 (Linux; Android 14) Datenschutztest/1.0';
		const joined = await phone.post(
			`/p/${world.running.code}?/join`,
			{ nickname: NICKNAME, actorGroup: 'actor.nachbarschaften' },
			{ 'user-agent': agent }
		);
		expect(joined.status).toBe(303);
		const participantId = [...phone.cookies].find(([k]) => k.startsWith('sk_p_'))![1];
		const rated = await phone.post(
			`/p/${world.running.code}?/rate`,
			{ itemKey: 'level.2', value: '3', confidence: 'unsicher', note: NOTE },
			{ 'user-agent': agent }
		);
		expect(rated.status).toBe(200);
		// A refused rating (unknown item) must not be logged with its content either.
		const refused = await phone.post(`/p/${world.running.code}?/rate`, {
			itemKey: 'level.9',
			value: '4',
			note: NOTE
		});
		expect(refused.status).toBe(400);

		const dbc = await openDatabase(process.env.DATABASE_URL!);
		const participant = await dbc.execute({
			sql: 'select * from participant where id = ?',
			args: [participantId]
		});
		const rating = await dbc.execute({
			sql: 'select * from rating where participant_id = ?',
			args: [participantId]
		});
		expect(rating.rows).toHaveLength(1);
		expect(rating.rows[0].note).toBe(NOTE);
		const stored = JSON.stringify([participant.rows, rating.rows]);
		expect(stored).not.toContain('127.0.0.1');
		expect(stored).not.toContain('Datenschutztest');
		expect(stored).not.toContain('Mozilla');
		const resumeCode = String(participant.rows[0].resume_code);
		dbc.close();

		const log = server.output();
		for (const secret of [
			NOTE,
			'Leuchtturm',
			NICKNAME,
			participantId,
			resumeCode,
			'Datenschutztest'
		]) {
			expect(log, secret).not.toContain(secret);
		}
		expect(log).not.toMatch(/value=|"value"\s*:|itemKey/);
	});
});
