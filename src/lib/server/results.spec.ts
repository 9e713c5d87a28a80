// The shared results loader on a real database; every expected value is worked out by hand from
// docs/SCORING.md in the comments next to it.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from './db';
import * as s from './db/schema';
import {
	createAssessment,
	createOrganization,
	createParticipant,
	createRating,
	createTeam
} from './testing/fixtures';
import {
	AssessmentNotFoundError,
	loadAssessmentResults,
	toggleResultsShared,
	type AssessmentResults
} from './results';

const F = 'actor.freiwillige';
const P = 'actor.sorgeprofis';

/**
 * Five participants (tags F, F, F, P, none) in an organisation with m = 3:
 * - level.1: 3, 3, 4, 2            → sorted 2,3,3,4, lower median index 1 → 3; mean 3; 2–4
 * - level.2: 1, 3, 3, 4, unknown   → SCORING example 1: median 3, mean 2.75, dissent
 * - level.3: 2, 3 (two raters)     → lowN (2 < 3); median 2 only in the facilitator view
 * - level.4: 1 (one rater) + consensus 2 "Steuerungsgruppe trifft sich" → lowN, Teamwert 2
 * - level.5: no ratings            → offen
 * - trait.raumbezug: 0, 2, 4       → median 2, 0–4, dissent (2 of 3 two points away)
 */
async function scenario() {
	const org = await createOrganization();
	const team = await createTeam(org.id, 'Ergebnisteam');
	const assessment = await createAssessment(team.id, {
		title: 'Frühjahr',
		date: '2026-04-02'
	});
	const tags = [F, F, F, P, null];
	const people = [];
	for (const actorGroup of tags)
		people.push(await createParticipant(assessment.id, { actorGroup }));
	const [a, b, c, d, e] = people;

	await createRating(a, 'level.1', 3, { confidence: 'sicher' });
	await createRating(b, 'level.1', 3);
	await createRating(c, 'level.1', 4);
	await createRating(d, 'level.1', 2);

	await createRating(a, 'level.2', 1);
	await createRating(b, 'level.2', 3);
	await createRating(c, 'level.2', 3);
	await createRating(d, 'level.2', 4);
	await createRating(e, 'level.2', null);

	await createRating(a, 'level.3', 2);
	await createRating(b, 'level.3', 3);

	await createRating(c, 'level.4', 1);
	await db.insert(s.consensus).values({
		assessmentId: assessment.id,
		itemKey: 'level.4',
		itemRevision: 1,
		value: 2,
		reason: 'Steuerungsgruppe trifft sich'
	});

	await createRating(a, 'trait.raumbezug', 0);
	await createRating(b, 'trait.raumbezug', 2);
	await createRating(c, 'trait.raumbezug', 4);

	await db.insert(s.teamEntry).values([
		{ assessmentId: assessment.id, kind: 'actor', key: F, state: 'arbeitet_mit' },
		{ assessmentId: assessment.id, kind: 'actor', key: P, state: 'traegt_mit' },
		{ assessmentId: assessment.id, kind: 'actor', key: 'actor.religion', state: 'in_kontakt' },
		{
			assessmentId: assessment.id,
			kind: 'risk',
			key: 'risk.konzept',
			state: 'akut',
			note: 'Vision'
		},
		{ assessmentId: assessment.id, kind: 'driver', key: 'driver.fachkraeftemangel', state: 'felt' },
		{
			assessmentId: assessment.id,
			kind: 'driver',
			key: 'driver.demografischer_wandel',
			state: 'felt'
		}
	]);

	const orgQuestionId = randomUUID();
	await db.insert(s.organizationQuestion).values({
		id: orgQuestionId,
		organizationId: org.id,
		text: 'Was brauchen pflegende Angehörige?'
	});
	await db.insert(s.teamAnswer).values([
		{ assessmentId: assessment.id, questionKey: 'question.zusammenarbeit', text: 'Gemeinsam.' },
		{ assessmentId: assessment.id, questionKey: `org:${orgQuestionId}`, text: 'Entlastung.' }
	]);
	await db.insert(s.reflectionNote).values([
		{
			id: randomUUID(),
			assessmentId: assessment.id,
			participantId: a.id,
			questionKey: 'question.hilfebedarf',
			text: 'Versteckte Not',
			released: true
		},
		{
			id: randomUUID(),
			assessmentId: assessment.id,
			participantId: b.id,
			questionKey: 'question.zusammenarbeit',
			text: 'Nicht freigegeben',
			released: false
		}
	]);
	await db.insert(s.action).values({
		id: randomUUID(),
		teamId: team.id,
		assessmentId: assessment.id,
		itemKey: 'level.3',
		title: 'Zeittausch starten',
		owner: 'Freiwilligenteam',
		dueDate: '2026-09-30'
	});

	// Another assessment of the same team whose data must not leak in.
	const other = await createAssessment(team.id, { date: '2026-01-01' });
	const stranger = await createParticipant(other.id, { actorGroup: F });
	await createRating(stranger, 'level.1', 0);

	return { org, team, assessment, people, orgQuestionId };
}

