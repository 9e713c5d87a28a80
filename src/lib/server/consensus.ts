// Teamwerte (consensus per rated item) and what the facilitator sees of the ratings behind them.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from './db';
import { consensus, participant, rating, type Consensus } from './db/schema';
import { RATED_ITEM_KEYS, getItem, type RatedItemKey } from '../framework';
import { summarizeAll, type ItemSummary, type RatingInput, type RatingValue } from '../scoring';
import { FlowError, MAX_TEXT, bumpRevision, stepsOf, writableAssessment } from './assessments';
import { intInRange, optionalText } from './validation';

/** Form fields of one Teamwert. */
export const consensusSchema = z.object({
	itemKey: z.enum(RATED_ITEM_KEYS, { error: 'error_invalid' }),
	value: intInRange(0, 4),
	reason: optionalText(MAX_TEXT)
});
export type ConsensusFormInput = z.output<typeof consensusSchema>;

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

/**
 * Form fields of the one-screen mode: `value_<itemKey>` (empty = not decided yet) and
 * `reason_<itemKey>` for every rated item.
 */
export const consensusManySchema = z
	.object(
		Object.fromEntries(
			RATED_ITEM_KEYS.flatMap((key) => [
				[`value_${key}`, z.preprocess(emptyToUndefined, intInRange(0, 4).optional())],
				[`reason_${key}`, optionalText(MAX_TEXT)]
			])
		) as Record<string, z.ZodType<number | string | undefined>>
	)
	.transform((fields) =>
		RATED_ITEM_KEYS.flatMap((itemKey): ConsensusFormInput[] => {
			const value = fields[`value_${itemKey}`];
			if (typeof value !== 'number') return [];
			return [{ itemKey, value, reason: String(fields[`reason_${itemKey}`] ?? '') }];
		})
	);

/** The item keys this assessment rates (its active rating steps). */
async function ratedKeysOf(assessmentId: string): Promise<Set<string>> {
	const current = await writableAssessment(assessmentId);
	const steps = await stepsOf(current);
	return new Set(steps.flatMap((s) => (s.kind === 'rating' ? s.items : [])));
}

function upsert(assessmentId: string, input: ConsensusFormInput, userId: string | null) {
	const item = getItem(input.itemKey);
	if (!item) throw new FlowError('invalid');
	const values = {
		itemRevision: item.revision,
		value: input.value,
		reason: input.reason || null,
		decidedBy: userId,
		decidedAt: new Date()
	};
	return db
		.insert(consensus)
		.values({ assessmentId, itemKey: input.itemKey, ...values })
		.onConflictDoUpdate({ target: [consensus.assessmentId, consensus.itemKey], set: values });
}

/** Records the Teamwert of one item; items of steps this assessment does not use are refused. */
export async function setConsensus(
	assessmentId: string,
	input: ConsensusFormInput,
	userId: string | null
): Promise<void> {
	await setConsensusMany(assessmentId, [input], userId);
}

/** Records several Teamwerte at once (the one-screen mode); all or nothing. */
export async function setConsensusMany(
	assessmentId: string,
	inputs: readonly ConsensusFormInput[],
	userId: string | null
): Promise<void> {
	const allowed = await ratedKeysOf(assessmentId);
	for (const input of inputs) {
		if (!allowed.has(input.itemKey)) throw new FlowError('invalid');
		if (!Number.isInteger(input.value) || input.value < 0 || input.value > 4) {
			throw new FlowError('invalid');
		}
		if (input.reason.length > MAX_TEXT) throw new FlowError('invalid');
	}
	if (inputs.length === 0) return;
	const writes = inputs.map((input) => upsert(assessmentId, input, userId));
	await db.batch([writes[0], ...writes.slice(1), bumpRevision(assessmentId)]);
}

/** Removes the Teamwert of an item (back to the median of the ratings). */
export async function clearConsensus(assessmentId: string, itemKey: string): Promise<void> {
	const allowed = await ratedKeysOf(assessmentId);
	if (!allowed.has(itemKey)) throw new FlowError('invalid');
	await db.batch([
		db
			.delete(consensus)
			.where(and(eq(consensus.assessmentId, assessmentId), eq(consensus.itemKey, itemKey))),
		bumpRevision(assessmentId)
	]);
}

/** The Teamwerte of an assessment. */
export async function listConsensus(assessmentId: string): Promise<Consensus[]> {
	return db.select().from(consensus).where(eq(consensus.assessmentId, assessmentId));
}

/** How many participants have rated each item so far (the count only, never what). */
export async function ratingCounts(assessmentId: string): Promise<Record<string, number>> {
	const rows = await db
		.select({ itemKey: rating.itemKey, count: sql<number>`count(*)` })
		.from(rating)
		.where(eq(rating.assessmentId, assessmentId))
		.groupBy(rating.itemKey);
	return Object.fromEntries(rows.map((r) => [r.itemKey, Number(r.count)]));
}

/**
 * Full per-item statistics of the given items, computed by the shared scoring rules: as they are
 * for the facilitator's own control view (the one non-shared view, so lowN items keep their
 * statistics), through shareableSummary for the participants' revealed results.
 */
export async function facilitatorSummaries(
	assessmentId: string,
	itemKeys: readonly RatedItemKey[],
	minGroupSize: number
): Promise<Record<string, ItemSummary>> {
	const [ratings, teamValues] = await Promise.all([
		db
			.select({
				participantId: rating.participantId,
				itemKey: rating.itemKey,
				value: rating.value,
				confidence: rating.confidence,
				actorGroup: participant.actorGroup
			})
			.from(rating)
			.innerJoin(participant, eq(participant.id, rating.participantId))
			.where(and(eq(rating.assessmentId, assessmentId), inArray(rating.itemKey, [...itemKeys]))),
		listConsensus(assessmentId)
	]);
	const inputs: RatingInput[] = ratings.map((r) => ({
		...r,
		value: r.value as RatingValue | null
	}));
	return summarizeAll(
		itemKeys,
		inputs,
		teamValues.map((c) => ({
			itemKey: c.itemKey,
			value: c.value as RatingValue,
			reason: c.reason
		})),
		Math.max(2, minGroupSize)
	);
}

/** Flagged items first: dissent, then knowledge gap, then the rest in framework order. */
export function discussionOrder(summaries: readonly ItemSummary[]): ItemSummary[] {
	const rank = (s: ItemSummary) => (s.flags.dissent ? 0 : s.flags.knowledgeGap ? 1 : 2);
	return summaries
		.map((s, index) => ({ s, index }))
		.sort((a, b) => rank(a.s) - rank(b.s) || a.index - b.index)
		.map(({ s }) => s);
}
