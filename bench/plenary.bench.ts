// Plenary load test (not part of `npm test`): N simulated phones on one plenary, all from
// 127.0.0.1. Run after a build:  npx vite build && npx tsx bench/plenary.bench.ts 300
// Reports joins, ratings sent vs stored, latency percentiles for the spread phase and the burst,
// time until every client holds the revealed results, server peak RSS/CPU, and the app's rating
// throughput against a bare node:http server doing the same INSERT on a copy of the database.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';

const N = Number(process.argv[2] ?? 300);
const SPREAD_MS = Number(process.env.SPREAD_MS ?? 60_000);
const BURST_MS = 10_000;
const THROUGHPUT_MS = 10_000;
const THROUGHPUT_CONCURRENCY = 50;

const dir = mkdtempSync(join(tmpdir(), 'sk-plenary-'));
process.env.DATABASE_URL = `file:${join(dir, 'bench.db')}`;
process.env.DEMO_DATA = 'off';

const { createOrganization, createTeam, createAssessment, TEST_PASSWORD } =
	await import('../src/lib/server/testing/fixtures');
const { freePort, Browserless } = await import('../src/lib/server/testing/server');
const { client } = await import('../src/lib/server/db');

const LEVELS = ['level.1', 'level.2', 'level.3', 'level.4', 'level.5'];
const TRAITS = [
	'trait.raumbezug',
	'trait.sorgeverstaendnis',
	'trait.zusammenwirken',
	'trait.werthorizonte',
	'trait.infrastrukturen',
	'trait.planbarkeit'
];

const org = await createOrganization('bench');
const team = await createTeam(org.id, 'Mitgliederkonferenz');
const assessment = await createAssessment(team.id, {
	mode: 'plenary',
	status: 'laeuft',
	currentStep: 'pyramide',
	chosenSteps: ['merkmale'],
	joinCode: 'BENCH234'
});
const code = assessment.joinCode!;

// --- the app server ---------------------------------------------------------------------------
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [join(process.env.BUILD_DIR || 'build', 'index.js')], {
	env: {
		...process.env,
		NODE_ENV: 'production',
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: base,
		LIVE_POLL_MS: '500'
	},
	stdio: ['ignore', 'ignore', 'inherit']
});
for (;;) {
	try {
		if ((await fetch(`${base}/healthz`)).ok) break;
	} catch {
		/* starting */
	}
	await sleep(200);
}

function sleep(ms: number) {
	return new Promise((r) => setTimeout(r, ms));
}
function percentile(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const clockTicks = 100;
function serverUsage() {
	const stat = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
	const cpuSeconds = (Number(stat[11]) + Number(stat[12])) / clockTicks;
	const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
	const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
	return { cpuSeconds, peakRssMb: hwm };
}

const facilitator = new Browserless(base);
await facilitator.signIn(org.users.facilitator.email, TEST_PASSWORD);
const control = `/teams/${team.id}/assessments/${assessment.id}/steuern`;
async function facilitatorPost(action: string, fields: Record<string, string>) {
	const res = await facilitator.post(`${control}?/${action}`, fields);
	if (res.status >= 400) throw new Error(`facilitator ${action}: ${res.status}`);
}

// --- phones -----------------------------------------------------------------------------------
interface Phone {
	cookie: string;
	lastState: { currentStep: string; revealedSteps: string[] } | null;
	onState: ((s: { currentStep: string; revealedSteps: string[] }) => void) | null;
	stream?: AbortController;
}
const phones: Phone[] = [];
let joinFailures = 0;
const cpuStart = serverUsage().cpuSeconds;
const tJoin = performance.now();
await Promise.all(
	Array.from({ length: N }, async (_, i) => {
		await sleep((i * 20_000) / N); // people join over ~20 seconds
		const res = await fetch(`${base}/p/${code}?/join`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: base,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html'
			},
			body: new URLSearchParams({ nickname: '', actorGroup: i % 3 ? 'actor.nachbarschaften' : '' })
		});
		const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sk_p_'));
		if (res.status !== 303 || !cookie) {
			joinFailures++;
			return;
		}
		phones.push({ cookie: cookie.split(';')[0], lastState: null, onState: null });
	})
);
const joinSeconds = (performance.now() - tJoin) / 1000;

// Live streams: each phone holds one SSE connection and reacts to state notices.
let streamsOpen = 0;
await Promise.all(
	phones.map(async (phone) => {
		phone.stream = new AbortController();
		const res = await fetch(`${base}/p/${code}/live`, {
			headers: { cookie: phone.cookie, accept: 'text/event-stream' },
			signal: phone.stream.signal
		});
		if (!res.ok || !res.body) return;
		streamsOpen++;
		const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
		let buffer = '';
		void (async () => {
			try {
				for (;;) {
					const { value, done } = await reader.read();
					if (done) break;
					buffer += value;
					let end;
					while ((end = buffer.indexOf('\n\n')) >= 0) {
						const chunk = buffer.slice(0, end);
						buffer = buffer.slice(end + 2);
						const data = chunk
							.split('\n')
							.filter((l) => l.startsWith('data: '))
							.map((l) => l.slice(6))
							.join('\n');
						if (!data) continue;
						const state = JSON.parse(data);
						phone.lastState = state;
						phone.onState?.(state);
					}
				}
			} catch {
				/* aborted at the end */
			}
		})();
	})
);

