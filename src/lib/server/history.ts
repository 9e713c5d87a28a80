// A team's trajectory over its closed assessments (docs/SCORING.md "Comparing sessions over
// time"). One query reads everything, however many assessments the team has. The scored summary
// of each closed assessment is kept in `assessment_summary` and recomputed with the pure scoring
// functions only when its basis (revision, minimum group size, code version) has changed.
// Relative imports only: the benchmark runs this module outside Vite.
import { and, eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { db } from './db';
import * as s from './db/schema';
import { CONFIDENCE_KEYS, FRAMEWORK_VERSION, LEVELS, RATED_ITEMS } from '../framework';
import {
	compareAssessments,
	pyramidResult,
	shareableRoom,
	shareableSummary,
	summarizeAll,
	DEFAULT_MIN_GROUP_SIZE,
	MIN_GROUP_SIZE_FLOOR,
	DEFAULT_TIME_ZONE,
	type ActionStatus,
	type ComparableItem,
	type ConsensusInput,
	type Direction,
	type ItemComparison,
	type PyramidResult,
	type RatingInput,
	type RatingValue,
	type SharedItemSummary,
	type SharedRoom
} from '../scoring';

/** Only closed assessments are a settled Standortbestimmung; drafts and running ones are left out. */
export const HISTORY_STATUS = 'abgeschlossen' as const;

/** One rated item of one assessment, as a shared view may show it. */
export interface HistoryItem {
	itemKey: string;
	/** The item's revision in that assessment; null when nobody rated it and no consensus exists. */
	revision: number | null;
	summary: SharedItemSummary;
}

/** One closed assessment in the team's history. */
export interface HistoryPoint {
	id: string;
	date: string;
	title: string;
	nextDate: string | null;
	participantCount: number;
	room: SharedRoom;
	items: Record<string, HistoryItem>;
	pyramid: PyramidResult;
	/** Actions decided in this assessment. */
	actionsDecided: string[];
	/** Actions reviewed in this assessment (follow-up note written there, or due for review then). */
	actionsReviewed: string[];
}

/** A follow-up note of an action. */
export interface HistoryNote {
	id: string;
	text: string;
	status: ActionStatus | null;
	assessmentId: string | null;
	createdAt: Date;
}

/** An action of the team with its follow-up notes. */
export interface HistoryAction {
	id: string;
	assessmentId: string;
	itemKey: string | null;
	title: string;
	owner: string;
	dueDate: string | null;
	reviewDate: string | null;
	status: ActionStatus;
	horizon: s.Action['horizon'];
	notes: HistoryNote[];
}

/** One value of a level's line: Teamwert and min–max band of one assessment. */
export interface LevelSeriesPoint {
	assessmentId: string;
	date: string;
	teamValue: RatingValue | null;
	hasConsensus: boolean;
	/** Band of individual ratings; null under the minimum-group-size rule or without ratings. */
	min: RatingValue | null;
	max: RatingValue | null;
	n: number;
	lowN: boolean;
	revision: number | null;
	/** False when the item's revision differs from the previous assessment's ("nicht vergleichbar"). */
	comparableWithPrevious: boolean;
}

/** A pyramid level's values over the team's assessments. */
export interface LevelSeries {
	itemKey: string;
	level: number;
	points: LevelSeriesPoint[];
}

export interface TeamHistory {
	teamId: string;
	minGroupSize: number;
	timeZone: string;
	/** Closed assessments, oldest first. */
	points: HistoryPoint[];
	levels: LevelSeries[];
	/** All actions of the team (also those decided in running assessments), oldest first. */
	actions: HistoryAction[];
}

const ITEM_KEYS = RATED_ITEMS.map((item) => item.key);

/**
 * Version of the cached per-assessment summary (`assessment_summary.data`). Bump it whenever what
 * `summarizeAssessment` stores changes (its shape, or a scoring rule behind it): every cached row
 * then fails its basis and is computed anew on the next load.
 */
export const SUMMARY_VERSION = 1;

/** The code's part of every basis: the framework's items and the summary's version. */
const CODE_BASIS = `${FRAMEWORK_VERSION}/${SUMMARY_VERSION}`;

/**
 * What a cached summary was computed from, as SQL: the assessment's revision (every write to its
 * ratings, Teamwerte and participants bumps it), the minimum group size and the code's version.
 * The freshness check and the write use this one expression, so they cannot disagree. The casts
 * matter: a JS number is bound as REAL and would print as "3.0".
 */
function basisOf(revision: SQLWrapper, minGroupSize: SQLWrapper | number): SQL {
	return sql`cast(${revision} as integer) || '/' || cast(${minGroupSize} as integer) || '/' || ${CODE_BASIS}`;
}

/**
 * The part of a history point computed from an assessment's ratings, Teamwerte and participants
 * under the minimum-group-size rule: what `assessment_summary` stores. Keys and numbers only, so
 * it is the same in every language.
 */
interface AssessmentSummary {
	participantCount: number;
	room: SharedRoom;
	items: Record<string, HistoryItem>;
}

type RatingRow = RatingInput & { itemRevision: number };
type ConsensusRow = ConsensusInput & { itemRevision: number };

/** The rows a summary is computed from. */
interface RawRows {
	actorGroups: (string | null)[];
	ratings: RatingRow[];
	consensus: ConsensusRow[];
}

/** A closed assessment of the team, with its cached summary or else its raw rows. */
interface ClosedAssessment {
	id: string;
	date: string;
	title: string;
	nextDate: string | null;
	createdAt: number;
	revision: number;
	/** The cached summary if its basis still matches; null when it must be computed. */
	cached: AssessmentSummary | null;
	/** Only read for assessments without a fresh cached summary (empty otherwise). */
	raw: RawRows;
}

/**
 * Loads and computes a team's history. One query reads everything, however many assessments
 * the team has: the settings, the closed assessments with their cached summaries (or, where a
 * summary is missing or stale, the ratings, Teamwerte and participants to compute it from) and
 * the actions with their notes. Summaries computed anew are stored with one more statement.
 */
export async function loadTeamHistory(teamId: string): Promise<TeamHistory> {
	const [row] = await readHistory(teamId);
	// The same floor as the result page: no setting shows a group smaller than two.
	const minGroupSize = Math.max(MIN_GROUP_SIZE_FLOOR, row?.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE);
	const timeZone = row?.timeZone ?? DEFAULT_TIME_ZONE;
	const assessments = parseAssessments(row?.assessments);
	const actions = parseActions(row?.actions);

	const summaries = new Map<string, AssessmentSummary>();
	const computed: ComputedSummary[] = [];
	for (const a of assessments) {
		let summary = a.cached;
		if (!summary) {
			summary = summarizeAssessment(a.raw, minGroupSize);
			computed.push({ assessmentId: a.id, revision: a.revision, summary });
		}
		summaries.set(a.id, summary);
	}
	if (computed.length > 0) await storeSummaries(computed, minGroupSize);

	const points = toPoints(assessments, summaries, actions);
	return { teamId, minGroupSize, timeZone, points, levels: levelSeries(points), actions };
}

/**
 * The history's one query. Its cells are single JSON values that SQLite builds in C: handing
 * thousands of rows and cells through the driver one by one costs far more than the scoring
 * itself, and so does string concatenation per rating in SQL (see bench/history.bench.ts). Being
 * one statement, it reads one snapshot: the raw rows of a stale assessment belong to the revision
 * read beside them, which is what their summary is stored under.
 */
function readHistory(teamId: string) {
	const m = sql`max(${MIN_GROUP_SIZE_FLOOR}, ifnull(${s.organizationSettings.minGroupSize}, ${DEFAULT_MIN_GROUP_SIZE}))`;
	const closed = db
		.select({
			id: s.assessment.id,
			date: s.assessment.date,
			title: s.assessment.title,
			nextDate: s.assessment.nextDate,
			createdAt: s.assessment.createdAt,
			revision: s.assessment.revision,
			data: s.assessmentSummary.data,
			// Invalid JSON counts as stale, so a damaged row is recomputed instead of failing the page.
			fresh:
				sql<number>`coalesce(${s.assessmentSummary.basis} = ${basisOf(s.assessment.revision, m)} and json_valid(${s.assessmentSummary.data}), 0)`.as(
					'fresh'
				)
		})
		.from(s.assessment)
		.innerJoin(s.team, eq(s.team.id, s.assessment.teamId))
		.leftJoin(
			s.organizationSettings,
			eq(s.organizationSettings.organizationId, s.team.organizationId)
		)
		.leftJoin(s.assessmentSummary, eq(s.assessmentSummary.assessmentId, s.assessment.id))
		.where(and(eq(s.assessment.teamId, teamId), eq(s.assessment.status, HISTORY_STATUS)))
		.as('closed');

	const participantsOf = sql`select json_group_array(${s.participant.actorGroup}) from ${s.participant} where ${s.participant.assessmentId} = ${closed.id}`;
	const ratingsOf = sql`select json_group_array(json_array(${s.rating.itemKey}, ${s.rating.itemRevision}, ${s.rating.value}, ${s.rating.confidence}, ${s.participant.actorGroup})) from ${s.rating} inner join ${s.participant} on ${s.participant.id} = ${s.rating.participantId} where ${s.rating.assessmentId} = ${closed.id}`;
	const consensusOf = sql`select json_group_array(json_array(${s.consensus.itemKey}, ${s.consensus.itemRevision}, ${s.consensus.value}, ${s.consensus.reason})) from ${s.consensus} where ${s.consensus.assessmentId} = ${closed.id}`;
	// Per assessment `[[fields…, raw rows], summary]`: a fresh summary is spliced in as the text it
	// was stored as (valid JSON by the `fresh` check), so SQLite need not parse and print it again;
	// otherwise the raw rows are read (CASE evaluates lazily). One CASE, so `fresh` (with its
	// json_valid) is evaluated once per assessment even where SQLite flattens the subquery.
	const fields = sql`${closed.id}, ${closed.date}, ${closed.title}, ${closed.nextDate}, ${closed.createdAt}, ${closed.revision}`;
	const assessments = sql<string | null>`(select '[' || group_concat(case when ${closed.fresh}
		then '[' || json_array(${fields}, null, null, null) || ',' || ${closed.data} || ']'
		else '[' || json_array(${fields}, json((${participantsOf})), json((${ratingsOf})), json((${consensusOf}))) || ',null]'
		end, ',') || ']' from ${closed})`;
	const actions = sql<string>`(select json_group_array(json_array(${s.action.id}, ${s.action.assessmentId}, ${s.action.itemKey}, ${s.action.title}, ${s.action.owner}, ${s.action.dueDate}, ${s.action.reviewDate}, ${s.action.status}, ${s.action.horizon}, ${s.action.createdAt}, ${s.actionNote.id}, ${s.actionNote.text}, ${s.actionNote.status}, ${s.actionNote.assessmentId}, ${s.actionNote.createdAt})) from ${s.action} left join ${s.actionNote} on ${s.actionNote.actionId} = ${s.action.id} where ${s.action.teamId} = ${teamId})`;

	return db
		.select({
			minGroupSize: s.organizationSettings.minGroupSize,
			timeZone: s.organizationSettings.timeZone,
			assessments,
			actions
		})
		.from(s.team)
		.leftJoin(
			s.organizationSettings,
			eq(s.organizationSettings.organizationId, s.team.organizationId)
		)
		.where(eq(s.team.id, teamId))
		.limit(1);
}

/** A summary computed in this load, to be stored under the revision it was computed at. */
interface ComputedSummary {
	assessmentId: string;
	revision: number;
	summary: AssessmentSummary;
}

/**
 * Stores freshly computed summaries with one statement, however many there are. A summary is
 * stored only while its assessment still has the revision it was computed at (a write in between
 * would make it stale at once); a row another load stored meanwhile is overwritten, not a
 * conflict. A failed write only costs the next load the same work again, so it is logged and
 * never fails the page.
 */
async function storeSummaries(computed: ComputedSummary[], minGroupSize: number): Promise<void> {
	const entries = JSON.stringify(
		computed.map((c) => [c.assessmentId, c.revision, JSON.stringify(c.summary)])
	);
	try {
		await db.run(sql`insert into ${s.assessmentSummary} (assessment_id, basis, data, computed_at)
			select ${s.assessment.id}, ${basisOf(s.assessment.revision, minGroupSize)}, entry.value ->> 2, cast(unixepoch('subsecond') * 1000 as integer)
			from json_each(${entries}) as entry
			inner join ${s.assessment} on ${s.assessment.id} = entry.value ->> 0 and ${s.assessment.revision} = entry.value ->> 1
			where true
			on conflict (assessment_id) do update set basis = excluded.basis, data = excluded.data, computed_at = excluded.computed_at`);
	} catch (e) {
		console.error('[history] could not store assessment summaries', e);
	}
}

const CONFIDENCES = new Set<string>(CONFIDENCE_KEYS);

type RatingCells = [
	itemKey: string,
	itemRevision: number,
	value: number | null,
	confidence: string | null,
	actorGroup: string | null
];
type ConsensusCells = [itemKey: string, itemRevision: number, value: number, reason: string | null];

/** One closed assessment as the JSON of the history query: its fields, and a fresh summary. */
type AssessmentCells = [
	fields: [
		id: string,
		date: string,
		title: string,
		nextDate: string | null,
		createdAt: number,
		revision: number,
		// The raw rows: null where the summary is fresh.
		actorGroups: (string | null)[] | null,
		ratings: RatingCells[] | null,
		consensus: ConsensusCells[] | null
	],
	cached: AssessmentSummary | null
];

/** Closed assessments, oldest first (same date: created first). */
function parseAssessments(json: string | null | undefined): ClosedAssessment[] {
	const rows = JSON.parse(json ?? '[]') as AssessmentCells[];
	return rows
		.map(
			([
				[id, date, title, nextDate, createdAt, revision, actorGroups, ratings, consensus],
				cached
			]) => ({
				id,
				date,
				title,
				nextDate,
				createdAt,
				revision,
				cached,
				raw: {
					actorGroups: actorGroups ?? [],
					ratings: (ratings ?? []).map(toRatingRow),
					consensus: (consensus ?? []).map(([itemKey, itemRevision, value, reason]) => ({
						itemKey,
						itemRevision,
						value: value as RatingValue,
						reason
					}))
				}
			})
		)
		.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt - b.createdAt));
}

