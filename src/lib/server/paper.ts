// Paper sheets typed in by a helper: each sheet becomes one extra anonymous participant (source
// 'paper') with its ratings, written in one batch. A hidden idempotency key makes a retried
// submit (double click, reload after a lost answer) return the same participant instead of a
// second one. Never log the values: they are anonymous answers.
import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from './db';
import { participant, rating, requestKey, type Assessment } from './db/schema';
import {
	FlowError,
	bumpRevision,
	collectsRatings,
	stepsOf,
	writableAssessment
} from './assessments';
import { generateCode } from './participants';
import { ACTOR_KEYS, getItem, type RatedItemKey } from '$lib/framework';

/** The request_key scope of a paper sheet of one assessment. */
export function paperScope(assessmentId: string): string {
	return `paper:${assessmentId}`;
}

/** Form field name of an item's value on the paper form (dots do not survive every form tool). */
export function paperField(itemKey: string): string {
	return `item_${itemKey.replace('.', '_')}`;
}

/** The rated items of the assessment's active rating steps, in step order. */
export async function paperItems(a: Assessment): Promise<RatedItemKey[]> {
	const steps = await stepsOf(a);
	return steps.flatMap((s) => (s.kind === 'rating' ? [...s.items] : []));
}

/** One paper sheet, as validated from the form. */
export interface PaperSheet {
	/** The idempotency key the form carried. */
	key: string;
	actorGroup: string | null;
	/** Items answered on the sheet; value null = "kann ich nicht einschätzen". */
	ratings: { itemKey: RatedItemKey; value: number | null }[];
}

const valueField = z
	.enum(['', '0', '1', '2', '3', '4', 'unknown'], { error: 'error_invalid' })
	.optional();

/**
 * The zod schema of the paper form for these items: the idempotency key, an optional actor
 * group and per item one of 0–4, "unknown" or nothing (left blank on the sheet). At least one
 * item must be answered.
 */
export function paperSheetSchema(items: readonly RatedItemKey[]) {
	const fields: Record<string, typeof valueField> = {};
	for (const key of items) fields[paperField(key)] = valueField;
	return z
		.object({
			key: z.uuid({ error: 'error_invalid' }),
			actorGroup: z
				.union([z.literal(''), z.enum(ACTOR_KEYS)], { error: 'error_invalid' })
				.optional()
				.transform((v) => v || null),
			...fields
		})
		.transform((data, ctx): PaperSheet => {
			const values = data as unknown as Record<string, string | undefined>;
			const ratings: PaperSheet['ratings'] = [];
			for (const itemKey of items) {
				const raw = values[paperField(itemKey)];
				if (!raw) continue;
				ratings.push({ itemKey, value: raw === 'unknown' ? null : Number(raw) });
			}
			if (ratings.length === 0) {
				ctx.addIssue({ code: 'custom', path: ['_form'], message: 'plenary_paper_empty' });
				return z.NEVER;
			}
			return { key: data.key, actorGroup: data.actorGroup, ratings };
		});
}

/** What a submitted sheet led to. */
export interface PaperResult {
	participantId: string;
	/** True when the key had been used already: nothing new was written. */
	replayed: boolean;
}

async function earlierResult(key: string, assessmentId: string): Promise<PaperResult | null> {
	const [row] = await db.select().from(requestKey).where(eq(requestKey.key, key)).limit(1);
	if (!row) return null;
	// A key of another assessment or purpose is not ours to answer.
	if (row.scope !== paperScope(assessmentId) || !row.resultId) throw new FlowError('invalid');
	return { participantId: row.resultId, replayed: true };
}

/**
 * Stores a paper sheet as an anonymous participant with source 'paper' and its ratings, the
 * idempotency key and the revision bump in ONE batch. Refuses a closed or not yet started
 * assessment, the one-screen mode and items outside its active rating steps (FlowError; nothing
 * written). A key seen
 * before returns the earlier participant.
 */
export async function capturePaperSheet(
	assessmentId: string,
	sheet: PaperSheet
): Promise<PaperResult> {
	const current = await writableAssessment(assessmentId);
	const earlier = await earlierResult(sheet.key, assessmentId);
	if (earlier) return earlier;
	if (current.status !== 'laeuft') throw new FlowError('not_started');
	// The one-screen mode records Teamwerte only, never individual ratings.
	if (!collectsRatings(current.mode)) throw new FlowError('invalid');
	const allowed = new Set<string>(await paperItems(current));
	if (sheet.ratings.length === 0 || sheet.ratings.some((r) => !allowed.has(r.itemKey))) {
		throw new FlowError('invalid');
	}
	for (let attempt = 0; attempt < 5; attempt++) {
		const participantId = randomUUID();
		const now = new Date();
		try {
			await db.batch([
				// First, so a concurrent submit with the same key fails before writing anything.
				db.insert(requestKey).values({
					key: sheet.key,
					scope: paperScope(assessmentId),
					resultId: participantId
				}),
				db.insert(participant).values({
					id: participantId,
					assessmentId,
					resumeCode: generateCode(),
					actorGroup: sheet.actorGroup,
					source: 'paper'
				}),
				...sheet.ratings.map((r) =>
					db.insert(rating).values({
						assessmentId,
						participantId,
						itemKey: r.itemKey,
						itemRevision: getItem(r.itemKey)!.revision,
						value: r.value,
						firstValue: r.value,
						createdAt: now,
						updatedAt: now
					})
				),
				bumpRevision(assessmentId)
			]);
			return { participantId, replayed: false };
		} catch (e) {
			// The same key won a race: answer like a replay.
			const raced = await earlierResult(sheet.key, assessmentId);
			if (raced) return raced;
			// Otherwise the drawn resume code was taken (unique per assessment): draw again.
			if (attempt === 4) throw e;
		}
	}
	throw new Error('unreachable');
}

/** How many paper sheets the assessment holds. */
export async function countPaperSheets(assessmentId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(participant)
		.where(and(eq(participant.assessmentId, assessmentId), eq(participant.source, 'paper')));
	return Number(row?.n ?? 0);
}
