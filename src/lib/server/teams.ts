import { and, asc, count, desc, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { db } from './db';
import { assessment, participant, team, type Assessment, type Team } from './db/schema';

/** Teams of an organisation by name; archived ones only when asked for. */
export async function listTeams(organizationId: string, includeArchived = false): Promise<Team[]> {
	return db
		.select()
		.from(team)
		.where(
			includeArchived
				? eq(team.organizationId, organizationId)
				: and(eq(team.organizationId, organizationId), eq(team.archived, false))
		)
		.orderBy(asc(team.name));
}

export interface TeamInput {
	name: string;
	place: string;
	description: string;
}

/** Creates a team in an organisation and returns it. */
export async function createTeam(organizationId: string, input: TeamInput): Promise<Team> {
	const [row] = await db
		.insert(team)
		.values({ id: randomUUID(), organizationId, ...input })
		.returning();
	return row;
}

/** Updates a team's name, place and description. */
export async function updateTeam(teamId: string, input: TeamInput): Promise<void> {
	await db.update(team).set(input).where(eq(team.id, teamId));
}

/** Archives or restores a team. */
export async function setTeamArchived(teamId: string, archived: boolean): Promise<void> {
	await db.update(team).set({ archived }).where(eq(team.id, teamId));
}

export type AssessmentListItem = Assessment & { participantCount: number };

/** A team's assessments, newest first, with their participant counts (one query). */
export async function listAssessmentsOfTeam(teamId: string): Promise<AssessmentListItem[]> {
	// A join, not a correlated subquery: drizzle writes columns inside a selected sql`` without
	// their table name, so `participant.assessment_id = assessment.id` became `"assessment_id" = "id"`
	// (both resolved to participant) and every count was 0.
	const rows = await db
		.select({ assessment, participantCount: count(participant.id) })
		.from(assessment)
		.leftJoin(participant, eq(participant.assessmentId, assessment.id))
		.where(eq(assessment.teamId, teamId))
		.groupBy(assessment.id)
		.orderBy(desc(assessment.date), desc(assessment.createdAt));
	return rows.map((r) => ({ ...r.assessment, participantCount: Number(r.participantCount) }));
}