function toRatingRow([
	itemKey,
	itemRevision,
	value,
	confidence,
	actorGroup
]: RatingCells): RatingRow {
	return {
		participantId: '',
		itemKey,
		itemRevision,
		value: value as RatingValue | null,
		confidence:
			confidence !== null && CONFIDENCES.has(confidence)
				? (confidence as RatingInput['confidence'])
				: null,
		actorGroup: actorGroup || null
	};
}

/** One joined action/note row as the JSON array of the history query. */
type ActionCells = [
	id: string,
	assessmentId: string,
	itemKey: string | null,
	title: string,
	owner: string,
	dueDate: string | null,
	reviewDate: string | null,
	status: ActionStatus,
	horizon: s.Action['horizon'],
	createdAt: number,
	noteId: string | null,
	noteText: string | null,
	noteStatus: ActionStatus | null,
	noteAssessmentId: string | null,
	noteCreatedAt: number | null
];

/** The team's actions (oldest first) with their notes (oldest first), from the joined rows. */
function parseActions(json: string | undefined): HistoryAction[] {
	const rows = (JSON.parse(json ?? '[]') as ActionCells[]).sort(
		(a, b) => a[9] - b[9] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0) || (a[14] ?? 0) - (b[14] ?? 0)
	);
	const byId = new Map<string, HistoryAction>();
	for (const row of rows) {
		const [id, assessmentId, itemKey, title, owner, dueDate, reviewDate, status, horizon] = row;
		let entry = byId.get(id);
		if (!entry) {
			entry = {
				id,
				assessmentId,
				itemKey,
				title,
				owner,
				dueDate,
				reviewDate,
				status,
				horizon,
				notes: []
			};
			byId.set(id, entry);
		}
		if (row[10] !== null) {
			entry.notes.push({
				id: row[10],
				text: row[11] ?? '',
				status: row[12],
				assessmentId: row[13],
				createdAt: new Date(row[14] ?? 0)
			});
		}
	}
	return [...byId.values()];
}

