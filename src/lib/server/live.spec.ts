// Live updates through real built servers: two processes on one database file stay in step
// (the database is the source of truth), replayed ratings store one row, the facilitator's
// timebox reaches participants and never blocks, and SIGTERM ends open streams cleanly.
// Needs a build: BUILD_DIR=build-live SVELTEKIT_OUT_DIR=.svelte-kit-live npx vite build.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import * as s from '$lib/server/db/schema';
import {
	createAssessment,
	createOrganization,
	createTeam,
	migrated,
	TEST_PASSWORD,
	type TestOrganization
} from '$lib/server/testing/fixtures';
import { Browserless, startServer, type TestServer } from '$lib/server/testing/server';
import type { LiveState } from './live';

const WAIT_MS = 20_000;
const LEVEL_1 = 'level.1';
const LEVEL_2 = 'level.2';

let serverA: TestServer;
let serverB: TestServer;
let org: TestOrganization;
let teamId: string;
let assessmentId: string;
let code: string;
let facilitatorB: Browserless;

/** An open SSE stream read with fetch: every `state` event in order, and whether it ended. */
interface Stream {
	status: number;
	contentType: string | null;
	states: LiveState[];
	raw: string[];
	ended: Promise<void>;
	waitFor: (test: (state: LiveState) => boolean, ms?: number) => Promise<LiveState>;
	close: () => void;
}

async function openStream(url: string, cookies: Map<string, string>): Promise<Stream> {
	const controller = new AbortController();
	const res = await fetch(url, {
		redirect: 'manual',
		signal: controller.signal,
		headers: {
			accept: 'text/event-stream',
			cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ')
		}
	});
	if (res.status !== 200) await res.body?.cancel();
	const states: LiveState[] = [];
	const raw: string[] = [];
	const waiters = new Set<() => void>();
	const ended = (async () => {
		if (!res.body) return;
		const reader = res.body.getReader();
		const decoder = new TextDecoder();
		let buffer = '';
		try {
			for (;;) {
				const { done, value } = await reader.read();
				if (done) break;
				buffer += decoder.decode(value, { stream: true });
				let end: number;
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					const block = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					raw.push(block);
					const lines = block.split('\n');
					if (!lines.includes('event: state')) continue;
					const data = lines.find((l) => l.startsWith('data: '));
					if (data) states.push(JSON.parse(data.slice(6)) as LiveState);
					for (const wake of waiters) wake();
				}
			}
		} catch {
			// aborted by the test
		}
	})();
	const waitFor = (test: (state: LiveState) => boolean, ms = WAIT_MS) =>
		new Promise<LiveState>((ok, fail) => {
			const check = () => {
				const hit = states.find(test);
				if (!hit) return false;
				waiters.delete(check);
				clearTimeout(timer);
				ok(hit);
				return true;
			};
			const timer = setTimeout(() => {
				waiters.delete(check);
				fail(new Error(`no matching live state within ${ms} ms: ${JSON.stringify(states)}`));
			}, ms);
			if (!check()) waiters.add(check);
		});
	return {
		status: res.status,
		contentType: res.headers.get('content-type'),
		states,
		raw,
		ended,
		waitFor,
		close: () => controller.abort()
	};
}

/** A participant who joined through the join form of the given server. */
async function join(server: TestServer, nickname = ''): Promise<Browserless> {
	const phone = new Browserless(server.url);
	const res = await phone.post(`/p/${code}?/join`, { nickname, actorGroup: '' });
	expect(res.status).toBe(303);
	expect(phone.cookies.size).toBe(1);
	return phone;
}

const rate = (phone: Browserless, itemKey: string, value: string) =>
	phone.post(`/p/${code}?/rate`, { itemKey, value, confidence: '', note: '' });

async function ratingRows(participantId: string, itemKey: string) {
	return db
		.select()
		.from(s.rating)
		.where(and(eq(s.rating.participantId, participantId), eq(s.rating.itemKey, itemKey)));
}

async function participantIdOf(phone: Browserless): Promise<string> {
	const [value] = [...phone.cookies.values()];
	return value;
}

const facilitatorStreamUrl = (server: TestServer) =>
	`${server.url}/teams/${teamId}/assessments/${assessmentId}/live`;
const controlUrl = () => `/teams/${teamId}/assessments/${assessmentId}/steuern`;

beforeAll(async () => {
	await migrated();
	org = await createOrganization('live');
	teamId = (await createTeam(org.id, 'Quartier Live')).id;
	const a = await createAssessment(teamId, { currentStep: 'pyramide', title: 'Live-Workshop' });
	assessmentId = a.id;
	code = a.joinCode!;
	serverA = await startServer({}, { databaseUrl: process.env.DATABASE_URL! });
	serverB = await startServer({}, { databaseUrl: process.env.DATABASE_URL! });
	facilitatorB = new Browserless(serverB.url);
	await facilitatorB.signIn(org.users.facilitator.email, TEST_PASSWORD);
});

