import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { readParticipantId } from '$lib/server/participant-cookie';
import {
	findAssessmentByJoinCode,
	isParticipantOf,
	loadAssessmentResults
} from '$lib/server/results';

// Participants have no account: the participant cookie of this assessment is their access.
export const load: PageServerLoad = async ({ params, cookies }) => {
	const assessment = await findAssessmentByJoinCode(params.code);
	if (!assessment) error(404, 'not_found');
	const participantId = readParticipantId(cookies, assessment.id);
	if (!(await isParticipantOf(participantId, assessment.id))) error(403, 'not_participant');
	if (!assessment.resultsShared) error(403, 'not_shared');
	const results = await loadAssessmentResults(assessment.id, { view: 'shared' });
	return { results, code: assessment.joinCode ?? params.code };
};
