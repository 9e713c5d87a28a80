import type { RequestEvent } from '@sveltejs/kit';
import { requireJoinTarget } from './participants';
import { getOrganization, getSettings } from './organizations';

/**
 * The organisation's own text (privacy notice or imprint) for the participant pages. Public:
 * anyone with a valid join code may read it before joining.
 */
export async function loadOrganizationText(
	event: RequestEvent,
	field: 'privacyNotice' | 'imprint'
) {
	const target = await requireJoinTarget(event);
	const [organization, settings] = await Promise.all([
		getOrganization(target.organizationId),
		getSettings(target.organizationId)
	]);
	return {
		code: event.params.code ?? '',
		organizationName: organization?.name ?? '',
		text: settings[field]
	};
}
