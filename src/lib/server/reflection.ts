// The facilitator's side of the reflection step: participants' notes (anonymous, released to
// the projector only on purpose, deletable) and the team's joint answers.
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from './db';
import { reflectionNote, teamAnswer, type TeamAnswer } from './db/schema';
import type { Locale } from '../framework';
import { FlowError, MAX_TEXT, bumpRevision, writableAssessment } from './assessments';
import { questionsOfAssessment } from './questions';
import { optionalText, requiredText } from './validation';

/** A participant's note without anything that points to the participant. */
export interface AnonymousNote {
	id: string;
	questionKey: string;
	text: string;
	released: boolean;
}

/** Form field naming one note. */
export const noteIdSchema = z.object({ noteId: requiredText(100) });
/** Form fields of releasing a note to the projector (released = "1") or taking it back. */
export const noteReleaseSchema = z.object({
	noteId: requiredText(100),
	released: z.enum(['0', '1'], { error: 'error_invalid' }).transform((v) => v === '1')
});
/** Form fields of a team answer (empty text removes it). */
export const teamAnswerSchema = z.object({
	questionKey: requiredText(200),
	text: optionalText(MAX_TEXT)
});

/** Notes of an assessment in the order they were written, without participant ids. */
export async function listNotes(assessmentId: string): Promise<AnonymousNote[]> {
	return db
		.select({
			id: reflectionNote.id,
			questionKey: reflectionNote.questionKey,
			text: reflectionNote.text,
			released: reflectionNote.released
		})
		.from(reflectionNote)
		.where(eq(reflectionNote.assessmentId, assessmentId))
		.orderBy(asc(reflectionNote.createdAt), asc(reflectionNote.id));
}

function noteOf(assessmentId: string, noteId: string) {
	return and(eq(reflectionNote.id, noteId), eq(reflectionNote.assessmentId, assessmentId));
}

async function assertNote(assessmentId: string, noteId: string) {
	const [row] = await db
		.select({ id: reflectionNote.id })
		.from(reflectionNote)
		.where(noteOf(assessmentId, noteId))
		.limit(1);
	if (!row) throw new FlowError('not_found');
}

/** Deletes one note (e.g. one that names a neighbour). */
export async function deleteNote(assessmentId: string, noteId: string): Promise<void> {
	await writableAssessment(assessmentId);
	await assertNote(assessmentId, noteId);
	await db.batch([
		db.delete(reflectionNote).where(noteOf(assessmentId, noteId)),
		bumpRevision(assessmentId)
	]);
}

/** Releases a note to the projector, or takes it back. */
export async function setNoteReleased(
	assessmentId: string,
	noteId: string,
	released: boolean
): Promise<void> {
	await writableAssessment(assessmentId);
	await assertNote(assessmentId, noteId);
	await db.batch([
		db.update(reflectionNote).set({ released }).where(noteOf(assessmentId, noteId)),
		bumpRevision(assessmentId)
	]);
}

/** Saves the team's joint answer to a question of this assessment; empty text removes it. */
export async function saveTeamAnswer(
	assessmentId: string,
	organizationId: string,
	input: { questionKey: string; text: string },
	userId: string | null,
	locale: Locale
): Promise<void> {
	await writableAssessment(assessmentId);
	if (input.text.length > MAX_TEXT) throw new FlowError('invalid');
	const questions = await questionsOfAssessment(assessmentId, organizationId, locale);
	const question = questions.find((q) => q.key === input.questionKey);
	if (!question) throw new FlowError('invalid');
	const where = and(
		eq(teamAnswer.assessmentId, assessmentId),
		eq(teamAnswer.questionKey, question.key)
	);
	if (input.text === '') {
		await db.batch([db.delete(teamAnswer).where(where), bumpRevision(assessmentId)]);
		return;
	}
	const values = {
		questionText: question.text,
		text: input.text,
		updatedBy: userId,
		updatedAt: new Date()
	};
	await db.batch([
		db
			.insert(teamAnswer)
			.values({ assessmentId, questionKey: question.key, ...values })
			.onConflictDoUpdate({
				target: [teamAnswer.assessmentId, teamAnswer.questionKey],
				set: values
			}),
		bumpRevision(assessmentId)
	]);
}

/** The team's answers of an assessment. */
export async function listTeamAnswers(assessmentId: string): Promise<TeamAnswer[]> {
	return db.select().from(teamAnswer).where(eq(teamAnswer.assessmentId, assessmentId));
}