afterAll(async () => {
	await Promise.all([serverA?.stop(), serverB?.stop()]);
});

describe('who may listen', () => {
	it('answers 404 for an unknown code and 403 for a device that did not join', async () => {
		const stranger = await openStream(`${serverA.url}/p/ZZZZ2222/live`, new Map());
		expect(stranger.status).toBe(404);
		const notJoined = await openStream(`${serverA.url}/p/${code}/live`, new Map());
		expect(notJoined.status).toBe(403);
		// A cookie with an id of nobody in this assessment does not help either.
		const forged = new Map([[`sk_p_${assessmentId}`, 'not-a-participant']]);
		expect((await openStream(`${serverA.url}/p/${code}/live`, forged)).status).toBe(403);
	});

	it('sends the facilitator stream only to signed-in members with access', async () => {
		const anonymous = await openStream(facilitatorStreamUrl(serverA), new Map());
		expect(anonymous.status).toBe(303);
		const outsider = new Browserless(serverA.url);
		const other = await createOrganization('live-other');
		await outsider.signIn(other.users.facilitator.email, TEST_PASSWORD);
		const foreign = await openStream(facilitatorStreamUrl(serverA), outsider.cookies);
		expect([403, 404]).toContain(foreign.status);
		const wrongTeam = await openStream(
			`${serverA.url}/teams/${(await createTeam(org.id, 'Anderes Team')).id}/assessments/${assessmentId}/live`,
			facilitatorB.cookies
		);
		expect(wrongTeam.status).toBe(404);
	});
});

describe('two server processes on one database', () => {
	it('a rating posted to one process appears in the live streams of the other', async () => {
		const phone = await join(serverA, 'Amsel');
		const facilitator = await openStream(facilitatorStreamUrl(serverB), facilitatorB.cookies);
		const participant = await openStream(`${serverB.url}/p/${code}/live`, phone.cookies);
		try {
			expect(facilitator.status).toBe(200);
			expect(facilitator.contentType).toMatch(/^text\/event-stream/);
			expect(participant.status).toBe(200);
			const first = await participant.waitFor(() => true);
			expect(first).toMatchObject({
				assessmentId,
				status: 'laeuft',
				currentStep: 'pyramide',
				revealedSteps: [],
				participants: 1
			});
			expect(first.ratedCounts[LEVEL_1] ?? 0).toBe(0);

			const res = await rate(phone, LEVEL_1, '3');
			expect(res.status).toBe(200);

			const seenByFacilitator = await facilitator.waitFor((st) => st.ratedCounts[LEVEL_1] === 1);
			const seenByParticipant = await participant.waitFor((st) => st.ratedCounts[LEVEL_1] === 1);
			expect(seenByFacilitator.revision).toBeGreaterThan(first.revision);
			// Participants learn counts, never values: the notice has exactly these fields.
			expect(Object.keys(seenByParticipant).sort()).toEqual(
				[
					'assessmentId',
					'consensusStamp',
					'currentStep',
					'participants',
					'ratedCounts',
					'resultsShared',
					'revealedSteps',
					'revision',
					'status',
					'timerEndsAt',
					'timerStep'
				].sort()
			);
			expect(JSON.stringify(participant.states)).not.toContain('"value"');

			// The step change made through process B reaches a participant listening on A.
			const onA = await openStream(`${serverA.url}/p/${code}/live`, phone.cookies);
			try {
				const moved = await facilitatorB.post(`${controlUrl()}?/goto`, { step: 'ankommen' });
				expect(moved.status).toBe(303);
				await onA.waitFor((st) => st.currentStep === 'ankommen');
				const back = await facilitatorB.post(`${controlUrl()}?/goto`, { step: 'pyramide' });
				expect(back.status).toBe(303);
				await onA.waitFor((st) => st.currentStep === 'pyramide');
			} finally {
				onA.close();
			}
		} finally {
			facilitator.close();
			participant.close();
		}
	});
});

describe('replayed ratings', () => {
	it('stores one row when the same request arrives ten times, one after another or at once', async () => {
		const phone = await join(serverA);
		const id = await participantIdOf(phone);
		for (let i = 0; i < 10; i++) expect((await rate(phone, LEVEL_2, '2')).status).toBe(200);
		const rows = await ratingRows(id, LEVEL_2);
		expect(rows).toHaveLength(1);
		expect(rows[0].value).toBe(2);

		// The same again, ten at once, half of them through the other process.
		const replays = await Promise.all(
			Array.from({ length: 10 }, (_, i) => {
				const through = new Browserless(i % 2 ? serverA.url : serverB.url);
				through.cookies = new Map(phone.cookies);
				return rate(through, LEVEL_2, '2');
			})
		);
		expect(replays.map((r) => r.status)).toEqual(Array(10).fill(200));
		const after = await ratingRows(id, LEVEL_2);
		expect(after).toHaveLength(1);
		expect(after[0].value).toBe(2);
		expect(after[0].firstValue).toBe(2);
	});
});

