// What a participant answers (ratings, reflection notes) and what the participant screen shows.
// Never log rating values or notes: they are the participants' anonymous answers.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from './db';
import {
	assessmentQuestion,
	organizationQuestion,
	rating,
	reflectionNote,
	type Assessment,
	type Participant
} from './db/schema';
import { activeSteps, stepPosition } from '$lib/flow';
import {
	ACTORS,
	CONFIDENCE_KEYS,
	CONFIDENCE_PROMPT,
	CONFIDENCES,
	EVIDENCE_PROMPT,
	GLOSSARY,
	QUESTIONS,
	RATING_INSTRUCTION,
	SCALE,
	STEPS,
	UNKNOWN_RATING,
	getItem,
	t,
	type Locale,
	type RatedItemKey,
	type StepKind
} from '$lib/framework';
import {
	shareableSummary,
	type Confidence,
	type RatingValue,
	type SharedItemSummary
} from '$lib/scoring';
import { bumpRevision } from './assessments';
import { getParticipant, isPlausibleCode, notWritable } from './participants';
import { facilitatorSummaries } from './consensus';
import type { JoinTarget, ParticipantResult } from './participants';
import { optionalText, validate, type FieldErrors } from './validation';
import { m } from '$lib/paraglide/messages';

export const NOTE_MAX = 2000;

const ratingSchema = z.object({
	itemKey: z.string({ error: 'participant_error_unknown_item' }).max(64, {
		error: 'participant_error_unknown_item'
	}),
	value: z.enum(['0', '1', '2', '3', '4', 'unknown'], { error: 'participant_error_value' }),
	confidence: z
		.union([z.literal(''), z.enum(CONFIDENCE_KEYS)], { error: 'participant_error_confidence' })
		.optional()
		.transform((v) => v || null),
	note: optionalText(NOTE_MAX)
});

const noteSchema = z.object({
	questionKey: z.string({ error: 'participant_error_unknown_question' }).max(80, {
		error: 'participant_error_unknown_question'
	}),
	text: optionalText(NOTE_MAX)
});

type Failure = Extract<ParticipantResult, { ok: false }>;
const failed = (status: Failure['status'], message: string, errors: FieldErrors = {}): Failure => ({
	ok: false,
	status,
	message,
	errors
});

/** The rated items of the assessment's current step, or [] when it is no rating step. */
function currentRatingItems(target: Assessment): readonly string[] {
	const step = STEPS.find((s) => s.key === target.currentStep);
	return step?.kind === 'rating' ? step.items : [];
}

/**
 * Saves a participant's rating of an item of the current step. Idempotent: one row per
 * participant and item; a change updates it and keeps the first value on record. The revision
 * bump rides in the same batch, so live views never miss an acknowledged rating.
 */
export async function saveRating(
	target: Assessment,
	participantId: string | undefined,
	input: FormData | Record<string, unknown>
): Promise<ParticipantResult> {
	const blocked = notWritable(target);
	if (blocked) return failed(409, blocked);
	if (target.mode === 'single_screen') return failed(409, m.participant_error_single_screen());
	const parsed = validate(ratingSchema, input);
	if (!parsed.ok) return failed(400, m.error_form(), parsed.errors);
	const { itemKey, confidence, note } = parsed.data;
	const item = getItem(itemKey);
	if (!item) {
		return failed(400, m.error_form(), { itemKey: m.participant_error_unknown_item() });
	}
	if (!currentRatingItems(target).includes(itemKey)) {
		return failed(409, m.participant_error_other_step());
	}
	const me = await getParticipant(target.id, participantId);
	if (!me) return failed(403, m.participant_error_not_joined());

	const value = parsed.data.value === 'unknown' ? null : Number(parsed.data.value);
	const now = new Date();
	await db.batch([
		db
			.insert(rating)
			.values({
				assessmentId: target.id,
				participantId: me.id,
				itemKey,
				itemRevision: item.revision,
				value,
				confidence,
				note: note || null,
				firstValue: value,
				createdAt: now,
				updatedAt: now
			})
			.onConflictDoUpdate({
				target: [rating.participantId, rating.itemKey],
				set: {
					value,
					confidence,
					note: note || null,
					itemRevision: item.revision,
					updatedAt: now
				}
			}),
		bumpRevision(target.id)
	]);
	return { ok: true, value: undefined };
}

/** The steps whose rating screen asks for this item (usually one). */
function stepsRating(itemKey: string): string[] {
	return STEPS.filter(
		(s) => s.kind === 'rating' && (s.items as readonly string[]).includes(itemKey)
	).map((s) => s.key);
}

/** The most participant ids a rating request offers for the fast path (one per assessment). */
const MAX_CANDIDATES = 8;

