// Durability through the BUILT server: participants stream ratings (form action ?/rate of
// /p/[code]) while the server process is killed with SIGKILL; after a restart on the same
// database file every acknowledged rating (answer 200 received) is there with its value and
// the file passes PRAGMA integrity_check. (A process crash, not a power cut: WAL with
// synchronous=NORMAL keeps committed transactions across the first, see docs/RELIABILITY.md.)
// Build first: BUILD_DIR=build-… npx vite build
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEVEL_KEYS } from '$lib/framework';
import { Browserless, startServer, type TestServer } from '../testing/server';
import {
	joinedParticipant,
	openDatabase,
	seedFixtureOrg,
	type OrgWorld
} from '../testing/hardening';

const PARTICIPANTS = 40;
const WORKERS = 8;

let world: OrgWorld;
let server: TestServer | undefined;

beforeAll(async () => {
	world = await seedFixtureOrg('absturz');
});
afterAll(async () => {
	await server?.stop('SIGKILL');
});

interface Sent {
	participant: string;
	itemKey: string;
	value: number;
}

function participantIdOf(phone: Browserless): string {
	const entry = [...phone.cookies].find(([k]) => k.startsWith('sk_p_'));
	if (!entry) throw new Error('no participant cookie');
	return entry[1];
}

describe('crash while ratings stream in', () => {
	it('keeps every acknowledged rating after SIGKILL and restart; the file is intact', async () => {
		server = await startServer(
			{ RATE_LIMIT_FACTOR: '1000' },
			{ databaseUrl: process.env.DATABASE_URL! }
		);
		const phones: Browserless[] = [];
		for (let i = 0; i < PARTICIPANTS; i++)
			phones.push(await joinedParticipant(server.url, world.running.code));

		// Every participant rates each of the five levels once; WORKERS requests in flight.
		const queue: { phone: Browserless; sent: Sent }[] = [];
		for (const key of LEVEL_KEYS) {
			for (const [i, phone] of phones.entries()) {
				queue.push({
					phone,
					sent: { participant: participantIdOf(phone), itemKey: key, value: (i + key.length) % 5 }
				});
			}
		}
		const acknowledged: Sent[] = [];
		let failedAfterKill = 0;
		let killed = false;
		const killAt = Math.floor(queue.length / 2);
		const worker = async () => {
			for (;;) {
				const next = queue.shift();
				if (!next) return;
				try {
					const res = await next.phone.post(`/p/${world.running.code}?/rate`, {
						itemKey: next.sent.itemKey,
						value: String(next.sent.value),
						confidence: '',
						note: `Notiz ${next.sent.itemKey}`
					});
					await res.body?.cancel();
					if (res.status === 200) acknowledged.push(next.sent);
					else if (!killed) throw new Error(`rating refused before the crash: ${res.status}`);
				} catch (e) {
					if (!killed) throw e;
					failedAfterKill++;
				}
				if (!killed && acknowledged.length >= killAt) {
					killed = true;
					server!.process.kill('SIGKILL');
				}
			}
		};
		await Promise.all(Array.from({ length: WORKERS }, worker));
		await server.stop('SIGKILL');
		expect(killed).toBe(true);
		expect(acknowledged.length).toBeGreaterThanOrEqual(killAt);
		console.info(
			`[crash] ${acknowledged.length} ratings acknowledged before SIGKILL, ${failedAfterKill} requests failed after it`
		);

		// The file on its own, before any server touches it again.
		const dbc = await openDatabase(process.env.DATABASE_URL!);
		const integrity = await dbc.execute('PRAGMA integrity_check');
		expect(integrity.rows.map((r) => String(r[0]))).toEqual(['ok']);
		dbc.close();

		server = await startServer(
			{ RATE_LIMIT_FACTOR: '1000' },
			{ databaseUrl: process.env.DATABASE_URL! }
		);
		const after = await openDatabase(process.env.DATABASE_URL!);
		const stored = await after.execute({
			sql: 'select participant_id, item_key, value, note from rating where assessment_id = ?',
			args: [world.running.id]
		});
		const byKey = new Map(
			stored.rows.map((r) => [
				`${r.participant_id}|${r.item_key}`,
				{ value: Number(r.value), note: String(r.note) }
			])
		);
		const missing = acknowledged.filter((a) => {
			const row = byKey.get(`${a.participant}|${a.itemKey}`);
			return !row || row.value !== a.value || row.note !== `Notiz ${a.itemKey}`;
		});
		expect(missing).toEqual([]);
		expect((await after.execute('PRAGMA integrity_check')).rows[0][0]).toBe('ok');
		after.close();

		// And the restarted server takes the rest.
		const again = new Browserless(server.url);
		for (const [k, v] of phones[0].cookies) again.cookies.set(k, v);
		const res = await again.post(`/p/${world.running.code}?/rate`, {
			itemKey: 'level.1',
			value: '4',
			confidence: 'sicher'
		});
		expect(res.status).toBe(200);
	}, 180_000);
});
