// Labels shared by the history, comparison, action and overview pages.
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { ACTION_STATUSES, ACTORS, LEVELS, getItem, t, type Locale } from '$lib/framework';
import type { Direction, SharedRoom, Trend } from '$lib/scoring';

/** The reader's locale as the framework's content locale. */
export function locale(): Locale {
	return getLocale() as Locale;
}

/** Short title of a level or characteristic (the key when the framework no longer has it). */
export function itemTitle(key: string | null): string {
	if (!key) return '–';
	const item = getItem(key);
	return item ? t(item.shortTitle, locale()) : key;
}

/** Short title of pyramid level `index` (0-based). */
export function levelTitle(index: number): string {
	return t(LEVELS[index].shortTitle, locale());
}

/** Label of an action status. */
export function actionStatusLabel(status: string): string {
	const entry = ACTION_STATUSES.find((s) => s.key === status);
	return entry ? t(entry.label, locale()) : status;
}

/** "Who was in the room" as one line, groups below the minimum group size summed. */
export function roomText(room: SharedRoom): string {
	const parts = room.groups.map((g) => {
		const actor = ACTORS.find((a) => a.key === g.actorGroup);
		return `${actor ? t(actor.title, locale()) : g.actorGroup} (${g.count})`;
	});
	if (room.otherGroups > 0) parts.push(m.history_other_groups({ count: room.otherGroups }));
	if (room.untagged > 0) parts.push(m.history_untagged({ count: room.untagged }));
	return parts.join(', ') || '–';
}

/** The arrow of a direction or trend (decorative; pair it with `directionText`). */
export function arrow(direction: Direction | Trend | null): string {
	if (direction === 'up') return '↑';
	if (direction === 'down') return '↓';
	if (direction === 'same') return '→';
	return '';
}

/** The words for a change of an item's Teamwert. */
export function directionText(direction: Direction, delta: number | null): string {
	if (direction === 'up') return m.history_compare_up({ delta: Math.abs(delta ?? 0) });
	if (direction === 'down') return m.history_compare_down({ delta: Math.abs(delta ?? 0) });
	if (direction === 'same') return m.history_compare_same();
	return m.history_not_comparable();
}

/** The words for a team's trend over its last two assessments. */
export function trendText(trend: Trend | null): string {
	if (trend === 'up') return m.history_overview_trend_up();
	if (trend === 'down') return m.history_overview_trend_down();
	if (trend === 'same') return m.history_overview_trend_same();
	return m.history_overview_trend_none();
}

/** "Hat sich die Stufe bewegt?" for an action's item. */
export function movedText(direction: Direction | null): string {
	if (direction === 'up') return m.history_compare_moved_up();
	if (direction === 'down') return m.history_compare_moved_down();
	if (direction === 'same') return m.history_compare_moved_same();
	return m.history_compare_moved_unknown();
}
