import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { cookieName, cookieMaxAge, isLocale } from '$lib/paraglide/runtime';

/** Switches the language (works without JavaScript) and returns to the page the person was on. */
export const POST: RequestHandler = async ({ request, cookies }) => {
	const form = await request.formData().catch(() => new FormData());
	const locale = String(form.get('locale') ?? '');
	const target = String(form.get('redirectTo') ?? '/');
	if (isLocale(locale)) {
		cookies.set(cookieName, locale, {
			path: '/',
			maxAge: cookieMaxAge,
			httpOnly: false,
			sameSite: 'lax'
		});
	}
	redirect(303, target.startsWith('/') && !target.startsWith('//') ? target : '/');
};