/**
 * The common case of {@link saveRating} in one round trip, for the plenary where hundreds of
 * phones rate at once: the database itself checks that the join code belongs to a running,
 * multi-screen assessment on a step that rates this item and that the participant (one of the
 * device's `[assessment id, participant id]` cookies) belongs to it, and writes the rating and
 * the revision bump in one batch (the bump only when the rating was written). Returns false when
 * anything does not hold — nothing is written then, and the caller takes {@link saveRating},
 * which names the exact reason. Same row, same idempotency as saveRating.
 */
export async function saveRatingFast(
	joinCode: string,
	candidates: readonly (readonly [assessmentId: string, participantId: string])[],
	input: FormData
): Promise<boolean> {
	if (!isPlausibleCode(joinCode)) return false;
	if (candidates.length === 0 || candidates.length > MAX_CANDIDATES) return false;
	const parsed = validate(ratingSchema, input);
	if (!parsed.ok) return false;
	const { itemKey, confidence } = parsed.data;
	const item = getItem(itemKey);
	const steps = stepsRating(itemKey);
	if (!item || steps.length === 0) return false;
	const value = parsed.data.value === 'unknown' ? null : Number(parsed.data.value);
	const note = parsed.data.note || null;
	const now = Date.now();
	const pairs = sql.join(
		candidates.map(([a, p]) => sql`(${a}, ${p})`),
		sql`, `
	);
	const [written] = await db.batch([
		db.run(sql`
			INSERT INTO rating (assessment_id, participant_id, item_key, item_revision, value,
				confidence, note, first_value, created_at, updated_at)
			SELECT a.id, p.id, ${itemKey}, ${item.revision}, ${value}, ${confidence}, ${note},
				${value}, ${now}, ${now}
			FROM assessment a JOIN participant p ON p.assessment_id = a.id
			WHERE a.join_code = ${joinCode} AND (a.id, p.id) IN (VALUES ${pairs})
				AND a.status = 'laeuft' AND a.mode <> 'single_screen'
				AND a.current_step IN (${sql.join(
					steps.map((key) => sql`${key}`),
					sql`, `
				)})
			ON CONFLICT (participant_id, item_key) DO UPDATE SET value = excluded.value,
				confidence = excluded.confidence, note = excluded.note,
				item_revision = excluded.item_revision, updated_at = excluded.updated_at`),
		// changes() is the row count of the INSERT just before, in the same transaction.
		db.run(sql`UPDATE assessment SET revision = revision + 1
			WHERE join_code = ${joinCode} AND changes() > 0`)
	]);
	return written.rowsAffected === 1;
}

/** A reflection question as a participant sees it. */
export interface QuestionView {
	key: string;
	text: string;
	hint: string | null;
}

/** The reflection questions of an assessment: the framework's, the organisation's, its own. */
export async function listQuestions(
	target: Assessment,
	organizationId: string,
	locale: Locale
): Promise<QuestionView[]> {
	const [own, added] = await Promise.all([
		db
			.select({ id: organizationQuestion.id, text: organizationQuestion.text })
			.from(organizationQuestion)
			.where(
				and(
					eq(organizationQuestion.organizationId, organizationId),
					eq(organizationQuestion.archived, false)
				)
			)
			.orderBy(asc(organizationQuestion.position), asc(organizationQuestion.createdAt)),
		db
			.select({ id: assessmentQuestion.id, text: assessmentQuestion.text })
			.from(assessmentQuestion)
			.where(eq(assessmentQuestion.assessmentId, target.id))
			.orderBy(asc(assessmentQuestion.position), asc(assessmentQuestion.createdAt))
	]);
	return [
		...QUESTIONS.map((q) => ({
			key: q.key,
			text: t(q.text, locale),
			hint: 'hint' in q && q.hint ? t(q.hint, locale) : null
		})),
		...own.map((q) => ({ key: `org:${q.id}`, text: q.text, hint: null })),
		...added.map((q) => ({ key: `asmt:${q.id}`, text: q.text, hint: null }))
	];
}

/**
 * Saves (or, when empty, removes) the participant's note to a reflection question of the
 * current step. An edited note goes back behind the facilitator's release.
 */
