import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from './db';
import * as s from './db/schema';
import {
	createAssessment as createFixtureAssessment,
	createOrganization,
	createParticipant,
	createRating,
	createTeam,
	migrated,
	type TestOrganization
} from './testing/fixtures';
import {
	FlowError,
	JOIN_CODE_ALPHABET,
	closeAssessment,
	createAssessment,
	getAssessment,
	joinUrlOf,
	listParticipants,
	newAssessmentSchema,
	randomJoinCode,
	regenerateJoinCode,
	removeParticipant,
	reopenAssessment,
	setNextDate,
	setRevealed,
	setStep,
	startAssessment,
	stepsOf
} from './assessments';
import {
	consensusManySchema,
	consensusSchema,
	facilitatorSummaries,
	ratingCounts,
	setConsensus,
	setConsensusMany
} from './consensus';
import { actorsSchema, driverEntries, risksSchema, saveEntries } from './team-entries';
import { deleteNote, saveTeamAnswer, setNoteReleased, listNotes } from './reflection';
import { actionSchema, createAction, openActionsForReview, setActionStatus } from './actions';
import { addAssessmentQuestion, addOrganizationQuestion, questionsOfAssessment } from './questions';
import { validate } from './validation';
import { FRAMEWORK_VERSION, LEVEL_KEYS } from '../framework';
import { pyramidResult } from '../scoring';
import { config } from './config';

let org: TestOrganization;
const facilitator = () => ({ id: org.users.facilitator.id, name: org.users.facilitator.name });

const CODE_PATTERN = /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$/;

async function draft(teamId: string, steps: string[] = ['merkmale', 'akteure', 'reflexion']) {
	const parsed = validate(newAssessmentSchema, {
		date: '2026-11-20',
		title: 'Herbst-Workshop',
		mode: 'workshop',
		steps,
		questions: ''
	});
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return createAssessment(teamId, parsed.data, facilitator());
}

async function running(teamId: string, steps?: string[]) {
	const a = await draft(teamId, steps);
	return startAssessment(a.id);
}

/** Everything an assessment owns, to prove that a refused write changed nothing. */
async function snapshot(assessmentId: string) {
	const [a, c, e, n, t, p, r, q] = await Promise.all([
		db.select().from(s.assessment).where(eq(s.assessment.id, assessmentId)),
		db.select().from(s.consensus).where(eq(s.consensus.assessmentId, assessmentId)),
		db.select().from(s.teamEntry).where(eq(s.teamEntry.assessmentId, assessmentId)),
		db.select().from(s.reflectionNote).where(eq(s.reflectionNote.assessmentId, assessmentId)),
		db.select().from(s.teamAnswer).where(eq(s.teamAnswer.assessmentId, assessmentId)),
		db.select().from(s.participant).where(eq(s.participant.assessmentId, assessmentId)),
		db.select().from(s.rating).where(eq(s.rating.assessmentId, assessmentId)),
		db
			.select()
			.from(s.assessmentQuestion)
			.where(eq(s.assessmentQuestion.assessmentId, assessmentId))
	]);
	const actions = await db.select().from(s.action).where(eq(s.action.assessmentId, assessmentId));
	const notes = await db.select().from(s.actionNote);
	return JSON.stringify({ a, c, e, n, t, p, r, q, actions, notes });
}

async function refusedWith(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (e) {
		if (e instanceof FlowError) return e.code;
		throw e;
	}
	return 'accepted';
}

beforeAll(async () => {
	await migrated();
	org = await createOrganization('flow');
});

