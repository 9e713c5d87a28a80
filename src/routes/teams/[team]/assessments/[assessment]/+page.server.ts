import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireAssessment, roleAllows } from '$lib/server/access';
import { loadAssessmentResults, toggleResultsShared } from '$lib/server/results';

/** The assessment, checked for the permission and for belonging to the team in the URL. */
async function requireAssessmentOfTeam(
	event: RequestEvent,
	permission: 'assessment:read' | 'assessment:facilitate'
) {
	const access = await requireAssessment(event, event.params.assessment, permission);
	if (access.assessment.teamId !== event.params.team) error(404, 'not_found');
	return access;
}

export const load: PageServerLoad = async (event) => {
	const { assessment, membership } = await requireAssessmentOfTeam(event, 'assessment:read');
	// The result page is a shared view: the minimum-group-size rule applies.
	const results = await loadAssessmentResults(assessment.id, { view: 'shared' });
	return {
		results,
		joinCode: assessment.joinCode,
		canFacilitate: roleAllows(membership.role, 'assessment:facilitate')
	};
};

export const actions: Actions = {
	share: async (event) => {
		const { assessment } = await requireAssessmentOfTeam(event, 'assessment:facilitate');
		const shared = await toggleResultsShared(assessment.id);
		return { shared };
	}
};
