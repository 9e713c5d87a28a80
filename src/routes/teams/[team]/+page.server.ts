import type { PageServerLoad } from './$types';
import { requireTeam } from '$lib/server/access';
import { listAssessmentsOfTeam } from '$lib/server/teams';

export const load: PageServerLoad = async (event) => {
	const { team, membership } = await requireTeam(event, event.params.team, 'team:read');
	const assessments = await listAssessmentsOfTeam(team.id);
	return { team, role: membership.role, assessments };
};
