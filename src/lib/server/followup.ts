// Following up the team's actions after the assessment that decided them: status changes,
// follow-up notes, review-date reminders and the dates behind the calendar files.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import { db } from './db';
import * as s from './db/schema';
import { isOpenAction, isOverdue, type ActionStatus } from '../scoring';

/** Days before a review date from which a reminder shows. */
export const REMINDER_DAYS = 14;

/** The date `days` after an ISO date (YYYY-MM-DD). */
export function addDays(isoDate: string, days: number): string {
	const d = new Date(`${isoDate}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

export interface FollowUpNote {
	id: string;
	text: string;
	status: ActionStatus | null;
	createdAt: Date;
	authorName: string | null;
}

export interface FollowUpAction {
	id: string;
	title: string;
	description: string;
	itemKey: string | null;
	owner: string;
	dueDate: string | null;
	reviewDate: string | null;
	status: ActionStatus;
	horizon: s.Action['horizon'];
	assessmentId: string;
	assessmentDate: string;
	assessmentTitle: string;
	overdue: boolean;
	notes: FollowUpNote[];
}

/**
 * The team's actions of all assessments (newest assessment first) with their follow-up notes, in
 * one query; `status` filters, `today` (YYYY-MM-DD, organisation time zone) marks overdue ones.
 */
export async function listTeamActions(
	teamId: string,
	today: string,
	status?: ActionStatus
): Promise<FollowUpAction[]> {
	const rows = await db
		.select({
			action: s.action,
			assessmentDate: s.assessment.date,
			assessmentTitle: s.assessment.title,
			note: s.actionNote,
			authorName: s.user.name
		})
		.from(s.action)
		.innerJoin(s.assessment, eq(s.assessment.id, s.action.assessmentId))
		.leftJoin(s.actionNote, eq(s.actionNote.actionId, s.action.id))
		.leftJoin(s.user, eq(s.user.id, s.actionNote.createdBy))
		.where(
			status
				? and(eq(s.action.teamId, teamId), eq(s.action.status, status))
				: eq(s.action.teamId, teamId)
		)
		.orderBy(
			desc(s.assessment.date),
			asc(s.action.createdAt),
			asc(s.action.title),
			asc(s.action.id),
			asc(s.actionNote.createdAt)
		);
	const byId = new Map<string, FollowUpAction>();
	for (const row of rows) {
		const a = row.action;
		let entry = byId.get(a.id);
		if (!entry) {
			entry = {
				id: a.id,
				title: a.title,
				description: a.description,
				itemKey: a.itemKey,
				owner: a.owner,
				dueDate: a.dueDate,
				reviewDate: a.reviewDate,
				status: a.status,
				horizon: a.horizon,
				assessmentId: a.assessmentId,
				assessmentDate: row.assessmentDate,
				assessmentTitle: row.assessmentTitle,
				overdue: isOverdue(a, today),
				notes: []
			};
			byId.set(a.id, entry);
		}
		if (row.note) {
			entry.notes.push({
				id: row.note.id,
				text: row.note.text,
				status: row.note.status,
				createdAt: row.note.createdAt,
				authorName: row.authorName
			});
		}
	}
	return [...byId.values()];
}

/** One action of the team, or undefined when it does not exist or belongs to another team. */
export async function getTeamAction(
	teamId: string,
	actionId: string
): Promise<s.Action | undefined> {
	const [row] = await db
		.select()
		.from(s.action)
		.where(and(eq(s.action.id, actionId), eq(s.action.teamId, teamId)))
		.limit(1);
	return row;
}

/**
 * Sets an action's status and records the change as a follow-up note (with an optional text).
 * False when the action is not the team's.
 */
export async function changeActionStatus(
	teamId: string,
	actionId: string,
	status: ActionStatus,
	text: string,
	userId: string
): Promise<boolean> {
	if (!(await getTeamAction(teamId, actionId))) return false;
	await db.batch([
		db.update(s.action).set({ status }).where(eq(s.action.id, actionId)),
		db.insert(s.actionNote).values({ id: randomUUID(), actionId, status, text, createdBy: userId })
	]);
	return true;
}

/** Adds a follow-up note to an action; false when the action is not the team's. */
export async function addFollowUpNote(
	teamId: string,
	actionId: string,
	text: string,
	userId: string
): Promise<boolean> {
	if (!(await getTeamAction(teamId, actionId))) return false;
	await db.insert(s.actionNote).values({ id: randomUUID(), actionId, text, createdBy: userId });
	return true;
}

export interface ReviewReminder {
	id: string;
	title: string;
	status: ActionStatus;
	reviewDate: string;
	teamId: string;
	teamName: string;
	/** The review date lies before today. */
	past: boolean;
}

/**
 * Open actions of these teams whose review date lies within `REMINDER_DAYS` days of `today` or
 * already passed (one query), soonest first.
 */
export async function listReviewReminders(
	teamIds: readonly string[],
	today: string
): Promise<ReviewReminder[]> {
	if (teamIds.length === 0) return [];
	const rows = await db
		.select({
			id: s.action.id,
			title: s.action.title,
			status: s.action.status,
			reviewDate: s.action.reviewDate,
			teamId: s.team.id,
			teamName: s.team.name
		})
		.from(s.action)
		.innerJoin(s.team, eq(s.team.id, s.action.teamId))
		.where(
			and(
				inArray(s.action.teamId, [...teamIds]),
				inArray(s.action.status, ['offen', 'laeuft']),
				isNotNull(s.action.reviewDate),
				lte(s.action.reviewDate, addDays(today, REMINDER_DAYS))
			)
		)
		.orderBy(asc(s.action.reviewDate), asc(s.action.title));
	return rows
		.filter((r) => isOpenAction(r.status))
		.map((r) => ({ ...r, reviewDate: r.reviewDate!, past: r.reviewDate! < today }));
}

/** The team's next assessment date: `next_date` of its latest assessment (null when none). */
export async function nextAssessmentDate(
	teamId: string
): Promise<{ date: string; assessmentId: string } | null> {
	const [row] = await db
		.select({ id: s.assessment.id, nextDate: s.assessment.nextDate })
		.from(s.assessment)
		.where(eq(s.assessment.teamId, teamId))
		.orderBy(desc(s.assessment.date), desc(s.assessment.createdAt))
		.limit(1);
	return row?.nextDate ? { date: row.nextDate, assessmentId: row.id } : null;
}
