import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireAssessment } from '$lib/server/access';
import { renderActionPlan } from '$lib/server/pdf/action-plan';
import { downloadFileName, downloadHeaders } from '$lib/server/exports/download';

/** The PDF action plan: same access as the result page (a shared view). */
export const GET: RequestHandler = async (event) => {
	const { team, assessment } = await requireAssessment(
		event,
		event.params.assessment,
		'assessment:read'
	);
	if (team.id !== event.params.team) error(404, 'not_found');
	const { pdf } = await renderActionPlan(assessment.id);
	const name = downloadFileName('Aktionsplan', team.name, assessment.date, 'pdf');
	return new Response(new Uint8Array(pdf), { headers: downloadHeaders('application/pdf', name) });
};
