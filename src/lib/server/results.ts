// The one place that turns an assessment's stored data into results. Every page, the PDF, the
// exports, ergebnis.json and the live views call loadAssessmentResults, so they show the same
// numbers and apply the minimum-group-size rule the same way.
import { and, asc, eq, sql } from 'drizzle-orm';
import { db } from './db';
import {
	action,
	assessment,
	assessmentQuestion,
	consensus,
	organizationQuestion,
	organizationSettings,
	participant,
	rating,
	reflectionNote,
	team,
	teamAnswer,
	teamEntry,
	type Action,
	type Assessment,
	type AssessmentMode,
	type AssessmentStatus
} from './db/schema';
import {
	ACTORS,
	DRIVERS,
	LEVELS,
	QUESTIONS,
	RATED_ITEMS,
	RISKS,
	RISK_STATE_KEYS,
	TRAITS,
	type LevelKey,
	type LevelNumber,
	type RiskKey,
	type RiskState,
	type Text,
	type TraitKey
} from '../framework';
import {
	DEFAULT_MIN_GROUP_SIZE,
	MIN_GROUP_SIZE_FLOOR,
	actorCoverage,
	pyramidResult,
	shareableRoom,
	shareableSummary,
	summarizeAll,
	type ActorCoverage,
	type ActorEntry,
	type ConsensusInput,
	type Involvement,
	type ItemSummary,
	type LevelState,
	type PyramidResult,
	type RatingInput,
	type RatingValue,
	type SharedItemSummary,
	type SharedRoom
} from '../scoring';

/**
 * Which audience the results are for. `shared` (result pages, participants, projector, PDF,
 * exports, ergebnis.json) applies the minimum-group-size rule to every item; `facilitator` is
 * only for the facilitator's own control view of a running assessment and shows everything.
 */
export type ResultsView = 'shared' | 'facilitator';

/** The assessment fields results need (no join code, no facilitator id). */
export interface ResultsAssessment {
	id: string;
	teamId: string;
	title: string;
	/** YYYY-MM-DD. */
	date: string;
	mode: AssessmentMode;
	status: AssessmentStatus;
	resultsShared: boolean;
	nextDate: string | null;
	facilitatorName: string;
	/** The assessment's live revision (bumped on every change participants should notice). */
	revision: number;
	closedAt: Date | null;
}

/** The team fields results need. */
export interface ResultsTeam {
	id: string;
	organizationId: string;
	name: string;
	place: string;
}

/**
 * One rated item (level or characteristic). In the `shared` view `summary` has passed through
 * `shareableSummary`: when `summary.suppressed` is true only n, the lowN flag and a consensus
 * remain. In the `facilitator` view every summary has `suppressed: false` (flags.lowN may still
 * be true).
 */
export interface ItemResult<K extends string = string> {
	key: K;
	/** The item revision this assessment used (from its ratings/consensus, else the framework's). */
	revision: number;
	summary: SharedItemSummary;
}

/** A pyramid level with its state (from the Teamwert). */
export interface LevelResult extends ItemResult<LevelKey> {
	level: LevelNumber;
	state: LevelState;
}

/** A characteristic (radar axis). */
export type TraitResult = ItemResult<TraitKey>;

/** A risk of the checklist with the team's entry; `state: null` = not recorded. */
export interface RiskResult {
	key: RiskKey;
	state: RiskState | null;
	note: string | null;
}

/** Where a reflection question comes from. */
export type QuestionSource = 'framework' | 'organization' | 'assessment';

/** A reflection question with the team's joint answer and the participants' released notes. */
export interface AnswerResult {
	/** Framework key, `org:<id>` or `asmt:<id>`. */
	questionKey: string;
	source: QuestionSource;
	/** Framework questions in both languages; own questions carry the same text twice. */
	question: Text;
	hint: Text | null;
	/** The team's joint answer, or null. */
	answer: string | null;
	/** Texts of the notes the facilitator released (anonymous: no participant ids). */
	notes: string[];
}

/**
 * Everything a result view shows of one assessment, computed once by `loadAssessmentResults`.
 * All numbers come from `$lib/scoring`; nothing here is derived twice elsewhere.
 */