function level(results: AssessmentResults, n: number) {
	return results.levels[n - 1];
}

describe('loadAssessmentResults()', () => {
	it('computes every value by the scoring rules and hides lowN statistics in the shared view', async () => {
		const { assessment, team, org, orgQuestionId } = await scenario();
		const r = await loadAssessmentResults(assessment.id, { view: 'shared' });

		expect(r.view).toBe('shared');
		expect(r.assessment).toMatchObject({
			id: assessment.id,
			title: 'Frühjahr',
			date: '2026-04-02'
		});
		expect(r.team).toMatchObject({ id: team.id, organizationId: org.id, name: 'Ergebnisteam' });
		expect(r.minGroupSize).toBe(3);
		expect(r.hasRatings).toBe(true);
		expect(r.hasConsensus).toBe(true);
		expect(r.isEmpty).toBe(false);
		expect(r.levels.map((l) => l.key)).toEqual([
			'level.1',
			'level.2',
			'level.3',
			'level.4',
			'level.5'
		]);
		expect(r.traits).toHaveLength(6);

		const l1 = level(r, 1).summary;
		expect(l1.suppressed).toBe(false);
		if (l1.suppressed) throw new Error('unreachable');
		expect(l1).toMatchObject({ n: 4, nKnown: 4, median: 3, mean: 3, min: 2, max: 4, range: 2 });
		expect(l1.teamValue).toBe(3);
		expect(l1.hasConsensus).toBe(false);
		expect(l1.distribution).toEqual({ 0: 0, 1: 0, 2: 1, 3: 2, 4: 1, unknown: 0 });
		expect(l1.flags).toEqual({
			dissent: false,
			knowledgeGap: false,
			lowN: false,
			perspectiveGap: false
		});
		expect(level(r, 1).state).toBe('erreicht');

		const l2 = level(r, 2).summary;
		if (l2.suppressed) throw new Error('level 2 has four known ratings');
		expect(l2).toMatchObject({ n: 5, nKnown: 4, median: 3, mean: 2.75, min: 1, max: 4 });
		expect(l2.flags.dissent).toBe(true);
		// one unknown of five = 20 % < 30 %
		expect(l2.flags.knowledgeGap).toBe(false);

		// Two raters: only n and "zu wenige Antworten", no median, no Teamwert
		expect(level(r, 3).summary).toEqual({
			suppressed: true,
			itemKey: 'level.3',
			n: 2,
			teamValue: null,
			hasConsensus: false,
			consensusReason: null,
			flags: { lowN: true }
		});
		expect(level(r, 3).state).toBe('offen');

		// One rater, but a consensus: the team decision is shown, the rating is not
		expect(level(r, 4).summary).toEqual({
			suppressed: true,
			itemKey: 'level.4',
			n: 1,
			teamValue: 2,
			hasConsensus: true,
			consensusReason: 'Steuerungsgruppe trifft sich',
			flags: { lowN: true }
		});
		expect(level(r, 4).state).toBe('im_aufbau');
		expect(level(r, 5).summary).toMatchObject({ suppressed: true, n: 0, teamValue: null });

		// Team values 3, 3, open, 2, open → k = 2, next 3, Stufenwert 2 + 0/3
		expect(r.pyramid).toMatchObject({
			reachedLevel: 2,
			nextLevel: 3,
			aheadOfBase: [],
			stufenwert: { whole: 2, thirds: 0 },
			states: ['erreicht', 'erreicht', 'offen', 'im_aufbau', 'offen']
		});

		const raum = r.traits.find((t) => t.key === 'trait.raumbezug')!.summary;
		if (raum.suppressed) throw new Error('three known ratings with m = 3 are shown');
		expect(raum).toMatchObject({ n: 3, median: 2, min: 0, max: 4, teamValue: 2 });
		expect(raum.flags.dissent).toBe(true);
		expect(r.traits.find((t) => t.key === 'trait.werthorizonte')!.summary).toMatchObject({
			suppressed: true,
			n: 0
		});

		// Tags F ×3, P ×1, none ×1 with m = 3
		expect(r.room).toEqual({
			total: 5,
			untagged: 1,
			groups: [{ actorGroup: F, count: 3 }],
			otherGroups: 1
		});

		expect(r.actorsRecorded).toBe(true);
		expect(r.actors.broad).toBe(2);
		expect(r.actors.fewerThanThreeBroad).toBe(true);
		expect(r.actors.counts).toEqual({
			nicht_beteiligt: 9,
			in_kontakt: 1,
			arbeitet_mit: 1,
			traegt_mit: 1
		});
		expect(r.actors.byActor[P]).toBe('traegt_mit');

		expect(r.risks).toHaveLength(7);
		expect(r.risks.find((x) => x.key === 'risk.konzept')).toEqual({
			key: 'risk.konzept',
			state: 'akut',
			note: 'Vision'
		});
		expect(r.risks.filter((x) => x.state === null)).toHaveLength(6);
		expect(r.drivers).toEqual(['driver.demografischer_wandel', 'driver.fachkraeftemangel']);

		// Questions in order, only with an answer or released notes; unreleased notes never
		expect(r.answers.map((x) => [x.questionKey, x.answer, x.notes])).toEqual([
			['question.zusammenarbeit', 'Gemeinsam.', []],
			['question.hilfebedarf', null, ['Versteckte Not']],
			[`org:${orgQuestionId}`, 'Entlastung.', []]
		]);
		expect(r.answers[0].question.de).toMatch(/^Wie arbeiten aktuell/);
		expect(r.answers[2]).toMatchObject({
			source: 'organization',
			question: { de: 'Was brauchen pflegende Angehörige?' }
		});
		expect(JSON.stringify(r)).not.toContain('Nicht freigegeben');

		expect(r.actions.map((x) => [x.title, x.itemKey, x.owner])).toEqual([
			['Zeittausch starten', 'level.3', 'Freiwilligenteam']
		]);
		expect(r.itemRevisions['level.1']).toBe(1);
		expect(r.frameworkVersion).toBe(assessment.frameworkVersion);
	});

	it('shows the facilitator every statistic, lowN items included', async () => {
		const { assessment } = await scenario();
		const r = await loadAssessmentResults(assessment.id, { view: 'facilitator' });
		expect(r.levels.every((l) => l.summary.suppressed === false)).toBe(true);
		const l3 = level(r, 3).summary;
		if (l3.suppressed) throw new Error('facilitator view never suppresses');
		// 2, 3 → lower median 2, flagged lowN but visible
		expect(l3).toMatchObject({ n: 2, median: 2, teamValue: 2, flags: { lowN: true } });
		const l4 = level(r, 4).summary;
		if (l4.suppressed) throw new Error('facilitator view never suppresses');
		expect(l4).toMatchObject({ median: 1, teamValue: 2, hasConsensus: true });
		// Team values 3, 3, 2, 2, open → k = 2, Stufenwert 2 + 2/3
		expect(r.pyramid.stufenwert).toEqual({ whole: 2, thirds: 2 });
		// "who was in the room" stays under the group-size rule in every view
		expect(r.room.groups).toEqual([{ actorGroup: F, count: 3 }]);
	});

	it('uses the organisation’s minimum group size', async () => {
		const { assessment, org } = await scenario();
		await db
			.update(s.organizationSettings)
			.set({ minGroupSize: 2 })
			.where(eq(s.organizationSettings.organizationId, org.id));
		const r = await loadAssessmentResults(assessment.id, { view: 'shared' });
		expect(r.minGroupSize).toBe(2);
		// With m = 2 the two level-3 ratings are shown: median 2
		expect(level(r, 3).summary).toMatchObject({ suppressed: false, median: 2, teamValue: 2 });
		expect(r.pyramid.stufenwert).toEqual({ whole: 2, thirds: 2 });
		// one P participant is still below 2
		expect(r.room.otherGroups).toBe(1);
	});

	it('marks an assessment without ratings and consensus as empty, with every level open', async () => {
		const org = await createOrganization();
		const team = await createTeam(org.id);
		const assessment = await createAssessment(team.id);
		await createParticipant(assessment.id);
		const r = await loadAssessmentResults(assessment.id, { view: 'shared' });
		expect(r.isEmpty).toBe(true);
		expect(r.hasRatings).toBe(false);
		expect(r.hasConsensus).toBe(false);
		expect(r.pyramid).toMatchObject({ reachedLevel: 0, nextLevel: 1, aheadOfBase: [] });
		expect(r.pyramid.states).toEqual(['offen', 'offen', 'offen', 'offen', 'offen']);
		expect(r.levels.every((l) => l.summary.n === 0 && l.summary.teamValue === null)).toBe(true);
		expect(r.room).toEqual({ total: 1, untagged: 1, groups: [], otherGroups: 0 });
		expect(r.actorsRecorded).toBe(false);
		expect(r.actors.fewerThanThreeBroad).toBe(true);
		expect(r.answers).toEqual([]);
		expect(r.actions).toEqual([]);
		expect(r.drivers).toEqual([]);
	});

	it('counts a consensus-only assessment (one-screen mode) as having results', async () => {
		const org = await createOrganization();
		const team = await createTeam(org.id);
		const assessment = await createAssessment(team.id, { mode: 'single_screen' });
		await db.insert(s.consensus).values(
			[4, 3, 3, 2, 3].map((value, i) => ({
				assessmentId: assessment.id,
				itemKey: `level.${i + 1}`,
				itemRevision: 1,
				value
			}))
		);
		const r = await loadAssessmentResults(assessment.id, { view: 'shared' });
		expect(r.isEmpty).toBe(false);
		expect(r.hasRatings).toBe(false);
		// SCORING example 3: 4, 3, 3, 2, 3 → k = 3, next 4, level 5 ahead, Stufenwert 3 + 2/3
		expect(r.pyramid).toMatchObject({
			reachedLevel: 3,
			nextLevel: 4,
			aheadOfBase: [5],
			stufenwert: { whole: 3, thirds: 2 }
		});
		expect(level(r, 1).summary).toMatchObject({ n: 0, teamValue: 4, hasConsensus: true });
	});

	it('rejects an unknown assessment id', async () => {
		await createOrganization();
		await expect(loadAssessmentResults('gibt-es-nicht', { view: 'shared' })).rejects.toBeInstanceOf(
			AssessmentNotFoundError
		);
	});
});

describe('toggleResultsShared()', () => {
	it('switches sharing on and off and bumps the revision each time', async () => {
		const org = await createOrganization();
		const team = await createTeam(org.id);
		const assessment = await createAssessment(team.id, { revision: 7 });
		expect(await toggleResultsShared(assessment.id)).toBe(true);
		let [row] = await db.select().from(s.assessment).where(eq(s.assessment.id, assessment.id));
		expect([row.resultsShared, row.revision]).toEqual([true, 8]);
		expect(await toggleResultsShared(assessment.id)).toBe(false);
		[row] = await db.select().from(s.assessment).where(eq(s.assessment.id, assessment.id));
		expect([row.resultsShared, row.revision]).toEqual([false, 9]);
	});
});