const sent = new Set<string>();
let rejected = 0;
let errors = 0;
async function rate(phone: Phone, itemKey: string, value: number, latencies: number[]) {
	const t = performance.now();
	try {
		const res = await fetch(`${base}/p/${code}?/rate`, {
			method: 'POST',
			headers: {
				origin: base,
				cookie: phone.cookie,
				'content-type': 'application/x-www-form-urlencoded',
				'x-sveltekit-action': 'true',
				accept: 'application/json'
			},
			body: new URLSearchParams({ itemKey, value: String(value), confidence: 'eher_sicher' })
		});
		const body = await res.text();
		latencies.push(performance.now() - t);
		if (res.ok && body.includes('"type":"success"')) sent.add(`${phone.cookie}|${itemKey}`);
		else if (res.status >= 500) errors++;
		else rejected++;
	} catch {
		errors++;
	}
}

// Spread phase: levels in the first half, the facilitator switches to the characteristics,
// traits in the second half.
const spreadLatencies: number[] = [];
const half = SPREAD_MS / 2;
const tSpread = performance.now();
const spread = phones.flatMap((phone) => [
	...LEVELS.map(async (key) => {
		await sleep(Math.random() * (half - 2000));
		await rate(phone, key, Math.floor(Math.random() * 5), spreadLatencies);
	}),
	...TRAITS.map(async (key) => {
		await sleep(half + 2000 + Math.random() * (half - 2000));
		await rate(phone, key, Math.floor(Math.random() * 5), spreadLatencies);
	})
]);
await sleep(half);
await facilitatorPost('goto', { step: 'merkmale' });
await Promise.all(spread);
const spreadSeconds = (performance.now() - tSpread) / 1000;

// Burst: the facilitator opens the pyramid again; everyone changes level 1 within 10 seconds
// of seeing the notice ("bitte jetzt abstimmen").
const burstLatencies: number[] = [];
const burst = phones.map(
	(phone) =>
		new Promise<void>((done) => {
			phone.onState = (state) => {
				if (state.currentStep !== 'pyramide') return;
				phone.onState = null;
				setTimeout(
					() => rate(phone, 'level.1', Math.floor(Math.random() * 5), burstLatencies).then(done),
					Math.random() * BURST_MS
				);
			};
		})
);
await facilitatorPost('goto', { step: 'pyramide' });
await Promise.race([Promise.all(burst), sleep(BURST_MS + 30_000)]);

// Reveal: every client fetches the revealed results when the notice arrives.
let fetched = 0;
let fetchFailures = 0;
const tReveal = performance.now();
let lastFetchedAt = 0;
let lastNoticeAt = 0;
const revealFetches = phones.map(
	(phone) =>
		new Promise<void>((done) => {
			phone.onState = async (state) => {
				if (!state.revealedSteps.includes('pyramide')) return;
				phone.onState = null;
				lastNoticeAt = Math.max(lastNoticeAt, performance.now());
				try {
					// What the page's invalidateAll() asks for: the step's data, with the results.
					const res = await fetch(`${base}/p/${code}/__data.json`, {
						headers: { cookie: phone.cookie }
					});
					const body = await res.text();
					if (res.ok && body.includes('"type":"data"')) fetched++;
					else fetchFailures++;
				} catch {
					fetchFailures++;
				}
				lastFetchedAt = performance.now();
				done();
			};
		})
);
await facilitatorPost('reveal', { step: 'pyramide', revealed: '1' });
await Promise.race([Promise.all(revealFetches), sleep(60_000)]);
const revealSeconds = (lastFetchedAt - tReveal) / 1000;
const noticeSeconds = (lastNoticeAt - tReveal) / 1000;
const usage = serverUsage();
for (const phone of phones) phone.stream?.abort();

const stored = Number(
	(
		await client.execute({
			sql: 'SELECT count(*) AS n FROM rating WHERE assessment_id = ?',
			args: [assessment.id]
		})
	).rows[0].n
);
const duplicates = Number(
	(
		await client.execute({
			sql: 'SELECT count(*) AS n FROM (SELECT participant_id, item_key FROM rating WHERE assessment_id = ? GROUP BY 1, 2 HAVING count(*) > 1)',
			args: [assessment.id]
		})
	).rows[0].n
);

