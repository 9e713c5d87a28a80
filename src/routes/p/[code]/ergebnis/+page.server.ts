import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { readParticipantId } from '$lib/server/participant-cookie';
import { findByJoinCode, getParticipant, normalizeCode } from '$lib/server/participants';
import { loadAssessmentResults } from '$lib/server/results';

// Participants have no account: the participant cookie of this assessment is their access.
export const load: PageServerLoad = async ({ params, cookies }) => {
	const target = await findByJoinCode(normalizeCode(params.code));
	if (!target) error(404, 'not_found');
	const { assessment } = target;
	if (!(await getParticipant(assessment.id, readParticipantId(cookies, assessment.id)))) {
		error(403, 'not_participant');
	}
	if (!assessment.resultsShared) error(403, 'not_shared');
	const results = await loadAssessmentResults(assessment.id, { view: 'shared' });
	return { results, code: assessment.joinCode ?? params.code };
};