describe('join codes', () => {
	it('are 8 symbols of the unambiguous alphabet', () => {
		expect(JOIN_CODE_ALPHABET).toHaveLength(32);
		for (const ambiguous of ['0', 'O', '1', 'I'])
			expect(JOIN_CODE_ALPHABET).not.toContain(ambiguous);
		const seen = new Set<string>();
		for (let i = 0; i < 2000; i++) {
			const code = randomJoinCode();
			expect(code).toMatch(CODE_PATTERN);
			for (const ch of code) seen.add(ch);
		}
		// 16,000 random symbols cover all 32 letters (a miss has probability ~1e-219).
		expect(seen.size).toBe(32);
	});

	it('are assigned at start, unique across assessments, and form the join link', async () => {
		const team = await createTeam(org.id, 'Codes');
		const a = await draft(team.id);
		expect(a.joinCode).toBeNull();
		expect(a.status).toBe('entwurf');
		const codes = new Set<string>();
		for (let i = 0; i < 30; i++) {
			const started = await running(team.id);
			expect(started.joinCode).toMatch(CODE_PATTERN);
			codes.add(started.joinCode!);
		}
		expect(codes.size).toBe(30);
		expect(joinUrlOf('ABCDEFGH')).toBe(`${config.origin}/p/ABCDEFGH`);
	});

	it('regenerating replaces the code; closing clears it; reopening assigns a new one', async () => {
		const team = await createTeam(org.id, 'Schliessen');
		const a = await running(team.id);
		const first = a.joinCode!;
		const second = await regenerateJoinCode(a.id);
		expect(second).toMatch(CODE_PATTERN);
		expect(second).not.toBe(first);

		await closeAssessment(a.id);
		const closed = (await getAssessment(a.id))!;
		expect(closed.status).toBe('abgeschlossen');
		expect(closed.joinCode).toBeNull();
		expect(closed.closedAt).not.toBeNull();
		// Nobody can find the assessment by either old code any more.
		for (const code of [first, second]) {
			const rows = await db.select().from(s.assessment).where(eq(s.assessment.joinCode, code));
			expect(rows).toHaveLength(0);
		}

		const reopened = await reopenAssessment(a.id);
		expect(reopened.status).toBe('laeuft');
		expect(reopened.joinCode).toMatch(CODE_PATTERN);
		expect([first, second]).not.toContain(reopened.joinCode);
	});
});

describe('creating and steering', () => {
	it('creates a draft with the framework version, chosen steps and its own questions', async () => {
		const team = await createTeam(org.id, 'Anlegen');
		const parsed = validate(newAssessmentSchema, {
			date: '2026-12-01',
			title: '  Winter  ',
			mode: 'single_screen',
			steps: 'akteure',
			questions: 'Was hat uns überrascht?\n\n  Wer fehlt noch?  '
		});
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		const a = await createAssessment(team.id, parsed.data, facilitator());
		expect(a).toMatchObject({
			title: 'Winter',
			mode: 'single_screen',
			status: 'entwurf',
			frameworkVersion: FRAMEWORK_VERSION,
			chosenSteps: ['akteure'],
			facilitatorId: org.users.facilitator.id,
			currentStep: 'ankommen'
		});
		const questions = await questionsOfAssessment(a.id, org.id, 'de');
		expect(questions.filter((q) => q.source === 'assessment').map((q) => q.text)).toEqual([
			'Was hat uns überrascht?',
			'Wer fehlt noch?'
		]);
		expect(questions.find((q) => q.key === 'question.isolation')?.hint).toBe(
			'Bitte keine Namen einzelner Personen nennen.'
		);
	});

	it('rejects bad creation input with field errors', () => {
		const parsed = validate(newAssessmentSchema, {
			date: '2026-02-30',
			title: '',
			mode: 'konferenz',
			steps: ['pyramide'],
			questions: ''
		});
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(Object.keys(parsed.errors).sort()).toEqual(['date', 'mode', 'steps', 'title']);
	});

	it('walks only the active steps and skips optional steps that were not chosen', async () => {
		const team = await createTeam(org.id, 'Schritte');
		const a = await draft(team.id, ['akteure']);
		// Not started yet: nobody can be moved.
		expect(await refusedWith(setStep(a.id, 'pyramide'))).toBe('not_started');
		await startAssessment(a.id);
		const steps = await stepsOf((await getAssessment(a.id))!);
		expect(steps.map((st) => st.key)).toEqual([
			'ankommen',
			'pyramide',
			'akteure',
			'massnahmen',
			'abschluss'
		]);
		const before = (await getAssessment(a.id))!.revision;
		const moved = await setStep(a.id, 'pyramide');
		expect(moved.currentStep).toBe('pyramide');
		expect(moved.revision).toBe(before + 1);
		expect(await refusedWith(setStep(a.id, 'merkmale'))).toBe('invalid');
		expect(await refusedWith(setStep(a.id, 'rueckblick'))).toBe('invalid');
		expect((await getAssessment(a.id))!.currentStep).toBe('pyramide');
	});

	it('reveals rating steps only', async () => {
		const team = await createTeam(org.id, 'Aufdecken');
		const a = await running(team.id);
		const revealed = await setRevealed(a.id, 'pyramide', true);
		expect(revealed.revealedSteps).toEqual(['pyramide']);
		expect(await refusedWith(setRevealed(a.id, 'akteure', true))).toBe('invalid');
		expect((await setRevealed(a.id, 'pyramide', false)).revealedSteps).toEqual([]);
	});
});

