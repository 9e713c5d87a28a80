import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireOrganization } from '$lib/server/access';
import { getOrganization } from '$lib/server/organizations';
import {
	MAX_IMPORT_BYTES,
	importErrorMessage,
	importTeam,
	parseTeamExport
} from '$lib/server/exports/team-json';

export const load: PageServerLoad = async (event) => {
	await requireOrganization(event, event.params.org, 'export:full');
	const org = await getOrganization(event.params.org);
	return { organization: { id: org!.id, name: org!.name } };
};

export const actions: Actions = {
	default: async (event) => {
		await requireOrganization(event, event.params.org, 'export:full');
		let file: FormDataEntryValue | null = null;
		try {
			file = (await event.request.formData()).get('file');
		} catch {
			file = null;
		}
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, { message: importErrorMessage({ code: 'empty' }) });
		}
		if (file.size > MAX_IMPORT_BYTES) {
			return fail(400, { message: importErrorMessage({ code: 'too_large' }) });
		}
		const parsed = parseTeamExport(await file.text());
		if (!parsed.ok) return fail(400, { message: importErrorMessage(parsed.error) });
		const { teamId } = await importTeam(event.params.org, parsed.data);
		redirect(303, `/teams/${teamId}`);
	}
};
