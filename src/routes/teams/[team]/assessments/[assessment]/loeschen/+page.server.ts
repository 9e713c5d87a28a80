import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireAssessment } from '$lib/server/access';
import {
	assessmentDeletionSummary,
	confirmSchema,
	confirmsName,
	deleteAssessment
} from '$lib/server/deletion';
import { validate } from '$lib/server/validation';
import { m } from '$lib/paraglide/messages';

async function access(event: RequestEvent<{ team: string; assessment: string }>) {
	const found = await requireAssessment(event, event.params.assessment, 'assessment:delete');
	// The assessment must belong to the team in the address.
	if (found.team.id !== event.params.team) error(404, 'not_found');
	return found;
}

export const load: PageServerLoad = async (event) => {
	const { assessment, team } = await access(event);
	return {
		team: { id: team.id, name: team.name },
		assessment: { id: assessment.id, title: assessment.title, date: assessment.date },
		summary: await assessmentDeletionSummary(assessment.id)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { assessment, team } = await access(event);
		const parsed = validate(confirmSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { message: m.error_form(), errors: parsed.errors });
		if (!confirmsName(parsed.data.confirmName, team.name)) {
			const message = m.ops_delete_confirm_mismatch();
			return fail(400, { message, errors: { confirmName: message } });
		}
		await deleteAssessment(assessment.id);
		redirect(303, '/dashboard');
	}
};
