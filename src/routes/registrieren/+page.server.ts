import { error, fail, redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { auth } from '$lib/server/auth';
import { config } from '$lib/server/config';
import { findOpenInvitation } from '$lib/server/invitations';
import { allowAttempt } from '$lib/server/ratelimit';
import { saveSettings } from '$lib/server/organizations';
import { emailField, requiredText, validate } from '$lib/server/validation';
import { m } from '$lib/paraglide/messages';

const passwordField = z
	.string({ error: 'error_required' })
	.min(10, { error: 'error_password_short' })
	.max(128, { error: 'error_too_long:128' });

const withOrganization = z.object({
	name: requiredText(100),
	email: emailField,
	password: passwordField,
	organization: requiredText(120)
});
const invited = withOrganization.omit({ organization: true });

function slugOf(name: string): string {
	const base = name
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/ß/g, 'ss')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 40);
	return `${base || 'organisation'}-${crypto.randomUUID().slice(0, 6)}`;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, '/dashboard');
	const invitationId = url.searchParams.get('einladung');
	const invitation = invitationId ? await findOpenInvitation(invitationId) : undefined;
	if (invitationId && !invitation) error(404, 'not_found');
	return {
		open: config.signup === 'open' || !!invitation,
		invitation: invitation
			? {
					id: invitation.id,
					email: invitation.email,
					organizationName: invitation.organizationName
				}
			: null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const echo = {
			name: String(form.get('name') ?? '').slice(0, 100),
			email: String(form.get('email') ?? '').slice(0, 254),
			organization: String(form.get('organization') ?? '').slice(0, 120)
		};
		if (!(await allowAttempt(event, 'signup', 5))) {
			return fail(429, { ...echo, message: m.error_rate_limited() });
		}
		const invitationId = event.url.searchParams.get('einladung');
		const invitation = invitationId ? await findOpenInvitation(invitationId) : undefined;
		if (invitationId && !invitation) return fail(400, { ...echo, message: m.invite_invalid() });
		if (!invitation && config.signup !== 'open') {
			return fail(403, { ...echo, message: m.signup_closed() });
		}
		const parsed = validate(invitation ? invited : withOrganization, form);
		if (!parsed.ok) return fail(400, { ...echo, errors: parsed.errors, message: m.error_form() });
		const data = parsed.data as z.output<typeof withOrganization>;
		if (invitation && invitation.email !== data.email) {
			return fail(400, {
				...echo,
				errors: { email: m.invite_wrong_email() },
				message: m.error_form()
			});
		}
		let userId: string;
		try {
			const result = await auth.api.signUpEmail({
				body: { name: data.name, email: data.email, password: data.password },
				headers: event.request.headers
			});
			userId = result.user.id;
		} catch (e) {
			if (e instanceof APIError) {
				return fail(400, {
					...echo,
					errors: { email: m.signup_email_taken() },
					message: m.error_form()
				});
			}
			throw e;
		}
		if (invitation) redirect(303, `/einladung/${invitation.id}`);
		const created = await auth.api.createOrganization({
			body: { name: data.organization, slug: slugOf(data.organization), userId }
		});
		if (created) {
			await saveSettings(created.id, {
				minGroupSize: 3,
				privacyNotice: '',
				imprint: '',
				timeZone: 'Europe/Berlin',
				retentionDays: null
			});
		}
		redirect(303, '/dashboard');
	}
};
