import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { client, db } from './db';
import * as s from './db/schema';
import { seedDemoData, DEMO_TEAM } from './demo';
import { compareHistoryPoints, defaultPair, loadTeamHistory, type TeamHistory } from './history';
import {
	createAssessment,
	createOrganization,
	createParticipant,
	createRating,
	createTeam,
	migrated
} from './testing/fixtures';
import { formatStufenwert } from '../scoring';
import {
	bumpRevision,
	closeAssessment,
	removeParticipant,
	reopenAssessment,
	setStep
} from './assessments';
import { clearConsensus, setConsensus } from './consensus';
import { getSettings, saveSettings } from './organizations';
import { capturePaperSheet } from './paper';
import { setActorGroup } from './participants';
import { saveRating } from './responses';
import { applyRetention } from './retention';
import { loadAssessmentResults } from './results';
import { ACTOR_KEYS, RATED_ITEMS } from '../framework';

/** Counts the SQL statements sent through the shared libSQL client while `run` runs. */
async function countQueries(run: () => Promise<unknown>): Promise<number> {
	const execute = client.execute;
	const batch = client.batch;
	let count = 0;
	client.execute = ((...args: Parameters<typeof execute>) => {
		count++;
		return execute.apply(client, args);
	}) as typeof execute;
	client.batch = ((...args: Parameters<typeof batch>) => {
		count += Array.isArray(args[0]) ? args[0].length : 1;
		return batch.apply(client, args);
	}) as typeof batch;
	try {
		await run();
	} finally {
		client.execute = execute;
		client.batch = batch;
	}
	return count;
}

/** A closed assessment with `participants` raters giving every level the same value. */
async function closedAssessment(teamId: string, date: string, value: number, participants = 3) {
	const a = await createAssessment(teamId, { date, status: 'abgeschlossen', joinCode: null });
	const statements = [];
	for (let p = 0; p < participants; p++) {
		const participantId = randomUUID();
		statements.push(
			db.insert(s.participant).values({
				id: participantId,
				assessmentId: a.id,
				resumeCode: `R${p}${randomUUID().slice(0, 6)}`
			})
		);
		for (let level = 1; level <= 5; level++) {
			statements.push(
				db.insert(s.rating).values({
					assessmentId: a.id,
					participantId,
					itemKey: `level.${level}`,
					itemRevision: 1,
					value,
					firstValue: value
				})
			);
		}
	}
	await db.batch(statements as never);
	return a;
}

/** mulberry32: a small seeded PRNG, so the mixed data is the same in every run. */
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

/** Forgets every cached summary, so the next load computes from the raw rows. */
async function clearSummaries(): Promise<void> {
	await db.delete(s.assessmentSummary);
}

/** Cached summaries of the given teams' assessments. */
async function summaryCount(teamIds: string[]): Promise<number> {
	return db.$count(
		s.assessmentSummary,
		inArray(
			s.assessmentSummary.assessmentId,
			db
				.select({ id: s.assessment.id })
				.from(s.assessment)
				.where(inArray(s.assessment.teamId, teamIds))
		)
	);
}

let demoSeeded: Promise<void> | undefined;
async function demoTeam() {
	demoSeeded ??= seedDemoData();
	await demoSeeded;
	return db.select().from(s.team).where(eq(s.team.name, DEMO_TEAM));
}

beforeAll(async () => {
	await migrated();
});

