import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireAssessment } from '$lib/server/access';
import { loadProjector } from '$lib/server/projector';

export const load: PageServerLoad = async (event) => {
	const { assessment } = await requireAssessment(event, event.params.assessment, 'assessment:read');
	if (assessment.teamId !== event.params.team) error(404, 'not_found');
	const groups = event.url.searchParams.get('gruppen') === '1';
	const view = await loadProjector(assessment, { groups });
	const timer =
		assessment.timerEndsAt && assessment.timerStep === view.step.key
			? assessment.timerEndsAt.getTime()
			: null;
	return {
		teamId: assessment.teamId,
		assessmentId: assessment.id,
		view,
		groups,
		timer,
		renderedAt: Date.now()
	};
};
