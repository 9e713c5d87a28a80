import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireAssessment } from '$lib/server/access';
import * as assessments from '$lib/server/assessments';
import { FlowError } from '$lib/server/assessments';
import * as consensus from '$lib/server/consensus';
import * as entries from '$lib/server/team-entries';
import * as reflection from '$lib/server/reflection';
import * as actionPlan from '$lib/server/actions';
import * as questions from '$lib/server/questions';
import { getSettings } from '$lib/server/organizations';
import { liveBasisOf, setStepTimer, timerIntentSchema, timerMinutesSchema } from '$lib/server/live';
import { requiredText, validate, type FieldErrors } from '$lib/server/validation';
import { STEP_KEYS, LEVEL_KEYS, type Locale, type RatedItemKey } from '$lib/framework';
import { stepPosition, neighbourStep } from '$lib/flow';
import { pyramidResult, type RatingValue } from '$lib/scoring';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/** The assessment of this URL, if the user may facilitate it; 404 when the team does not match. */
async function facilitate(event: RequestEvent) {
	const ctx = await requireAssessment(event, event.params.assessment!, 'assessment:facilitate');
	if (ctx.assessment.teamId !== event.params.team) error(404, 'not_found');
	return ctx;
}

/** A refused write as a localised failure; nothing was stored. */
function refusal(e: unknown) {
	if (!(e instanceof FlowError)) throw e;
	if (e.code === 'not_found') error(404, 'not_found');
	if (e.code === 'closed') return fail(409, { message: m.flow_error_closed() });
	if (e.code === 'not_started') return fail(409, { message: m.flow_error_not_started() });
	return fail(400, { message: m.flow_error_invalid() });
}

function invalid(errors: FieldErrors) {
	const first = Object.values(errors)[0];
	return fail(400, { message: first ? `${m.error_form()} ${first}` : m.error_form(), errors });
}

function here(event: RequestEvent): string {
	return `/teams/${event.params.team}/assessments/${event.params.assessment}/steuern`;
}

export const load: PageServerLoad = async (event) => {
	const { assessment, team } = await facilitate(event);
	const locale = getLocale() as Locale;
	const [settings, steps, participants, counts, teamValues, teamEntries, notes, answers, actions] =
		await Promise.all([
			getSettings(team.organizationId),
			assessments.stepsOf(assessment),
			assessments.listParticipants(assessment.id),
			consensus.ratingCounts(assessment.id),
			consensus.listConsensus(assessment.id),
			entries.listEntries(assessment.id),
			reflection.listNotes(assessment.id),
			reflection.listTeamAnswers(assessment.id),
			actionPlan.listActionsOfAssessment(assessment.id)
		]);
	const [reflectionQuestions, review] = await Promise.all([
		questions.questionsOfAssessment(assessment.id, team.organizationId, locale),
		steps.some((s) => s.key === 'rueckblick')
			? actionPlan.openActionsForReview(assessment)
			: Promise.resolve([])
	]);
	const ratedKeys = steps.flatMap((s) =>
		s.kind === 'rating' ? [...s.items] : []
	) as RatedItemKey[];
	const summaries = await consensus.facilitatorSummaries(
		assessment.id,
		ratedKeys,
		settings.minGroupSize
	);
	const withRatings = assessments.collectsRatings(assessment.mode);
	// Before the pyramid is revealed even the facilitator sees only Teamwerte, never medians.
	const pyramidOpen = !withRatings || assessment.revealedSteps.includes('pyramide');
	const levelValues = LEVEL_KEYS.map((key) => {
		if (pyramidOpen) return summaries[key]?.teamValue ?? null;
		return (teamValues.find((c) => c.itemKey === key)?.value ?? null) as RatingValue | null;
	});
	const pyramid = pyramidResult(levelValues);
	const knowledgeGapLevels = pyramidOpen
		? LEVEL_KEYS.flatMap((key, i) => (summaries[key]?.flags.knowledgeGap ? [i + 1] : []))
		: [];
	const position = stepPosition(steps, assessment.currentStep);
	// Only what the current state allows: counts before reveal, statistics after, flagged first.
	const ratingSteps = steps.flatMap((s) =>
		s.kind === 'rating'
			? [
					{
						key: s.key,
						items: [...s.items],
						revealed: assessment.revealedSteps.includes(s.key),
						summaries:
							withRatings && assessment.revealedSteps.includes(s.key)
								? consensus.discussionOrder(s.items.map((k) => summaries[k]))
								: []
					}
				]
			: []
	);
	return {
		assessment,
		team: { id: team.id, name: team.name, place: team.place },
		steps: steps.map((s) => s.key),
		position: { number: position.number, total: position.total },
		joinUrl: assessment.joinCode ? assessments.joinUrlOf(assessment.joinCode) : null,
		participants,
		counts,
		ratingSteps,
		withRatings,
		consensus: teamValues.map((c) => ({ itemKey: c.itemKey, value: c.value, reason: c.reason })),
		pyramid,
		focusLevels: [
			...new Set([...(pyramid.nextLevel ? [pyramid.nextLevel] : []), ...knowledgeGapLevels])
		].sort(),
		entries: teamEntries.map((e) => ({ kind: e.kind, key: e.key, state: e.state, note: e.note })),
		questions: reflectionQuestions,
		notes,
		answers: answers.map((a) => ({ questionKey: a.questionKey, text: a.text })),
		actions,
		review,
		minGroupSize: settings.minGroupSize,
		live: liveBasisOf(assessment)
	};
};

