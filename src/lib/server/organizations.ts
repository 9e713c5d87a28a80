import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import { db } from './db';
import {
	invitation,
	member,
	organization,
	organizationSettings,
	user,
	type OrganizationSettings
} from './db/schema';
import type { RoleName } from './auth/roles';

export const DEMO_EMAIL_DOMAIN = 'demo.sorgekompass.invalid';

export interface OrganizationOfUser {
	id: string;
	name: string;
	slug: string;
	role: RoleName;
}

/** The organisations a user belongs to, with their role in each. */
export async function listOrganizationsOfUser(userId: string): Promise<OrganizationOfUser[]> {
	const rows = await db
		.select({
			id: organization.id,
			name: organization.name,
			slug: organization.slug,
			role: member.role
		})
		.from(member)
		.innerJoin(organization, eq(organization.id, member.organizationId))
		.where(eq(member.userId, userId))
		.orderBy(asc(organization.name));
	return rows.map((r) => ({ ...r, role: r.role as RoleName }));
}

/** The organisation's name, or undefined. */
export async function getOrganization(id: string) {
	const [row] = await db.select().from(organization).where(eq(organization.id, id)).limit(1);
	return row;
}

const DEFAULT_SETTINGS = {
	minGroupSize: 3,
	privacyNotice: '',
	imprint: '',
	timeZone: 'Europe/Berlin',
	retentionDays: null
} as const;

/** The organisation's settings; defaults when none were saved yet. */
export async function getSettings(organizationId: string): Promise<OrganizationSettings> {
	const [row] = await db
		.select()
		.from(organizationSettings)
		.where(eq(organizationSettings.organizationId, organizationId))
		.limit(1);
	return row ?? { organizationId, ...DEFAULT_SETTINGS, updatedAt: new Date(0) };
}

export type SettingsInput = Pick<
	OrganizationSettings,
	'minGroupSize' | 'privacyNotice' | 'imprint' | 'timeZone' | 'retentionDays'
>;

/** Saves the organisation's settings. */
export async function saveSettings(organizationId: string, input: SettingsInput): Promise<void> {
	await db
		.insert(organizationSettings)
		.values({ organizationId, ...input })
		.onConflictDoUpdate({ target: organizationSettings.organizationId, set: { ...input } });
}

/** True while any demo account exists (every page then shows the demo notice). */
// Asked on every page (the demo notice), so the statement is built once.
const demoAccounts = db
	.select({ n: sql<number>`count(*)` })
	.from(user)
	.where(like(user.email, `%@${DEMO_EMAIL_DOMAIN}`))
	.prepare();

export async function demoAccountsExist(): Promise<boolean> {
	const row = await demoAccounts.get();
	return (row?.n ?? 0) > 0;
}

export interface MemberRow {
	memberId: string;
	userId: string;
	name: string;
	email: string;
	role: RoleName;
}

/** Members of an organisation, by name. */
export async function listMembers(organizationId: string): Promise<MemberRow[]> {
	const rows = await db
		.select({
			memberId: member.id,
			userId: user.id,
			name: user.name,
			email: user.email,
			role: member.role
		})
		.from(member)
		.innerJoin(user, eq(user.id, member.userId))
		.where(eq(member.organizationId, organizationId))
		.orderBy(asc(user.name));
	return rows.map((r) => ({ ...r, role: r.role as RoleName }));
}

/** Pending invitations of an organisation. */
export async function listPendingInvitations(organizationId: string) {
	return db
		.select()
		.from(invitation)
		.where(and(eq(invitation.organizationId, organizationId), eq(invitation.status, 'pending')))
		.orderBy(asc(invitation.email));
}

/** The member row of a user in one of the given organisations. */
export async function findMember(organizationId: string, memberId: string) {
	const [row] = await db
		.select({ id: member.id, userId: member.userId, role: member.role, email: user.email })
		.from(member)
		.innerJoin(user, eq(user.id, member.userId))
		.where(and(eq(member.organizationId, organizationId), eq(member.id, memberId)))
		.limit(1);
	return row;
}

/** Whether any of these organisations exist (used by the demo seed). */
export async function organizationsExist(ids: string[]): Promise<boolean> {
	if (ids.length === 0) return false;
	const rows = await db
		.select({ id: organization.id })
		.from(organization)
		.where(inArray(organization.id, ids));
	return rows.length > 0;
}
