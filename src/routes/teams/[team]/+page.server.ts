import type { PageServerLoad } from './$types';
import { requireTeam, roleAllows } from '$lib/server/access';
import { listAssessmentsOfTeam } from '$lib/server/teams';
import { listReviewReminders } from '$lib/server/followup';
import { getSettings } from '$lib/server/organizations';
import { todayInTimeZone } from '$lib/scoring';

export const load: PageServerLoad = async (event) => {
	const { team, membership } = await requireTeam(event, event.params.team, 'team:read');
	const assessments = await listAssessmentsOfTeam(team.id);
	// Review-date reminders of open actions (history/follow-up).
	const settings = await getSettings(team.organizationId);
	const reminders = await listReviewReminders(
		[team.id],
		todayInTimeZone(new Date(), settings.timeZone)
	);
	return {
		team,
		role: membership.role,
		assessments,
		reminders,
		canFacilitate: roleAllows(membership.role, 'assessment:facilitate')
	};
};
