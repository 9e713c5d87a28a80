// History page benchmark: a team with 50 closed assessments × 10 participants × 11 items on a
// fresh temporary database. Measures the server-side work behind the history page
// (loadTeamHistory) against the result page's loader of ONE assessment (loadAssessmentResults),
// alternating in the same run, and prints the medians and their ratio (goal ≤ 2):
// - warm: every assessment's scored summary is in assessment_summary (what every view after the
//   first sees until something changes): one query, the 50 summaries parsed, no scoring;
// - cold: the cache is emptied (untimed) before each timed load, so the load reads all 5,500
//   ratings, scores all 50 assessments and writes their summaries back (the first view after a
//   deployment that bumps the summary version, or after a change to every assessment).
// Run: npx tsx bench/history.bench.ts
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';

// The database module reads DATABASE_URL at import, so it is set before the dynamic imports.
const dir = mkdtempSync(join(tmpdir(), 'sorgekompass-bench-history-'));
process.env.DATABASE_URL = `file:${join(dir, 'bench.db')}`;
process.env.DEMO_DATA = 'off';

const { client, db } = await import('../src/lib/server/db');
const s = await import('../src/lib/server/db/schema');
const { migrateDatabase } = await import('../src/lib/server/db/migrate');
const { loadTeamHistory } = await import('../src/lib/server/history');
const { loadAssessmentResults } = await import('../src/lib/server/results');
const { RATED_ITEMS, FRAMEWORK_VERSION } = await import('../src/lib/framework');

const ASSESSMENTS = 50;
const PARTICIPANTS = 10;
const ACTOR_KEYS = ['actor.freiwillige', 'actor.sorgeprofis', 'actor.nachbarschaften', null];
const WARMUP_RUNS = 30;
const MEASURED_RUNS = 101;
/** Fewer cold runs: each one rewrites 50 summaries. */
const COLD_RUNS = 31;

/** mulberry32: a small seeded PRNG, so every run benchmarks the same data. */
function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

async function buildTeam(): Promise<{ teamId: string; assessmentIds: string[] }> {
	await client.execute('PRAGMA journal_mode = WAL');
	await migrateDatabase(client, db);
	const random = seededRandom(20261130);
	const organizationId = randomUUID();
	const teamId = randomUUID();
	const statements: { run: () => unknown }[] = [
		db.insert(s.organization).values({
			id: organizationId,
			name: 'Benchmark-Verband',
			slug: 'bench',
			createdAt: new Date()
		}),
		db.insert(s.organizationSettings).values({ organizationId }),
		db.insert(s.team).values({ id: teamId, organizationId, name: 'Benchmark-Team' })
	];
	const assessmentIds: string[] = [];
	for (let a = 0; a < ASSESSMENTS; a++) {
		const assessmentId = randomUUID();
		assessmentIds.push(assessmentId);
		const date = new Date(Date.UTC(2022, 0, 1 + a * 30)).toISOString().slice(0, 10);
		statements.push(
			db.insert(s.assessment).values({
				id: assessmentId,
				teamId,
				date,
				title: `Standortbestimmung ${a + 1}`,
				frameworkVersion: FRAMEWORK_VERSION,
				status: 'abgeschlossen',
				nextDate: date
			})
		);
		for (let p = 0; p < PARTICIPANTS; p++) {
			const participantId = randomUUID();
			statements.push(
				db.insert(s.participant).values({
					id: participantId,
					assessmentId,
					resumeCode: `B${a}-${p}`,
					actorGroup: ACTOR_KEYS[p % ACTOR_KEYS.length]
				})
			);
			for (const item of RATED_ITEMS) {
				const value = random() < 0.1 ? null : Math.floor(random() * 5);
				statements.push(
					db.insert(s.rating).values({
						assessmentId,
						participantId,
						itemKey: item.key,
						itemRevision: item.revision,
						value,
						firstValue: value,
						confidence: value === null ? null : random() < 0.3 ? 'unsicher' : 'sicher'
					})
				);
			}
		}
		statements.push(
			db.insert(s.consensus).values({
				assessmentId,
				itemKey: 'level.2',
				itemRevision: 1,
				value: 2
			}),
			db.insert(s.action).values({
				id: randomUUID(),
				teamId,
				assessmentId,
				itemKey: 'level.1',
				title: `Maßnahme ${a + 1}`,
				reviewDate: date
			})
		);
	}
	await db.batch(statements as never);
	// One big batch leaves a large WAL; a running server would have checkpointed it long ago.
	await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
	return { teamId, assessmentIds };
}

function median(values: number[]): number {
	const sorted = values.slice().sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Median times of both loaders, measured alternately (one call of each per run) so that both see
 * the same machine load, heap and caches. `prepare` runs untimed before each call of `a`.
 */
async function measurePair(
	a: () => Promise<unknown>,
	b: () => Promise<unknown>,
	runs: number,
	prepare: () => Promise<unknown> = async () => {}
): Promise<[number, number]> {
	for (let i = 0; i < WARMUP_RUNS; i++) {
		await prepare();
		await a();
		await b();
	}
	const timesA: number[] = [];
	const timesB: number[] = [];
	for (let i = 0; i < runs; i++) {
		await prepare();
		let start = performance.now();
		await a();
		timesA.push(performance.now() - start);
		start = performance.now();
		await b();
		timesB.push(performance.now() - start);
	}
	return [median(timesA), median(timesB)];
}

const { teamId, assessmentIds } = await buildTeam();
const last = assessmentIds[assessmentIds.length - 1];
const check = await loadTeamHistory(teamId);
if (check.points.length !== ASSESSMENTS) throw new Error('team was not built');
const cached = await db.$count(s.assessmentSummary);
if (cached !== ASSESSMENTS)
	throw new Error(`expected ${ASSESSMENTS} cached summaries, got ${cached}`);

const history = () => loadTeamHistory(teamId);
const resultPage = () => loadAssessmentResults(last, { view: 'shared' });
const [warm, warmSingle] = await measurePair(history, resultPage, MEASURED_RUNS);
// Checkpointed after emptying, like the build above: the timed load then starts from the state
// an idle server would be in rather than from a WAL this loop keeps growing.
const emptyCache = async () => {
	await db.delete(s.assessmentSummary);
	await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
};
const [cold, coldSingle] = await measurePair(history, resultPage, COLD_RUNS, emptyCache);

const ms = (x: number): string => `${x.toFixed(2)} ms`;
const ratio = (x: number, y: number): string => `${(x / y).toFixed(2)}×`;
console.log(
	`node ${process.version}, ${ASSESSMENTS} assessments × ${PARTICIPANTS} participants × ${RATED_ITEMS.length} items`
);
console.log(
	`warm (summaries cached): median of ${MEASURED_RUNS} alternating runs after ${WARMUP_RUNS} warm-up runs`
);
console.log(`  history page load (loadTeamHistory, 50 assessments)   ${ms(warm)}`);
console.log(`  result page load (loadAssessmentResults, 1 assessment) ${ms(warmSingle)}`);
console.log(`  ratio                                                  ${ratio(warm, warmSingle)}`);
console.log(
	`cold (cache emptied before each history load): median of ${COLD_RUNS} alternating runs after ${WARMUP_RUNS} warm-up runs`
);
console.log(`  history page load (reads, scores and stores all 50)   ${ms(cold)}`);
console.log(`  result page load (loadAssessmentResults, 1 assessment) ${ms(coldSingle)}`);
console.log(`  ratio                                                  ${ratio(cold, coldSingle)}`);
client.close();