describe('team history of the demo data', () => {
	// The first load computes every summary and stores it; the second serves the stored ones.
	it.each(['computed', 'cached'])(
		'shows the movement the demo was built with (%s)',
		async (how) => {
			const [team] = await demoTeam();
			await clearSummaries();
			if (how === 'cached') await loadTeamHistory(team.id);
			let history: TeamHistory | undefined;
			// Computed: one read and one write of the new summaries; cached: the one read.
			const queries = await countQueries(async () => (history = await loadTeamHistory(team.id)));
			expect(queries).toBe(how === 'computed' ? 2 : 1);
			if (!history) throw new Error('no history');

			expect(history.points.map((p) => p.date)).toEqual(['2025-11-13', '2026-05-21', '2026-11-12']);
			expect(history.points.map((p) => p.pyramid.reachedLevel)).toEqual([0, 1, 2]);
			expect(history.points.map((p) => formatStufenwert(p.pyramid.stufenwert, 'en'))).toEqual([
				'0.67',
				'1.67',
				'2.67'
			]);
			// Teamwerte per level (lower median, or the consensus where one was set), by hand from demo.ts:
			// 2025-11-13: L1 1,2,2,2,3 → 2; L2 1,1,1,2,2 → 1; L3 0,1,1,2 → 1; L4 → 0; L5 → 0
			// 2026-05-21: L1 → 3; L2 consensus 2; L3 → 1; L4 0,1,1,1,1,1,2 → 1; L5 → 0
			// 2026-11-12: L1 → 3; L2 2,2,2,3,3,3,3,3,4 → 3; L3 → 2; L4 consensus 2; L5 0,0,0,1,1,2 → 0
			const byLevel = history.levels.map((l) => l.points.map((p) => p.teamValue));
			expect(byLevel).toEqual([
				[2, 3, 3],
				[1, 2, 3],
				[1, 1, 2],
				[0, 1, 2],
				[0, 0, 0]
			]);
			// min–max band of individual ratings (every level has ≥ 3 known ratings here)
			expect(history.levels[0].points.map((p) => [p.min, p.max])).toEqual([
				[1, 3],
				[2, 4],
				[2, 4]
			]);
			expect(history.levels[3].points.map((p) => [p.min, p.max])).toEqual([
				[0, 1],
				[0, 2],
				[0, 4]
			]);
			expect(history.levels.every((l) => l.points.every((p) => p.comparableWithPrevious))).toBe(
				true
			);
			// who was in the room: 6, 8, 9 participants; groups below m = 3 only counted together
			expect(history.points.map((p) => p.participantCount)).toEqual([6, 8, 9]);
			expect(history.points[0].room).toEqual({
				total: 6,
				untagged: 1,
				groups: [{ actorGroup: 'actor.sorgeprofis', count: 3 }],
				otherGroups: 2
			});
			// two actions decided in each assessment; the first two reviewed on 2026-05-21
			expect(history.points.map((p) => p.actionsDecided.length)).toEqual([2, 2, 2]);
			expect(history.points.map((p) => p.actionsReviewed.length)).toEqual([0, 2, 2]);
		}
	);
});

describe('query count', () => {
	it('is the same for a team with 3 and with 50 assessments, with and without cached summaries', async () => {
		const org = await createOrganization('qc');
		const small = await createTeam(org.id, 'Drei');
		const large = await createTeam(org.id, 'Fünfzig');
		for (let i = 0; i < 3; i++) await closedAssessment(small.id, `2024-01-${10 + i}`, 2);
		for (let i = 0; i < 50; i++) {
			const date = new Date(Date.UTC(2020, 0, 1 + i * 30)).toISOString().slice(0, 10);
			await closedAssessment(large.id, date, i % 5);
		}
		let smallHistory: TeamHistory | undefined;
		let largeHistory: TeamHistory | undefined;
		// Cold: nothing cached yet. One read (settings, assessments with their raw rows, actions)
		// and one write of all computed summaries.
		const smallCold = await countQueries(
			async () => (smallHistory = await loadTeamHistory(small.id))
		);
		const largeCold = await countQueries(
			async () => (largeHistory = await loadTeamHistory(large.id))
		);
		expect(smallHistory!.points).toHaveLength(3);
		expect(largeHistory!.points).toHaveLength(50);
		expect(smallCold).toBe(2);
		expect(largeCold).toBe(smallCold);
		expect(await summaryCount([small.id, large.id])).toBe(53);
		// Warm: the one read, summaries included.
		const smallWarm = await countQueries(() => loadTeamHistory(small.id));
		const largeWarm = await countQueries(() => loadTeamHistory(large.id));
		expect(smallWarm).toBe(1);
		expect(largeWarm).toBe(smallWarm);
		// Partly stale (one assessment changed): still one read and one write.
		const [one] = await db
			.select({ id: s.assessment.id })
			.from(s.assessment)
			.where(eq(s.assessment.teamId, large.id))
			.limit(1);
		await bumpRevision(one.id);
		expect(await countQueries(() => loadTeamHistory(large.id))).toBe(2);
	});
});

