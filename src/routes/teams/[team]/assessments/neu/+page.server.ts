import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireTeam } from '$lib/server/access';
import { createAssessment, newAssessmentSchema, OPTIONAL_STEP_KEYS } from '$lib/server/assessments';
import { getSettings } from '$lib/server/organizations';
import { listAssessmentsOfTeam } from '$lib/server/teams';
import { validate } from '$lib/server/validation';
import { todayInTimeZone } from '$lib/scoring';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const { team } = await requireTeam(event, event.params.team, 'assessment:facilitate');
	const [settings, earlier] = await Promise.all([
		getSettings(team.organizationId),
		listAssessmentsOfTeam(team.id)
	]);
	return {
		team: { id: team.id, name: team.name },
		today: todayInTimeZone(new Date(), settings.timeZone),
		optionalSteps: OPTIONAL_STEP_KEYS,
		hasEarlier: earlier.length > 0
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { team } = await requireTeam(event, event.params.team, 'assessment:facilitate');
		const form = await event.request.formData();
		const parsed = validate(newAssessmentSchema, form);
		if (!parsed.ok) {
			return fail(400, {
				message: m.error_form(),
				errors: parsed.errors,
				values: {
					date: String(form.get('date') ?? '').slice(0, 10),
					title: String(form.get('title') ?? '').slice(0, 200),
					mode: String(form.get('mode') ?? '').slice(0, 20),
					steps: form.getAll('steps').map((s) => String(s).slice(0, 40)),
					questions: String(form.get('questions') ?? '').slice(0, 5000)
				}
			});
		}
		const user = event.locals.user!;
		const created = await createAssessment(team.id, parsed.data, { id: user.id, name: user.name });
		redirect(303, `/teams/${team.id}/assessments/${created.id}/steuern`);
	}
};