/** The cached part of a history point, from the assessment's raw rows. */
function summarizeAssessment(raw: RawRows, m: number): AssessmentSummary {
	const revisions = new Map<string, number>();
	for (const r of raw.ratings)
		if (!revisions.has(r.itemKey)) revisions.set(r.itemKey, r.itemRevision);
	for (const c of raw.consensus) revisions.set(c.itemKey, c.itemRevision);
	const summaries = summarizeAll(ITEM_KEYS, raw.ratings, raw.consensus, m);
	const items: Record<string, HistoryItem> = {};
	for (const key of ITEM_KEYS) {
		items[key] = {
			itemKey: key,
			revision: revisions.get(key) ?? null,
			summary: shareableSummary(summaries[key], m)
		};
	}
	return {
		participantCount: raw.actorGroups.length,
		room: shareableRoom(raw.actorGroups, m),
		items
	};
}

function toPoints(
	assessments: ClosedAssessment[],
	summaries: Map<string, AssessmentSummary>,
	actions: HistoryAction[]
): HistoryPoint[] {
	const reviewedIn = reviewAssessments(assessments, actions);
	return assessments.map((a) => {
		const { participantCount, room, items } = summaries.get(a.id)!;
		return {
			id: a.id,
			date: a.date,
			title: a.title,
			nextDate: a.nextDate,
			participantCount,
			room,
			items,
			// The shared Teamwert: under the minimum-group-size rule only a consensus counts. Derived
			// from the (cached) items rather than cached itself: five values, one pure function.
			pyramid: pyramidResult(LEVELS.map((level) => items[level.key].summary.teamValue)),
			actionsDecided: actions.filter((x) => x.assessmentId === a.id).map((x) => x.id),
			actionsReviewed: actions.filter((x) => reviewedIn.get(x.id)?.has(a.id)).map((x) => x.id)
		};
	});
}