describe('comparison of two assessments', () => {
	it('gives ↑ ↓ → per item and "nicht vergleichbar" where the revision differs', async () => {
		const org = await createOrganization('cmp');
		const team = await createTeam(org.id, 'Vergleich');
		const earlier = await createAssessment(team.id, {
			date: '2026-01-15',
			status: 'abgeschlossen',
			joinCode: null
		});
		const later = await createAssessment(team.id, {
			date: '2026-07-15',
			status: 'abgeschlossen',
			joinCode: null
		});
		// level.1: 1,1,1 → 3,3,3 (↑); level.2: 3,3,3 → 2,2,2 (↓); level.3: 2 → 2 (→);
		// level.4: 1 → 3 but revision 1 → 2 (nicht vergleichbar); level.5: only 2 raters later (lowN,
		// no consensus: no shared Teamwert → nicht vergleichbar)
		const plan: Record<string, [number[], number[], number?]> = {
			'level.1': [
				[1, 1, 1],
				[3, 3, 3]
			],
			'level.2': [
				[3, 3, 3],
				[2, 2, 2]
			],
			'level.3': [
				[2, 2, 2],
				[2, 2, 2]
			],
			'level.4': [[1, 1, 1], [3, 3, 3], 2],
			'level.5': [
				[0, 0, 0],
				[1, 1]
			]
		};
		const earlierPeople = await Promise.all([0, 1, 2].map(() => createParticipant(earlier.id)));
		const laterPeople = await Promise.all([0, 1, 2].map(() => createParticipant(later.id)));
		for (const [itemKey, [before, after, laterRevision]] of Object.entries(plan)) {
			for (const [i, value] of before.entries()) {
				await db.insert(s.rating).values({
					assessmentId: earlier.id,
					participantId: earlierPeople[i].id,
					itemKey,
					itemRevision: 1,
					value
				});
			}
			for (const [i, value] of after.entries()) {
				await db.insert(s.rating).values({
					assessmentId: later.id,
					participantId: laterPeople[i].id,
					itemKey,
					itemRevision: laterRevision ?? 1,
					value
				});
			}
		}
		await db.insert(s.action).values({
			id: randomUUID(),
			teamId: team.id,
			assessmentId: earlier.id,
			itemKey: 'level.1',
			title: 'Nachbarschaftsfest',
			status: 'erledigt'
		});

		const history = await loadTeamHistory(team.id);
		expect(defaultPair(history)).toEqual([earlier.id, later.id]);
		// either order of the ids: the earlier assessment by date comes first
		const result = compareHistoryPoints(history, later.id, earlier.id)!;
		expect(result.earlier.id).toBe(earlier.id);
		const direction = Object.fromEntries(
			result.rows.map((r) => [r.comparison.itemKey, r.comparison.direction])
		);
		expect(direction).toEqual({
			'level.1': 'up',
			'level.2': 'down',
			'level.3': 'same',
			'level.4': 'not_comparable',
			'level.5': 'not_comparable'
		});
		const level4 = result.rows.find((r) => r.comparison.itemKey === 'level.4')!;
		expect(level4.comparison.reason).toBe('revision');
		const level5 = result.rows.find((r) => r.comparison.itemKey === 'level.5')!;
		expect(level5.later?.summary.suppressed).toBe(true);
		const level1 = result.rows.find((r) => r.comparison.itemKey === 'level.1')!;
		expect(level1.actions).toEqual([
			expect.objectContaining({ title: 'Nachbarschaftsfest', status: 'erledigt', direction: 'up' })
		]);
		// the history line of level 4 is broken at the later assessment
		expect(history.levels[3].points.map((p) => p.comparableWithPrevious)).toEqual([true, false]);
		// a lowN item shows no band
		expect(history.levels[4].points[1]).toMatchObject({ min: null, max: null, lowN: true });
	});
});

