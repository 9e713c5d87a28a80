import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from './db';
import * as s from './db/schema';
import {
	createAssessment,
	createOrganization,
	createParticipant,
	createTeam,
	migrated
} from './testing/fixtures';
import { findByJoinCode, type JoinTarget } from './participants';
import { hasEarlierAssessments } from './assessments';
import { loadStepView, saveNote, saveRating, saveRatingFast } from './responses';

let org: Awaited<ReturnType<typeof createOrganization>>;
let teamId: string;

/** Everything a participant write could touch, to prove a rejected write changed nothing. */
async function snapshot() {
	const [ratings, notes, participants, assessments] = await Promise.all([
		db.select().from(s.rating).orderBy(s.rating.id),
		db.select().from(s.reflectionNote).orderBy(s.reflectionNote.id),
		db.select().from(s.participant).orderBy(s.participant.id),
		db
			.select({ id: s.assessment.id, revision: s.assessment.revision })
			.from(s.assessment)
			.orderBy(s.assessment.id)
	]);
	return { ratings, notes, participants, assessments };
}

async function targetOf(assessment: s.Assessment): Promise<JoinTarget> {
	const [fresh] = await db.select().from(s.assessment).where(eq(s.assessment.id, assessment.id));
	return {
		assessment: fresh,
		teamName: 'Testteam',
		organizationId: org.id,
		minGroupSize: 3,
		hasEarlierAssessments: await hasEarlierAssessments(fresh)
	};
}

beforeAll(async () => {
	await migrated();
	org = await createOrganization();
	teamId = (await createTeam(org.id)).id;
});