/**
 * Where each action was reviewed: the assessments its follow-up notes were written in, or else
 * the first assessment on or after its review date.
 */
function reviewAssessments(
	assessments: Pick<ClosedAssessment, 'id' | 'date'>[],
	actions: HistoryAction[]
): Map<string, Set<string>> {
	const ids = new Set(assessments.map((a) => a.id));
	const decidedDate = new Map(assessments.map((a) => [a.id, a.date]));
	const result = new Map<string, Set<string>>();
	for (const action of actions) {
		const set = new Set<string>();
		for (const note of action.notes) {
			if (note.assessmentId && ids.has(note.assessmentId)) set.add(note.assessmentId);
		}
		if (set.size === 0 && action.reviewDate) {
			const decided = decidedDate.get(action.assessmentId) ?? '';
			const first = assessments.find(
				(a) => a.date >= action.reviewDate! && a.id !== action.assessmentId && a.date >= decided
			);
			if (first) set.add(first.id);
		}
		result.set(action.id, set);
	}
	return result;
}

function levelSeries(points: HistoryPoint[]): LevelSeries[] {
	return LEVELS.map((level) => {
		let previousRevision: number | null = null;
		const series: LevelSeriesPoint[] = points.map((point, index) => {
			const { summary, revision } = point.items[level.key];
			const comparable = index === 0 || (revision !== null && revision === previousRevision);
			if (revision !== null) previousRevision = revision;
			return {
				assessmentId: point.id,
				date: point.date,
				teamValue: summary.teamValue,
				hasConsensus: summary.hasConsensus,
				min: summary.suppressed ? null : summary.min,
				max: summary.suppressed ? null : summary.max,
				n: summary.n,
				lowN: summary.flags.lowN,
				revision,
				comparableWithPrevious: comparable
			};
		});
		return { itemKey: level.key, level: level.level, points: series };
	});
}

