// The organisation overview for managers: every team's own trajectory side by side — last
// assessment, reached level, trend, open and overdue actions, next date. Never a ranking: the
// only sort orders are name and last activity (FRAMEWORK.md §8). Six queries, however many teams.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { db } from './db';
import * as s from './db/schema';
import { LEVELS } from '../framework';
import {
	DEFAULT_MIN_GROUP_SIZE,
	DEFAULT_TIME_ZONE,
	isOpenAction,
	isOverdue,
	pyramidResult,
	shareableSummary,
	summarizeAll,
	teamTrend,
	todayInTimeZone,
	type ConsensusInput,
	type PyramidResult,
	type RatingInput,
	type Trend
} from '../scoring';
import { HISTORY_STATUS } from './history';

/** The only sort orders offered: by name, or by last activity (newest first). */
export const OVERVIEW_SORTS = ['name', 'aktivitaet'] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];

export interface OverviewFilter {
	sort: OverviewSort;
	/** Only teams in this place/Quartier ('' = all). */
	place: string;
	includeArchived: boolean;
}

export interface OverviewTeam {
	id: string;
	name: string;
	place: string;
	archived: boolean;
	lastAssessmentDate: string | null;
	lastAssessmentId: string | null;
	pyramid: PyramidResult | null;
	trend: Trend | null;
	openActions: number;
	overdueActions: number;
	nextDate: string | null;
	/** YYYY-MM-DD of the latest assessment or action change. */
	lastActivity: string | null;
}

export interface OrganizationOverview {
	teams: OverviewTeam[];
	/** Every place of the organisation's teams (for the filter), sorted. */
	places: string[];
	today: string;
}

const LEVEL_KEYS = LEVELS.map((l) => l.key);

