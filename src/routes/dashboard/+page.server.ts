import type { PageServerLoad } from './$types';
import { requireUser, roleAllows } from '$lib/server/access';
import { getSettings, listOrganizationsOfUser } from '$lib/server/organizations';
import { listTeams } from '$lib/server/teams';
import { listReviewReminders } from '$lib/server/followup';
import { todayInTimeZone } from '$lib/scoring';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const organizations = await listOrganizationsOfUser(user.id);
	const withTeams = await Promise.all(
		organizations.map(async (org) => {
			const teams = await listTeams(org.id);
			// Review-date reminders of open actions, "today" in the organisation's time zone.
			const { timeZone } = await getSettings(org.id);
			const reminders = await listReviewReminders(
				teams.map((t) => t.id),
				todayInTimeZone(new Date(), timeZone)
			);
			return {
				...org,
				teams,
				reminders,
				canCreateTeam: roleAllows(org.role, 'team:write'),
				canEditQuestions: roleAllows(org.role, 'settings:write')
			};
		})
	);
	return { organizations: withTeams };
};
