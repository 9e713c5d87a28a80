import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireTeam } from '$lib/server/access';
import { compareHistoryPoints, defaultPair, loadTeamHistory } from '$lib/server/history';

export const load: PageServerLoad = async (event) => {
	const { team } = await requireTeam(event, event.params.team, 'team:read');
	const history = await loadTeamHistory(team.id);
	const choices = history.points.map((p) => ({ id: p.id, date: p.date, title: p.title }));
	const a = event.url.searchParams.get('a');
	const b = event.url.searchParams.get('b');
	const pair = a && b ? ([a, b] as const) : defaultPair(history);
	const comparison = pair ? compareHistoryPoints(history, pair[0], pair[1]) : null;
	// Ids that are not closed assessments of this team do not exist for this page.
	if (pair && !comparison) error(404, 'not_found');
	return {
		team: { id: team.id, name: team.name },
		choices,
		selected: pair ? { a: pair[0], b: pair[1] } : null,
		comparison
	};
};
