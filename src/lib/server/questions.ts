// Reflection questions beside the framework's five: the organisation's own (in every assessment)
// and those a facilitator adds to one assessment.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from './db';
import { assessmentQuestion, organizationQuestion } from './db/schema';
import { QUESTIONS, t, type Locale } from '../framework';
import { FlowError, bumpRevision, writableAssessment } from './assessments';
import { requiredText } from './validation';

export type OrganizationQuestionRow = typeof organizationQuestion.$inferSelect;
export type AssessmentQuestionRow = typeof assessmentQuestion.$inferSelect;

/** Form field of a question's text. */
export const questionTextSchema = z.object({ text: requiredText(500) });
/** Form fields naming one question and its new text. */
export const questionEditSchema = z.object({ id: requiredText(100), text: requiredText(500) });
/** Form field naming one question. */
export const questionIdSchema = z.object({ id: requiredText(100) });

/** The organisation's questions in order; archived ones only when asked for. */
export async function listOrganizationQuestions(
	organizationId: string,
	includeArchived = false
): Promise<OrganizationQuestionRow[]> {
	return db
		.select()
		.from(organizationQuestion)
		.where(
			includeArchived
				? eq(organizationQuestion.organizationId, organizationId)
				: and(
						eq(organizationQuestion.organizationId, organizationId),
						eq(organizationQuestion.archived, false)
					)
		)
		.orderBy(asc(organizationQuestion.position), asc(organizationQuestion.createdAt));
}

/** Adds a question at the end of the organisation's list. */
export async function addOrganizationQuestion(
	organizationId: string,
	text: string
): Promise<OrganizationQuestionRow> {
	const [row] = await db
		.insert(organizationQuestion)
		.values({
			id: randomUUID(),
			organizationId,
			text,
			position: sql`(select coalesce(max(${organizationQuestion.position}), -1) + 1 from ${organizationQuestion} where ${organizationQuestion.organizationId} = ${organizationId})`
		})
		.returning();
	return row;
}

/** Changes a question's wording; team answers keep the wording they were given under. */
export async function updateOrganizationQuestion(
	organizationId: string,
	id: string,
	text: string
): Promise<void> {
	const rows = await db
		.update(organizationQuestion)
		.set({ text })
		.where(
			and(eq(organizationQuestion.id, id), eq(organizationQuestion.organizationId, organizationId))
		)
		.returning({ id: organizationQuestion.id });
	if (rows.length === 0) throw new FlowError('not_found');
}

/** Archives (hides from new assessments) or restores a question; answers stay. */
export async function setOrganizationQuestionArchived(
	organizationId: string,
	id: string,
	archived: boolean
): Promise<void> {
	const rows = await db
		.update(organizationQuestion)
		.set({ archived })
		.where(
			and(eq(organizationQuestion.id, id), eq(organizationQuestion.organizationId, organizationId))
		)
		.returning({ id: organizationQuestion.id });
	if (rows.length === 0) throw new FlowError('not_found');
}

/** The questions a facilitator added to one assessment. */
export async function listAssessmentQuestions(
	assessmentId: string
): Promise<AssessmentQuestionRow[]> {
	return db
		.select()
		.from(assessmentQuestion)
		.where(eq(assessmentQuestion.assessmentId, assessmentId))
		.orderBy(asc(assessmentQuestion.position), asc(assessmentQuestion.createdAt));
}

/** Adds a question to one running or draft assessment. */
export async function addAssessmentQuestion(assessmentId: string, text: string): Promise<void> {
	await writableAssessment(assessmentId);
	await db.batch([
		db.insert(assessmentQuestion).values({
			id: randomUUID(),
			assessmentId,
			text,
			position: sql`(select coalesce(max(${assessmentQuestion.position}), -1) + 1 from ${assessmentQuestion} where ${assessmentQuestion.assessmentId} = ${assessmentId})`
		}),
		bumpRevision(assessmentId)
	]);
}

/** One reflection question as the assessment shows it. */
export interface ReflectionQuestion {
	/** Framework key, `org:<id>` or `asmt:<id>` (the key notes and answers are stored under). */
	key: string;
	text: string;
	hint: string | null;
	source: 'framework' | 'organization' | 'assessment';
}

/** The framework's questions, then the organisation's, then this assessment's own. */
export async function questionsOfAssessment(
	assessmentId: string,
	organizationId: string,
	locale: Locale
): Promise<ReflectionQuestion[]> {
	const [own, added] = await Promise.all([
		listOrganizationQuestions(organizationId),
		listAssessmentQuestions(assessmentId)
	]);
	return [
		...QUESTIONS.map((q) => ({
			key: q.key as string,
			text: t(q.text, locale),
			hint: q.hint ? t(q.hint, locale) : null,
			source: 'framework' as const
		})),
		...own.map((q) => ({
			key: `org:${q.id}`,
			text: q.text,
			hint: null,
			source: 'organization' as const
		})),
		...added.map((q) => ({
			key: `asmt:${q.id}`,
			text: q.text,
			hint: null,
			source: 'assessment' as const
		}))
	];
}