export interface AssessmentResults {
	view: ResultsView;
	assessment: ResultsAssessment;
	team: ResultsTeam;
	/** The framework version the assessment used. */
	frameworkVersion: string;
	/** The organisation's minimum group size m (≥ 2). */
	minGroupSize: number;
	/** True when at least one individual rating (including "kann ich nicht einschätzen") exists. */
	hasRatings: boolean;
	/** True when at least one consensus (Teamwert) exists. */
	hasConsensus: boolean;
	/** No ratings and no consensus: views show an empty state instead of zeros. */
	isEmpty: boolean;
	/** Revision per rated item key, as used by this assessment (for comparisons over time). */
	itemRevisions: Record<string, number>;
	/** The five levels, bottom (1) to top (5). */
	levels: LevelResult[];
	/** The six characteristics in framework order. */
	traits: TraitResult[];
	/** Reached level, next level, aheadOfBase, Stufenwert, state per level. */
	pyramid: PyramidResult;
	/** Who was in the room, safe for shared views in both views (groups below m are summed). */
	room: SharedRoom;
	/** Involvement of the twelve actor groups, with the "fewer than 3 broad" flag. */
	actors: ActorCoverage;
	/** Whether the team recorded any actor entry at all. */
	actorsRecorded: boolean;
	/** Every risk of the checklist in framework order. */
	risks: RiskResult[];
	/** Keys of the drivers the team marked as felt locally. */
	drivers: string[];
	/** Reflection questions that have a team answer or released notes, in question order. */
	answers: AnswerResult[];
	/** Actions decided in this assessment, oldest first. */
	actions: Action[];
}

/** Thrown when the assessment does not exist (routes check access first, so this is a bug). */
export class AssessmentNotFoundError extends Error {
	constructor(id: string) {
		super(`assessment ${id} not found`);
		this.name = 'AssessmentNotFoundError';
	}
}

const INVOLVEMENT_VALUES = new Set<string>([
	'nicht_beteiligt',
	'in_kontakt',
	'arbeitet_mit',
	'traegt_mit'
]);
const RISK_STATE_VALUES = new Set<string>(RISK_STATE_KEYS);
const DRIVER_ORDER = new Map<string, number>(DRIVERS.map((d, i) => [d.key, i]));

function asRatingValue(value: number | null): RatingValue | null {
	if (value === null) return null;
	return Number.isInteger(value) && value >= 0 && value <= 4 ? (value as RatingValue) : null;
}

/**
 * Loads and computes the results of one assessment in a constant number of queries (one for the
 * assessment, team and settings, then nine in parallel), whatever its size.
 */
