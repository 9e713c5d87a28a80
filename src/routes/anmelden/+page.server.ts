import { fail, redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { auth } from '$lib/server/auth';
import { allowAttempt } from '$lib/server/ratelimit';
import { emailField, validate } from '$lib/server/validation';
import { config } from '$lib/server/config';
import { m } from '$lib/paraglide/messages';

/** Only same-site paths are followed after sign-in. */
function safeRedirect(target: string | null): string {
	return target && target.startsWith('/') && !target.startsWith('//') ? target : '/dashboard';
}

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('redirectTo')));
	return { signupOpen: config.signup === 'open' };
};

const signInSchema = z.object({
	email: emailField,
	password: z.string({ error: 'error_required' }).min(1, { error: 'error_required' }).max(200)
});

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const email = String(form.get('email') ?? '').slice(0, 254);
		if (!(await allowAttempt(event, 'signin', 10))) {
			return fail(429, { email, message: m.error_rate_limited() });
		}
		const parsed = validate(signInSchema, form);
		if (!parsed.ok) return fail(400, { email, errors: parsed.errors, message: m.error_form() });
		try {
			await auth.api.signInEmail({ body: parsed.data, headers: event.request.headers });
		} catch (e) {
			if (e instanceof APIError) return fail(400, { email, message: m.signin_failed() });
			throw e;
		}
		redirect(303, safeRedirect(event.url.searchParams.get('redirectTo')));
	}
};