/** Loads the overview of an organisation's teams (constant number of queries). */
export async function loadOrganizationOverview(
	organizationId: string,
	filter: OverviewFilter,
	now: Date = new Date()
): Promise<OrganizationOverview> {
	const orgTeams = db
		.select({ id: s.team.id })
		.from(s.team)
		.where(eq(s.team.organizationId, organizationId));
	// The last two closed assessments of each team: enough for the reached level and the trend.
	const lastTwo = sql`(select id from (select ${s.assessment.id} as id, row_number() over (partition by ${s.assessment.teamId} order by ${s.assessment.date} desc, ${s.assessment.createdAt} desc) as rn from ${s.assessment} where ${s.assessment.status} = ${HISTORY_STATUS} and ${s.assessment.teamId} in (select ${s.team.id} from ${s.team} where ${s.team.organizationId} = ${organizationId})) where rn <= 2)`;

	const [teams, assessments, ratings, consensus, actions, settingsRows] = await Promise.all([
		db
			.select()
			.from(s.team)
			.where(eq(s.team.organizationId, organizationId))
			.orderBy(asc(s.team.name)),
		db
			.select({
				id: s.assessment.id,
				teamId: s.assessment.teamId,
				date: s.assessment.date,
				status: s.assessment.status,
				nextDate: s.assessment.nextDate,
				createdAt: s.assessment.createdAt
			})
			.from(s.assessment)
			.where(inArray(s.assessment.teamId, orgTeams))
			.orderBy(asc(s.assessment.date), asc(s.assessment.createdAt)),
		db
			.select({
				assessmentId: s.rating.assessmentId,
				participantId: s.rating.participantId,
				itemKey: s.rating.itemKey,
				value: s.rating.value
			})
			.from(s.rating)
			.where(
				and(sql`${s.rating.assessmentId} in ${lastTwo}`, inArray(s.rating.itemKey, LEVEL_KEYS))
			),
		db
			.select({
				assessmentId: s.consensus.assessmentId,
				itemKey: s.consensus.itemKey,
				value: s.consensus.value
			})
			.from(s.consensus)
			.where(
				and(
					sql`${s.consensus.assessmentId} in ${lastTwo}`,
					inArray(s.consensus.itemKey, LEVEL_KEYS)
				)
			),
		db
			.select({
				teamId: s.action.teamId,
				status: s.action.status,
				dueDate: s.action.dueDate,
				updatedAt: s.action.updatedAt
			})
			.from(s.action)
			.where(inArray(s.action.teamId, orgTeams)),
		db
			.select()
			.from(s.organizationSettings)
			.where(eq(s.organizationSettings.organizationId, organizationId))
			.limit(1)
	]);

	const m = settingsRows[0]?.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
	const timeZone = settingsRows[0]?.timeZone ?? DEFAULT_TIME_ZONE;
	const today = todayInTimeZone(now, timeZone);

	const ratingsBy = groupBy(ratings, (r) => r.assessmentId);
	const consensusBy = groupBy(consensus, (c) => c.assessmentId);
	const assessmentsBy = groupBy(assessments, (a) => a.teamId);
	const actionsBy = groupBy(actions, (a) => a.teamId);

	const pyramidOf = (assessmentId: string): PyramidResult => {
		const summaries = summarizeAll(
			LEVEL_KEYS,
			(ratingsBy.get(assessmentId) ?? []) as RatingInput[],
			(consensusBy.get(assessmentId) ?? []) as ConsensusInput[],
			m
		);
		// The shared Teamwert, as on the result page: under the minimum-group-size rule only a consensus.
		return pyramidResult(LEVEL_KEYS.map((key) => shareableSummary(summaries[key], m).teamValue));
	};

	const places = [...new Set(teams.map((t) => t.place).filter((p) => p !== ''))].sort((a, b) =>
		a.localeCompare(b, 'de')
	);

	const rows: OverviewTeam[] = teams
		.filter((t) => filter.includeArchived || !t.archived)
		.filter((t) => filter.place === '' || t.place === filter.place)
		.map((t) => {
			const own = assessmentsBy.get(t.id) ?? [];
			const closed = own.filter((a) => a.status === HISTORY_STATUS);
			const last = closed.at(-1);
			const previous = closed.at(-2);
			const lastPyramid = last ? pyramidOf(last.id) : null;
			const previousPyramid = previous ? pyramidOf(previous.id) : null;
			const teamActions = actionsBy.get(t.id) ?? [];
			const upcoming = own.find((a) => a.status !== HISTORY_STATUS && a.date >= today);
			const latest = own.at(-1);
			const activity = [
				...own.filter((a) => a.status !== 'entwurf' && a.date <= today).map((a) => a.date),
				...teamActions.map((a) => todayInTimeZone(a.updatedAt, timeZone))
			].sort();
			return {
				id: t.id,
				name: t.name,
				place: t.place,
				archived: t.archived,
				lastAssessmentDate: last?.date ?? null,
				lastAssessmentId: last?.id ?? null,
				pyramid: lastPyramid,
				trend: teamTrend(previousPyramid?.stufenwert, lastPyramid?.stufenwert),
				openActions: teamActions.filter((a) => isOpenAction(a.status)).length,
				overdueActions: teamActions.filter((a) => isOverdue(a, today)).length,
				nextDate: upcoming?.date ?? latest?.nextDate ?? null,
				lastActivity: activity.at(-1) ?? null
			};
		});

	if (filter.sort === 'aktivitaet') {
		rows.sort(
			(a, b) =>
				(b.lastActivity ?? '').localeCompare(a.lastActivity ?? '') ||
				a.name.localeCompare(b.name, 'de')
		);
	} else {
		rows.sort((a, b) => a.name.localeCompare(b.name, 'de'));
	}
	return { teams: rows, places, today };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
	const map = new Map<string, T[]>();
	for (const row of rows) {
		const k = key(row);
		const list = map.get(k);
		if (list) list.push(row);
		else map.set(k, [row]);
	}
	return map;
}
