// The facilitator's live notices (SSE) for the control view: the same small state as everyone.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireAssessment } from '$lib/server/access';
import { liveStream } from '$lib/server/live';

export const GET: RequestHandler = async (event) => {
	const { assessment } = await requireAssessment(event, event.params.assessment, 'assessment:read');
	if (assessment.teamId !== event.params.team) error(404, 'not_found');
	return liveStream(assessment.id, event.request.signal);
};
