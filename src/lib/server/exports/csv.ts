// CSV exports for spreadsheets (German Excel): UTF-8 with BOM, ';' separator, CRLF, decimal
// comma, and formula-looking cells neutralised. Every number comes from loadAssessmentResults
// in the shared view, so the minimum-group-size rule holds here as on the result page.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import { db } from '../db';
import { action, actionNote, assessment, participant, rating } from '../db/schema';
import { loadAssessmentResults, type AssessmentResults, type ItemResult } from '../results';
import {
	ACTION_STATUSES,
	CONFIDENCES,
	HORIZONS,
	UNKNOWN_RATING,
	t,
	type Locale
} from '../../framework';
import { stateLabel } from '$lib/components/results/labels';
import { m } from '$lib/paraglide/messages';
import { getSettings } from '../organizations';
import { todayInTimeZone } from '../../scoring';
import { downloadFileName, downloadHeaders } from './download';
import { decimalComma, displayDate, itemShortName, itemTitle, readerLocale } from './format';

/** The assessments a CSV covers (one, or all of a team), oldest first. */
export interface CsvScope {
	assessmentIds: string[];
}

// A spreadsheet runs a cell that starts like a formula (CWE-1236); a leading apostrophe makes it text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Makes a cell safe to open in a spreadsheet: formula-like text gets a leading apostrophe. */
export function neutralize(cell: string): string {
	return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Rows as CSV text: BOM, ';', CRLF, every cell neutralised. */
export function toCsv(header: string[], rows: string[][]): string {
	return stringify(
		[header, ...rows].map((row) => row.map(neutralize)),
		{
			bom: true,
			delimiter: ';',
			record_delimiter: '\r\n'
		}
	);
}

/** Participant pseudonyms P01, P02, … per assessment, in joining order (never ids or nicknames). */
export function pseudonym(index: number, total: number): string {
	return `P${String(index + 1).padStart(Math.max(2, String(total).length), '0')}`;
}

/** The assessments of a team, oldest first (the order of every team-wide CSV). */
export async function teamScope(teamId: string): Promise<CsvScope> {
	const rows = await db
		.select({ id: assessment.id })
		.from(assessment)
		.where(eq(assessment.teamId, teamId))
		.orderBy(asc(assessment.date), asc(assessment.createdAt), asc(sql`rowid`));
	return { assessmentIds: rows.map((r) => r.id) };
}

function loadAll(scope: CsvScope): Promise<AssessmentResults[]> {
	return Promise.all(
		scope.assessmentIds.map((id) => loadAssessmentResults(id, { view: 'shared' }))
	);
}

function ratedItems(results: AssessmentResults): ItemResult[] {
	return [...results.levels, ...results.traits];
}

function valueLabel(value: number | null, locale: Locale): string {
	return value === null ? t(UNKNOWN_RATING.label, locale) : String(value);
}

function optionLabel(
	options: readonly { key: string; label: { de: string; en: string } }[],
	key: string | null | undefined,
	locale: Locale
): string {
	const option = options.find((o) => o.key === key);
	return option ? t(option.label, locale) : '';
}

/**
 * Anonymised individual ratings: one row per participant and item, participants as P01, P02 …;
 * an item under the minimum-group-size rule gets one "zu wenige Antworten" row instead.
 */
export async function ratingsCsv(scope: CsvScope): Promise<string> {
	const locale = readerLocale();
	const ids = scope.assessmentIds;
	const [all, participants, ratings] = await Promise.all([
		loadAll(scope),
		ids.length === 0
			? []
			: db
					.select({ id: participant.id, assessmentId: participant.assessmentId })
					.from(participant)
					.where(inArray(participant.assessmentId, ids))
					.orderBy(asc(participant.createdAt), asc(sql`${participant}.rowid`)),
		ids.length === 0
			? []
			: db
					.select({
						assessmentId: rating.assessmentId,
						participantId: rating.participantId,
						itemKey: rating.itemKey,
						value: rating.value,
						confidence: rating.confidence
					})
					.from(rating)
					.where(inArray(rating.assessmentId, ids))
	]);

	const names = new Map<string, string>();
	const position = new Map<string, number>();
	const perAssessment = new Map<string, string[]>();
	for (const p of participants) {
		const list = perAssessment.get(p.assessmentId) ?? [];
		list.push(p.id);
		perAssessment.set(p.assessmentId, list);
	}
	for (const list of perAssessment.values()) {
		list.forEach((id, i) => {
			names.set(id, pseudonym(i, list.length));
			position.set(id, i);
		});
	}

	const rows: string[][] = [];
	for (const results of all) {
		const { date, title } = results.assessment;
		const mine = ratings.filter((r) => r.assessmentId === results.assessment.id);
		for (const item of ratedItems(results)) {
			const base = [displayDate(date, locale), title, item.key, itemTitle(item.key, locale)];
			if (item.summary.n === 0) continue;
			if (item.summary.suppressed) {
				rows.push([...base, '', m.exports_too_few({ n: item.summary.n }), '']);
				continue;
			}
			const itemRatings = mine
				.filter((r) => r.itemKey === item.key)
				.sort(
					(a, b) => (position.get(a.participantId) ?? 0) - (position.get(b.participantId) ?? 0)
				);
			for (const r of itemRatings) {
				rows.push([
					...base,
					names.get(r.participantId) ?? '',
					valueLabel(r.value, locale),
					optionLabel(CONFIDENCES, r.confidence, locale)
				]);
			}
		}
	}
	return toCsv(
		[
			m.exports_col_date(),
			m.exports_col_assessment(),
			m.exports_col_item_key(),
			m.exports_col_item(),
			m.exports_col_participant(),
			m.exports_col_value(),
			m.exports_col_confidence()
		],
		rows
	);
}

/** Teamwerte with reasons and the shared statistics: one row per item and assessment. */
export async function teamValuesCsv(scope: CsvScope): Promise<string> {
	const locale = readerLocale();
	const rows: string[][] = [];
	for (const results of await loadAll(scope)) {
		const { date, title } = results.assessment;
		const states = new Map<string, string>(
			results.levels.map((level) => [level.key, stateLabel(level.state)])
		);
		for (const item of ratedItems(results)) {
			const s = item.summary;
			const origin =
				s.teamValue === null
					? ''
					: s.hasConsensus
						? m.exports_consensus()
						: m.exports_from_median();
			let stats = ['', '', '', '', ''];
			let hint = '';
			if (!s.suppressed) {
				stats = [
					s.median === null ? '' : String(s.median),
					s.mean === null ? '' : decimalComma(s.mean, 2),
					s.min === null ? '' : String(s.min),
					s.max === null ? '' : String(s.max),
					s.range === null ? '' : String(s.range)
				];
				hint = [
					s.flags.dissent ? m.exports_flag_dissent() : '',
					s.flags.knowledgeGap ? m.exports_flag_knowledge_gap() : '',
					s.flags.perspectiveGap ? m.exports_flag_perspective_gap() : ''
				]
					.filter(Boolean)
					.join(', ');
			} else if (s.n > 0) {
				hint = m.exports_too_few({ n: s.n });
			} else {
				hint = s.hasConsensus ? m.exports_consensus_only() : m.exports_item_open();
			}
			rows.push([
				displayDate(date, locale),
				title,
				item.key,
				itemTitle(item.key, locale),
				s.teamValue === null ? '' : String(s.teamValue),
				origin,
				s.consensusReason ?? '',
				states.get(item.key) ?? '',
				String(s.n),
				...stats,
				hint
			]);
		}
	}
	return toCsv(
		[
			m.exports_col_date(),
			m.exports_col_assessment(),
			m.exports_col_item_key(),
			m.exports_col_item(),
			m.exports_col_team_value(),
			m.exports_col_origin(),
			m.exports_col_reason(),
			m.exports_col_state(),
			m.exports_col_n(),
			m.exports_col_median(),
			m.exports_col_mean(),
			m.exports_col_min(),
			m.exports_col_max(),
			m.exports_col_range(),
			m.exports_col_hints()
		],
		rows
	);
}

/** The actions decided in the assessments, with their latest follow-up note. */
export async function actionsCsv(scope: CsvScope): Promise<string> {
	const locale = readerLocale();
	const ids = scope.assessmentIds;
	const [heads, actions, notes] = await Promise.all([
		ids.length === 0
			? []
			: db
					.select({ id: assessment.id, date: assessment.date, title: assessment.title })
					.from(assessment)
					.where(inArray(assessment.id, ids)),
		ids.length === 0
			? []
			: db
					.select()
					.from(action)
					.where(inArray(action.assessmentId, ids))
					.orderBy(asc(action.createdAt), asc(sql`${action}.rowid`)),
		ids.length === 0
			? []
			: db
					.select({ actionId: actionNote.actionId, text: actionNote.text })
					.from(actionNote)
					.innerJoin(action, eq(action.id, actionNote.actionId))
					.where(inArray(action.assessmentId, ids))
					.orderBy(asc(actionNote.createdAt), asc(sql`${actionNote}.rowid`))
	]);
	const head = new Map(heads.map((h) => [h.id, h]));
	const latestNote = new Map<string, string>();
	for (const note of notes) if (note.text.trim()) latestNote.set(note.actionId, note.text);
	const order = new Map(ids.map((id, i) => [id, i]));
	const sorted = [...actions].sort(
		(a, b) => (order.get(a.assessmentId) ?? 0) - (order.get(b.assessmentId) ?? 0)
	);
	const rows = sorted.map((a) => {
		const h = head.get(a.assessmentId);
		return [
			displayDate(h?.date, locale),
			h?.title ?? '',
			a.title,
			a.description,
			itemShortName(a.itemKey, locale),
			a.owner,
			displayDate(a.dueDate, locale),
			displayDate(a.reviewDate, locale),
			optionLabel(HORIZONS, a.horizon, locale),
			optionLabel(ACTION_STATUSES, a.status, locale),
			latestNote.get(a.id) ?? ''
		];
	});
	return toCsv(
		[
			m.exports_col_date(),
			m.exports_col_assessment(),
			m.exports_col_action(),
			m.exports_col_description(),
			m.exports_col_linked(),
			m.exports_col_owner(),
			m.exports_col_due(),
			m.exports_col_review(),
			m.exports_col_horizon(),
			m.exports_col_status(),
			m.exports_col_note()
		],
		rows
	);
}

/** The kinds of CSV download, with their file-name prefix. */
export const CSV_KINDS = {
	bewertungen: { prefix: 'Bewertungen', build: ratingsCsv },
	teamwerte: { prefix: 'Teamwerte', build: teamValuesCsv },
	massnahmen: { prefix: 'Massnahmen', build: actionsCsv }
} as const;
export type CsvKind = keyof typeof CSV_KINDS;

/** The CSV as a download named like `Bewertungen_<Team>_<YYYY-MM-DD>.csv`. */
export async function csvResponse(
	kind: CsvKind,
	scope: CsvScope,
	teamName: string,
	date: string
): Promise<Response> {
	const { prefix, build } = CSV_KINDS[kind];
	const body = await build(scope);
	return new Response(body, {
		headers: downloadHeaders(
			'text/csv; charset=utf-8',
			downloadFileName(prefix, teamName, date, 'csv')
		)
	});
}

/** Today (YYYY-MM-DD) in the organisation's time zone: the date of team-wide downloads. */
export async function todayOf(organizationId: string): Promise<string> {
	const settings = await getSettings(organizationId);
	return todayInTimeZone(new Date(), settings.timeZone);
}
