import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/access';
import { listOrganizationsOfUser } from '$lib/server/organizations';
import { listTeams } from '$lib/server/teams';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const organizations = await listOrganizationsOfUser(user.id);
	const withTeams = await Promise.all(
		organizations.map(async (org) => ({ ...org, teams: await listTeams(org.id) }))
	);
	return { organizations: withTeams };
};
