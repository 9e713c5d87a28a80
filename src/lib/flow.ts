import { STEPS, type Step, type StepKey } from './framework';

/**
 * The steps an assessment walks through, in order: every required step, plus the optional ones
 * the facilitator chose; the review step only when the team has earlier assessments.
 */
export function activeSteps(
	chosenSteps: readonly string[],
	hasEarlierAssessments: boolean
): readonly Step[] {
	return STEPS.filter((step) => {
		if (step.onlyWithEarlierAssessments && !hasEarlierAssessments) return false;
		return !step.optional || chosenSteps.includes(step.key);
	});
}

/** 1-based position of a step among the active steps, and their count ("Schritt 3 von 9"). */
export function stepPosition(
	steps: readonly Step[],
	key: string
): { index: number; number: number; total: number; step: Step | undefined } {
	const index = steps.findIndex((s) => s.key === key);
	return { index, number: index + 1, total: steps.length, step: steps[index] };
}

/** The step after / before `key` among the active steps, if any. */
export function neighbourStep(
	steps: readonly Step[],
	key: string,
	direction: 1 | -1
): StepKey | undefined {
	const index = steps.findIndex((s) => s.key === key);
	return index < 0 ? steps[0]?.key : steps[index + direction]?.key;
}
