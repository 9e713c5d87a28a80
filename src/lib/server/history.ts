// A team's trajectory over its closed assessments (docs/SCORING.md "Comparing sessions over
// time"). Everything is read with a fixed number of queries, however many assessments the team
// has, and then computed with the pure scoring functions. Relative imports only: the benchmark
// runs this module outside Vite.
import { and, eq, sql } from 'drizzle-orm';
import { db } from './db';
import * as s from './db/schema';
import { LEVELS, RATED_ITEMS } from '../framework';
import {
	compareAssessments,
	pyramidResult,
	shareableRoom,
	shareableSummary,
	summarizeAll,
	DEFAULT_MIN_GROUP_SIZE,
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

/** Loads and computes a team's history with six queries, however many assessments the team has. */
export async function loadTeamHistory(teamId: string): Promise<TeamHistory> {
	const closed = and(eq(s.assessment.teamId, teamId), eq(s.assessment.status, HISTORY_STATUS));
	const rowid = sql`${s.assessment}.rowid`;
	// Each query returns ONE cell: JSON, or for the many ratings and participants a compact
	// string (fields split by FIELD_SEP, records by RECORD_SEP, the assessment named by its rowid).
	// SQLite builds these in C; handing thousands of rows and cells through the driver one by one
	// costs far more than the scoring itself (see bench/history.bench.ts).
	const [assessmentCell, participantCell, ratingCell, consensusCell, actionCell, settingsRows] =
		await Promise.all([
			db
				.select({
					json: sql<string>`json_group_array(json_array(${s.assessment.id}, ${rowid}, ${s.assessment.date}, ${s.assessment.title}, ${s.assessment.nextDate}, ${s.assessment.createdAt}))`
				})
				.from(s.assessment)
				.where(closed),
			db
				.select({
					packed: sql<
						string | null
					>`group_concat(${rowid} || char(31) || ifnull(${s.participant.actorGroup}, ''), char(30))`
				})
				.from(s.participant)
				.innerJoin(s.assessment, eq(s.assessment.id, s.participant.assessmentId))
				.where(closed),
			db
				.select({
					packed: sql<
						string | null
					>`group_concat(${rowid} || char(31) || ${s.rating.itemKey} || char(31) || ${s.rating.itemRevision} || char(31) || ifnull(${s.rating.value}, '') || char(31) || ifnull(${s.rating.confidence}, '') || char(31) || ifnull(${s.participant.actorGroup}, ''), char(30))`
				})
				.from(s.rating)
				.innerJoin(s.participant, eq(s.participant.id, s.rating.participantId))
				.innerJoin(s.assessment, eq(s.assessment.id, s.rating.assessmentId))
				.where(closed),
			db
				.select({
					json: sql<string>`json_group_array(json_array(${s.consensus.assessmentId}, ${s.consensus.itemKey}, ${s.consensus.itemRevision}, ${s.consensus.value}, ${s.consensus.reason}))`
				})
				.from(s.consensus)
				.innerJoin(s.assessment, eq(s.assessment.id, s.consensus.assessmentId))
				.where(closed),
			db
				.select({
					json: sql<string>`json_group_array(json_array(${s.action.id}, ${s.action.assessmentId}, ${s.action.itemKey}, ${s.action.title}, ${s.action.owner}, ${s.action.dueDate}, ${s.action.reviewDate}, ${s.action.status}, ${s.action.horizon}, ${s.action.createdAt}, ${s.actionNote.id}, ${s.actionNote.text}, ${s.actionNote.status}, ${s.actionNote.assessmentId}, ${s.actionNote.createdAt}))`
				})
				.from(s.action)
				.leftJoin(s.actionNote, eq(s.actionNote.actionId, s.action.id))
				.where(eq(s.action.teamId, teamId)),
			db
				.select({
					minGroupSize: s.organizationSettings.minGroupSize,
					timeZone: s.organizationSettings.timeZone
				})
				.from(s.organizationSettings)
				.innerJoin(s.team, eq(s.team.organizationId, s.organizationSettings.organizationId))
				.where(eq(s.team.id, teamId))
				.limit(1)
		]);

	const minGroupSize = settingsRows[0]?.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
	const timeZone = settingsRows[0]?.timeZone ?? DEFAULT_TIME_ZONE;
	const assessments = parseAssessments(assessmentCell[0]?.json);
	const idByRowid = new Map(assessments.map((a) => [a.rowid, a.id]));
	const actions = parseActions(actionCell[0]?.json);
	const participants = unpackParticipants(participantCell[0]?.packed, idByRowid);
	const ratings = unpackRatings(ratingCell[0]?.packed, idByRowid);
	const consensus = parseConsensus(consensusCell[0]?.json);
	const points = computePoints(
		assessments,
		participants,
		ratings,
		consensus,
		actions,
		minGroupSize
	);
	return { teamId, minGroupSize, timeZone, points, levels: levelSeries(points), actions };
}

type AssessmentRow = {
	id: string;
	rowid: string;
	date: string;
	title: string;
	nextDate: string | null;
	createdAt: number;
};
type RatingRow = RatingInput & { assessmentId: string; itemRevision: number };
type ConsensusRow = ConsensusInput & { assessmentId: string; itemRevision: number };

const FIELD_SEP = '\u001f';
const RECORD_SEP = '\u001e';
const CONFIDENCES = new Set(['sicher', 'eher_sicher', 'unsicher']);

/** Closed assessments, oldest first (same date: created first). */
function parseAssessments(json: string | undefined): AssessmentRow[] {
	const rows = JSON.parse(json ?? '[]') as [
		string,
		number,
		string,
		string,
		string | null,
		number
	][];
	return rows
		.map(([id, rowid, date, title, nextDate, createdAt]) => ({
			id,
			rowid: String(rowid),
			date,
			title,
			nextDate,
			createdAt
		}))
		.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt - b.createdAt));
}

