// The access helper as a matrix: every role × own / other organisation × every permission,
// checked through checkTeam, checkAssessment and checkOrganization against a table written by hand.
import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
	checkAssessment,
	checkOrganization,
	checkTeam,
	PERMISSIONS,
	roleAllows,
	type Permission
} from './access';
import type { RoleName } from './auth/roles';
import {
	createAssessment,
	createOrganization,
	createTeam,
	type TestOrganization
} from './testing/fixtures';

// Columns in the order of PERMISSIONS; Y = allowed in the own organisation, · = 403.
const COLUMNS: Permission[] = [
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
];
//                               t:r t:w t:d a:r a:f a:d act ovw set exp mem
const ROWS: Record<RoleName, string> = {
	owner: /*                   */ 'Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y',
	admin: /*                   */ 'Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y',
	facilitator: /*             */ 'Y   Y   ·   Y   Y   ·   Y   ·   ·   Y   ·',
	manager: /*                 */ 'Y   ·   ·   Y   ·   ·   Y   Y   ·   ·   ·',
	member: /*                  */ 'Y   ·   ·   Y   ·   ·   Y   ·   ·   ·   ·'
};

function expectedAllowed(role: RoleName, permission: Permission): boolean {
	const cells = ROWS[role].trim().split(/\s+/);
	expect(cells).toHaveLength(COLUMNS.length);
	return cells[COLUMNS.indexOf(permission)] === 'Y';
}

const ROLES: RoleName[] = ['owner', 'admin', 'manager', 'facilitator', 'member'];

let orgA: TestOrganization;
let orgB: TestOrganization;
let teamA: string;
let teamB: string;
let assessmentA: string;
let assessmentB: string;

beforeAll(async () => {
	orgA = await createOrganization('a');
	orgB = await createOrganization('b');
	teamA = (await createTeam(orgA.id, 'Team A')).id;
	teamB = (await createTeam(orgB.id, 'Team B')).id;
	assessmentA = (await createAssessment(teamA)).id;
	assessmentB = (await createAssessment(teamB)).id;
});

describe('the expected table', () => {
	it('covers exactly the permissions the helper knows', () => {
		expect([...COLUMNS].sort()).toEqual([...PERMISSIONS].sort());
	});
});

describe.each(ROLES)('role %s', (role) => {
	it.each(COLUMNS)(
		'%s: own organisation as expected, other organisation 404',
		async (permission) => {
			const user = orgA.users[role].id;
			const allowed = expectedAllowed(role, permission);
			const ownStatus = allowed ? 'ok' : 403;
			const status = (r: { ok: true } | { ok: false; status: number }) => (r.ok ? 'ok' : r.status);

			expect(roleAllows(role, permission)).toBe(allowed);
			expect(status(await checkOrganization(user, orgA.id, permission))).toBe(ownStatus);
			expect(status(await checkTeam(user, teamA, permission))).toBe(ownStatus);
			expect(status(await checkAssessment(user, assessmentA, permission))).toBe(ownStatus);

			// Another organisation's data does not exist for this user, whatever the role there.
			expect(status(await checkOrganization(user, orgB.id, permission))).toBe(404);
			expect(status(await checkTeam(user, teamB, permission))).toBe(404);
			expect(status(await checkAssessment(user, assessmentB, permission))).toBe(404);
		}
	);

	it('gets the subject and its own membership on success', async () => {
		const user = orgA.users[role].id;
		const team = await checkTeam(user, teamA, 'team:read');
		expect(team.ok && team.subject.id).toBe(teamA);
		expect(team.ok && team.membership).toEqual({ organizationId: orgA.id, role });
		const assessment = await checkAssessment(user, assessmentA, 'assessment:read');
		expect(assessment.ok && assessment.subject.assessment.id).toBe(assessmentA);
		expect(assessment.ok && assessment.subject.team.id).toBe(teamA);
	});
});

describe('anonymous and unknown', () => {
	it.each(COLUMNS)('%s: anonymous gets 401 everywhere', async (permission) => {
		for (const anonymous of [null, undefined, '']) {
			expect(await checkOrganization(anonymous, orgA.id, permission)).toEqual({
				ok: false,
				status: 401
			});
			expect(await checkTeam(anonymous, teamA, permission)).toEqual({ ok: false, status: 401 });
			expect(await checkAssessment(anonymous, assessmentA, permission)).toEqual({
				ok: false,
				status: 401
			});
		}
	});

	it('nonexistent ids are 404 even for the owner', async () => {
		const owner = orgA.users.owner.id;
		expect(await checkTeam(owner, randomUUID(), 'team:read')).toEqual({ ok: false, status: 404 });
		expect(await checkAssessment(owner, randomUUID(), 'assessment:read')).toEqual({
			ok: false,
			status: 404
		});
		expect(await checkOrganization(owner, randomUUID(), 'team:read')).toEqual({
			ok: false,
			status: 404
		});
	});

	it('a signed-in user without any membership gets 404, not 403', async () => {
		const stranger = randomUUID();
		expect(await checkTeam(stranger, teamA, 'team:read')).toEqual({ ok: false, status: 404 });
	});
});