describe('timebox', () => {
	it('shows the time left to participants and never blocks writes after it ran out', async () => {
		const phone = await join(serverA);
		const id = await participantIdOf(phone);
		const stream = await openStream(`${serverA.url}/p/${code}/live`, phone.cookies);
		try {
			const before = Date.now();
			const set = await facilitatorB.post(`${controlUrl()}?/timer`, {
				intent: 'set',
				minutes: '5'
			});
			expect(set.status).toBe(200);
			expect(await set.text()).toContain('Der Zeitrahmen läuft.');
			const [row] = await db.select().from(s.assessment).where(eq(s.assessment.id, assessmentId));
			expect(row.timerStep).toBe('pyramide');
			const endsAt = row.timerEndsAt!.getTime();
			expect(endsAt).toBeGreaterThanOrEqual(before + 5 * 60_000);
			expect(endsAt).toBeLessThanOrEqual(Date.now() + 5 * 60_000);

			// Every screen learns the end time; the page itself says how long is left.
			const seen = await stream.waitFor((st) => st.timerEndsAt === endsAt);
			expect(seen.timerStep).toBe('pyramide');
			const page = await (await phone.get(`/p/${code}`)).text();
			expect(page).toContain('Zeit für diesen Schritt: noch');
			expect(page).toMatch(/class="clock[^"]*">(5:00|4:5\d)</);

			// The time runs out (set the end into the past, as a clock would): writes still work.
			await db
				.update(s.assessment)
				.set({ timerEndsAt: new Date(Date.now() - 1000) })
				.where(eq(s.assessment.id, assessmentId));
			const late = await phone.get(`/p/${code}`);
			expect(await late.text()).toContain('Die geplante Zeit für diesen Schritt ist um.');
			expect((await rate(phone, LEVEL_1, '1')).status).toBe(200);
			const rows = await ratingRows(id, LEVEL_1);
			expect(rows.map((r) => r.value)).toEqual([1]);

			const cleared = await facilitatorB.post(`${controlUrl()}?/timer`, { intent: 'clear' });
			expect(cleared.status).toBe(200);
			await stream.waitFor((st) => st.timerEndsAt === null && st.timerStep === null);
			expect(await (await phone.get(`/p/${code}`)).text()).not.toContain('data-testid="countdown"');
		} finally {
			stream.close();
		}
	});

	it('refuses nonsense minutes with a clear message and changes nothing', async () => {
		const [before] = await db.select().from(s.assessment).where(eq(s.assessment.id, assessmentId));
		const attempts: Record<string, string>[] = [
			{ intent: 'set', minutes: '0' },
			{ intent: 'set', minutes: 'zehn' },
			{ intent: 'set', minutes: '100000' },
			{ intent: 'set' },
			{ intent: 'pause', minutes: '5' }
		];
		for (const fields of attempts) {
			const res = await facilitatorB.post(`${controlUrl()}?/timer`, fields);
			expect(res.status).toBe(400);
			const html = await res.text();
			expect(html).toContain('Bitte prüfen Sie die markierten Felder.');
			expect(html).toMatch(/Bitte eine ganze Zahl von 1 bis 180\.|Diese Eingabe ist ungültig\./);
		}
		const [after] = await db.select().from(s.assessment).where(eq(s.assessment.id, assessmentId));
		expect(after.timerEndsAt).toEqual(before.timerEndsAt);
		expect(after.revision).toBe(before.revision);
		// Participants cannot set timers: a staff action called from a participant's device is 403.
		const phone = await join(serverA);
		const res = await phone.post(`${controlUrl()}?/timer`, { intent: 'set', minutes: '5' });
		expect(res.status).toBe(403);
		const [unchanged] = await db
			.select()
			.from(s.assessment)
			.where(eq(s.assessment.id, assessmentId));
		expect(unchanged.timerEndsAt).toEqual(before.timerEndsAt);
	});
});

describe('shutdown', () => {
	it('SIGTERM ends open live streams and the process exits', async () => {
		const serverC = await startServer({}, { databaseUrl: process.env.DATABASE_URL! });
		try {
			const phone = await join(serverC);
			const facilitator = new Browserless(serverC.url);
			await facilitator.signIn(org.users.facilitator.email, TEST_PASSWORD);
			const streams = [
				await openStream(`${serverC.url}/p/${code}/live`, phone.cookies),
				await openStream(facilitatorStreamUrl(serverC), facilitator.cookies)
			];
			await Promise.all(streams.map((st) => st.waitFor(() => true)));
			const exited = new Promise<number | null>((ok) =>
				serverC.process.once('exit', (exitCode) => ok(exitCode))
			);
			const signalled = Date.now();
			serverC.process.kill('SIGTERM');
			await Promise.all(streams.map((st) => st.ended));
			expect(await exited).toBe(0);
			expect(Date.now() - signalled).toBeLessThan(10_000);
		} finally {
			await serverC.stop('SIGKILL');
		}
	});
});