export async function loadAssessmentResults(
	assessmentId: string,
	options: { view: ResultsView }
): Promise<AssessmentResults> {
	const [head] = await db
		.select({
			assessment,
			team,
			minGroupSize: organizationSettings.minGroupSize
		})
		.from(assessment)
		.innerJoin(team, eq(team.id, assessment.teamId))
		.leftJoin(organizationSettings, eq(organizationSettings.organizationId, team.organizationId))
		.where(eq(assessment.id, assessmentId))
		.limit(1);
	if (!head) throw new AssessmentNotFoundError(assessmentId);
	const m = Math.max(MIN_GROUP_SIZE_FLOOR, head.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE);

	const [
		ratingRows,
		consensusRows,
		participantRows,
		entryRows,
		answerRows,
		orgQuestionRows,
		asmtQuestionRows,
		noteRows,
		actionRows
	] = await Promise.all([
		db
			.select({
				participantId: rating.participantId,
				itemKey: rating.itemKey,
				itemRevision: rating.itemRevision,
				value: rating.value,
				confidence: rating.confidence,
				actorGroup: participant.actorGroup
			})
			.from(rating)
			.innerJoin(participant, eq(participant.id, rating.participantId))
			.where(eq(rating.assessmentId, assessmentId)),
		db
			.select({
				itemKey: consensus.itemKey,
				itemRevision: consensus.itemRevision,
				value: consensus.value,
				reason: consensus.reason
			})
			.from(consensus)
			.where(eq(consensus.assessmentId, assessmentId)),
		db
			.select({ actorGroup: participant.actorGroup })
			.from(participant)
			.where(eq(participant.assessmentId, assessmentId)),
		db
			.select({
				kind: teamEntry.kind,
				key: teamEntry.key,
				state: teamEntry.state,
				note: teamEntry.note
			})
			.from(teamEntry)
			.where(eq(teamEntry.assessmentId, assessmentId)),
		db
			.select({
				questionKey: teamAnswer.questionKey,
				questionText: teamAnswer.questionText,
				text: teamAnswer.text
			})
			.from(teamAnswer)
			.where(eq(teamAnswer.assessmentId, assessmentId)),
		db
			.select({
				id: organizationQuestion.id,
				text: organizationQuestion.text,
				position: organizationQuestion.position
			})
			.from(organizationQuestion)
			.where(eq(organizationQuestion.organizationId, head.team.organizationId))
			.orderBy(asc(organizationQuestion.position), asc(organizationQuestion.createdAt)),
		db
			.select({
				id: assessmentQuestion.id,
				text: assessmentQuestion.text,
				position: assessmentQuestion.position
			})
			.from(assessmentQuestion)
			.where(eq(assessmentQuestion.assessmentId, assessmentId))
			.orderBy(asc(assessmentQuestion.position), asc(assessmentQuestion.createdAt)),
		db
			.select({ questionKey: reflectionNote.questionKey, text: reflectionNote.text })
			.from(reflectionNote)
			.where(and(eq(reflectionNote.assessmentId, assessmentId), eq(reflectionNote.released, true)))
			.orderBy(asc(reflectionNote.createdAt), asc(sql`rowid`)),
		db
			.select()
			.from(action)
			.where(eq(action.assessmentId, assessmentId))
			.orderBy(asc(action.createdAt), asc(action.title))
	]);

	// Items and revisions
	const itemRevisions: Record<string, number> = {};
	for (const item of RATED_ITEMS) itemRevisions[item.key] = item.revision;
	const ratings: RatingInput[] = [];
	for (const row of ratingRows) {
		itemRevisions[row.itemKey] = row.itemRevision;
		ratings.push({
			participantId: row.participantId,
			itemKey: row.itemKey,
			value: asRatingValue(row.value),
			confidence: row.confidence,
			actorGroup: row.actorGroup
		});
	}
	const consensusInputs: ConsensusInput[] = [];
	for (const row of consensusRows) {
		const value = asRatingValue(row.value);
		if (value === null) continue;
		// A decided Teamwert names the revision the team discussed.
		itemRevisions[row.itemKey] = row.itemRevision;
		consensusInputs.push({ itemKey: row.itemKey, value, reason: row.reason });
	}

	const summaries = summarizeAll(RATED_ITEMS, ratings, consensusInputs, m);
	const present = (summary: ItemSummary): SharedItemSummary =>
		options.view === 'shared'
			? shareableSummary(summary, m)
			: {
					...summary,
					distribution: { ...summary.distribution },
					flags: { ...summary.flags },
					suppressed: false
				};

	const levelItems = LEVELS.map((level) => ({
		key: level.key,
		level: level.level,
		revision: itemRevisions[level.key],
		summary: present(summaries[level.key])
	}));
	// The pyramid is computed from what the view shows: in a shared view a lowN level without a
	// consensus has no Teamwert (its median is a statistic of individual ratings), so it is open.
	const pyramid = pyramidResult(levelItems.map((item) => item.summary.teamValue));
	const levels: LevelResult[] = levelItems.map((item, i) => ({
		...item,
		state: pyramid.states[i]
	}));
	const traits: TraitResult[] = TRAITS.map((trait) => ({
		key: trait.key,
		revision: itemRevisions[trait.key],
		summary: present(summaries[trait.key])
	}));

	// Team-level entries
	const actorEntries: ActorEntry[] = [];
	const riskEntries = new Map<string, { state: RiskState; note: string | null }>();
	const drivers: string[] = [];
	for (const entry of entryRows) {
		if (entry.kind === 'actor' && INVOLVEMENT_VALUES.has(entry.state)) {
			actorEntries.push({ actorKey: entry.key, involvement: entry.state as Involvement });
		} else if (entry.kind === 'risk' && RISK_STATE_VALUES.has(entry.state)) {
			riskEntries.set(entry.key, { state: entry.state as RiskState, note: entry.note });
		} else if (entry.kind === 'driver' && DRIVER_ORDER.has(entry.key)) {
			drivers.push(entry.key);
		}
	}
	drivers.sort((a, b) => DRIVER_ORDER.get(a)! - DRIVER_ORDER.get(b)!);
	const actorKeys = ACTORS.map((a) => a.key);
	const actors = actorCoverage(actorEntries, actorKeys);
	const risks: RiskResult[] = RISKS.map((risk) => {
		const entry = riskEntries.get(risk.key);
		return { key: risk.key, state: entry?.state ?? null, note: entry?.note || null };
	});

	// Reflection answers
	const answerByKey = new Map(answerRows.map((row) => [row.questionKey, row]));
	const notesByKey = new Map<string, string[]>();
	for (const note of noteRows) {
		const list = notesByKey.get(note.questionKey) ?? [];
		list.push(note.text);
		notesByKey.set(note.questionKey, list);
	}
	const same = (text: string): Text => ({ de: text, en: text });
	const questions: Omit<AnswerResult, 'answer' | 'notes'>[] = [
		...QUESTIONS.map((q) => ({
			questionKey: q.key as string,
			source: 'framework' as const,
			question: q.text,
			hint: 'hint' in q ? (q.hint ?? null) : null
		})),
		...orgQuestionRows.map((q) => ({
			questionKey: `org:${q.id}`,
			source: 'organization' as const,
			question: same(q.text),
			hint: null
		})),
		...asmtQuestionRows.map((q) => ({
			questionKey: `asmt:${q.id}`,
			source: 'assessment' as const,
			question: same(q.text),
			hint: null
		}))
	];
	const known = new Set(questions.map((q) => q.questionKey));
	// Answers to questions removed since keep the wording stored with them.
	for (const row of answerRows) {
		if (!known.has(row.questionKey) && row.questionText) {
			questions.push({
				questionKey: row.questionKey,
				source: row.questionKey.startsWith('asmt:') ? 'assessment' : 'organization',
				question: same(row.questionText),
				hint: null
			});
			known.add(row.questionKey);
		}
	}
	const answers: AnswerResult[] = [];
	for (const q of questions) {
		const row = answerByKey.get(q.questionKey);
		const answer = row && row.text.trim() ? row.text : null;
		const notes = notesByKey.get(q.questionKey) ?? [];
		if (answer === null && notes.length === 0) continue;
		// Own questions show the wording at the time of the answer, if it was stored.
		const question =
			q.source !== 'framework' && row?.questionText ? same(row.questionText) : q.question;
		answers.push({ ...q, question, answer, notes });
	}

	const a: Assessment = head.assessment;
	return {
		view: options.view,
		assessment: {
			id: a.id,
			teamId: a.teamId,
			title: a.title,
			date: a.date,
			mode: a.mode,
			status: a.status,
			resultsShared: a.resultsShared,
			nextDate: a.nextDate,
			facilitatorName: a.facilitatorName,
			revision: a.revision,
			closedAt: a.closedAt
		},
		team: {
			id: head.team.id,
			organizationId: head.team.organizationId,
			name: head.team.name,
			place: head.team.place
		},
		frameworkVersion: a.frameworkVersion,
		minGroupSize: m,
		hasRatings: ratingRows.length > 0,
		hasConsensus: consensusInputs.length > 0,
		isEmpty: ratingRows.length === 0 && consensusInputs.length === 0,
		itemRevisions,
		levels,
		traits,
		pyramid,
		room: shareableRoom(
			participantRows.map((p) => p.actorGroup),
			m
		),
		actors,
		actorsRecorded: actorEntries.length > 0,
		risks,
		drivers,
		answers,
		actions: actionRows
	};
}

/** Switches "Ergebnisse mit Teilnehmenden teilen" and bumps the revision; returns the new state. */
export async function toggleResultsShared(assessmentId: string): Promise<boolean> {
	const [row] = await db
		.update(assessment)
		.set({
			resultsShared: sql`not ${assessment.resultsShared}`,
			revision: sql`${assessment.revision} + 1`
		})
		.where(eq(assessment.id, assessmentId))
		.returning({ resultsShared: assessment.resultsShared });
	if (!row) throw new AssessmentNotFoundError(assessmentId);
	return row.resultsShared;
}
