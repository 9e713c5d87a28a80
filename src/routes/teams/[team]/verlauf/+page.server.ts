import type { PageServerLoad } from './$types';
import { requireTeam } from '$lib/server/access';
import { loadTeamHistory } from '$lib/server/history';

export const load: PageServerLoad = async (event) => {
	const { team } = await requireTeam(event, event.params.team, 'team:read');
	const history = await loadTeamHistory(team.id);
	return { team: { id: team.id, name: team.name, place: team.place }, history };
};
