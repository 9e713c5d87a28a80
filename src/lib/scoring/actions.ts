import type { ActionStatus } from './types';

/** Time zone of an organisation unless it set another. */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function assertIsoDate(date: string, what: string): void {
	if (!ISO_DATE.test(date)) throw new RangeError(`${what} must be YYYY-MM-DD, got ${date}`);
}

/** True for actions still to be done (`offen` or `laeuft`). */
export function isOpenAction(status: ActionStatus): boolean {
	return status === 'offen' || status === 'laeuft';
}

/**
 * True when an open action's due date (YYYY-MM-DD) lies before `today` (YYYY-MM-DD in the
 * organisation's time zone, see `todayInTimeZone`).
 */
export function isOverdue(
	action: { status: ActionStatus; dueDate: string | null },
	today: string
): boolean {
	assertIsoDate(today, 'today');
	if (!isOpenAction(action.status) || action.dueDate === null) return false;
	assertIsoDate(action.dueDate, 'dueDate');
	// ISO dates of equal length compare correctly as strings
	return action.dueDate < today;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function todayInTimeZone(date: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
	let formatter = dateFormatters.get(timeZone);
	if (formatter === undefined) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit'
		});
		dateFormatters.set(timeZone, formatter);
	}
	let year = '';
	let month = '';
	let day = '';
	for (const part of formatter.formatToParts(date)) {
		if (part.type === 'year') year = part.value;
		else if (part.type === 'month') month = part.value;
		else if (part.type === 'day') day = part.value;
	}
	return `${year.padStart(4, '0')}-${month}-${day}`;
}

/**
 * The open actions of all assessments of the team dated before `current` (the review step),
 * ordered by assessment date. Dates are ISO strings of one format (date or timestamp); an
 * assessment on the same date as `current` does not count as earlier.
 */
export function openActionsOfEarlier<A extends { assessmentId: string; status: ActionStatus }>(
	actions: readonly A[],
	assessments: readonly { id: string; date: string }[],
	current: { id: string; date: string }
): A[] {
	const earlierDates = new Map<string, string>();
	for (const assessment of assessments) {
		if (assessment.id !== current.id && assessment.date < current.date) {
			earlierDates.set(assessment.id, assessment.date);
		}
	}
	const picked: { action: A; date: string; index: number }[] = [];
	actions.forEach((action, index) => {
		const date = earlierDates.get(action.assessmentId);
		if (date !== undefined && isOpenAction(action.status)) picked.push({ action, date, index });
	});
	picked.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));
	return picked.map((p) => p.action);
}
