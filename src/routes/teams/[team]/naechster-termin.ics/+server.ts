import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireTeam } from '$lib/server/access';
import { nextAssessmentDate } from '$lib/server/followup';
import { allDayCalendar, calendarFileName, calendarResponse } from '$lib/server/ics';
import { m } from '$lib/paraglide/messages';

/** The team's next assessment (next date of its latest assessment) as an all-day event. */
export const GET: RequestHandler = async (event) => {
	const { team } = await requireTeam(event, event.params.team, 'team:read');
	const next = await nextAssessmentDate(team.id);
	if (!next) error(404, 'not_found');
	const body = allDayCalendar({
		uid: `next-${next.assessmentId}@sorgekompass`,
		date: next.date,
		summary: m.history_ics_next_summary({ team: team.name }),
		description: m.history_ics_next_description({ team: team.name }),
		url: `${event.url.origin}/teams/${team.id}`
	});
	return calendarResponse(body, calendarFileName(team.name, next.date));
};
