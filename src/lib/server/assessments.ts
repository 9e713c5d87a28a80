// The facilitator's verbs on one assessment: create, start, move between steps, reveal, close,
// reopen, join codes and participants. Every write refuses a closed assessment and bumps
// `revision`, so participants' and projector views notice the change.
import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq, ne, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { db } from './db';
import {
	ASSESSMENT_MODES,
	assessment,
	assessmentQuestion,
	participant,
	rating,
	reflectionNote,
	type Assessment,
	type AssessmentMode
} from './db/schema';
import { FRAMEWORK_VERSION, STEPS, type Step, type StepKey } from '../framework';
import { activeSteps } from '../flow';
import { isoDate, requiredText } from './validation';
import { config } from './config';

/** Why a facilitator write was refused; routes turn the code into a localised message. */
export type FlowErrorCode = 'closed' | 'not_found' | 'invalid' | 'not_started';

/** A refused write; nothing was stored. */
export class FlowError extends Error {
	constructor(readonly code: FlowErrorCode) {
		super(code);
		this.name = 'FlowError';
	}
}

/** Longest free text a facilitator may store in one field. */
export const MAX_TEXT = 2000;

/** 32 symbols without 0/O, 1/I: easy to read aloud and type on a phone. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 8;

/** A random join code: 8 symbols of 5 bits each (40 bits), from crypto.randomBytes. */
export function randomJoinCode(): string {
	const bytes = randomBytes(JOIN_CODE_LENGTH);
	let code = '';
	// 256 is a multiple of 32, so the low five bits are uniformly distributed.
	for (const byte of bytes) code += JOIN_CODE_ALPHABET[byte & 31];
	return code;
}

/** A join code no other assessment uses right now (retries on the rare collision). */
export async function uniqueJoinCode(): Promise<string> {
	for (let attempt = 0; attempt < 20; attempt++) {
		const code = randomJoinCode();
		const [taken] = await db
			.select({ id: assessment.id })
			.from(assessment)
			.where(eq(assessment.joinCode, code))
			.limit(1);
		if (!taken) return code;
	}
	throw new Error('could not find a free join code');
}

/** The link participants open to join (uses the installation's public address). */
export function joinUrlOf(joinCode: string): string {
	return `${config.origin}/p/${joinCode}`;
}

/** The optional steps an assessment may choose. */
export const OPTIONAL_STEP_KEYS = STEPS.filter((s) => s.optional).map((s) => s.key);

