import { describe, expect, it } from 'vitest';
import { isOpenAction, isOverdue, openActionsOfEarlier, todayInTimeZone } from './actions';
import type { ActionStatus } from './types';

describe('isOpenAction', () => {
	it.each<[ActionStatus, boolean]>([
		['offen', true],
		['laeuft', true],
		['erledigt', false],
		['verworfen', false]
	])('%s → %s', (status, open) => {
		expect(isOpenAction(status)).toBe(open);
	});
});

describe('isOverdue', () => {
	const today = '2025-03-10';
	it.each<[ActionStatus, string | null, boolean]>([
		['offen', '2025-03-09', true],
		['laeuft', '2024-12-31', true],
		['offen', '2025-03-10', false],
		['offen', '2025-03-11', false],
		['offen', null, false],
		['erledigt', '2025-01-01', false],
		['verworfen', '2025-01-01', false]
	])('%s due %s → %s', (status, dueDate, overdue) => {
		expect(isOverdue({ status, dueDate }, today)).toBe(overdue);
	});

	it('rejects dates that are not YYYY-MM-DD', () => {
		expect(() => isOverdue({ status: 'offen', dueDate: '2025-03-09' }, '10.03.2025')).toThrow();
		expect(() => isOverdue({ status: 'offen', dueDate: '2025-3-9' }, today)).toThrow();
	});
});

describe('todayInTimeZone', () => {
	it.each<[string, string | undefined, string]>([
		['2024-03-31T22:30:00Z', undefined, '2024-04-01'], // Berlin summer time, UTC+2
		['2024-03-31T21:59:00Z', 'Europe/Berlin', '2024-03-31'],
		['2024-12-31T23:30:00Z', 'Europe/Berlin', '2025-01-01'], // winter time, UTC+1
		['2024-12-31T23:30:00Z', 'UTC', '2024-12-31'],
		['2024-01-01T03:00:00Z', 'America/New_York', '2023-12-31']
	])('%s in %s → %s', (instant, timeZone, day) => {
		expect(todayInTimeZone(new Date(instant), timeZone)).toBe(day);
	});
});

describe('openActionsOfEarlier', () => {
	const assessments = [
		{ id: 'a2', date: '2024-06-01' },
		{ id: 'a1', date: '2024-01-10' },
		{ id: 'a3', date: '2024-11-01' },
		{ id: 'a4', date: '2025-02-01' },
		{ id: 'same', date: '2024-11-01' }
	];
	const actions = [
		{ id: 'x1', assessmentId: 'a2', status: 'offen' as const },
		{ id: 'x2', assessmentId: 'a1', status: 'laeuft' as const },
		{ id: 'x3', assessmentId: 'a1', status: 'erledigt' as const },
		{ id: 'x4', assessmentId: 'a1', status: 'verworfen' as const },
		{ id: 'x5', assessmentId: 'a3', status: 'offen' as const },
		{ id: 'x6', assessmentId: 'a4', status: 'offen' as const },
		{ id: 'x7', assessmentId: 'a1', status: 'offen' as const },
		{ id: 'x8', assessmentId: 'same', status: 'offen' as const }
	];

	it('open actions of all earlier assessments, oldest assessment first', () => {
		const ids = openActionsOfEarlier(actions, assessments, { id: 'a3', date: '2024-11-01' }).map(
			(a) => a.id
		);
		expect(ids).toEqual(['x2', 'x7', 'x1']);
	});

	it('the first assessment has nothing to review', () => {
		expect(openActionsOfEarlier(actions, assessments, { id: 'a1', date: '2024-01-10' })).toEqual(
			[]
		);
	});
});