export async function saveNote(
	target: JoinTarget,
	participantId: string | undefined,
	input: FormData | Record<string, unknown>,
	locale: Locale
): Promise<ParticipantResult> {
	const a = target.assessment;
	const blocked = notWritable(a);
	if (blocked) return failed(409, blocked);
	const parsed = validate(noteSchema, input);
	if (!parsed.ok) return failed(400, m.error_form(), parsed.errors);
	const { questionKey, text } = parsed.data;
	if (a.currentStep !== 'reflexion') return failed(409, m.participant_error_other_step());
	const questions = await listQuestions(a, target.organizationId, locale);
	if (!questions.some((q) => q.key === questionKey)) {
		return failed(400, m.error_form(), { questionKey: m.participant_error_unknown_question() });
	}
	const me = await getParticipant(a.id, participantId);
	if (!me) return failed(403, m.participant_error_not_joined());

	const mine = and(
		eq(reflectionNote.participantId, me.id),
		eq(reflectionNote.questionKey, questionKey)
	);
	const now = new Date();
	await db.batch([
		text
			? db
					.insert(reflectionNote)
					.values({
						id: randomUUID(),
						assessmentId: a.id,
						participantId: me.id,
						questionKey,
						text,
						createdAt: now,
						updatedAt: now
					})
					.onConflictDoUpdate({
						target: [reflectionNote.participantId, reflectionNote.questionKey],
						set: { text, released: false, updatedAt: now }
					})
			: db.delete(reflectionNote).where(mine),
		bumpRevision(a.id)
	]);
	return { ok: true, value: undefined };
}

/** The participant's own answer to a rated item. */
export interface MyRating {
	value: RatingValue | 'unknown';
	confidence: Confidence | null;
	note: string;
}

/** One rated item of the current step, with its texts in the reader's language. */
export interface RatingItemView {
	key: string;
	heading: string;
	title: string;
	explanation: string;
	/** Per value 0–4: scale label and this item's anchor. */
	options: { value: number; label: string; anchor: string }[];
	mine: MyRating | null;
	/** After the reveal: what shared views may show of the item. */
	result: SharedItemSummary | null;
}

export interface TermView {
	key: string;
	term: string;
	explanation: string;
}

/** Everything the participant's screen shows for the current step, from one load. */
export interface StepView {
	assessment: {
		title: string;
		date: string;
		teamName: string;
		status: Assessment['status'];
		resultsShared: boolean;
		revision: number;
	};
	me: { resumeCode: string; nickname: string | null; actorGroup: string | null };
	step: {
		key: string;
		kind: StepKind;
		title: string;
		explanation: string;
		number: number;
		total: number;
	};
	terms: TermView[];
	actors: { key: string; title: string }[];
	rating: {
		instruction: string;
		unknownLabel: string;
		unknownExplanation: string;
		confidencePrompt: string;
		evidencePrompt: string;
		confidences: { key: string; label: string }[];
		revealed: boolean;
		minGroupSize: number;
		items: RatingItemView[];
	} | null;
	reflection: { questions: (QuestionView & { note: string })[] } | null;
}

// Which glossary terms each step uses (explained one tap away).
const STEP_TERMS: Record<string, string[]> = {
	ankommen: ['term.sorgende_gemeinschaft', 'term.standortbestimmung', 'term.akteursgruppe'],
	rueckblick: ['term.massnahme', 'term.wiedervorlage'],
	pyramide: [
		'term.pyramide',
		'term.stufe',
		'term.anker',
		'term.unbekannt',
		'term.sicherheit',
		'term.beleg'
	],
	merkmale: ['term.merkmal', 'term.anker', 'term.unbekannt', 'term.sicherheit', 'term.beleg'],
	akteure: ['term.akteursgruppe', 'term.beteiligung', 'term.wohlfahrts_mix'],
	herausforderungen: ['term.herausforderung'],
	reflexion: ['term.reflexionsfrage'],
	massnahmen: ['term.massnahme', 'term.horizont', 'term.naechste_stufe', 'term.wissensluecke'],
	abschluss: ['term.aktionsplan', 'term.teamwert', 'term.erreichte_stufe']
};
const RESULT_TERMS = [
	'term.verteilung',
	'term.median',
	'term.teamwert',
	'term.mindestgruppengroesse'
];

function termsFor(keys: readonly string[], locale: Locale): TermView[] {
	return keys.flatMap((key) => {
		const entry = GLOSSARY.find((g) => g.key === key);
		return entry
			? [{ key, term: t(entry.term, locale), explanation: t(entry.explanation, locale) }]
			: [];
	});
}

const revealedCache = new Map<string, Promise<Record<string, SharedItemSummary>>>();

/**
 * revealedResults for one revision of the assessment, computed once and shared: at the reveal
 * every phone asks at the same moment. The revision moves with every write, and it was read
 * before the ratings, so a cached answer is never older than the revision it is filed under.
 */
export function revealedResultsAt(
	assessmentId: string,
	revision: number,
	itemKeys: readonly RatedItemKey[],
	minGroupSize: number
): Promise<Record<string, SharedItemSummary>> {
	const key = `${assessmentId}|${revision}|${minGroupSize}|${itemKeys.join(',')}`;
	let found = revealedCache.get(key);
	if (!found) {
		if (revealedCache.size > 500) revealedCache.clear();
		found = revealedResults(assessmentId, itemKeys, minGroupSize);
		found.catch(() => revealedCache.delete(key));
		revealedCache.set(key, found);
	}
	return found;
}