// --- throughput: the app against a bare node:http server with the same INSERT -----------------
async function throughput(url: string, cookies: string[], headers: Record<string, string>) {
	let ok = 0;
	const stopAt = performance.now() + THROUGHPUT_MS;
	await Promise.all(
		cookies.map(async (cookie, i) => {
			let k = 0;
			while (performance.now() < stopAt) {
				const res = await fetch(url, {
					method: 'POST',
					headers: { ...headers, cookie, 'content-type': 'application/x-www-form-urlencoded' },
					body: new URLSearchParams({
						itemKey: LEVELS[(i + k++) % LEVELS.length],
						value: String(k % 5),
						confidence: 'sicher'
					})
				});
				// A refused form action still answers 200 (type "failure"): count only saved ones.
				if (res.ok && (await res.text()).includes('"type":"success"')) ok++;
				else await res.body?.cancel();
			}
		})
	);
	return ok / (THROUGHPUT_MS / 1000);
}
const cookies = phones.slice(0, THROUGHPUT_CONCURRENCY).map((p) => p.cookie);
const appRps = await throughput(`${base}/p/${code}?/rate`, cookies, {
	origin: base,
	'x-sveltekit-action': 'true',
	accept: 'application/json'
});
server.kill('SIGTERM');

// The bare server: same request, same settings, same statements (rating upsert + revision bump).
copyFileSync(join(dir, 'bench.db'), join(dir, 'bare.db'));
const { createDatabaseClient } = await import('../src/lib/server/db');
const bare = createDatabaseClient(`file:${join(dir, 'bare.db')}`);
const participantOf = new Map<string, string>();
for (const row of (
	await bare.execute({
		sql: 'SELECT id FROM participant WHERE assessment_id = ?',
		args: [assessment.id]
	})
).rows)
	participantOf.set(`sk_p_${assessment.id}=${row.id}`, String(row.id));
const barePort = await freePort();
const bareServer = createServer((req, res) => {
	let body = '';
	req.on('data', (d) => (body += d));
	req.on('end', async () => {
		const form = new URLSearchParams(body);
		const participantId = participantOf.get(String(req.headers.cookie));
		const value = Number(form.get('value'));
		if (!participantId || !(value >= 0 && value <= 4)) {
			res.writeHead(400).end();
			return;
		}
		const now = Date.now();
		await bare.batch(
			[
				{
					sql: `INSERT INTO rating (assessment_id, participant_id, item_key, item_revision, value, confidence, note, first_value, created_at, updated_at)
						VALUES (?, ?, ?, 1, ?, ?, NULL, ?, ?, ?)
						ON CONFLICT(participant_id, item_key) DO UPDATE SET value = excluded.value, confidence = excluded.confidence, note = excluded.note, item_revision = excluded.item_revision, updated_at = excluded.updated_at`,
					args: [
						assessment.id,
						participantId,
						form.get('itemKey'),
						value,
						form.get('confidence'),
						value,
						now,
						now
					]
				},
				{ sql: 'UPDATE assessment SET revision = revision + 1 WHERE id = ?', args: [assessment.id] }
			],
			'write'
		);
		res.writeHead(200, { 'content-type': 'application/json' }).end('{"type":"success"}');
	});
});
await new Promise<void>((r) => bareServer.listen(barePort, '127.0.0.1', r));
const bareRps = await throughput(`http://127.0.0.1:${barePort}/`, cookies, {});
bareServer.close();

const total = phones.length;
console.log(`
Plenary load test — N = ${N}, ${cpus().length} cores, Node ${process.version}
joins: ${total}/${N} succeeded (${joinFailures} failed) in ${fmt(joinSeconds)} s; live streams open: ${streamsOpen}
ratings acknowledged (distinct participant×item): ${sent.size}; stored: ${stored}; duplicates: ${duplicates}; rejected (4xx): ${rejected}; errors/5xx: ${errors}
spread phase (${fmt(spreadSeconds)} s, ${spreadLatencies.length} requests): p50 ${fmt(percentile(spreadLatencies, 50))} ms, p95 ${fmt(percentile(spreadLatencies, 95))} ms, p99 ${fmt(percentile(spreadLatencies, 99))} ms
burst (${burstLatencies.length} requests within ${BURST_MS / 1000} s): p50 ${fmt(percentile(burstLatencies, 50))} ms, p95 ${fmt(percentile(burstLatencies, 95))} ms, p99 ${fmt(percentile(burstLatencies, 99))} ms
reveal: ${fetched}/${total} clients fetched the revealed results (HTTP 200), ${fetchFailures} failed; last one ${fmt(revealSeconds)} s after the reveal (last notice received after ${fmt(noticeSeconds)} s)
server: peak RSS ${fmt(usage.peakRssMb)} MB, CPU ${fmt(usage.cpuSeconds - cpuStart)} s over the run
rating throughput (${THROUGHPUT_CONCURRENCY} concurrent clients, ${THROUGHPUT_MS / 1000} s): app ${fmt(appRps)}/s, bare node:http ${fmt(bareRps)}/s, ratio ${(appRps / bareRps).toFixed(2)}
`);
process.exit(0);