describe('consensus', () => {
	it('updates the reached level at once through the scoring rules', async () => {
		const team = await createTeam(org.id, 'Konsens');
		const a = await running(team.id);
		const people = await Promise.all([1, 2, 3].map(() => createParticipant(a.id)));
		// Medians: level.1 → 3, level.2 → 2 (values 2, 2, 3).
		for (const p of people) await createRating(p, 'level.1', 3);
		await createRating(people[0], 'level.2', 2);
		await createRating(people[1], 'level.2', 2);
		await createRating(people[2], 'level.2', 3);

		const reached = async () => {
			const sums = await facilitatorSummaries(a.id, LEVEL_KEYS, 3);
			return pyramidResult(LEVEL_KEYS.map((k) => sums[k].teamValue)).reachedLevel;
		};
		expect(await reached()).toBe(1);
		expect(await ratingCounts(a.id)).toEqual({ 'level.1': 3, 'level.2': 3 });

		const before = (await getAssessment(a.id))!.revision;
		await setConsensus(a.id, { itemKey: 'level.2', value: 3, reason: 'Nach Diskussion' }, null);
		expect((await getAssessment(a.id))!.revision).toBe(before + 1);
		expect(await reached()).toBe(2);
		await setConsensus(a.id, { itemKey: 'level.3', value: 4, reason: '' }, null);
		expect(await reached()).toBe(3);
		// Changing a Teamwert replaces it.
		await setConsensus(a.id, { itemKey: 'level.1', value: 2, reason: '' }, null);
		expect(await reached()).toBe(0);
		const rows = await db.select().from(s.consensus).where(eq(s.consensus.assessmentId, a.id));
		expect(rows).toHaveLength(3);
		expect(rows.find((r) => r.itemKey === 'level.2')?.reason).toBe('Nach Diskussion');
	});

	it('rejects out-of-range values, unknown items, long reasons and unused steps; stores nothing', async () => {
		const team = await createTeam(org.id, 'Konsens-Fehler');
		const a = await running(team.id, []);
		const before = await snapshot(a.id);
		for (const input of [
			{ itemKey: 'level.1', value: '5', reason: '' },
			{ itemKey: 'level.1', value: '-1', reason: '' },
			{ itemKey: 'level.1', value: '2.5', reason: '' },
			{ itemKey: 'level.9', value: '2', reason: '' },
			{ itemKey: 'level.1', value: '2', reason: 'x'.repeat(2001) }
		]) {
			expect(validate(consensusSchema, input).ok).toBe(false);
		}
		// A valid trait value, but this assessment does not use the characteristics step.
		expect(
			await refusedWith(
				setConsensus(a.id, { itemKey: 'trait.raumbezug', value: 2, reason: '' }, null)
			)
		).toBe('invalid');
		expect(
			await refusedWith(
				setConsensusMany(
					a.id,
					[
						{ itemKey: 'level.1', value: 3, reason: '' },
						{ itemKey: 'trait.raumbezug', value: 2, reason: '' }
					],
					null
				)
			)
		).toBe('invalid');
		expect(await snapshot(a.id)).toBe(before);
	});

	it('takes all Teamwerte of the one-screen mode in one form', async () => {
		const team = await createTeam(org.id, 'Ein Bildschirm');
		const a = await running(team.id, ['merkmale']);
		const parsed = validate(consensusManySchema, {
			'value_level.1': '3',
			'reason_level.1': 'Erzählcafé läuft',
			'value_level.2': '',
			'value_trait.raumbezug': '4'
		});
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.data.map((c) => [c.itemKey, c.value])).toEqual([
			['level.1', 3],
			['trait.raumbezug', 4]
		]);
		await setConsensusMany(a.id, parsed.data, null);
		const rows = await db.select().from(s.consensus).where(eq(s.consensus.assessmentId, a.id));
		expect(rows.map((r) => [r.itemKey, r.value]).sort()).toEqual([
			['level.1', 3],
			['trait.raumbezug', 4]
		]);
		expect(validate(consensusManySchema, { 'value_level.1': '7' }).ok).toBe(false);
	});
});

