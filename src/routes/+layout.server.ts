import type { LayoutServerLoad } from './$types';
import { demoAccountsExist, listOrganizationsOfUser } from '$lib/server/organizations';
import { getLocale } from '$lib/paraglide/runtime';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	const [demo, organizations] = await Promise.all([
		demoAccountsExist(),
		locals.user ? listOrganizationsOfUser(locals.user.id) : Promise.resolve([])
	]);
	return {
		user: locals.user
			? { id: locals.user.id, name: locals.user.name, email: locals.user.email }
			: null,
		organizations,
		demo,
		locale: getLocale(),
		path: url.pathname + url.search
	};
};
