// What the projector in the hall shows: the join code, how many have joined and rated, the
// current step and — only after the facilitator's reveal — the aggregated results of the shared
// view, optionally broken down by actor group. Never an individual answer.
import { and, countDistinct, eq, inArray } from 'drizzle-orm';
import { db } from './db';
import { participant, rating, type Assessment } from './db/schema';
import { joinUrlOf, stepsOf } from './assessments';
import { loadAssessmentResults, type AnswerResult, type ItemResult } from './results';
import { stepPosition } from '$lib/flow';
import { actorGroupBreakdowns, type ItemBreakdown, type RatingValue } from '$lib/scoring';
import type { RatedItemKey, StepKey } from '$lib/framework';

/** The current step's results, present only once the facilitator revealed them. */
export interface ProjectorResults {
	items: ItemResult[];
	/** Per item key; null unless the breakdown by actor group was asked for. */
	breakdowns: Record<string, ItemBreakdown> | null;
}

export interface ProjectorView {
	title: string;
	teamName: string;
	status: Assessment['status'];
	revision: number;
	joinCode: string | null;
	joinUrl: string | null;
	/** The bare address to type, without the code ("https://…/p"). */
	joinBase: string | null;
	participants: number;
	step: { key: StepKey; number: number; total: number };
	minGroupSize: number;
	/** For a rating step: how many participants rated at least one of its items. */
	rated: number | null;
	revealed: boolean;
	results: ProjectorResults | null;
	/** For the reflection step: questions with the notes the facilitator released. */
	notes: AnswerResult[] | null;
}

/** Everything the projector shows of one assessment (access is checked by the route). */
export async function loadProjector(
	a: Assessment,
	options: { groups: boolean }
): Promise<ProjectorView> {
	const [results, steps] = await Promise.all([
		loadAssessmentResults(a.id, { view: 'shared' }),
		stepsOf(a)
	]);
	const position = stepPosition(steps, a.currentStep);
	const step = position.step ?? steps[0];
	const ratingItems: RatedItemKey[] = step.kind === 'rating' ? [...step.items] : [];
	const revealed = step.kind === 'rating' && a.revealedSteps.includes(step.key);

	let rated: number | null = null;
	let projected: ProjectorResults | null = null;
	if (ratingItems.length > 0) {
		const [row] = await db
			.select({ n: countDistinct(rating.participantId) })
			.from(rating)
			.where(and(eq(rating.assessmentId, a.id), inArray(rating.itemKey, ratingItems)));
		rated = Number(row?.n ?? 0);
	}
	if (revealed) {
		const all: ItemResult[] = [...results.levels, ...results.traits];
		const items = ratingItems.map((key) => all.find((item) => item.key === key)!);
		let breakdowns: Record<string, ItemBreakdown> | null = null;
		if (options.groups) {
			const rows = await db
				.select({
					participantId: rating.participantId,
					itemKey: rating.itemKey,
					value: rating.value,
					actorGroup: participant.actorGroup
				})
				.from(rating)
				.innerJoin(participant, eq(participant.id, rating.participantId))
				.where(and(eq(rating.assessmentId, a.id), inArray(rating.itemKey, ratingItems)));
			breakdowns = actorGroupBreakdowns(
				ratingItems,
				rows.map((r) => ({
					participantId: r.participantId,
					itemKey: r.itemKey,
					value: r.value !== null && r.value >= 0 && r.value <= 4 ? (r.value as RatingValue) : null,
					actorGroup: r.actorGroup
				})),
				results.minGroupSize
			);
		}
		projected = { items, breakdowns };
	}

	const joinCode = a.status === 'laeuft' ? a.joinCode : null;
	const joinUrl = joinCode ? joinUrlOf(joinCode) : null;
	return {
		title: a.title,
		teamName: results.team.name,
		status: a.status,
		revision: a.revision,
		joinCode,
		joinUrl,
		joinBase: joinUrl ? joinUrl.slice(0, joinUrl.length - (joinCode!.length + 1)) : null,
		participants: results.room.total,
		step: {
			key: step.key,
			number: position.number > 0 ? position.number : 1,
			total: position.total
		},
		minGroupSize: results.minGroupSize,
		rated,
		revealed,
		results: projected,
		notes: step.kind === 'reflection' ? results.answers.filter((q) => q.notes.length > 0) : null
	};
}
