import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	getParticipant,
	joinAssessment,
	normalizeCode,
	requireJoinTarget,
	resumeParticipant,
	setActorGroup,
	type ParticipantResult
} from '$lib/server/participants';
import { loadStepView, saveNote, saveRating, saveRatingFast } from '$lib/server/responses';
import { liveBasisOf } from '$lib/server/live';
import {
	clearParticipantId,
	participantCookies,
	readParticipantId,
	writeParticipantId
} from '$lib/server/participant-cookie';
import { ACTORS, t } from '$lib/framework';
import type { FieldErrors } from '$lib/server/validation';
import { getLocale } from '$lib/paraglide/runtime';

// One load serves the whole participant screen (join form or current step), so a live update
// later only needs invalidateAll().
export const load: PageServerLoad = async (event) => {
	const canonical = normalizeCode(event.params.code);
	if (canonical !== event.params.code) redirect(308, `/p/${canonical}`);
	const target = await requireJoinTarget(event);
	const a = target.assessment;
	const locale = getLocale();
	const stored = readParticipantId(event.cookies, a.id);
	const me = await getParticipant(a.id, stored);
	if (stored && !me) clearParticipantId(event.cookies, a.id);
	const base = {
		code: canonical,
		status: a.status,
		resultsShared: a.resultsShared,
		minGroupSize: target.minGroupSize,
		signedIn: !!event.locals.user
	};
	if (!me || a.status !== 'laeuft') {
		return {
			...base,
			view: 'join' as const,
			joinInfo: { title: a.title, date: a.date, teamName: target.teamName },
			actors: ACTORS.map((x) => ({ key: x.key, title: t(x.title, locale) })),
			lost: !!stored && !me,
			joined: !!me
		};
	}
	return {
		...base,
		view: 'step' as const,
		// What this render shows of the live state: the page refreshes only when that changes.
		live: liveBasisOf(a),
		...(await loadStepView(target, me, locale))
	};
};

/** What a failed form gets back: the message, field errors and what was typed into that form. */
export interface FailureData {
	action: 'join' | 'resume' | 'tag' | 'rate' | 'note';
	message: string;
	errors: FieldErrors;
	itemKey?: string;
	questionKey?: string;
	nickname?: string;
	resumeCode?: string;
	note?: string;
	text?: string;
}

/** Echo only what the participant typed into the one form that failed. */
function failure(
	result: Extract<ParticipantResult, { ok: false }>,
	extra: Omit<FailureData, 'message' | 'errors'>
) {
	const data: FailureData = { message: result.message, errors: result.errors, ...extra };
	return fail(result.status, data);
}

const field = (form: FormData, name: string, max: number) =>
	String(form.get(name) ?? '').slice(0, max);

async function context(event: RequestEvent) {
	const target = await requireJoinTarget(event);
	return {
		target,
		participantId: readParticipantId(event.cookies, target.assessment.id),
		form: await event.request.formData()
	};
}

export const actions: Actions = {
	join: async (event) => {
		const { target, form } = await context(event);
		const result = await joinAssessment(target.assessment, form);
		if (!result.ok)
			return failure(result, { action: 'join', nickname: field(form, 'nickname', 80) });
		writeParticipantId(event.cookies, target.assessment.id, result.value.id);
		redirect(303, `/p/${target.assessment.joinCode}`);
	},
	resume: async (event) => {
		const { target, form } = await context(event);
		const result = await resumeParticipant(target.assessment, form, event.getClientAddress());
		if (!result.ok) {
			return failure(result, { action: 'resume', resumeCode: field(form, 'resumeCode', 20) });
		}
		writeParticipantId(event.cookies, target.assessment.id, result.value.id);
		redirect(303, `/p/${target.assessment.joinCode}`);
	},
	neu: async (event) => {
		const target = await requireJoinTarget(event);
		clearParticipantId(event.cookies, target.assessment.id);
		redirect(303, `/p/${target.assessment.joinCode}`);
	},
	tag: async (event) => {
		const { target, participantId, form } = await context(event);
		const result = await setActorGroup(target.assessment, participantId, form);
		if (!result.ok) return failure(result, { action: 'tag' });
		return { action: 'tag', saved: true };
	},
	rate: async (event) => {
		const form = await event.request.formData();
		const itemKey = field(form, 'itemKey', 64);
		// Hundreds of phones rate at once in a plenary: the usual case is one database round trip.
		const code = normalizeCode(event.params.code);
		if (await saveRatingFast(code, participantCookies(event.cookies), form)) {
			return { action: 'rate', itemKey, saved: true };
		}
		// Anything else (wrong code, closed, other step, not joined, bad input): the full checks,
		// which write nothing unless the rating is allowed after all, and name the reason.
		const target = await requireJoinTarget(event);
		const participantId = readParticipantId(event.cookies, target.assessment.id);
		const result = await saveRating(target.assessment, participantId, form);
		if (!result.ok) {
			return failure(result, { action: 'rate', itemKey, note: field(form, 'note', 10_000) });
		}
		return { action: 'rate', itemKey, saved: true };
	},
	note: async (event) => {
		const { target, participantId, form } = await context(event);
		const questionKey = field(form, 'questionKey', 80);
		const result = await saveNote(target, participantId, form, getLocale());
		if (!result.ok) {
			return failure(result, { action: 'note', questionKey, text: field(form, 'text', 10_000) });
		}
		return { action: 'note', questionKey, saved: true };
	}
};
