import { createAccessControl } from 'better-auth/plugins/access';
import {
	defaultStatements,
	ownerAc,
	adminAc,
	memberAc
} from 'better-auth/plugins/organization/access';

/** What can be done with the organisation's own data, beside the auth library's statements. */
export const statements = {
	...defaultStatements,
	projectTeam: ['read', 'write', 'delete'],
	assessment: ['read', 'facilitate', 'delete'],
	action: ['write'],
	overview: ['read'],
	settings: ['write'],
	export: ['full']
} as const;

export const ac = createAccessControl(statements);

const readAll = {
	projectTeam: ['read'],
	assessment: ['read'],
	action: ['write']
} as const;

/** Passing roles replaces the plugin's defaults, so owner, admin and member are defined again. */
export const roles = {
	owner: ac.newRole({
		...ownerAc.statements,
		projectTeam: ['read', 'write', 'delete'],
		assessment: ['read', 'facilitate', 'delete'],
		action: ['write'],
		overview: ['read'],
		settings: ['write'],
		export: ['full']
	}),
	admin: ac.newRole({
		...adminAc.statements,
		projectTeam: ['read', 'write', 'delete'],
		assessment: ['read', 'facilitate', 'delete'],
		action: ['write'],
		overview: ['read'],
		settings: ['write'],
		export: ['full']
	}),
	manager: ac.newRole({
		...memberAc.statements,
		...readAll,
		overview: ['read']
	}),
	facilitator: ac.newRole({
		...memberAc.statements,
		projectTeam: ['read', 'write'],
		assessment: ['read', 'facilitate'],
		action: ['write'],
		export: ['full']
	}),
	member: ac.newRole({
		...memberAc.statements,
		...readAll
	})
};

export type RoleName = keyof typeof roles;
export const ROLE_NAMES = Object.keys(roles) as RoleName[];
/** Roles an admin may hand out through an invitation or a role change (ownership is not handed out). */
export const ASSIGNABLE_ROLES = ['admin', 'manager', 'facilitator', 'member'] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];