/** The history as computed from the raw rows alone: every cached summary forgotten first. */
async function computedHistory(teamId: string): Promise<TeamHistory> {
	await clearSummaries();
	return loadTeamHistory(teamId);
}

/** A point's level `key` as the history's level line shows it. */
function level(history: TeamHistory, index: number, assessmentId: string) {
	const point = history.levels[index].points.find((p) => p.assessmentId === assessmentId);
	if (!point) throw new Error(`assessment ${assessmentId} not in the history`);
	return point;
}

/** An organisation of its own (settings change per test), a team and one closed assessment. */
async function oneClosed(label: string) {
	const org = await createOrganization(label);
	const team = await createTeam(org.id, label);
	const a = await closedAssessment(team.id, '2026-03-01', 2);
	const people = await db
		.select({ id: s.participant.id })
		.from(s.participant)
		.where(eq(s.participant.assessmentId, a.id));
	// The history is loaded (and its summary stored) before every change below.
	const before = await loadTeamHistory(team.id);
	expect(await summaryCount([team.id])).toBe(1);
	return { org, team, a, participantIds: people.map((p) => p.id), before };
}

/** Reopens the assessment on the pyramid step, makes a change as the app does, closes it. */
async function changeWhileOpen(
	assessmentId: string,
	change: (target: s.Assessment) => Promise<unknown>
): Promise<void> {
	await reopenAssessment(assessmentId);
	const target = await setStep(assessmentId, 'pyramide');
	await change(target);
	await closeAssessment(assessmentId);
}

