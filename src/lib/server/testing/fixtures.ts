// Test data written straight into the test's own database (see test-setup.ts). Fictional only.
import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { db } from '../db';
import * as s from '../db/schema';
import { prepareDatabase } from '../startup';
import { FRAMEWORK_VERSION } from '../../framework';
import type { RoleName } from '../auth/roles';

export const TEST_PASSWORD = 'test-passwort-123';
let passwordHash: Promise<string> | undefined;

/** Migrates the test database once per test file. */
export async function migrated(): Promise<void> {
	await prepareDatabase();
}

export interface TestUser {
	id: string;
	email: string;
	name: string;
	role: RoleName;
}

export interface TestOrganization {
	id: string;
	name: string;
	users: Record<RoleName, TestUser>;
}

/** An organisation with one user per role (owner, admin, manager, facilitator, member). */
export async function createOrganization(
	label = randomUUID().slice(0, 8)
): Promise<TestOrganization> {
	await migrated();
	passwordHash ??= hashPassword(TEST_PASSWORD);
	const hash = await passwordHash;
	const id = randomUUID();
	await db.insert(s.organization).values({
		id,
		name: `Testverband ${label}`,
		slug: `test-${label}-${id.slice(0, 6)}`,
		createdAt: new Date()
	});
	await db.insert(s.organizationSettings).values({ organizationId: id });
	const users = {} as Record<RoleName, TestUser>;
	for (const role of ['owner', 'admin', 'manager', 'facilitator', 'member'] as RoleName[]) {
		const userId = randomUUID();
		const email = `${role}-${label}-${userId.slice(0, 6)}@test.invalid`;
		await db
			.insert(s.user)
			.values({ id: userId, name: `${role} ${label}`, email, emailVerified: true });
		await db.insert(s.account).values({
			id: randomUUID(),
			accountId: userId,
			providerId: 'credential',
			userId,
			password: hash,
			createdAt: new Date(),
			updatedAt: new Date()
		});
		await db.insert(s.member).values({
			id: randomUUID(),
			organizationId: id,
			userId,
			role,
			createdAt: new Date()
		});
		users[role] = { id: userId, email, name: `${role} ${label}`, role };
	}
	return { id, name: `Testverband ${label}`, users };
}

/** A team in an organisation. */
export async function createTeam(organizationId: string, name = 'Testteam'): Promise<s.Team> {
	const [row] = await db
		.insert(s.team)
		.values({ id: randomUUID(), organizationId, name, place: 'Teststadt' })
		.returning();
	return row;
}

/** An assessment of a team; defaults to a running workshop with a join code. */
export async function createAssessment(
	teamId: string,
	values: Partial<typeof s.assessment.$inferInsert> = {}
): Promise<s.Assessment> {
	const [row] = await db
		.insert(s.assessment)
		.values({
			id: randomUUID(),
			teamId,
			date: '2026-11-01',
			title: 'Test-Standortbestimmung',
			frameworkVersion: FRAMEWORK_VERSION,
			status: 'laeuft',
			joinCode: randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase(),
			...values
		})
		.returning();
	return row;
}

/** An anonymous participant of an assessment. */
export async function createParticipant(
	assessmentId: string,
	values: Partial<typeof s.participant.$inferInsert> = {}
): Promise<s.Participant> {
	const [row] = await db
		.insert(s.participant)
		.values({
			id: randomUUID(),
			assessmentId,
			resumeCode: randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase(),
			...values
		})
		.returning();
	return row;
}

/** One rating (value null = "kann ich nicht einschätzen"). */
export async function createRating(
	participant: s.Participant,
	itemKey: string,
	value: number | null,
	extra: Partial<typeof s.rating.$inferInsert> = {}
): Promise<void> {
	await db.insert(s.rating).values({
		assessmentId: participant.assessmentId,
		participantId: participant.id,
		itemKey,
		itemRevision: 1,
		value,
		firstValue: value,
		...extra
	});
}
