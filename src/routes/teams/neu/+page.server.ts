import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireOrganization } from '$lib/server/access';
import { getOrganization } from '$lib/server/organizations';
import { createTeam } from '$lib/server/teams';
import { optionalText, requiredText, validate } from '$lib/server/validation';
import { m } from '$lib/paraglide/messages';

const teamSchema = z.object({
	name: requiredText(120),
	place: optionalText(120),
	description: optionalText(2000)
});

function orgIdOf(url: URL): string {
	const org = url.searchParams.get('org');
	if (!org) error(404, 'not_found');
	return org;
}

export const load: PageServerLoad = async (event) => {
	const orgId = orgIdOf(event.url);
	await requireOrganization(event, orgId, 'team:write');
	const org = await getOrganization(orgId);
	if (!org) error(404, 'not_found');
	return { organization: { id: org.id, name: org.name } };
};

export const actions: Actions = {
	default: async (event) => {
		const orgId = orgIdOf(event.url);
		await requireOrganization(event, orgId, 'team:write');
		const form = await event.request.formData();
		const parsed = validate(teamSchema, form);
		if (!parsed.ok) {
			return fail(400, {
				message: m.error_form(),
				errors: parsed.errors,
				values: {
					name: String(form.get('name') ?? '').slice(0, 120),
					place: String(form.get('place') ?? '').slice(0, 120),
					description: String(form.get('description') ?? '').slice(0, 2000)
				}
			});
		}
		const created = await createTeam(orgId, parsed.data);
		redirect(303, `/teams/${created.id}`);
	}
};
