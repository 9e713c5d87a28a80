// The participant's live notices (SSE): step, reveal, timer and answer counts, never values.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getParticipant, requireJoinTarget } from '$lib/server/participants';
import { readParticipantId } from '$lib/server/participant-cookie';
import { liveStream } from '$lib/server/live';

export const GET: RequestHandler = async (event) => {
	const target = await requireJoinTarget(event);
	const id = target.assessment.id;
	// Only a device that joined this assessment listens in.
	const me = await getParticipant(id, readParticipantId(event.cookies, id));
	if (!me) error(403, 'forbidden');
	return liveStream(id, event.request.signal);
};
