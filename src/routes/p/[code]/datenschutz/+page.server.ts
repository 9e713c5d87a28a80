import type { PageServerLoad } from './$types';
import { requireJoinTarget } from '$lib/server/participants';
import { getOrganization, getSettings } from '$lib/server/organizations';

// Public: anyone with a valid join code may read the organisation's text before joining.
export const load: PageServerLoad = async (event) => {
	const target = await requireJoinTarget(event);
	const [organization, settings] = await Promise.all([
		getOrganization(target.organizationId),
		getSettings(target.organizationId)
	]);
	return {
		code: event.params.code,
		organizationName: organization?.name ?? '',
		text: settings.privacyNotice
	};
};
