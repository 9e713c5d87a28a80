import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireTeam } from '$lib/server/access';
import { confirmSchema, confirmsName, deleteTeam, teamDeletionSummary } from '$lib/server/deletion';
import { validate } from '$lib/server/validation';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const { team } = await requireTeam(event, event.params.team, 'team:delete');
	return { team: { id: team.id, name: team.name }, summary: await teamDeletionSummary(team.id) };
};

export const actions: Actions = {
	default: async (event) => {
		const { team } = await requireTeam(event, event.params.team, 'team:delete');
		const parsed = validate(confirmSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { message: m.error_form(), errors: parsed.errors });
		if (!confirmsName(parsed.data.confirmName, team.name)) {
			const message = m.ops_delete_confirm_mismatch();
			return fail(400, { message, errors: { confirmName: message } });
		}
		await deleteTeam(team.id);
		redirect(303, '/dashboard');
	}
};