describe('saveRating', () => {
	let assessment: s.Assessment;
	let me: s.Participant;

	beforeEach(async () => {
		assessment = await createAssessment(teamId, { currentStep: 'pyramide' });
		me = await createParticipant(assessment.id);
	});

	it('stores one row per participant and item, keeps the first value and bumps the revision', async () => {
		const first = await saveRating(assessment, me.id, {
			itemKey: 'level.1',
			value: '2',
			confidence: 'sicher',
			note: '  Erzählcafé läuft monatlich  '
		});
		expect(first).toEqual({ ok: true, value: undefined });
		const again = await saveRating(assessment, me.id, {
			itemKey: 'level.1',
			value: '3',
			confidence: '',
			note: ''
		});
		expect(again.ok).toBe(true);

		const rows = await db.select().from(s.rating).where(eq(s.rating.participantId, me.id));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			itemKey: 'level.1',
			value: 3,
			firstValue: 2,
			confidence: null,
			note: null,
			assessmentId: assessment.id
		});
		const [{ revision }] = await db
			.select({ revision: s.assessment.revision })
			.from(s.assessment)
			.where(eq(s.assessment.id, assessment.id));
		expect(revision).toBe(assessment.revision + 2);
	});

	it('submitting the same rating twice leaves exactly one row', async () => {
		const input = { itemKey: 'level.2', value: '1', confidence: 'unsicher', note: 'x' };
		await saveRating(assessment, me.id, input);
		await saveRating(assessment, me.id, input);
		const rows = await db.select().from(s.rating).where(eq(s.rating.participantId, me.id));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ value: 1, firstValue: 1, confidence: 'unsicher', note: 'x' });
	});

	it('stores "kann ich nicht einschätzen" as a rating without a value', async () => {
		expect((await saveRating(assessment, me.id, { itemKey: 'level.5', value: 'unknown' })).ok).toBe(
			true
		);
		const [row] = await db.select().from(s.rating).where(eq(s.rating.participantId, me.id));
		expect(row).toMatchObject({ itemKey: 'level.5', value: null, firstValue: null });
	});

	const badInputs: [string, Record<string, unknown>, number, string][] = [
		['a value above 4', { itemKey: 'level.1', value: '5' }, 400, 'value'],
		['a negative value', { itemKey: 'level.1', value: '-1' }, 400, 'value'],
		['a fractional value', { itemKey: 'level.1', value: '2.5' }, 400, 'value'],
		['a non-numeric value', { itemKey: 'level.1', value: 'viel' }, 400, 'value'],
		['no value', { itemKey: 'level.1' }, 400, 'value'],
		['an unknown item key', { itemKey: 'level.9', value: '2' }, 400, 'itemKey'],
		['an item of another step', { itemKey: 'trait.raumbezug', value: '2' }, 409, '_message'],
		[
			'an unknown confidence',
			{ itemKey: 'level.1', value: '2', confidence: 'total' },
			400,
			'confidence'
		],
		[
			'a note over 2,000 characters',
			{ itemKey: 'level.1', value: '2', note: 'a'.repeat(2001) },
			400,
			'note'
		],
		[
			'a note with control characters',
			{ itemKey: 'level.1', value: '2', note: 'a\u0000b' },
			400,
			'note'
		]
	];
	for (const [what, input, status, field] of badInputs) {
		it(`rejects ${what} with a message and stores nothing`, async () => {
			const before = await snapshot();
			const result = await saveRating(assessment, me.id, input);
			expect(result.ok).toBe(false);
			if (result.ok) return;
			expect(result.status).toBe(status);
			expect(result.message).toMatch(/\S/);
			if (field !== '_message') expect(result.errors[field]).toMatch(/\S/);
			expect(await snapshot()).toEqual(before);
		});
	}

	it('gives the German message for an out-of-range value', async () => {
		const result = await saveRating(assessment, me.id, { itemKey: 'level.1', value: '7' });
		expect(result.ok ? null : result.errors.value).toBe(
			'Bitte wählen Sie einen Wert von 0 bis 4 oder „kann ich nicht einschätzen“.'
		);
	});

	it('accepts exactly 2,000 characters of note', async () => {
		const result = await saveRating(assessment, me.id, {
			itemKey: 'level.1',
			value: '2',
			note: 'ä'.repeat(2000)
		});
		expect(result.ok).toBe(true);
	});

	it('rejects writes to a closed assessment, a draft and a single-screen assessment', async () => {
		for (const values of [
			{ status: 'abgeschlossen' as const, joinCode: null },
			{ status: 'abgeschlossen' as const },
			{ status: 'entwurf' as const },
			{ mode: 'single_screen' as const }
		]) {
			const other = await createAssessment(teamId, { currentStep: 'pyramide', ...values });
			const p = await createParticipant(other.id);
			const before = await snapshot();
			const result = await saveRating(other, p.id, { itemKey: 'level.1', value: '2' });
			expect(result.ok ? 0 : result.status).toBe(409);
			expect(await snapshot()).toEqual(before);
		}
	});

	it('rejects a participant id of another assessment (a forged cookie) and a missing one', async () => {
		const other = await createAssessment(teamId, { currentStep: 'pyramide' });
		const stranger = await createParticipant(other.id);
		const before = await snapshot();
		for (const id of [stranger.id, undefined, 'not-a-participant']) {
			const result = await saveRating(assessment, id, { itemKey: 'level.1', value: '2' });
			expect(result.ok ? 0 : result.status).toBe(403);
		}
		expect(await snapshot()).toEqual(before);
	});

	it('rejects ratings outside rating steps', async () => {
		const atReflection = await createAssessment(teamId, { currentStep: 'reflexion' });
		const p = await createParticipant(atReflection.id);
		const before = await snapshot();
		const result = await saveRating(atReflection, p.id, { itemKey: 'level.1', value: '2' });
		expect(result.ok ? 0 : result.status).toBe(409);
		expect(await snapshot()).toEqual(before);
	});
});

/** A form as a phone sends it. */
function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.set(key, value);
	return data;
}

