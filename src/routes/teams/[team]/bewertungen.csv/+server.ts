import type { RequestHandler } from './$types';
import { requireTeam } from '$lib/server/access';
import { csvResponse, teamScope, todayOf } from '$lib/server/exports/csv';

export const GET: RequestHandler = async (event) => {
	const { team } = await requireTeam(event, event.params.team, 'team:read');
	const [scope, today] = await Promise.all([teamScope(team.id), todayOf(team.organizationId)]);
	return csvResponse('bewertungen', scope, team.name, today);
};
