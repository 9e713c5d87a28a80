// Two app processes (two BUILT servers) on one database file under concurrent writes:
// participants rate through both, the facilitator records Teamwerte (consensus) and actions
// through the control view of both at the same time. No SQLITE_BUSY or other 5xx may reach a
// client, and every acknowledged write is stored.
// Build first: BUILD_DIR=build-… npx vite build
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEVEL_KEYS } from '$lib/framework';
import { Browserless, startServer, type TestServer } from '../testing/server';
import {
	joinedParticipant,
	leaksIn,
	openDatabase,
	seedFixtureOrg,
	signedIn,
	type OrgWorld
} from '../testing/hardening';

const PARTICIPANTS = 30;
const WORKERS = 8;
const CONSENSUS_ROUNDS = 6;
const ACTIONS = 30;

let world: OrgWorld;
const servers: TestServer[] = [];

beforeAll(async () => {
	world = await seedFixtureOrg('zwei');
	// Both start at once: the startup lock lets one migrate while the other waits.
	servers.push(
		...(await Promise.all(
			[0, 1].map(() =>
				startServer({ RATE_LIMIT_FACTOR: '1000' }, { databaseUrl: process.env.DATABASE_URL! })
			)
		))
	);
}, 180_000);
afterAll(async () => {
	await Promise.all(servers.map((s) => s.stop()));
});

describe('two app processes on one database file', () => {
	it('answers every concurrent write without a 5xx and stores every acknowledged one', async () => {
		const problems: string[] = [];
		const check = async (res: Response, what: string, ok: number[]) => {
			const body = await res.text();
			if (!ok.includes(res.status)) problems.push(`${what}: ${res.status} ${body.slice(0, 200)}`);
			const leaks = leaksIn(body);
			if (leaks.length) problems.push(`${what}: ${leaks.join(', ')}`);
			return ok.includes(res.status);
		};

		// Participants: even ones joined through server 0, odd ones through server 1.
		const phones: { phone: Browserless; id: string }[] = [];
		for (let i = 0; i < PARTICIPANTS; i++) {
			const phone = await joinedParticipant(servers[i % 2].url, world.running.code);
			phones.push({ phone, id: [...phone.cookies].find(([k]) => k.startsWith('sk_p_'))![1] });
		}
		const facilitatorOn = await Promise.all(
			servers.map((s) => signedIn(s.url, world.logins.facilitator!))
		);
		const steuern = `/teams/${world.teamId}/assessments/${world.running.id}/steuern`;

		const queue = LEVEL_KEYS.flatMap((itemKey, k) =>
			phones.map((p, i) => ({ ...p, i, itemKey, value: (i + k) % 5 }))
		);
		const ratings: { id: string; itemKey: string; value: number }[] = [];
		const rater = async () => {
			for (let next = queue.shift(); next; next = queue.shift()) {
				// Each participant alternates servers between its ratings (a phone behind a balancer).
				const phone = new Browserless(servers[(next.i + next.value) % 2].url);
				for (const [k, v] of next.phone.cookies) phone.cookies.set(k, v);
				const res = await phone.post(`/p/${world.running.code}?/rate`, {
					itemKey: next.itemKey,
					value: String(next.value),
					confidence: ''
				});
				if (await check(res, `rate ${next.itemKey}`, [200])) {
					ratings.push({ id: next.id, itemKey: next.itemKey, value: next.value });
				}
			}
		};
		const lastConsensus = new Map<string, number>();
		const consensusWriter = async () => {
			for (let round = 0; round < CONSENSUS_ROUNDS; round++) {
				for (const [k, itemKey] of LEVEL_KEYS.entries()) {
					const value = (round + k) % 5;
					const res = await facilitatorOn[(round + k) % 2].post(`${steuern}?/consensus`, {
						itemKey,
						value: String(value),
						reason: `Runde ${round}`
					});
					if (await check(res, `consensus ${itemKey}`, [200])) lastConsensus.set(itemKey, value);
				}
			}
		};
		const actionTitles: string[] = [];
		const actionWriter = async () => {
			for (let n = 0; n < ACTIONS; n++) {
				const title = `Maßnahme ${n} aus Prozess ${n % 2}`;
				const res = await facilitatorOn[n % 2].post(`${steuern}?/action`, {
					title,
					description: '',
					itemKey: LEVEL_KEYS[n % 5],
					owner: 'Team',
					dueDate: '2027-03-01',
					reviewDate: '',
					horizon: 'klein_anfangen',
					status: ''
				});
				if (await check(res, `action ${n}`, [200])) actionTitles.push(title);
			}
		};
		await Promise.all([
			...Array.from({ length: WORKERS }, rater),
			consensusWriter(),
			actionWriter()
		]);
		expect(problems).toEqual([]);
		expect(ratings).toHaveLength(PARTICIPANTS * LEVEL_KEYS.length);
		expect(actionTitles).toHaveLength(ACTIONS);

		const dbc = await openDatabase(process.env.DATABASE_URL!);
		const stored = await dbc.execute({
			sql: 'select participant_id, item_key, value from rating where assessment_id = ?',
			args: [world.running.id]
		});
		const byKey = new Map(
			stored.rows.map((r) => [`${r.participant_id}|${r.item_key}`, Number(r.value)])
		);
		expect(ratings.filter((r) => byKey.get(`${r.id}|${r.itemKey}`) !== r.value)).toEqual([]);
		const consensus = await dbc.execute({
			sql: 'select item_key, value from consensus where assessment_id = ?',
			args: [world.running.id]
		});
		expect(
			Object.fromEntries(consensus.rows.map((r) => [String(r.item_key), Number(r.value)]))
		).toEqual(Object.fromEntries(lastConsensus));
		const actions = await dbc.execute({
			sql: 'select title from action where assessment_id = ?',
			args: [world.running.id]
		});
		expect(actions.rows.map((r) => String(r.title)).sort()).toEqual([...actionTitles].sort());
		expect((await dbc.execute('PRAGMA integrity_check')).rows[0][0]).toBe('ok');
		dbc.close();
		for (const s of servers) expect(s.output()).not.toMatch(/SQLITE_BUSY|database is locked/);
	}, 180_000);
});
