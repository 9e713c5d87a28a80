import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireTeam } from '$lib/server/access';
import { getTeamAction } from '$lib/server/followup';
import { allDayCalendar, calendarFileName, calendarResponse } from '$lib/server/ics';
import { ACTION_STATUSES, t, type Locale } from '$lib/framework';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';

/** The action's review date as an all-day calendar event. */
export const GET: RequestHandler = async (event) => {
	const { team } = await requireTeam(event, event.params.team, 'team:read');
	const action = await getTeamAction(team.id, event.params.action);
	if (!action?.reviewDate) error(404, 'not_found');
	const status = ACTION_STATUSES.find((s) => s.key === action.status)!;
	const body = allDayCalendar({
		uid: `review-${action.id}@sorgekompass`,
		date: action.reviewDate,
		summary: m.history_ics_review_summary({ title: action.title }),
		description: m.history_ics_review_description({
			team: team.name,
			status: t(status.label, getLocale() as Locale)
		}),
		url: `${event.url.origin}/teams/${team.id}/massnahmen`
	});
	return calendarResponse(body, calendarFileName(action.title, action.reviewDate));
};
