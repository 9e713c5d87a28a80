// Actions a team decides in an assessment, and their follow-up (status + notes), also from the
// review step of a later assessment.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { db } from './db';
import {
	ACTION_STATUS_VALUES,
	HORIZON_VALUES,
	action,
	actionNote,
	assessment,
	type Action,
	type ActionNote,
	type Assessment
} from './db/schema';
import { RATED_ITEM_KEYS } from '../framework';
import { openActionsOfEarlier } from '../scoring';
import { FlowError, MAX_TEXT, bumpRevision, writableAssessment } from './assessments';
import { isoDate, optionalText, requiredText } from './validation';

const emptyToNull = (v: unknown) => (v === '' || v === undefined ? null : v);

/** Form fields of an action. */
export const actionSchema = z.object({
	title: requiredText(200),
	description: optionalText(MAX_TEXT),
	itemKey: z.preprocess(
		emptyToNull,
		z.enum(RATED_ITEM_KEYS, { error: 'error_invalid' }).nullable()
	),
	owner: optionalText(200),
	dueDate: z.preprocess(emptyToNull, isoDate.nullable()),
	reviewDate: z.preprocess(emptyToNull, isoDate.nullable()),
	horizon: z.enum(HORIZON_VALUES, { error: 'error_invalid' }),
	status: z.preprocess(
		(v) => (v === '' || v === undefined ? 'offen' : v),
		z.enum(ACTION_STATUS_VALUES, { error: 'error_invalid' })
	)
});
export type ActionInput = z.output<typeof actionSchema>;

/** Form fields of a status change with an optional follow-up note. */
export const actionStatusSchema = z.object({
	actionId: requiredText(100),
	status: z.enum(ACTION_STATUS_VALUES, { error: 'error_invalid' }),
	note: optionalText(MAX_TEXT)
});
export type ActionStatusInput = z.output<typeof actionStatusSchema>;

/** Records a new action decided in this assessment. */
export async function createAction(assessmentId: string, input: ActionInput): Promise<Action> {
	const current = await writableAssessment(assessmentId);
	const [rows] = await db.batch([
		db
			.insert(action)
			.values({ id: randomUUID(), teamId: current.teamId, assessmentId, ...input })
			.returning(),
		bumpRevision(assessmentId)
	]);
	return rows[0];
}

/** Changes an action decided in this assessment. */
export async function updateAction(
	assessmentId: string,
	actionId: string,
	input: ActionInput
): Promise<void> {
	await writableAssessment(assessmentId);
	const where = and(eq(action.id, actionId), eq(action.assessmentId, assessmentId));
	const [found] = await db.select({ id: action.id }).from(action).where(where).limit(1);
	if (!found) throw new FlowError('not_found');
	await db.batch([db.update(action).set(input).where(where), bumpRevision(assessmentId)]);
}

/**
 * Sets the status of an action of the same team (decided here or in an earlier assessment) and
 * keeps the step as a follow-up note written in this assessment.
 */
export async function setActionStatus(
	assessmentId: string,
	input: ActionStatusInput,
	userId: string | null
): Promise<void> {
	const current = await writableAssessment(assessmentId);
	const where = and(eq(action.id, input.actionId), eq(action.teamId, current.teamId));
	const [found] = await db.select({ id: action.id }).from(action).where(where).limit(1);
	if (!found) throw new FlowError('not_found');
	await db.batch([
		db.update(action).set({ status: input.status }).where(where),
		db.insert(actionNote).values({
			id: randomUUID(),
			actionId: input.actionId,
			assessmentId,
			status: input.status,
			text: input.note,
			createdBy: userId
		}),
		bumpRevision(assessmentId)
	]);
}

/** The actions decided in an assessment, in the order they were written. */
export async function listActionsOfAssessment(assessmentId: string): Promise<Action[]> {
	return db
		.select()
		.from(action)
		.where(eq(action.assessmentId, assessmentId))
		.orderBy(asc(action.createdAt), asc(action.id));
}

export type ReviewAction = Action & {
	assessmentDate: string;
	assessmentTitle: string;
	notes: ActionNote[];
};

/** The open actions of all earlier assessments of the team (the review step), with notes. */
export async function openActionsForReview(current: Assessment): Promise<ReviewAction[]> {
	const [assessments, actions] = await Promise.all([
		db
			.select({ id: assessment.id, date: assessment.date, title: assessment.title })
			.from(assessment)
			.where(eq(assessment.teamId, current.teamId)),
		db.select().from(action).where(eq(action.teamId, current.teamId)).orderBy(asc(action.createdAt))
	]);
	const picked = openActionsOfEarlier(actions, assessments, current);
	// Actions closed in this very review stay listed, so the team sees what it just decided.
	const reviewedHere = await db
		.select({ actionId: actionNote.actionId })
		.from(actionNote)
		.where(eq(actionNote.assessmentId, current.id));
	const reviewedIds = new Set(reviewedHere.map((r) => r.actionId));
	const earlierIds = new Set(assessments.filter((a) => a.date < current.date).map((a) => a.id));
	const alsoClosedHere = actions.filter(
		(a) => reviewedIds.has(a.id) && earlierIds.has(a.assessmentId) && !picked.includes(a)
	);
	const list = [...picked, ...alsoClosedHere];
	const notes =
		list.length === 0
			? []
			: await db
					.select()
					.from(actionNote)
					.where(
						inArray(
							actionNote.actionId,
							list.map((a) => a.id)
						)
					)
					.orderBy(desc(actionNote.createdAt));
	const byId = new Map(assessments.map((a) => [a.id, a]));
	return list.map((a) => ({
		...a,
		assessmentDate: byId.get(a.assessmentId)?.date ?? '',
		assessmentTitle: byId.get(a.assessmentId)?.title ?? '',
		notes: notes.filter((n) => n.actionId === a.id)
	}));
}