describe('saveRatingFast (the one-round-trip path of the rating action)', () => {
	let assessment: s.Assessment;
	let me: s.Participant;

	beforeEach(async () => {
		assessment = await createAssessment(teamId, { currentStep: 'pyramide' });
		me = await createParticipant(assessment.id);
	});

	const ratingsOf = (participantId: string) =>
		db.select().from(s.rating).where(eq(s.rating.participantId, participantId));

	it('stores the same row as saveRating, keeps the first value and bumps the revision once per write', async () => {
		const code = assessment.joinCode!;
		const pair = [assessment.id, me.id] as const;
		const fields = {
			itemKey: 'level.3',
			value: '1',
			confidence: 'unsicher',
			note: ' Nachbarschaftstreff '
		};
		expect(await saveRatingFast(code, [pair], form(fields))).toBe(true);
		expect(await saveRatingFast(code, [pair], form({ ...fields, value: '4' }))).toBe(true);
		expect(await saveRatingFast(code, [pair], form({ itemKey: 'level.5', value: 'unknown' }))).toBe(
			true
		);

		// The same answers through the full path, by a second participant, for comparison.
		const other = await createParticipant(assessment.id);
		await saveRating(assessment, other.id, fields);
		await saveRating(assessment, other.id, { ...fields, value: '4' });
		await saveRating(assessment, other.id, { itemKey: 'level.5', value: 'unknown' });

		const comparable = (rows: s.Rating[]) =>
			rows
				.map(({ itemKey, itemRevision, value, firstValue, confidence, note, assessmentId }) => ({
					itemKey,
					itemRevision,
					value,
					firstValue,
					confidence,
					note,
					assessmentId
				}))
				.sort((a, b) => a.itemKey.localeCompare(b.itemKey));
		const fast = comparable(await ratingsOf(me.id));
		expect(fast).toEqual(comparable(await ratingsOf(other.id)));
		expect(fast[0]).toMatchObject({
			itemKey: 'level.3',
			value: 4,
			firstValue: 1,
			note: 'Nachbarschaftstreff'
		});
		expect(fast[1]).toMatchObject({ itemKey: 'level.5', value: null });

		const [{ revision }] = await db
			.select({ revision: s.assessment.revision })
			.from(s.assessment)
			.where(eq(s.assessment.id, assessment.id));
		expect(revision).toBe(assessment.revision + 6);
	});

	it("finds the participant among several of the device's cookies", async () => {
		const elsewhere = await createAssessment(teamId, { currentStep: 'pyramide' });
		const elsewhereMe = await createParticipant(elsewhere.id);
		const pairs = [
			[elsewhere.id, elsewhereMe.id],
			[assessment.id, me.id]
		] as const;
		const written = await saveRatingFast(
			assessment.joinCode!,
			pairs,
			form({ itemKey: 'level.2', value: '3' })
		);
		expect(written).toBe(true);
		expect(await ratingsOf(me.id)).toHaveLength(1);
		expect(await ratingsOf(elsewhereMe.id)).toHaveLength(0);
	});

	it('writes nothing and bumps nothing whenever the full path would refuse', async () => {
		const other = await createAssessment(teamId, { currentStep: 'pyramide' });
		const stranger = await createParticipant(other.id);
		const refused: [string, () => Promise<[string, (readonly [string, string])[], FormData]>][] = [
			[
				'a bad value',
				async () => [
					assessment.joinCode!,
					[[assessment.id, me.id]],
					form({ itemKey: 'level.1', value: '5' })
				]
			],
			[
				'an unknown item',
				async () => [
					assessment.joinCode!,
					[[assessment.id, me.id]],
					form({ itemKey: 'level.9', value: '2' })
				]
			],
			[
				'an item of another step',
				async () => [
					assessment.joinCode!,
					[[assessment.id, me.id]],
					form({ itemKey: 'trait.raumbezug', value: '2' })
				]
			],
			[
				'a long note',
				async () => [
					assessment.joinCode!,
					[[assessment.id, me.id]],
					form({ itemKey: 'level.1', value: '2', note: 'a'.repeat(2001) })
				]
			],
			[
				'no cookie',
				async () => [assessment.joinCode!, [], form({ itemKey: 'level.1', value: '2' })]
			],
			[
				"a participant of another assessment under this assessment's cookie",
				async () => [
					assessment.joinCode!,
					[[assessment.id, stranger.id]],
					form({ itemKey: 'level.1', value: '2' })
				]
			],
			[
				'a valid cookie of another assessment',
				async () => [
					assessment.joinCode!,
					[[other.id, stranger.id]],
					form({ itemKey: 'level.1', value: '2' })
				]
			],
			[
				'an unknown code',
				async () => ['ZZZZZZZZ', [[assessment.id, me.id]], form({ itemKey: 'level.1', value: '2' })]
			],
			[
				'an implausible code',
				async () => [
					"x' OR 1=1",
					[[assessment.id, me.id]],
					form({ itemKey: 'level.1', value: '2' })
				]
			],
			...(
				[
					['a closed assessment', { status: 'abgeschlossen' as const }],
					['a draft', { status: 'entwurf' as const }],
					['a single-screen assessment', { mode: 'single_screen' as const }],
					['a step without ratings', { currentStep: 'reflexion' }]
				] as const
			).map(
				([what, values]): [
					string,
					() => Promise<[string, (readonly [string, string])[], FormData]>
				] => [
					what,
					async () => {
						const a = await createAssessment(teamId, { currentStep: 'pyramide', ...values });
						const p = await createParticipant(a.id);
						return [a.joinCode!, [[a.id, p.id]], form({ itemKey: 'level.1', value: '2' })];
					}
				]
			)
		];
		for (const [what, make] of refused) {
			const args = await make();
			const before = await snapshot();
			expect(await saveRatingFast(...args), what).toBe(false);
			expect(await snapshot(), what).toEqual(before);
		}
	});
});