/** The aggregated, privacy-safe results of the given items (after the facilitator's reveal). */
export async function revealedResults(
	assessmentId: string,
	itemKeys: readonly RatedItemKey[],
	minGroupSize: number
): Promise<Record<string, SharedItemSummary>> {
	const summaries = await facilitatorSummaries(assessmentId, itemKeys, minGroupSize);
	const shared: Record<string, SharedItemSummary> = {};
	for (const key of itemKeys) shared[key] = shareableSummary(summaries[key], minGroupSize);
	return shared;
}

const ownRatings = db
	.select({
		itemKey: rating.itemKey,
		value: rating.value,
		confidence: rating.confidence,
		note: rating.note
	})
	.from(rating)
	.where(eq(rating.participantId, sql.placeholder('participantId')))
	.prepare();

/** The participant's screen for the assessment's current step, in the reader's language. */
export async function loadStepView(
	target: JoinTarget,
	me: Participant,
	locale: Locale
): Promise<StepView> {
	const a = target.assessment;
	const steps = activeSteps(a.chosenSteps, target.hasEarlierAssessments);
	const position = stepPosition(steps, a.currentStep);
	const step = position.step ?? STEPS.find((s) => s.key === a.currentStep) ?? STEPS[0];
	const itemKeys = step.kind === 'rating' ? step.items : [];
	const revealed = itemKeys.length > 0 && a.revealedSteps.includes(step.key);

	const [mine, results, questions, notes] = await Promise.all([
		itemKeys.length ? ownRatings.all({ participantId: me.id }) : Promise.resolve([]),
		revealed
			? revealedResultsAt(a.id, a.revision, itemKeys, target.minGroupSize)
			: Promise.resolve(null),
		step.kind === 'reflection'
			? listQuestions(a, target.organizationId, locale)
			: Promise.resolve(null),
		step.kind === 'reflection'
			? db
					.select({ questionKey: reflectionNote.questionKey, text: reflectionNote.text })
					.from(reflectionNote)
					.where(eq(reflectionNote.participantId, me.id))
			: Promise.resolve([])
	]);

	// All of the participant's ratings (a few dozen at most); the step's items are picked below.
	const mineByKey = new Map(mine.map((r) => [r.itemKey, r]));
	const items: RatingItemView[] = itemKeys.flatMap((key) => {
		const item = getItem(key);
		if (!item) return [];
		const own = mineByKey.get(key);
		return [
			{
				key,
				heading:
					item.kind === 'level'
						? m.participant_level_heading({ number: String(item.level) })
						: m.participant_trait_heading(),
				title: t(item.title, locale),
				explanation: t(item.explanation, locale),
				options: SCALE.map((s) => ({
					value: s.value,
					label: t(s.label, locale),
					anchor: t(item.anchors[s.value], locale)
				})),
				mine: own
					? {
							value: own.value === null ? 'unknown' : (own.value as RatingValue),
							confidence: own.confidence,
							note: own.note ?? ''
						}
					: null,
				result: results?.[key] ?? null
			}
		];
	});
	const noteByKey = new Map(notes.map((n) => [n.questionKey, n.text]));

	return {
		assessment: {
			title: a.title,
			date: a.date,
			teamName: target.teamName,
			status: a.status,
			resultsShared: a.resultsShared,
			revision: a.revision
		},
		me: { resumeCode: me.resumeCode, nickname: me.nickname, actorGroup: me.actorGroup },
		step: {
			key: step.key,
			kind: step.kind,
			title: t(step.title, locale),
			explanation: t(step.explanation, locale),
			number: position.index >= 0 ? position.number : 0,
			total: position.total
		},
		terms: termsFor([...(STEP_TERMS[step.key] ?? []), ...(revealed ? RESULT_TERMS : [])], locale),
		actors: ACTORS.map((x) => ({ key: x.key, title: t(x.title, locale) })),
		// In the one-screen mode the team enters Teamwerte together; nobody rates alone.
		rating:
			step.kind === 'rating' && a.mode !== 'single_screen'
				? {
						instruction: t(RATING_INSTRUCTION, locale),
						unknownLabel: t(UNKNOWN_RATING.label, locale),
						unknownExplanation: t(UNKNOWN_RATING.explanation, locale),
						confidencePrompt: t(CONFIDENCE_PROMPT, locale),
						evidencePrompt: t(EVIDENCE_PROMPT, locale),
						confidences: CONFIDENCES.map((c) => ({ key: c.key, label: t(c.label, locale) })),
						revealed,
						minGroupSize: target.minGroupSize,
						items
					}
				: null,
		reflection: questions
			? { questions: questions.map((q) => ({ ...q, note: noteByKey.get(q.key) ?? '' })) }
			: null
	};
}