const stepSchema = z.object({ step: z.enum(STEP_KEYS, { error: 'error_invalid' }) });
const revealSchema = z.object({
	step: z.enum(STEP_KEYS, { error: 'error_invalid' }),
	revealed: z.enum(['0', '1'], { error: 'error_invalid' }).transform((v) => v === '1')
});
const entryKindSchema = z.object({
	kind: z.enum(['driver', 'actor', 'risk'], { error: 'error_invalid' })
});
const questionSchema = z.object({ text: requiredText(500) });

async function move(event: RequestEvent, direction: 1 | -1) {
	const { assessment } = await facilitate(event);
	try {
		const steps = await assessments.stepsOf(assessment);
		const target = neighbourStep(steps, assessment.currentStep, direction);
		if (!target) return fail(400, { message: m.flow_error_no_step() });
		await assessments.setStep(assessment.id, target);
	} catch (e) {
		return refusal(e);
	}
	redirect(303, here(event));
}

export const actions: Actions = {
	start: async (event) => {
		const { assessment } = await facilitate(event);
		try {
			await assessments.startAssessment(assessment.id);
		} catch (e) {
			return refusal(e);
		}
		redirect(303, here(event));
	},
	next: (event) => move(event, 1),
	back: (event) => move(event, -1),
	goto: async (event) => {
		const { assessment } = await facilitate(event);
		const parsed = validate(stepSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await assessments.setStep(assessment.id, parsed.data.step);
		} catch (e) {
			return refusal(e);
		}
		redirect(303, here(event));
	},
	reveal: async (event) => {
		const { assessment } = await facilitate(event);
		const parsed = validate(revealSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await assessments.setRevealed(assessment.id, parsed.data.step, parsed.data.revealed);
		} catch (e) {
			return refusal(e);
		}
		redirect(303, here(event));
	},
	timer: async (event) => {
		const { assessment } = await facilitate(event);
		const form = await event.request.formData();
		const intent = validate(timerIntentSchema, form);
		if (!intent.ok) return invalid(intent.errors);
		let minutes: number | null = null;
		if (intent.data.intent === 'set') {
			const parsed = validate(timerMinutesSchema, form);
			if (!parsed.ok) return invalid(parsed.errors);
			minutes = parsed.data.minutes;
		}
		try {
			await setStepTimer(assessment.id, minutes);
		} catch (e) {
			return refusal(e);
		}
		return { saved: minutes === null ? m.live_timer_cleared() : m.live_timer_saved() };
	},
	consensus: async (event) => {
		const { assessment } = await facilitate(event);
		const parsed = validate(consensus.consensusSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await consensus.setConsensus(assessment.id, parsed.data, event.locals.user?.id ?? null);
		} catch (e) {
			return refusal(e);
		}
		return { saved: m.flow_saved_consensus() };
	},
	consensusAll: async (event) => {
		const { assessment } = await facilitate(event);
		const parsed = validate(consensus.consensusManySchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await consensus.setConsensusMany(assessment.id, parsed.data, event.locals.user?.id ?? null);
		} catch (e) {
			return refusal(e);
		}
		return { saved: m.flow_saved_consensus() };
	},
	entries: async (event) => {
		const { assessment } = await facilitate(event);
		const form = await event.request.formData();
		const kind = validate(entryKindSchema, form);
		if (!kind.ok) return invalid(kind.errors);
		let list: entries.EntryInput[];
		if (kind.data.kind === 'driver') {
			const parsed = validate(entries.driversSchema, form);
			if (!parsed.ok) return invalid(parsed.errors);
			list = entries.driverEntries(parsed.data.drivers);
		} else if (kind.data.kind === 'actor') {
			const parsed = validate(entries.actorsSchema, form);
			if (!parsed.ok) return invalid(parsed.errors);
			list = parsed.data;
		} else {
			const parsed = validate(entries.risksSchema, form);
			if (!parsed.ok) return invalid(parsed.errors);
			list = parsed.data;
		}
		try {
			await entries.saveEntries(assessment.id, kind.data.kind, list);
		} catch (e) {
			return refusal(e);
		}
		return { saved: m.flow_saved() };
	},
	deleteNote: async (event) => {
		const { assessment } = await facilitate(event);
		const parsed = validate(reflection.noteIdSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await reflection.deleteNote(assessment.id, parsed.data.noteId);
		} catch (e) {
			return refusal(e);
		}
		return { saved: m.flow_saved_note_deleted() };
	},
	releaseNote: async (event) => {
		const { assessment } = await facilitate(event);
		const parsed = validate(reflection.noteReleaseSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await reflection.setNoteReleased(assessment.id, parsed.data.noteId, parsed.data.released);
		} catch (e) {
			return refusal(e);
		}
		return { saved: m.flow_saved() };
	},
	teamAnswer: async (event) => {
		const { assessment, team } = await facilitate(event);
		const parsed = validate(reflection.teamAnswerSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await reflection.saveTeamAnswer(
				assessment.id,
				team.organizationId,
				parsed.data,
				event.locals.user?.id ?? null,
				getLocale() as Locale
			);
		} catch (e) {
			return refusal(e);
		}
		return { saved: m.flow_saved() };
	},
	addQuestion: async (event) => {
		const { assessment } = await facilitate(event);
		const parsed = validate(questionSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await questions.addAssessmentQuestion(assessment.id, parsed.data.text);
		} catch (e) {
			return refusal(e);
		}
		return { saved: m.flow_saved() };
	},
	removeParticipant: async (event) => {
		const { assessment } = await facilitate(event);
		const parsed = validate(assessments.participantIdSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await assessments.removeParticipant(assessment.id, parsed.data.participantId);
		} catch (e) {
			return refusal(e);
		}
		return { saved: m.flow_saved_participant_removed() };
	},
	action: async (event) => {
		const { assessment } = await facilitate(event);
		const form = await event.request.formData();
		const parsed = validate(actionPlan.actionSchema, form);
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await actionPlan.createAction(assessment.id, parsed.data);
		} catch (e) {
			return refusal(e);
		}
		return { saved: m.flow_saved_action() };
	},
	actionStatus: async (event) => {
		const { assessment } = await facilitate(event);
		const parsed = validate(actionPlan.actionStatusSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await actionPlan.setActionStatus(assessment.id, parsed.data, event.locals.user?.id ?? null);
		} catch (e) {
			return refusal(e);
		}
		return { saved: m.flow_saved() };
	},
	regenerateCode: async (event) => {
		const { assessment } = await facilitate(event);
		try {
			await assessments.regenerateJoinCode(assessment.id);
		} catch (e) {
			return refusal(e);
		}
		return { saved: m.flow_saved_code() };
	},
	nextDate: async (event) => {
		const { assessment } = await facilitate(event);
		const parsed = validate(assessments.nextDateSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await assessments.setNextDate(assessment.id, parsed.data.nextDate);
		} catch (e) {
			return refusal(e);
		}
		return { saved: m.flow_saved() };
	},
	close: async (event) => {
		const { assessment } = await facilitate(event);
		try {
			await assessments.closeAssessment(assessment.id);
		} catch (e) {
			return refusal(e);
		}
		redirect(303, here(event));
	},
	reopen: async (event) => {
		const { assessment } = await facilitate(event);
		try {
			await assessments.reopenAssessment(assessment.id);
		} catch (e) {
			return refusal(e);
		}
		redirect(303, here(event));
	}
};