describe('closed assessments', () => {
	it('refuse every write and keep the database unchanged; reopen is allowed', async () => {
		const team = await createTeam(org.id, 'Gesperrt');
		const a = await running(team.id, ['merkmale', 'akteure', 'herausforderungen', 'reflexion']);
		const p = await createParticipant(a.id);
		await createRating(p, 'level.1', 2);
		const [note] = await db
			.insert(s.reflectionNote)
			.values({
				id: 'note-closed',
				assessmentId: a.id,
				participantId: p.id,
				questionKey: 'question.zusammenarbeit',
				text: 'Gut'
			})
			.returning();
		const act = await createAction(a.id, {
			title: 'Erzählcafé',
			description: '',
			itemKey: 'level.1',
			owner: 'Team',
			dueDate: null,
			reviewDate: null,
			horizon: 'klein_anfangen',
			status: 'offen'
		});
		await closeAssessment(a.id);
		const before = await snapshot(a.id);

		const attempts: Promise<unknown>[] = [
			startAssessment(a.id),
			setStep(a.id, 'pyramide'),
			setRevealed(a.id, 'pyramide', true),
			regenerateJoinCode(a.id),
			closeAssessment(a.id),
			setNextDate(a.id, '2027-05-01'),
			setConsensus(a.id, { itemKey: 'level.1', value: 3, reason: '' }, null),
			setConsensusMany(a.id, [{ itemKey: 'level.2', value: 1, reason: '' }], null),
			saveEntries(a.id, 'driver', driverEntries(['driver.fachkraeftemangel'])),
			saveEntries(a.id, 'actor', [{ key: 'actor.vereine', state: 'in_kontakt', note: '' }]),
			deleteNote(a.id, note.id),
			setNoteReleased(a.id, note.id, true),
			saveTeamAnswer(
				a.id,
				org.id,
				{ questionKey: 'question.zusammenarbeit', text: 'Neu' },
				null,
				'de'
			),
			addAssessmentQuestion(a.id, 'Noch eine Frage?'),
			removeParticipant(a.id, p.id),
			createAction(a.id, {
				title: 'Zu spät',
				description: '',
				itemKey: null,
				owner: '',
				dueDate: null,
				reviewDate: null,
				horizon: 'klein_anfangen',
				status: 'offen'
			}),
			setActionStatus(a.id, { actionId: act.id, status: 'erledigt', note: 'fertig' }, null)
		];
		for (const attempt of attempts) expect(await refusedWith(attempt)).toBe('closed');
		expect(await snapshot(a.id)).toBe(before);

		const reopened = await reopenAssessment(a.id);
		expect(reopened.status).toBe('laeuft');
	});
});

