import { fail, redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import type { Actions, PageServerLoad } from './$types';
import { auth } from '$lib/server/auth';
import { findOpenInvitation } from '$lib/server/invitations';
import { allowAttempt } from '$lib/server/ratelimit';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ params, locals }) => {
	const invitation = await findOpenInvitation(params.id);
	if (!invitation) return { state: 'invalid' as const };
	const view = {
		id: invitation.id,
		organizationName: invitation.organizationName,
		role: invitation.role,
		email: invitation.email
	};
	if (!locals.user) return { state: 'signin' as const, invitation: view };
	if (locals.user.email.toLowerCase() !== invitation.email.toLowerCase()) {
		return { state: 'wrong_user' as const, invitation: view };
	}
	return { state: 'ready' as const, invitation: view };
};

export const actions: Actions = {
	default: async (event) => {
		if (!(await allowAttempt(event, 'invite', 10)))
			return fail(429, { message: m.error_rate_limited() });
		if (!event.locals.user) redirect(303, `/anmelden?redirectTo=/einladung/${event.params.id}`);
		const invitation = await findOpenInvitation(event.params.id);
		if (!invitation || invitation.email.toLowerCase() !== event.locals.user.email.toLowerCase()) {
			return fail(400, { message: m.invite_invalid() });
		}
		try {
			await auth.api.acceptInvitation({
				headers: event.request.headers,
				body: { invitationId: invitation.id }
			});
		} catch (e) {
			if (e instanceof APIError) return fail(400, { message: m.invite_invalid() });
			throw e;
		}
		redirect(303, '/dashboard');
	}
};