const stepList = z
	.preprocess(
		(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
		z.array(z.enum(OPTIONAL_STEP_KEYS as [StepKey, ...StepKey[]], { error: 'error_invalid' }))
	)
	.transform((keys) => [...new Set(keys)]);

const questionList = z.preprocess(
	(v) =>
		(typeof v === 'string' ? v.split('\n') : Array.isArray(v) ? v : [])
			.map((q) => String(q).trim())
			.filter((q) => q.length > 0),
	z
		.array(z.string().max(500, { error: 'error_too_long:500' }), { error: 'error_invalid' })
		.max(10, { error: 'flow_questions_too_many' })
);

/** Form fields of a new assessment. */
export const newAssessmentSchema = z.object({
	date: isoDate,
	title: requiredText(200),
	mode: z.enum(ASSESSMENT_MODES, { error: 'error_invalid' }),
	steps: stepList,
	questions: questionList
});
export type NewAssessmentInput = z.output<typeof newAssessmentSchema>;

/** Creates a draft assessment of a team, with its own extra questions, and returns it. */
export async function createAssessment(
	teamId: string,
	input: NewAssessmentInput,
	facilitator: { id: string; name: string }
): Promise<Assessment> {
	const id = randomUUID();
	const insert = db
		.insert(assessment)
		.values({
			id,
			teamId,
			date: input.date,
			title: input.title,
			mode: input.mode,
			frameworkVersion: FRAMEWORK_VERSION,
			status: 'entwurf',
			currentStep: STEPS[0].key,
			chosenSteps: input.steps,
			facilitatorId: facilitator.id,
			facilitatorName: facilitator.name
		})
		.returning();
	const questions = input.questions.map((text, position) =>
		db.insert(assessmentQuestion).values({ id: randomUUID(), assessmentId: id, text, position })
	);
	const [rows] = await db.batch([insert, ...questions]);
	return rows[0];
}

/** The assessment, or undefined. */
export async function getAssessment(assessmentId: string): Promise<Assessment | undefined> {
	const [row] = await db.select().from(assessment).where(eq(assessment.id, assessmentId)).limit(1);
	return row;
}

/** The assessment if it may still be changed; FlowError otherwise. */
export async function writableAssessment(assessmentId: string): Promise<Assessment> {
	const row = await getAssessment(assessmentId);
	if (!row) throw new FlowError('not_found');
	if (row.status === 'abgeschlossen') throw new FlowError('closed');
	return row;
}

/** The statement that bumps the revision, for a batch beside the write itself. */
export function bumpRevision(assessmentId: string) {
	return db
		.update(assessment)
		.set({ revision: sql`${assessment.revision} + 1` })
		.where(eq(assessment.id, assessmentId));
}

const earlier = alias(assessment, 'earlier');

/**
 * SQL: the team has an assessment dated before this one (the review step applies). Takes the
 * columns of a query over `assessment` or plain values, so every caller asks the same question.
 */
export function earlierAssessmentExists(a: {
	id: SQLWrapper | string;
	teamId: SQLWrapper | string;
	date: SQLWrapper | string;
}): SQL<number> {
	return sql<number>`exists (select 1 from ${assessment} as ${sql.identifier('earlier')}
		where ${earlier.teamId} = ${a.teamId} and ${earlier.id} <> ${a.id}
		and ${earlier.date} < ${a.date})`;
}

/** True when the team has an assessment dated before this one (the review step applies). */
export async function hasEarlierAssessments(a: Pick<Assessment, 'id' | 'teamId' | 'date'>) {
	const row = await db.get<{ found: number }>(sql`select ${earlierAssessmentExists(a)} as found`);
	return Boolean(row?.found);
}

/** The steps this assessment walks through, in order. */
export async function stepsOf(a: Assessment): Promise<readonly Step[]> {
	return activeSteps(a.chosenSteps, await hasEarlierAssessments(a));
}

/** Starts a draft (or resumes): status `laeuft` and a join code. */
export async function startAssessment(assessmentId: string): Promise<Assessment> {
	const current = await writableAssessment(assessmentId);
	const joinCode = current.joinCode ?? (await uniqueJoinCode());
	const [row] = await db
		.update(assessment)
		.set({ status: 'laeuft', joinCode, revision: sql`${assessment.revision} + 1` })
		.where(and(eq(assessment.id, assessmentId), ne(assessment.status, 'abgeschlossen')))
		.returning();
	if (!row) throw new FlowError('closed');
	return row;
}

/** Moves everyone to a step; only steps this assessment uses are accepted. */
export async function setStep(assessmentId: string, stepKey: string): Promise<Assessment> {
	const current = await writableAssessment(assessmentId);
	if (current.status !== 'laeuft') throw new FlowError('not_started');
	const steps = await stepsOf(current);
	if (!steps.some((s) => s.key === stepKey)) throw new FlowError('invalid');
	const [row] = await db
		.update(assessment)
		.set({ currentStep: stepKey, revision: sql`${assessment.revision} + 1` })
		.where(eq(assessment.id, assessmentId))
		.returning();
	return row;
}

/** Reveals a rating step's results to everyone (or hides them again). */
export async function setRevealed(
	assessmentId: string,
	stepKey: string,
	revealed: boolean
): Promise<Assessment> {
	const current = await writableAssessment(assessmentId);
	const steps = await stepsOf(current);
	const step = steps.find((s) => s.key === stepKey);
	if (!step || step.kind !== 'rating') throw new FlowError('invalid');
	const others = current.revealedSteps.filter((k) => k !== stepKey);
	const revealedSteps = revealed ? [...others, stepKey] : others;
	const [row] = await db
		.update(assessment)
		.set({ revealedSteps, revision: sql`${assessment.revision} + 1` })
		.where(eq(assessment.id, assessmentId))
		.returning();
	return row;
}

/** A fresh join code; the old one stops working at once. */
export async function regenerateJoinCode(assessmentId: string): Promise<string> {
	const current = await writableAssessment(assessmentId);
	if (current.status !== 'laeuft') throw new FlowError('not_started');
	const joinCode = await uniqueJoinCode();
	await db
		.update(assessment)
		.set({ joinCode, revision: sql`${assessment.revision} + 1` })
		.where(eq(assessment.id, assessmentId));
	return joinCode;
}

/** Closes the assessment: read-only from now on, and the join code no longer works. */
export async function closeAssessment(assessmentId: string): Promise<void> {
	await writableAssessment(assessmentId);
	await db
		.update(assessment)
		.set({
			status: 'abgeschlossen',
			joinCode: null,
			closedAt: new Date(),
			revision: sql`${assessment.revision} + 1`
		})
		.where(eq(assessment.id, assessmentId));
}

/** Reopens a closed assessment with a new join code. */
export async function reopenAssessment(assessmentId: string): Promise<Assessment> {
	const current = await getAssessment(assessmentId);
	if (!current) throw new FlowError('not_found');
	if (current.status !== 'abgeschlossen') throw new FlowError('invalid');
	const joinCode = await uniqueJoinCode();
	const [row] = await db
		.update(assessment)
		.set({
			status: 'laeuft',
			joinCode,
			closedAt: null,
			revision: sql`${assessment.revision} + 1`
		})
		.where(eq(assessment.id, assessmentId))
		.returning();
	return row;
}

/** Form field of the next assessment's date (empty clears it). */
export const nextDateSchema = z.object({
	nextDate: z.preprocess((v) => (v === '' || v === undefined ? null : v), isoDate.nullable())
});

/** Sets (or clears) the date of the next assessment. */
export async function setNextDate(assessmentId: string, nextDate: string | null): Promise<void> {
	await writableAssessment(assessmentId);
	await db.batch([
		db.update(assessment).set({ nextDate }).where(eq(assessment.id, assessmentId)),
		bumpRevision(assessmentId)
	]);
}

export interface ParticipantRow {
	id: string;
	/** 1-based order of joining; the facilitator's only handle on an anonymous person. */
	number: number;
	nickname: string | null;
	source: 'device' | 'paper';
	joinedAt: Date;
	ratings: number;
	notes: number;
}

/** The participants in order of joining, with how much each has answered (one query). */
export async function listParticipants(assessmentId: string): Promise<ParticipantRow[]> {
	const rows = await db
		.select({
			id: participant.id,
			nickname: participant.nickname,
			source: participant.source,
			joinedAt: participant.createdAt,
			// Qualified by hand: drizzle renders a column of the single outer table without its table
			// name, which inside the subquery would bind to the inner table's own "id".
			ratings: sql<number>`(select count(*) from ${rating} where ${rating.participantId} = "participant"."id")`,
			notes: sql<number>`(select count(*) from ${reflectionNote} where ${reflectionNote.participantId} = "participant"."id")`
		})
		.from(participant)
		.where(eq(participant.assessmentId, assessmentId))
		.orderBy(asc(participant.createdAt), asc(participant.id));
	return rows.map((r, i) => ({
		...r,
		number: i + 1,
		ratings: Number(r.ratings),
		notes: Number(r.notes)
	}));
}

/** Removes a participant who joined by mistake, with their ratings and notes (cascade). */
export async function removeParticipant(assessmentId: string, participantId: string) {
	await writableAssessment(assessmentId);
	const ofThis = and(eq(participant.id, participantId), eq(participant.assessmentId, assessmentId));
	const [found] = await db.select({ id: participant.id }).from(participant).where(ofThis).limit(1);
	if (!found) throw new FlowError('not_found');
	await db.batch([db.delete(participant).where(ofThis), bumpRevision(assessmentId)]);
}

/** A participant id from a form field. */
export const participantIdSchema = z.object({ participantId: requiredText(100) });

/** Whether the mode collects individual ratings (everything but the one-screen mode). */
export function collectsRatings(mode: AssessmentMode): boolean {
	return mode !== 'single_screen';
}