describe('cached summaries', () => {
	it('give the same history as computing it from the raw rows', async () => {
		const org = await createOrganization('cache-eq');
		const team = await createTeam(org.id, 'Gemischt');
		const random = seededRandom(7);
		const actorKeys = [...ACTOR_KEYS.slice(0, 3), null];
		for (let i = 0; i < 8; i++) {
			const a = await createAssessment(team.id, {
				date: `2025-0${i + 1}-15`,
				status: 'abgeschlossen',
				joinCode: null
			});
			// 1 to 9 participants: some items fall under the minimum-group-size rule, some do not.
			const people = 1 + Math.floor(random() * 9);
			for (let p = 0; p < people; p++) {
				const person = await createParticipant(a.id, {
					actorGroup: actorKeys[Math.floor(random() * actorKeys.length)]
				});
				for (const item of RATED_ITEMS) {
					if (random() < 0.15) continue;
					const value = random() < 0.15 ? null : Math.floor(random() * 5);
					await createRating(person, item.key, value, {
						itemRevision: i < 4 ? 1 : item.revision,
						confidence: value === null ? null : random() < 0.3 ? 'unsicher' : 'sicher'
					});
				}
			}
			await db.insert(s.consensus).values({
				assessmentId: a.id,
				itemKey: RATED_ITEMS[i % RATED_ITEMS.length].key,
				itemRevision: 1,
				value: i % 5,
				reason: `„Begründung“ mit "Anführungszeichen", \\ und ✓ (${i})`
			});
		}
		const first = await loadTeamHistory(team.id);
		let cached: TeamHistory | undefined;
		expect(await countQueries(async () => (cached = await loadTeamHistory(team.id)))).toBe(1);
		const computed = await computedHistory(team.id);
		expect(computed.points).toHaveLength(8);
		expect(first).toEqual(computed);
		expect(cached).toEqual(computed);
	});

	it('a changed rating shows in the next load', async () => {
		const { team, a, participantIds, before } = await oneClosed('cache-rating');
		expect(level(before, 0, a.id)).toMatchObject({ teamValue: 2, min: 2, max: 2 });
		await changeWhileOpen(a.id, async (target) => {
			for (const id of participantIds.slice(0, 2)) {
				const saved = await saveRating(target, id, { itemKey: 'level.1', value: '4' });
				expect(saved.ok).toBe(true);
			}
		});
		const after = await loadTeamHistory(team.id);
		// 2, 4, 4: lower median 4, band 2–4
		expect(level(after, 0, a.id)).toMatchObject({ teamValue: 4, min: 2, max: 4 });
		expect(after).toEqual(await computedHistory(team.id));
	});

	it('a Teamwert set or cleared shows in the next load', async () => {
		const { team, a, before } = await oneClosed('cache-consensus');
		expect(level(before, 2, a.id)).toMatchObject({ teamValue: 2, hasConsensus: false });
		await changeWhileOpen(a.id, () =>
			setConsensus(a.id, { itemKey: 'level.3', value: 0, reason: 'Noch nichts erkennbar' }, null)
		);
		const set = await loadTeamHistory(team.id);
		expect(level(set, 2, a.id)).toMatchObject({ teamValue: 0, hasConsensus: true });
		expect(set.points[0].items['level.3'].summary.consensusReason).toBe('Noch nichts erkennbar');
		expect(set).toEqual(await computedHistory(team.id));

		await changeWhileOpen(a.id, () => clearConsensus(a.id, 'level.3'));
		const cleared = await loadTeamHistory(team.id);
		expect(level(cleared, 2, a.id)).toMatchObject({ teamValue: 2, hasConsensus: false });
		expect(cleared).toEqual(await computedHistory(team.id));
	});

	it('a removed participant shows in the next load', async () => {
		const { team, a, participantIds } = await oneClosed('cache-remove');
		await changeWhileOpen(a.id, () => removeParticipant(a.id, participantIds[0]));
		const after = await loadTeamHistory(team.id);
		expect(after.points[0].participantCount).toBe(2);
		// Two known ratings are fewer than m = 3: no band any more.
		expect(level(after, 0, a.id)).toMatchObject({ n: 2, lowN: true, min: null, max: null });
		expect(after).toEqual(await computedHistory(team.id));
	});

	it('an actor group and a paper sheet show in the next load', async () => {
		const { team, a, participantIds, before } = await oneClosed('cache-room');
		expect(before.points[0].room).toMatchObject({ total: 3, untagged: 3, groups: [] });
		await changeWhileOpen(a.id, async (target) => {
			for (const id of participantIds) {
				const tagged = await setActorGroup(target, id, { actorGroup: ACTOR_KEYS[0] });
				expect(tagged.ok).toBe(true);
			}
			await capturePaperSheet(a.id, {
				key: randomUUID(),
				actorGroup: null,
				ratings: [{ itemKey: 'level.5', value: 4 }]
			});
		});
		const after = await loadTeamHistory(team.id);
		expect(after.points[0].participantCount).toBe(4);
		expect(after.points[0].room).toEqual({
			total: 4,
			untagged: 1,
			groups: [{ actorGroup: ACTOR_KEYS[0], count: 3 }],
			otherGroups: 0
		});
		// 2, 2, 2 and the sheet's 4
		expect(level(after, 4, a.id)).toMatchObject({ n: 4, min: 2, max: 4 });
		expect(after).toEqual(await computedHistory(team.id));
	});

	it('a new minimum group size shows in the next load, per organisation', async () => {
		const { org, team, a, before } = await oneClosed('cache-m');
		const other = await oneClosed('cache-m-other');
		expect(level(before, 0, a.id)).toMatchObject({ n: 3, lowN: false, min: 2, max: 2 });
		const settings = await getSettings(org.id);
		await saveSettings(org.id, { ...settings, minGroupSize: 4 });
		const stricter = await loadTeamHistory(team.id);
		expect(stricter.minGroupSize).toBe(4);
		expect(level(stricter, 0, a.id)).toMatchObject({ n: 3, lowN: true, min: null, max: null });
		expect(stricter.points[0].items['level.1'].summary.suppressed).toBe(true);
		// The other organisation keeps m = 3 and its own summary.
		const untouched = await loadTeamHistory(other.team.id);
		expect(level(untouched, 0, other.a.id)).toMatchObject({ lowN: false, min: 2, max: 2 });
		expect(stricter).toEqual(await computedHistory(team.id));

		await saveSettings(org.id, { ...settings, minGroupSize: 3 });
		const back = await loadTeamHistory(team.id);
		expect(level(back, 0, a.id)).toMatchObject({ lowN: false, min: 2, max: 2 });
		expect(back).toEqual(before);
	});

	it('applies the floor of two like the result page, even to a stored setting of one', async () => {
		const { org, team, a } = await oneClosed('cache-floor');
		await db
			.update(s.organizationSettings)
			.set({ minGroupSize: 1 })
			.where(eq(s.organizationSettings.organizationId, org.id));
		const history = await loadTeamHistory(team.id);
		expect(history.minGroupSize).toBe(2);
		const results = await loadAssessmentResults(a.id, { view: 'shared' });
		expect(results?.minGroupSize).toBe(2);
		expect(await loadTeamHistory(team.id)).toEqual(history);
	});

	it('retention drops the summary with the ratings it was computed from', async () => {
		const { org, team, a } = await oneClosed('cache-retention');
		await db
			.update(s.organizationSettings)
			.set({ retentionDays: 30 })
			.where(eq(s.organizationSettings.organizationId, org.id));
		await db
			.update(s.assessment)
			.set({ closedAt: new Date(Date.now() - 40 * 86_400_000) })
			.where(eq(s.assessment.id, a.id));
		await applyRetention();
		expect(await summaryCount([team.id])).toBe(0);
		const after = await loadTeamHistory(team.id);
		expect(after.points[0].participantCount).toBe(3);
		expect(level(after, 0, a.id)).toMatchObject({ n: 0, teamValue: null, min: null });
		expect(after).toEqual(await computedHistory(team.id));
	});

	it('a reopened assessment leaves the history and is not cached while it runs', async () => {
		const { team, a } = await oneClosed('cache-reopen');
		const summaryRow = () =>
			db.select().from(s.assessmentSummary).where(eq(s.assessmentSummary.assessmentId, a.id));
		const [stored] = await summaryRow();
		await reopenAssessment(a.id);
		expect((await loadTeamHistory(team.id)).points).toEqual([]);
		// Left as it was: stale by its revision, and never written while the assessment runs.
		expect(await summaryRow()).toEqual([stored]);
	});

	it('a damaged cached summary is computed anew instead of failing the page', async () => {
		const { team, a, before } = await oneClosed('cache-damaged');
		await db
			.update(s.assessmentSummary)
			.set({ data: '{"participantCount": 3, "ro' })
			.where(eq(s.assessmentSummary.assessmentId, a.id));
		expect(await loadTeamHistory(team.id)).toEqual(before);
		const [repaired] = await db
			.select({ data: s.assessmentSummary.data })
			.from(s.assessmentSummary)
			.where(eq(s.assessmentSummary.assessmentId, a.id));
		expect(() => JSON.parse(repaired.data)).not.toThrow();
	});

	it('a failing write of the summaries does not fail the page', async () => {
		const { team, before } = await oneClosed('cache-write-fails');
		await clearSummaries();
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		await client.execute(
			"CREATE TRIGGER summary_refused BEFORE INSERT ON assessment_summary BEGIN SELECT RAISE(ABORT, 'database is full'); END"
		);
		try {
			expect(await loadTeamHistory(team.id)).toEqual(before);
			expect(logged).toHaveBeenCalledWith(
				'[history] could not store assessment summaries',
				expect.anything()
			);
		} finally {
			await client.execute('DROP TRIGGER summary_refused');
			logged.mockRestore();
		}
		expect(await summaryCount([team.id])).toBe(0);
	});

	it('concurrent first loads store each summary once, without errors', async () => {
		const { team, before } = await oneClosed('cache-concurrent');
		await closedAssessment(team.id, '2026-04-01', 3);
		await clearSummaries();
		const logged = vi.spyOn(console, 'error');
		try {
			const loads = await Promise.all([1, 2, 3].map(() => loadTeamHistory(team.id)));
			expect(logged).not.toHaveBeenCalled();
			for (const history of loads) expect(history).toEqual(loads[0]);
			expect(loads[0].points[0]).toEqual(before.points[0]);
		} finally {
			logged.mockRestore();
		}
		expect(await summaryCount([team.id])).toBe(2);
	});
});
