import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireAssessment } from '$lib/server/access';
import { loadAssessmentResults } from '$lib/server/results';

/**
 * The result page's data as JSON: exactly the shared view of loadAssessmentResults (statistics
 * left out for items under the minimum-group-size rule), with frameworkVersion and itemRevisions.
 */
export const GET: RequestHandler = async (event) => {
	const { assessment } = await requireAssessment(event, event.params.assessment, 'assessment:read');
	if (assessment.teamId !== event.params.team) error(404, 'not_found');
	const results = await loadAssessmentResults(assessment.id, { view: 'shared' });
	return json(results, { headers: { 'cache-control': 'private, no-store' } });
};