/** The comparable side of an item in a shared view (no median under the minimum-group-size rule). */
export function comparableItem(item: HistoryItem): ComparableItem | null {
	if (item.revision === null) return null;
	const { summary } = item;
	return {
		itemKey: item.itemKey,
		revision: item.revision,
		teamValue: summary.teamValue,
		median: summary.suppressed ? null : summary.median,
		n: summary.n
	};
}

/** An action decided in the earlier assessment, with the movement of its item. */
export interface ComparedAction {
	id: string;
	title: string;
	status: ActionStatus;
	itemKey: string | null;
	direction: Direction | null;
}

export interface ItemComparisonRow {
	comparison: ItemComparison;
	earlier: HistoryItem | null;
	later: HistoryItem | null;
	actions: ComparedAction[];
}

export interface AssessmentComparison {
	earlier: HistoryPoint;
	later: HistoryPoint;
	rows: ItemComparisonRow[];
	/** Actions of the earlier assessment not linked to any compared item. */
	otherActions: ComparedAction[];
}

/**
 * Side-by-side comparison of two assessments of the history (either order; the earlier one by
 * date comes first). Null when either id is not a closed assessment of the team.
 */
export function compareHistoryPoints(
	history: TeamHistory,
	firstId: string,
	secondId: string
): AssessmentComparison | null {
	const first = history.points.find((p) => p.id === firstId);
	const second = history.points.find((p) => p.id === secondId);
	if (!first || !second) return null;
	const firstIndex = history.points.indexOf(first);
	const secondIndex = history.points.indexOf(second);
	const [earlier, later] = firstIndex <= secondIndex ? [first, second] : [second, first];

	const side = (point: HistoryPoint) =>
		ITEM_KEYS.map((key) => comparableItem(point.items[key])).filter(
			(x): x is ComparableItem => x !== null
		);
	const comparisons = compareAssessments(side(earlier), side(later));
	const byKey = new Map(comparisons.map((c) => [c.itemKey, c]));

	const decided = history.actions.filter((a) => a.assessmentId === earlier.id);
	const toCompared = (a: HistoryAction): ComparedAction => ({
		id: a.id,
		title: a.title,
		status: a.status,
		itemKey: a.itemKey,
		direction: a.itemKey ? (byKey.get(a.itemKey)?.direction ?? null) : null
	});

	// Framework order, so levels come before characteristics whatever compareAssessments returns.
	const rows: ItemComparisonRow[] = [];
	for (const key of ITEM_KEYS) {
		const comparison = byKey.get(key);
		if (!comparison) continue;
		rows.push({
			comparison,
			earlier: earlier.items[key].revision === null ? null : earlier.items[key],
			later: later.items[key].revision === null ? null : later.items[key],
			actions: decided.filter((a) => a.itemKey === key).map(toCompared)
		});
	}
	const compared = new Set(rows.map((r) => r.comparison.itemKey));
	const otherActions = decided
		.filter((a) => !a.itemKey || !compared.has(a.itemKey))
		.map(toCompared);
	return { earlier, later, rows, otherActions };
}

/** The default pair of the comparison page: the last two closed assessments. */
export function defaultPair(history: TeamHistory): [string, string] | null {
	const n = history.points.length;
	if (n < 2) return null;
	return [history.points[n - 2].id, history.points[n - 1].id];
}
