import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import type { RequestHandler } from './$types';
import { requireAssessment } from '$lib/server/access';
import { joinUrlOf } from '$lib/server/assessments';

/** The join link as an SVG QR code, drawn on the server (no third-party request). */
export const GET: RequestHandler = async (event) => {
	const { assessment } = await requireAssessment(event, event.params.assessment, 'assessment:read');
	if (assessment.teamId !== event.params.team || !assessment.joinCode) error(404, 'not_found');
	const svg = await QRCode.toString(joinUrlOf(assessment.joinCode), { type: 'svg', margin: 1 });
	return new Response(svg, {
		headers: {
			'content-type': 'image/svg+xml; charset=utf-8',
			'cache-control': 'private, no-store'
		}
	});
};