describe('join codes', () => {
	it('finds a running assessment by its code and nothing once the code is invalidated', async () => {
		const assessment = await createAssessment(teamId, { joinCode: 'K7QM4XPA' });
		expect((await findByJoinCode('K7QM4XPA'))?.assessment.id).toBe(assessment.id);
		expect(await findByJoinCode('K7QM4XPB')).toBeNull();
		expect(await findByJoinCode("' OR 1=1 --")).toBeNull();
		await db
			.update(s.assessment)
			.set({ status: 'abgeschlossen', joinCode: null })
			.where(eq(s.assessment.id, assessment.id));
		expect(await findByJoinCode('K7QM4XPA')).toBeNull();
	});

	it('tells whether the team has an assessment dated before this one (the review step)', async () => {
		const ownTeam = (await createTeam(org.id)).id;
		const first = await createAssessment(ownTeam, { date: '2026-03-01', joinCode: 'ERST2345' });
		await createAssessment(ownTeam, { date: '2026-09-01', status: 'entwurf', joinCode: null });
		expect((await findByJoinCode('ERST2345'))?.hasEarlierAssessments).toBe(false);
		await createAssessment(ownTeam, {
			date: '2026-01-15',
			status: 'abgeschlossen',
			joinCode: null
		});
		expect((await findByJoinCode('ERST2345'))?.hasEarlierAssessments).toBe(true);
		// Another team's earlier assessment does not count.
		const otherTeam = await createAssessment((await createTeam(org.id)).id, {
			date: '2026-02-01',
			joinCode: 'ZWEI2345'
		});
		expect(otherTeam.id).not.toBe(first.id);
		expect((await findByJoinCode('ZWEI2345'))?.hasEarlierAssessments).toBe(false);
	});
});

