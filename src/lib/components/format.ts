import { getLocale } from '$lib/paraglide/runtime';

/** A YYYY-MM-DD date in the reader's language (German: 27.11.2026). */
export function formatDate(isoDate: string | null | undefined, locale = getLocale()): string {
	if (!isoDate) return '–';
	const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
	if (!y || !m || !d) return '–';
	const date = new Date(Date.UTC(y, m - 1, d));
	return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
		day: '2-digit',
		month: '2-digit',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(date);
}

/** A point in time in the organisation's time zone. */
export function formatDateTime(
	value: Date | number | null | undefined,
	timeZone = 'Europe/Berlin',
	locale = getLocale()
): string {
	if (value == null) return '–';
	return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone
	}).format(new Date(value));
}

/** A number with the reader's decimal separator. */
export function formatNumber(value: number | null | undefined, digits = 0, locale = getLocale()) {
	if (value == null || Number.isNaN(value)) return '–';
	return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	}).format(value);
}

/** The localised error of one field from an action's `fail()` data, if any. */
export function errorOf(form: unknown, field: string): string | undefined {
	const errors = (form as { errors?: Record<string, string> } | null | undefined)?.errors;
	return errors?.[field];
}
