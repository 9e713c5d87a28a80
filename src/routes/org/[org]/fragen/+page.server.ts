import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireOrganization } from '$lib/server/access';
import { FlowError } from '$lib/server/assessments';
import { getOrganization } from '$lib/server/organizations';
import * as questions from '$lib/server/questions';
import { validate, type FieldErrors } from '$lib/server/validation';
import { m } from '$lib/paraglide/messages';

function invalid(errors: FieldErrors) {
	const first = Object.values(errors)[0];
	return fail(400, { message: first ? `${m.error_form()} ${first}` : m.error_form(), errors });
}

function notFound(e: unknown): never {
	if (e instanceof FlowError) error(404, 'not_found');
	throw e;
}

async function admin(event: RequestEvent) {
	await requireOrganization(event, event.params.org, 'settings:write');
	return event.params.org;
}

export const load: PageServerLoad = async (event) => {
	const orgId = await admin(event);
	const [org, list] = await Promise.all([
		getOrganization(orgId),
		questions.listOrganizationQuestions(orgId, true)
	]);
	if (!org) error(404, 'not_found');
	return { organization: { id: org.id, name: org.name }, questions: list };
};

export const actions: Actions = {
	add: async (event) => {
		const orgId = await admin(event);
		const parsed = validate(questions.questionTextSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		await questions.addOrganizationQuestion(orgId, parsed.data.text);
		return { saved: m.flow_question_added() };
	},
	update: async (event) => {
		const orgId = await admin(event);
		const parsed = validate(questions.questionEditSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		await questions
			.updateOrganizationQuestion(orgId, parsed.data.id, parsed.data.text)
			.catch(notFound);
		return { saved: m.flow_saved() };
	},
	archive: async (event) => {
		const orgId = await admin(event);
		const parsed = validate(questions.questionIdSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		await questions.setOrganizationQuestionArchived(orgId, parsed.data.id, true).catch(notFound);
		return { saved: m.flow_question_archived() };
	},
	restore: async (event) => {
		const orgId = await admin(event);
		const parsed = validate(questions.questionIdSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		await questions.setOrganizationQuestionArchived(orgId, parsed.data.id, false).catch(notFound);
		return { saved: m.flow_question_restored() };
	}
};
