import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { isPlausibleCode, normalizeCode } from '$lib/server/participants';
import { m } from '$lib/paraglide/messages';

// The landing page's join form sends `?code=`; a plausible code goes on to its join page.
export const load: PageServerLoad = ({ url }) => {
	const raw = url.searchParams.get('code');
	if (raw === null) return { error: null, value: '' };
	const code = normalizeCode(raw);
	if (!code) return { error: m.participant_code_required(), value: '' };
	if (!isPlausibleCode(code)) {
		return { error: m.participant_code_format(), value: raw.slice(0, 32) };
	}
	redirect(303, `/p/${code}`);
};
