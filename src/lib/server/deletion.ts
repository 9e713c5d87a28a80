// Hard deletion of an assessment, a team or an organisation with everything in it.
// The schema's ON DELETE CASCADE foreign keys remove the dependent rows (deletion.spec.ts counts
// every table); what has no foreign key is deleted here explicitly.
import { eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { db } from './db';
import { requiredText } from './validation';
import {
	action,
	assessment,
	member,
	organization,
	participant,
	rating,
	requestKey,
	session,
	team
} from './db/schema';

/**
 * Idempotency keys carry no foreign key; their scope names the assessment they belong to
 * (ids are random UUIDs, so a substring match cannot hit another assessment).
 */
function requestKeysOf(assessmentIds: string[]) {
	return db
		.delete(requestKey)
		.where(
			sql`exists (select 1 from json_each(${JSON.stringify(assessmentIds)}) as ids where ${requestKey.scope} like '%' || ids.value || '%')`
		);
}

async function assessmentIdsWhere(where: SQL) {
	const rows = await db
		.select({ id: assessment.id })
		.from(assessment)
		.innerJoin(team, eq(team.id, assessment.teamId))
		.where(where);
	return rows.map((r) => r.id);
}

/**
 * Deletes an assessment with its participants, ratings, notes, Teamwerte, team entries and
 * answers, its own questions, the actions decided in it and the follow-up notes written in it.
 * Returns false when there was no such assessment.
 */
export async function deleteAssessment(id: string): Promise<boolean> {
	const [deleted] = await db.batch([
		db.delete(assessment).where(eq(assessment.id, id)).returning({ id: assessment.id }),
		requestKeysOf([id])
	]);
	return deleted.length > 0;
}

/** Deletes a team with all its assessments (and everything in them) and its actions. */
export async function deleteTeam(id: string): Promise<boolean> {
	const ids = await assessmentIdsWhere(eq(team.id, id));
	const [deleted] = await db.batch([
		db.delete(team).where(eq(team.id, id)).returning({ id: team.id }),
		requestKeysOf(ids)
	]);
	return deleted.length > 0;
}

/**
 * Deletes an organisation with its settings, questions, memberships, invitations and all teams.
 * User accounts stay: they belong to the people, who may be members elsewhere or start anew;
 * sessions that had the organisation active forget it.
 */
export async function deleteOrganization(id: string): Promise<boolean> {
	const ids = await assessmentIdsWhere(eq(team.organizationId, id));
	const [deleted] = await db.batch([
		db.delete(organization).where(eq(organization.id, id)).returning({ id: organization.id }),
		db
			.update(session)
			.set({ activeOrganizationId: null })
			.where(eq(session.activeOrganizationId, id)),
		requestKeysOf(ids)
	]);
	return deleted.length > 0;
}

const n = sql<number>`count(*)`.mapWith(Number);

/** What deleting a team would remove, for the confirmation page. */
export async function teamDeletionSummary(teamId: string) {
	const [[a], [p], [x]] = await db.batch([
		db.select({ n }).from(assessment).where(eq(assessment.teamId, teamId)),
		db
			.select({ n })
			.from(participant)
			.innerJoin(assessment, eq(assessment.id, participant.assessmentId))
			.where(eq(assessment.teamId, teamId)),
		db.select({ n }).from(action).where(eq(action.teamId, teamId))
	]);
	return { assessments: a.n, participants: p.n, actions: x.n };
}

/** What deleting an assessment would remove, for the confirmation page. */
export async function assessmentDeletionSummary(assessmentId: string) {
	const [[p], [r], [x]] = await db.batch([
		db.select({ n }).from(participant).where(eq(participant.assessmentId, assessmentId)),
		db.select({ n }).from(rating).where(eq(rating.assessmentId, assessmentId)),
		db.select({ n }).from(action).where(eq(action.assessmentId, assessmentId))
	]);
	return { participants: p.n, ratings: r.n, actions: x.n };
}

/** What deleting an organisation would remove, for the confirmation page. */
export async function organizationDeletionSummary(organizationId: string) {
	const [[t], [a], [mb]] = await db.batch([
		db.select({ n }).from(team).where(eq(team.organizationId, organizationId)),
		db
			.select({ n })
			.from(assessment)
			.innerJoin(team, eq(team.id, assessment.teamId))
			.where(eq(team.organizationId, organizationId)),
		db.select({ n }).from(member).where(eq(member.organizationId, organizationId))
	]);
	return { teams: t.n, assessments: a.n, members: mb.n };
}

/** Whether what a person typed to confirm matches the name (trimmed, Unicode-normalised). */
export function confirmsName(typed: unknown, name: string): boolean {
	return (
		typeof typed === 'string' && typed.trim().normalize('NFC') === name.trim().normalize('NFC')
	);
}

/** The confirmation form: the typed name, required. */
export const confirmSchema = z.object({ confirmName: requiredText(300) });
