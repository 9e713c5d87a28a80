import type { RequestHandler } from './$types';
import { requireTeam } from '$lib/server/access';
import { exportTeam } from '$lib/server/exports/team-json';
import { downloadFileName, downloadHeaders } from '$lib/server/exports/download';

/** The full team export (data portability): admins and facilitators only. */
export const GET: RequestHandler = async (event) => {
	const { team } = await requireTeam(event, event.params.team, 'export:full');
	const document = await exportTeam(team.id);
	const name = downloadFileName('Team', team.name, document.exportedAt.slice(0, 10), 'json');
	return new Response(JSON.stringify(document, null, 2), {
		headers: downloadHeaders('application/json; charset=utf-8', name)
	});
};