describe('team entries, reflection, participants', () => {
	it('stores drivers, actors and risks, and rejects anything outside the framework', async () => {
		const team = await createTeam(org.id, 'Einträge');
		const a = await running(team.id, ['akteure', 'herausforderungen']);
		await saveEntries(
			a.id,
			'driver',
			driverEntries(['driver.fachkraeftemangel', 'driver.ueberlastung'])
		);
		await saveEntries(a.id, 'driver', driverEntries(['driver.ueberlastung']));
		const actorForm = Object.fromEntries(
			(
				[
					'actor.freiwillige',
					'actor.sorgeprofis',
					'actor.religion',
					'actor.kultur',
					'actor.schulen',
					'actor.vereine',
					'actor.unternehmen',
					'actor.kommunalpolitik',
					'actor.buergerinnen',
					'actor.nachbarschaften',
					'actor.planung',
					'actor.medien'
				] as const
			).map((k) => [`actor_${k}`, k === 'actor.vereine' ? 'traegt_mit' : 'nicht_beteiligt'])
		);
		const actors = validate(actorsSchema, actorForm);
		expect(actors.ok, JSON.stringify(actors)).toBe(true);
		if (!actors.ok) return;
		expect(actors.data).toHaveLength(12);
		await saveEntries(a.id, 'actor', actors.data);

		// A risk state is no involvement state.
		expect(validate(actorsSchema, { ...actorForm, 'actor_actor.vereine': 'akut' }).ok).toBe(false);
		const riskForm = validate(risksSchema, { 'risk_risk.konzept': 'akut' });
		expect(riskForm.ok).toBe(false);

		const before = await snapshot(a.id);
		expect(
			await refusedWith(
				saveEntries(a.id, 'actor', [{ key: 'actor.unbekannt', state: 'in_kontakt', note: '' }])
			)
		).toBe('invalid');
		expect(
			await refusedWith(
				saveEntries(a.id, 'risk', [{ key: 'risk.konzept', state: 'in_kontakt', note: '' }])
			)
		).toBe('invalid');
		expect(
			await refusedWith(
				saveEntries(a.id, 'risk', [{ key: 'risk.konzept', state: 'akut', note: 'x'.repeat(2001) }])
			)
		).toBe('invalid');
		expect(await snapshot(a.id)).toBe(before);

		const rows = await db.select().from(s.teamEntry).where(eq(s.teamEntry.assessmentId, a.id));
		expect(rows.filter((r) => r.kind === 'driver').map((r) => r.key)).toEqual([
			'driver.ueberlastung'
		]);
		expect(rows.find((r) => r.key === 'actor.vereine')?.state).toBe('traegt_mit');
	});

	it('lists notes without participant ids; deletes, releases; answers only known questions', async () => {
		const team = await createTeam(org.id, 'Reflexion');
		const a = await running(team.id, ['reflexion']);
		const p = await createParticipant(a.id);
		await db.insert(s.reflectionNote).values([
			{
				id: 'n1',
				assessmentId: a.id,
				participantId: p.id,
				questionKey: 'question.isolation',
				text: 'Ältere allein'
			},
			{
				id: 'n2',
				assessmentId: a.id,
				participantId: p.id,
				questionKey: 'question.hilfebedarf',
				text: 'Herr X.'
			}
		]);
		const notes = await listNotes(a.id);
		expect(notes).toHaveLength(2);
		expect(JSON.stringify(notes)).not.toContain(p.id);
		await setNoteReleased(a.id, 'n1', true);
		await deleteNote(a.id, 'n2');
		expect(await listNotes(a.id)).toEqual([
			{ id: 'n1', questionKey: 'question.isolation', text: 'Ältere allein', released: true }
		]);
		// Another assessment's note is not found here.
		const other = await running(team.id, ['reflexion']);
		expect(await refusedWith(deleteNote(other.id, 'n1'))).toBe('not_found');

		const own = await addOrganizationQuestion(org.id, 'Was brauchen pflegende Angehörige?');
		await saveTeamAnswer(
			a.id,
			org.id,
			{ questionKey: `org:${own.id}`, text: 'Entlastung' },
			null,
			'de'
		);
		await saveTeamAnswer(
			a.id,
			org.id,
			{ questionKey: 'question.isolation', text: 'Alleinlebende' },
			null,
			'de'
		);
		expect(
			await refusedWith(
				saveTeamAnswer(a.id, org.id, { questionKey: 'question.erfunden', text: 'x' }, null, 'de')
			)
		).toBe('invalid');
		const answers = await db.select().from(s.teamAnswer).where(eq(s.teamAnswer.assessmentId, a.id));
		expect(answers.map((x) => [x.questionKey, x.questionText, x.text]).sort()).toEqual(
			[
				[`org:${own.id}`, 'Was brauchen pflegende Angehörige?', 'Entlastung'],
				[
					'question.isolation',
					'Wer ist bei uns sozial isoliert? Welche Bevölkerungsgruppen haben es bei uns sehr schwer?',
					'Alleinlebende'
				]
			].sort()
		);
	});

	it('removes a participant with their ratings and notes', async () => {
		const team = await createTeam(org.id, 'Entfernen');
		const a = await running(team.id);
		const keep = await createParticipant(a.id);
		const mistake = await createParticipant(a.id);
		await createRating(keep, 'level.1', 2);
		await createRating(mistake, 'level.1', 4);
		await createRating(mistake, 'level.2', 4);
		expect((await listParticipants(a.id)).map((p) => p.ratings).sort()).toEqual([1, 2]);
		await removeParticipant(a.id, mistake.id);
		expect((await listParticipants(a.id)).map((p) => p.id)).toEqual([keep.id]);
		expect(await ratingCounts(a.id)).toEqual({ 'level.1': 1 });
		expect(await refusedWith(removeParticipant(a.id, mistake.id))).toBe('not_found');
	});
});

