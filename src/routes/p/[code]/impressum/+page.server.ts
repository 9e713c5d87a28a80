import type { PageServerLoad } from './$types';
import { loadOrganizationText } from '$lib/server/organization-text';

export const load: PageServerLoad = (event) => loadOrganizationText(event, 'imprint');
