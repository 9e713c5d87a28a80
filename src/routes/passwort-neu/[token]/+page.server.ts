import { fail } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { z } from 'zod';
import type { Actions } from './$types';
import { auth } from '$lib/server/auth';
import { allowAttempt } from '$lib/server/ratelimit';
import { validate } from '$lib/server/validation';
import { m } from '$lib/paraglide/messages';

const schema = z.object({
	password: z
		.string({ error: 'error_required' })
		.min(10, { error: 'error_password_short' })
		.max(128, { error: 'error_too_long:128' })
});

export const actions: Actions = {
	default: async (event) => {
		if (!(await allowAttempt(event, 'reset', 10)))
			return fail(429, { message: m.error_rate_limited() });
		const parsed = validate(schema, await event.request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, message: m.error_form() });
		try {
			await auth.api.resetPassword({
				body: { newPassword: parsed.data.password, token: event.params.token }
			});
		} catch (e) {
			if (e instanceof APIError) return fail(400, { message: m.reset_invalid() });
			throw e;
		}
		return { done: true };
	}
};
