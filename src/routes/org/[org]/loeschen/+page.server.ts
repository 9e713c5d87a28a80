import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireOrganization } from '$lib/server/access';
import {
	confirmSchema,
	confirmsName,
	deleteOrganization,
	organizationDeletionSummary
} from '$lib/server/deletion';
import { getOrganization } from '$lib/server/organizations';
import { validate } from '$lib/server/validation';
import { m } from '$lib/paraglide/messages';

async function organizationOf(event: RequestEvent<{ org: string }>) {
	const membership = await requireOrganization(event, event.params.org, 'settings:write');
	const org = await getOrganization(event.params.org);
	if (!org) error(404, 'not_found');
	return { org, isOwner: membership.role === 'owner' };
}

/** Only the owner may delete the organisation (admins may change its settings, not end it). */
async function ownerOnly(event: RequestEvent<{ org: string }>) {
	const { org, isOwner } = await organizationOf(event);
	if (!isOwner) error(403, 'forbidden');
	return org;
}

export const load: PageServerLoad = async (event) => {
	// An admin sees why there is no form instead of an error page.
	const { org, isOwner } = await organizationOf(event);
	return {
		organization: { id: org.id, name: org.name },
		isOwner,
		summary: isOwner ? await organizationDeletionSummary(org.id) : null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const org = await ownerOnly(event);
		const parsed = validate(confirmSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { message: m.error_form(), errors: parsed.errors });
		if (!confirmsName(parsed.data.confirmName, org.name)) {
			const message = m.ops_delete_confirm_mismatch();
			return fail(400, { message, errors: { confirmName: message } });
		}
		await deleteOrganization(org.id);
		redirect(303, '/dashboard');
	}
};
