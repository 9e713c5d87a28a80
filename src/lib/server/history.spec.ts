import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { client, db } from './db';
import * as s from './db/schema';
import { seedDemoData, DEMO_TEAM } from './demo';
import { compareHistoryPoints, defaultPair, loadTeamHistory } from './history';
import {
	createAssessment,
	createOrganization,
	createParticipant,
	createTeam,
	migrated
} from './testing/fixtures';
import { formatStufenwert } from '../scoring';

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

beforeAll(async () => {
	await migrated();
});

describe('team history of the demo data', () => {
	it('shows the movement the demo was built with, per level and date', async () => {
		await seedDemoData();
		const [team] = await db.select().from(s.team).where(eq(s.team.name, DEMO_TEAM));
		const history = await loadTeamHistory(team.id);

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
		expect(history.levels.every((l) => l.points.every((p) => p.comparableWithPrevious))).toBe(true);
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
	});
});

describe('query count', () => {
	it('is the same for a team with 3 and with 50 assessments', async () => {
		const org = await createOrganization('qc');
		const small = await createTeam(org.id, 'Drei');
		const large = await createTeam(org.id, 'Fünfzig');
		for (let i = 0; i < 3; i++) await closedAssessment(small.id, `2024-01-${10 + i}`, 2);
		for (let i = 0; i < 50; i++) {
			const date = new Date(Date.UTC(2020, 0, 1 + i * 30)).toISOString().slice(0, 10);
			await closedAssessment(large.id, date, i % 5);
		}
		let smallHistory: Awaited<ReturnType<typeof loadTeamHistory>> | undefined;
		let largeHistory: typeof smallHistory;
		const smallCount = await countQueries(
			async () => (smallHistory = await loadTeamHistory(small.id))
		);
		const largeCount = await countQueries(
			async () => (largeHistory = await loadTeamHistory(large.id))
		);
		expect(smallHistory!.points).toHaveLength(3);
		expect(largeHistory!.points).toHaveLength(50);
		// assessments, participants, ratings, consensus, actions with notes, settings
		expect(smallCount).toBe(6);
		expect(largeCount).toBe(smallCount);
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
