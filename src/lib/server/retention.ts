// Retention: individual ratings and notes of closed assessments are deleted after the
// organisation's period (organization_settings.retention_days; null keeps them).
import { and, eq, exists, inArray, isNotNull, lt, sql, type AnyColumn } from 'drizzle-orm';
import { db } from './db';
import {
	assessment,
	assessmentSummary,
	organizationSettings,
	participant,
	rating,
	reflectionNote,
	team
} from './db/schema';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Assessments handled per batch, so one run never holds the write lock for long. */
const CHUNK = 50;

export interface RetentionResult {
	/** Assessments whose individual data was (or had already been) removed in this run. */
	assessments: number;
	ratings: number;
	notes: number;
	nicknames: number;
}

/**
 * Deletes the individual ratings and reflection notes of every assessment that was closed more
 * than its organisation's retention period before `now`, and clears the participants' nicknames.
 * Teamwerte (consensus), team answers, team entries, actions and the participant rows (for the
 * head count and the actor groups) stay. Idempotent: a second run finds nothing left to delete.
 * Deleting ratings changes the scores computed from them, so an assessment that still has
 * ratings gets its revision bumped (like every other write to ratings) and loses its cached
 * history summary, which holds aggregates of exactly these ratings.
 */
export async function applyRetention(now = new Date()): Promise<RetentionResult> {
	const due = await db
		.select({ id: assessment.id })
		.from(assessment)
		.innerJoin(team, eq(team.id, assessment.teamId))
		.innerJoin(organizationSettings, eq(organizationSettings.organizationId, team.organizationId))
		.where(
			and(
				isNotNull(organizationSettings.retentionDays),
				eq(assessment.status, 'abgeschlossen'),
				isNotNull(assessment.closedAt),
				lt(
					sql`${assessment.closedAt} + ${organizationSettings.retentionDays} * ${DAY_MS}`,
					now.getTime()
				)
			)
		);
	const result: RetentionResult = { assessments: due.length, ratings: 0, notes: 0, nicknames: 0 };
	for (let i = 0; i < due.length; i += CHUNK) {
		const ids = due.slice(i, i + CHUNK).map((r) => r.id);
		// Before the ratings go: afterwards nothing tells which assessments still had some.
		const [, , ratings, notes, nicknames] = await db.batch([
			db
				.delete(assessmentSummary)
				.where(
					and(
						inArray(assessmentSummary.assessmentId, ids),
						hasRatings(assessmentSummary.assessmentId)
					)
				),
			db
				.update(assessment)
				.set({ revision: sql`${assessment.revision} + 1` })
				.where(and(inArray(assessment.id, ids), hasRatings(assessment.id))),
			db.delete(rating).where(inArray(rating.assessmentId, ids)),
			db.delete(reflectionNote).where(inArray(reflectionNote.assessmentId, ids)),
			db
				.update(participant)
				.set({ nickname: null })
				.where(and(inArray(participant.assessmentId, ids), isNotNull(participant.nickname)))
		]);
		result.ratings += ratings.rowsAffected;
		result.notes += notes.rowsAffected;
		result.nicknames += nicknames.rowsAffected;
	}
	return result;
}

/** True while the assessment (given by a column holding its id) has individual ratings. */
function hasRatings(assessmentId: AnyColumn) {
	return exists(
		db
			.select({ one: sql`1` })
			.from(rating)
			.where(eq(rating.assessmentId, assessmentId))
	);
}

let timer: ReturnType<typeof setInterval> | undefined;

/** Applies retention now and then hourly in this process (the timer never keeps the process alive). */
export async function startRetention(): Promise<void> {
	await runLogged();
	timer ??= setInterval(() => void runLogged(), HOUR_MS);
	timer.unref();
}

async function runLogged(): Promise<void> {
	try {
		const r = await applyRetention();
		if (r.ratings + r.notes + r.nicknames > 0) {
			console.info(
				`[retention] removed ${r.ratings} rating(s), ${r.notes} note(s), ${r.nicknames} nickname(s)`
			);
		}
	} catch (e) {
		console.error('[retention] failed', e);
	}
}