function unpackRatings(packed: string | null | undefined, ids: Map<string, string>): RatingRow[] {
	const ratings: RatingRow[] = [];
	if (!packed) return ratings;
	for (const record of packed.split(RECORD_SEP)) {
		const [rowid, itemKey, revision, value, confidence, actorGroup] = record.split(FIELD_SEP);
		const assessmentId = ids.get(rowid);
		if (assessmentId === undefined) continue;
		ratings.push({
			assessmentId,
			participantId: '',
			itemKey,
			itemRevision: Number(revision),
			value: value === '' ? null : (Number(value) as RatingValue),
			confidence: CONFIDENCES.has(confidence) ? (confidence as RatingInput['confidence']) : null,
			actorGroup: actorGroup || null
		});
	}
	return ratings;
}

function unpackParticipants(
	packed: string | null | undefined,
	ids: Map<string, string>
): { assessmentId: string; actorGroup: string | null }[] {
	const participants: { assessmentId: string; actorGroup: string | null }[] = [];
	if (!packed) return participants;
	for (const record of packed.split(RECORD_SEP)) {
		const [rowid, actorGroup] = record.split(FIELD_SEP);
		const assessmentId = ids.get(rowid);
		if (assessmentId !== undefined) {
			participants.push({ assessmentId, actorGroup: actorGroup || null });
		}
	}
	return participants;
}

function parseConsensus(json: string | undefined): ConsensusRow[] {
	const rows = JSON.parse(json ?? '[]') as [string, string, number, number, string | null][];
	return rows.map(([assessmentId, itemKey, itemRevision, value, reason]) => ({
		assessmentId,
		itemKey,
		itemRevision,
		value: value as RatingValue,
		reason
	}));
}

/** One joined action/note row as the JSON array of the actions query. */
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

function bucket<T extends { assessmentId: string }>(rows: readonly T[]): Map<string, T[]> {
	const map = new Map<string, T[]>();
	for (const row of rows) {
		const list = map.get(row.assessmentId);
		if (list) list.push(row);
		else map.set(row.assessmentId, [row]);
	}
	return map;
}

function computePoints(
	assessments: AssessmentRow[],
	participants: { assessmentId: string; actorGroup: string | null }[],
	ratings: RatingRow[],
	consensus: ConsensusRow[],
	actions: HistoryAction[],
	m: number
): HistoryPoint[] {
	const participantsBy = bucket(participants);
	const ratingsBy = bucket(ratings);
	const consensusBy = bucket(consensus);
	const reviewedIn = reviewAssessments(assessments, actions);
	return assessments.map((a) => {
		const ownRatings = ratingsBy.get(a.id) ?? [];
		const ownConsensus = consensusBy.get(a.id) ?? [];
		const revisions = new Map<string, number>();
		for (const r of ownRatings)
			if (!revisions.has(r.itemKey)) revisions.set(r.itemKey, r.itemRevision);
		for (const c of ownConsensus) revisions.set(c.itemKey, c.itemRevision);
		const summaries = summarizeAll(ITEM_KEYS, ownRatings, ownConsensus, m);
		const items: Record<string, HistoryItem> = {};
		for (const key of ITEM_KEYS) {
			items[key] = {
				itemKey: key,
				revision: revisions.get(key) ?? null,
				summary: shareableSummary(summaries[key], m)
			};
		}
		const tags = (participantsBy.get(a.id) ?? []).map((p) => p.actorGroup);
		return {
			id: a.id,
			date: a.date,
			title: a.title,
			nextDate: a.nextDate,
			participantCount: tags.length,
			room: shareableRoom(tags, m),
			items,
			// The shared Teamwert: under the minimum-group-size rule only a consensus counts.
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
	assessments: AssessmentRow[],
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