describe('actions', () => {
	it('validates actions and lists open actions of earlier assessments for review', async () => {
		const team = await createTeam(org.id, 'Maßnahmen');
		const earlier = await createFixtureAssessment(team.id, {
			date: '2026-03-01',
			status: 'abgeschlossen',
			joinCode: null
		});
		const [open] = await db
			.insert(s.action)
			.values([
				{
					id: 'act-open',
					teamId: team.id,
					assessmentId: earlier.id,
					title: 'Erzählcafé',
					status: 'offen'
				},
				{
					id: 'act-done',
					teamId: team.id,
					assessmentId: earlier.id,
					title: 'Flyer',
					status: 'erledigt'
				}
			])
			.returning();
		const current = await draft(team.id, ['rueckblick']);
		await startAssessment(current.id);
		expect((await stepsOf((await getAssessment(current.id))!)).map((st) => st.key)).toContain(
			'rueckblick'
		);
		const review = await openActionsForReview((await getAssessment(current.id))!);
		expect(review.map((r) => r.id)).toEqual([open.id]);

		await setActionStatus(
			current.id,
			{ actionId: open.id, status: 'laeuft', note: 'Zweimal im Monat' },
			null
		);
		const [row] = await db.select().from(s.action).where(eq(s.action.id, open.id));
		expect(row.status).toBe('laeuft');
		const notes = await db.select().from(s.actionNote).where(eq(s.actionNote.actionId, open.id));
		expect(notes).toMatchObject([
			{ assessmentId: current.id, status: 'laeuft', text: 'Zweimal im Monat' }
		]);

		const good = validate(actionSchema, {
			title: 'Nachbarschaftshilfe',
			description: '',
			itemKey: 'level.3',
			owner: 'Frau A.',
			dueDate: '2027-03-01',
			reviewDate: '',
			horizon: 'gross_gedacht',
			status: ''
		});
		expect(good.ok).toBe(true);
		if (good.ok) {
			const created = await createAction(current.id, good.data);
			expect(created).toMatchObject({
				teamId: team.id,
				itemKey: 'level.3',
				reviewDate: null,
				status: 'offen'
			});
		}
		for (const bad of [
			{ title: '', horizon: 'klein_anfangen' },
			{ title: 'x', horizon: 'mittel' },
			{ title: 'x', horizon: 'klein_anfangen', itemKey: 'level.8' },
			{ title: 'x', horizon: 'klein_anfangen', dueDate: '2027-13-01' },
			{ title: 'x', horizon: 'klein_anfangen', description: 'x'.repeat(2001) }
		]) {
			expect(validate(actionSchema, bad).ok).toBe(false);
		}
		// An action of another team cannot be touched from here.
		const otherTeam = await createTeam(org.id, 'Fremd');
		const foreign = await createFixtureAssessment(otherTeam.id);
		await db.insert(s.action).values({
			id: 'act-foreign',
			teamId: otherTeam.id,
			assessmentId: foreign.id,
			title: 'Fremd'
		});
		expect(
			await refusedWith(
				setActionStatus(current.id, { actionId: 'act-foreign', status: 'erledigt', note: '' }, null)
			)
		).toBe('not_found');
	});
});
