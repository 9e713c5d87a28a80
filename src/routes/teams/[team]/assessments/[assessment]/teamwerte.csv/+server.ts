import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireAssessment } from '$lib/server/access';
import { csvResponse } from '$lib/server/exports/csv';

export const GET: RequestHandler = async (event) => {
	const { team, assessment } = await requireAssessment(
		event,
		event.params.assessment,
		'assessment:read'
	);
	if (team.id !== event.params.team) error(404, 'not_found');
	return csvResponse('teamwerte', { assessmentIds: [assessment.id] }, team.name, assessment.date);
};
