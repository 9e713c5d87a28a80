import { fail } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireOrganization } from '$lib/server/access';
import { auth, issuedResetTokens } from '$lib/server/auth';
import { ASSIGNABLE_ROLES } from '$lib/server/auth/roles';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { member } from '$lib/server/db/schema';
import {
	findMember,
	getOrganization,
	listMembers,
	listPendingInvitations
} from '$lib/server/organizations';
import { emailField, validate } from '$lib/server/validation';
import { m } from '$lib/paraglide/messages';
import { eq } from 'drizzle-orm';

const inviteSchema = z.object({
	email: emailField,
	role: z.enum(ASSIGNABLE_ROLES, { error: 'error_invalid' })
});
const roleSchema = z.object({
	memberId: z.string({ error: 'error_invalid' }).min(1).max(100),
	role: z.enum(ASSIGNABLE_ROLES, { error: 'error_invalid' })
});
const memberSchema = z.object({ memberId: z.string({ error: 'error_invalid' }).min(1).max(100) });
const invitationSchema = z.object({
	invitationId: z.string({ error: 'error_invalid' }).min(1).max(100)
});

export const load: PageServerLoad = async (event) => {
	const membership = await requireOrganization(event, event.params.org, 'member:manage');
	const [org, members, invitations] = await Promise.all([
		getOrganization(event.params.org),
		listMembers(event.params.org),
		listPendingInvitations(event.params.org)
	]);
	return {
		organization: { id: org!.id, name: org!.name },
		members,
		invitations: invitations.map((i) => ({
			id: i.id,
			email: i.email,
			role: i.role,
			expiresAt: i.expiresAt,
			link: `${config.origin}/einladung/${i.id}`
		})),
		myRole: membership.role,
		roles: ASSIGNABLE_ROLES
	};
};

export const actions: Actions = {
	invite: async (event) => {
		await requireOrganization(event, event.params.org, 'member:manage');
		const parsed = validate(inviteSchema, await event.request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'invite', errors: parsed.errors, message: m.error_form() });
		try {
			const invitation = await auth.api.createInvitation({
				headers: event.request.headers,
				body: { email: parsed.data.email, role: parsed.data.role, organizationId: event.params.org }
			});
			return { action: 'invite', link: `${config.origin}/einladung/${invitation.id}` };
		} catch (e) {
			if (e instanceof APIError)
				return fail(400, { action: 'invite', message: m.members_invite_exists() });
			throw e;
		}
	},
	role: async (event) => {
		await requireOrganization(event, event.params.org, 'member:manage');
		const parsed = validate(roleSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { action: 'role', message: m.error_form() });
		const target = await findMember(event.params.org, parsed.data.memberId);
		if (!target) return fail(404, { action: 'role', message: m.error_invalid() });
		if (target.role === 'owner')
			return fail(400, { action: 'role', message: m.members_cannot_change_owner() });
		await db.update(member).set({ role: parsed.data.role }).where(eq(member.id, target.id));
		return { action: 'role', saved: true };
	},
	remove: async (event) => {
		await requireOrganization(event, event.params.org, 'member:manage');
		const parsed = validate(memberSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { action: 'remove', message: m.error_form() });
		const target = await findMember(event.params.org, parsed.data.memberId);
		if (!target) return fail(404, { action: 'remove', message: m.error_invalid() });
		if (target.role === 'owner')
			return fail(400, { action: 'remove', message: m.members_cannot_change_owner() });
		await db.delete(member).where(eq(member.id, target.id));
		return { action: 'remove', saved: true };
	},
	reset: async (event) => {
		await requireOrganization(event, event.params.org, 'member:manage');
		const parsed = validate(memberSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { action: 'reset', message: m.error_form() });
		const target = await findMember(event.params.org, parsed.data.memberId);
		if (!target) return fail(404, { action: 'reset', message: m.error_invalid() });
		await auth.api.requestPasswordReset({
			body: { email: target.email, redirectTo: '/passwort-neu' }
		});
		const token = issuedResetTokens.get(target.userId);
		issuedResetTokens.delete(target.userId);
		if (!token) return fail(500, { action: 'reset', message: m.error_generic() });
		return { action: 'reset', memberId: target.id, link: `${config.origin}/passwort-neu/${token}` };
	},
	cancel: async (event) => {
		await requireOrganization(event, event.params.org, 'member:manage');
		const parsed = validate(invitationSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { action: 'cancel', message: m.error_form() });
		try {
			await auth.api.cancelInvitation({
				headers: event.request.headers,
				body: { invitationId: parsed.data.invitationId }
			});
		} catch (e) {
			if (e instanceof APIError)
				return fail(400, { action: 'cancel', message: m.invite_invalid() });
			throw e;
		}
		return { action: 'cancel', saved: true };
	}
};
