import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireTeam, roleAllows } from '$lib/server/access';
import { addFollowUpNote, changeActionStatus, listTeamActions } from '$lib/server/followup';
import { getSettings } from '$lib/server/organizations';
import { ACTION_STATUS_VALUES } from '$lib/server/db/schema';
import { optionalText, requiredText, validate } from '$lib/server/validation';
import { todayInTimeZone, type ActionStatus } from '$lib/scoring';
import { m } from '$lib/paraglide/messages';

const statusSchema = z.object({
	actionId: requiredText(64),
	status: z.enum(ACTION_STATUS_VALUES, { error: 'error_invalid' }),
	text: optionalText(2000)
});
const noteSchema = z.object({ actionId: requiredText(64), text: requiredText(2000) });

function statusFilter(value: string | null): ActionStatus | undefined {
	return (ACTION_STATUS_VALUES as readonly string[]).includes(value ?? '')
		? (value as ActionStatus)
		: undefined;
}

export const load: PageServerLoad = async (event) => {
	const { team, membership } = await requireTeam(event, event.params.team, 'team:read');
	const settings = await getSettings(team.organizationId);
	const today = todayInTimeZone(new Date(), settings.timeZone);
	const status = statusFilter(event.url.searchParams.get('status'));
	const actions = await listTeamActions(team.id, today, status);
	return {
		team: { id: team.id, name: team.name },
		actions,
		status: status ?? '',
		today,
		canWrite: roleAllows(membership.role, 'action:write')
	};
};

export const actions: Actions = {
	status: async (event) => {
		const { team } = await requireTeam(event, event.params.team, 'action:write');
		const form = await event.request.formData();
		const parsed = validate(statusSchema, form);
		const actionId = String(form.get('actionId') ?? '').slice(0, 64);
		if (!parsed.ok) {
			return fail(400, {
				message: m.error_form(),
				errors: parsed.errors,
				actionId,
				kind: 'status'
			});
		}
		const { status, text } = parsed.data;
		const user = event.locals.user!;
		if (!(await changeActionStatus(team.id, parsed.data.actionId, status, text, user.id))) {
			error(404, 'not_found');
		}
		return { saved: 'status' as const, actionId };
	},
	note: async (event) => {
		const { team } = await requireTeam(event, event.params.team, 'action:write');
		const form = await event.request.formData();
		const parsed = validate(noteSchema, form);
		const actionId = String(form.get('actionId') ?? '').slice(0, 64);
		if (!parsed.ok) {
			return fail(400, { message: m.error_form(), errors: parsed.errors, actionId, kind: 'note' });
		}
		const user = event.locals.user!;
		if (!(await addFollowUpNote(team.id, parsed.data.actionId, parsed.data.text, user.id))) {
			error(404, 'not_found');
		}
		return { saved: 'note' as const, actionId };
	}
};