describe('saveNote', () => {
	let assessment: s.Assessment;
	let me: s.Participant;

	beforeEach(async () => {
		assessment = await createAssessment(teamId, { currentStep: 'reflexion' });
		me = await createParticipant(assessment.id);
	});

	it('keeps one note per question, re-hides an edited note and removes an emptied one', async () => {
		const target = await targetOf(assessment);
		const key = 'question.nachbarschaft';
		expect(
			(await saveNote(target, me.id, { questionKey: key, text: 'Viel Vertrauen' }, 'de')).ok
		).toBe(true);
		await db.update(s.reflectionNote).set({ released: true });
		expect(
			(await saveNote(target, me.id, { questionKey: key, text: 'Wenig Vertrauen' }, 'de')).ok
		).toBe(true);
		let rows = await db
			.select()
			.from(s.reflectionNote)
			.where(eq(s.reflectionNote.participantId, me.id));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ text: 'Wenig Vertrauen', released: false, questionKey: key });
		expect((await saveNote(target, me.id, { questionKey: key, text: '   ' }, 'de')).ok).toBe(true);
		rows = await db
			.select()
			.from(s.reflectionNote)
			.where(eq(s.reflectionNote.participantId, me.id));
		expect(rows).toHaveLength(0);
	});

	it("accepts the organisation's and the assessment's own questions", async () => {
		const orgQuestion = { id: crypto.randomUUID(), organizationId: org.id, text: 'Eigene Frage?' };
		const added = { id: crypto.randomUUID(), assessmentId: assessment.id, text: 'Heute neu?' };
		await db.insert(s.organizationQuestion).values(orgQuestion);
		await db.insert(s.assessmentQuestion).values(added);
		const target = await targetOf(assessment);
		for (const key of [`org:${orgQuestion.id}`, `asmt:${added.id}`]) {
			expect((await saveNote(target, me.id, { questionKey: key, text: 'Antwort' }, 'de')).ok).toBe(
				true
			);
		}
		const view = await loadStepView(target, me, 'de');
		const keys = view.reflection!.questions.map((q) => q.key);
		expect(keys).toContain(`org:${orgQuestion.id}`);
		expect(keys).toContain(`asmt:${added.id}`);
		expect(view.reflection!.questions.find((q) => q.key === 'question.isolation')?.hint).toBe(
			'Bitte keine Namen einzelner Personen nennen.'
		);
	});

	it('rejects unknown questions, questions of another assessment, long notes and the wrong step', async () => {
		const elsewhere = await createAssessment(teamId, { currentStep: 'reflexion' });
		const foreign = { id: crypto.randomUUID(), assessmentId: elsewhere.id, text: 'Fremd?' };
		await db.insert(s.assessmentQuestion).values(foreign);
		const target = await targetOf(assessment);
		const cases: [JoinTarget, string | undefined, Record<string, unknown>, number][] = [
			[target, me.id, { questionKey: 'question.erfunden', text: 'x' }, 400],
			[target, me.id, { questionKey: `asmt:${foreign.id}`, text: 'x' }, 400],
			[target, me.id, { questionKey: 'question.isolation', text: 'a'.repeat(2001) }, 400],
			[target, undefined, { questionKey: 'question.isolation', text: 'x' }, 403],
			[
				await targetOf(await createAssessment(teamId, { currentStep: 'pyramide' })),
				me.id,
				{ questionKey: 'question.isolation', text: 'x' },
				409
			]
		];
		const before = await snapshot();
		for (const [t, id, input, status] of cases) {
			const result = await saveNote(t, id, input, 'de');
			expect(result.ok ? 0 : result.status).toBe(status);
		}
		expect(await snapshot()).toEqual(before);
	});
});

describe('loadStepView', () => {
	it('shows "Schritt 3 von 9" and hides results until the reveal, then applies the minimum group size', async () => {
		const assessment = await createAssessment(teamId, {
			currentStep: 'pyramide',
			chosenSteps: ['rueckblick', 'merkmale', 'akteure', 'herausforderungen', 'reflexion'],
			date: '2026-12-01'
		});
		// An earlier assessment of the same team makes the review step appear.
		await createAssessment(teamId, { date: '2025-12-01', status: 'abgeschlossen', joinCode: null });
		const people = await Promise.all([1, 2, 3].map(() => createParticipant(assessment.id)));
		for (const [i, p] of people.entries()) {
			await saveRating(assessment, p.id, { itemKey: 'level.1', value: String(i + 1) });
		}
		await saveRating(assessment, people[0].id, { itemKey: 'level.2', value: '4' });
		await saveRating(assessment, people[1].id, { itemKey: 'level.2', value: '2' });

		let view = await loadStepView(await targetOf(assessment), people[0], 'de');
		expect(view.step).toMatchObject({ key: 'pyramide', number: 3, total: 9, title: 'Pyramide' });
		expect(view.rating!.revealed).toBe(false);
		expect(view.rating!.items.map((i) => i.result)).toEqual([null, null, null, null, null]);
		expect(view.rating!.items[0].mine).toEqual({ value: 1, confidence: null, note: '' });
		expect(view.rating!.items[0].options[2].anchor).toMatch(/Erzählcafé/);

		await db
			.update(s.assessment)
			.set({ revealedSteps: ['pyramide'] })
			.where(eq(s.assessment.id, assessment.id));
		view = await loadStepView(await targetOf(assessment), people[0], 'de');
		const [level1, level2] = view.rating!.items.map((i) => i.result!);
		// Three known ratings 1, 2, 3: median 2, shown.
		expect(level1).toMatchObject({ suppressed: false, n: 3, median: 2 });
		expect(level1.suppressed || level1.distribution).toEqual({
			0: 0,
			1: 1,
			2: 1,
			3: 1,
			4: 0,
			unknown: 0
		});
		// Two ratings under a minimum group size of 3: only n survives.
		expect(level2).toEqual({
			suppressed: true,
			itemKey: 'level.2',
			n: 2,
			teamValue: null,
			hasConsensus: false,
			consensusReason: null,
			flags: { lowN: true }
		});
	});
});
