import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireOrganization, requireTeam, roleAllows } from '$lib/server/access';
import { getOrganization } from '$lib/server/organizations';
import { loadOrganizationOverview, OVERVIEW_SORTS, type OverviewSort } from '$lib/server/overview';
import { setTeamArchived } from '$lib/server/teams';
import { requiredText, validate } from '$lib/server/validation';
import { m } from '$lib/paraglide/messages';

const archiveSchema = z.object({
	teamId: requiredText(64),
	archived: z.enum(['1', '0'], { error: 'error_invalid' })
});

export const load: PageServerLoad = async (event) => {
	const membership = await requireOrganization(event, event.params.org, 'overview:read');
	const params = event.url.searchParams;
	const sortParam = params.get('sortierung') ?? '';
	const sort: OverviewSort = (OVERVIEW_SORTS as readonly string[]).includes(sortParam)
		? (sortParam as OverviewSort)
		: 'name';
	const filter = {
		sort,
		place: (params.get('ort') ?? '').slice(0, 200),
		includeArchived: params.get('archiviert') === '1'
	};
	const [organization, overview] = await Promise.all([
		getOrganization(event.params.org),
		loadOrganizationOverview(event.params.org, filter)
	]);
	return {
		organization: { id: event.params.org, name: organization?.name ?? '' },
		filter,
		overview,
		canArchive: roleAllows(membership.role, 'team:write')
	};
};

export const actions: Actions = {
	archive: async (event) => {
		await requireOrganization(event, event.params.org, 'overview:read');
		const form = await event.request.formData();
		const parsed = validate(archiveSchema, form);
		if (!parsed.ok) return fail(400, { message: m.error_form(), errors: parsed.errors });
		const { team } = await requireTeam(event, parsed.data.teamId, 'team:write');
		// A team of another organisation does not exist on this page.
		if (team.organizationId !== event.params.org) error(404, 'not_found');
		const archived = parsed.data.archived === '1';
		await setTeamArchived(team.id, archived);
		return { archived, teamName: team.name };
	}
};
