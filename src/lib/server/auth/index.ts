import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { organization } from 'better-auth/plugins';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import { getRequestEvent } from '$app/server';
import { config } from '../config';
import { db } from '../db';
import * as schema from '../db/schema';
import { ac, roles } from './roles';

/** Reset links handed to admins instead of mail: the callback stores them for the asking action. */
export const issuedResetTokens = new Map<string, string>();
export const CLIENT_ADDRESS_HEADER = 'x-sorgekompass-client';

export const auth = betterAuth({
	baseURL: config.origin,
	secret: config.authSecret,
	trustedOrigins: [config.origin],
	database: drizzleAdapter(db, { provider: 'sqlite', schema }),
	emailAndPassword: {
		enabled: true,
		minPasswordLength: 10,
		autoSignIn: true,
		sendResetPassword: async ({ user, token }) => {
			issuedResetTokens.set(user.id, token);
		}
	},
	rateLimit: {
		enabled: config.production,
		window: 60,
		max: 100 * config.rateLimitFactor,
		customRules: {
			'/sign-in/email': { window: 60, max: 10 * config.rateLimitFactor },
			'/sign-up/email': { window: 60, max: 5 * config.rateLimitFactor }
		}
	},
	advanced: {
		ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
		useSecureCookies: config.origin.startsWith('https:'),
		defaultCookieAttributes: { sameSite: 'lax', httpOnly: true }
	},
	plugins: [
		organization({
			ac,
			roles,
			creatorRole: 'owner',
			allowUserToCreateOrganization: true,
			invitationExpiresIn: 60 * 60 * 48,
			sendInvitationEmail: async () => {
				// No mail server is assumed: admins copy the invitation link from the members page.
			}
		}),
		sveltekitCookies(getRequestEvent)
	]
});

export type Auth = typeof auth;
