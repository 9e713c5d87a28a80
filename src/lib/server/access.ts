import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { db } from './db';
import { assessment, member, team, type Assessment, type Team } from './db/schema';
import { roles, type RoleName } from './auth/roles';
import { PARTICIPANT_COOKIE_PREFIX } from './participant-cookie';

/** Everything a role may do, as `resource:action`. */
export const PERMISSIONS = [
	'team:read',
	'team:write',
	'team:delete',
	'assessment:read',
	'assessment:facilitate',
	'assessment:delete',
	'action:write',
	'overview:read',
	'settings:write',
	'export:full',
	'member:manage'
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const RESOURCE: Record<string, string> = { team: 'projectTeam' };

/** Whether a role has a permission (pure; the auth library's access-control roles decide). */
export function roleAllows(role: RoleName | string, permission: Permission): boolean {
	const definition = roles[role as RoleName];
	if (!definition) return false;
	if (permission === 'member:manage') {
		return definition.authorize({ member: ['update', 'delete'], invitation: ['create'] }).success;
	}
	const [resource, verb] = permission.split(':');
	return definition.authorize({ [RESOURCE[resource] ?? resource]: [verb] } as never).success;
}

export interface Membership {
	organizationId: string;
	role: RoleName;
}

/** The user's role in an organisation, or null when the user does not belong to it. */
export async function membershipOf(
	userId: string,
	organizationId: string
): Promise<Membership | null> {
	const rows = await db
		.select({ role: member.role })
		.from(member)
		.where(and(eq(member.userId, userId), eq(member.organizationId, organizationId)))
		.limit(1);
	if (rows.length === 0) return null;
	return { organizationId, role: rows[0].role as RoleName };
}

export type AccessResult<T> =
	{ ok: true; membership: Membership; subject: T } | { ok: false; status: 401 | 403 | 404 };

async function decide<T>(
	userId: string | null | undefined,
	organizationId: string | undefined,
	subject: T | undefined,
	permission: Permission
): Promise<AccessResult<T>> {
	if (!userId) return { ok: false, status: 401 };
	if (!subject || !organizationId) return { ok: false, status: 404 };
	const membership = await membershipOf(userId, organizationId);
	// Another organisation's data does not exist for this user.
	if (!membership) return { ok: false, status: 404 };
	if (!roleAllows(membership.role, permission)) return { ok: false, status: 403 };
	return { ok: true, membership, subject };
}

/** May this user do `permission` in this organisation? */
export async function checkOrganization(
	userId: string | null | undefined,
	organizationId: string,
	permission: Permission
): Promise<AccessResult<{ id: string }>> {
	return decide(userId, organizationId, { id: organizationId }, permission);
}

/** May this user do `permission` with this team? */
export async function checkTeam(
	userId: string | null | undefined,
	teamId: string,
	permission: Permission
): Promise<AccessResult<Team>> {
	const [row] = await db.select().from(team).where(eq(team.id, teamId)).limit(1);
	return decide(userId, row?.organizationId, row, permission);
}

/** May this user do `permission` with this assessment? */
export async function checkAssessment(
	userId: string | null | undefined,
	assessmentId: string,
	permission: Permission
): Promise<AccessResult<{ assessment: Assessment; team: Team }>> {
	const [row] = await db
		.select({ assessment, team })
		.from(assessment)
		.innerJoin(team, eq(team.id, assessment.teamId))
		.where(eq(assessment.id, assessmentId))
		.limit(1);
	return decide(userId, row?.team.organizationId, row, permission);
}

function isParticipantDevice(event: RequestEvent): boolean {
	return event.cookies.getAll().some((c) => c.name.startsWith(PARTICIPANT_COOKIE_PREFIX));
}

function orThrow<T>(
	event: RequestEvent,
	result: AccessResult<T>
): { membership: Membership; subject: T } {
	if (result.ok) return { membership: result.membership, subject: result.subject };
	if (result.status === 401) {
		// A participant (anonymous, with a participant cookie) calling a staff action is refused;
		// everyone else without a session is sent to sign in.
		if (event.request.method !== 'GET' && isParticipantDevice(event)) error(403, 'forbidden');
		const target = event.url.pathname + event.url.search;
		redirect(303, `/anmelden?redirectTo=${encodeURIComponent(target)}`);
	}
	error(result.status, result.status === 404 ? 'not_found' : 'forbidden');
}

/** Route helper: the user's membership in the organisation, or 303 to sign-in / 404 / 403. */
export async function requireOrganization(
	event: RequestEvent,
	organizationId: string,
	permission: Permission
): Promise<Membership> {
	const result = await checkOrganization(event.locals.user?.id, organizationId, permission);
	return orThrow(event, result).membership;
}

/** Route helper: the team, or 303 to sign-in / 404 / 403. */
export async function requireTeam(
	event: RequestEvent,
	teamId: string,
	permission: Permission
): Promise<{ membership: Membership; team: Team }> {
	const { membership, subject } = orThrow(
		event,
		await checkTeam(event.locals.user?.id, teamId, permission)
	);
	return { membership, team: subject };
}

/** Route helper: the assessment with its team, or 303 to sign-in / 404 / 403. */
export async function requireAssessment(
	event: RequestEvent,
	assessmentId: string,
	permission: Permission
): Promise<{ membership: Membership; assessment: Assessment; team: Team }> {
	const { membership, subject } = orThrow(
		event,
		await checkAssessment(event.locals.user?.id, assessmentId, permission)
	);
	return { membership, ...subject };
}

/** Route helper: a signed-in user, or 303 to the sign-in page. */
export function requireUser(event: RequestEvent): NonNullable<App.Locals['user']> {
	if (!event.locals.user) {
		const target = event.url.pathname + event.url.search;
		redirect(303, `/anmelden?redirectTo=${encodeURIComponent(target)}`);
	}
	return event.locals.user;
}
