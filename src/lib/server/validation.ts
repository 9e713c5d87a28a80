import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

// Control characters other than tab and newlines have no place in anything a person types.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** True when the text has no control characters besides tab and line breaks. */
export const hasNoControlChars = (v: string) => !CONTROL_CHARS.test(v);

/**
 * Zod issues carry message keys (`error_required`, `error_too_long:2000`); they are turned into
 * the reader's language here, so no raw validator text ever reaches a page.
 */
export function translateIssue(key: string | undefined): string {
	const [name, arg] = (key ?? '').split(':');
	switch (name) {
		case 'error_required':
			return m.error_required();
		case 'error_email':
			return m.error_email();
		case 'error_too_long':
			return m.error_too_long({ max: arg ?? '' });
		case 'error_too_short':
			return m.error_too_short({ min: arg ?? '' });
		case 'error_password_short':
			return m.error_password_short();
		case 'error_number_range': {
			const [min, max] = (arg ?? '').split('-');
			return m.error_number_range({ min: min ?? '', max: max ?? '' });
		}
		default: {
			const fn = (m as unknown as Record<string, (() => string) | undefined>)[name];
			return typeof fn === 'function' ? fn() : m.error_invalid();
		}
	}
}

/** A required, trimmed single-line text of at most `max` characters. */
export const requiredText = (max: number) =>
	z
		.string({ error: 'error_required' })
		.trim()
		.min(1, { error: 'error_required' })
		.max(max, { error: `error_too_long:${max}` })
		.refine(hasNoControlChars, { error: 'error_invalid' });

/** An optional trimmed text (empty becomes ''). */
export const optionalText = (max: number) =>
	z
		.string({ error: 'error_invalid' })
		.trim()
		.max(max, { error: `error_too_long:${max}` })
		.refine(hasNoControlChars, { error: 'error_invalid' })
		.optional()
		.transform((v) => v ?? '');

export const emailField = z
	.string({ error: 'error_required' })
	.trim()
	.toLowerCase()
	.min(1, { error: 'error_required' })
	.max(254, { error: 'error_too_long:254' })
	.pipe(z.email({ error: 'error_email' }));

/** A whole number in a range, from a form field. */
export const intInRange = (min: number, max: number) =>
	z.coerce
		.number({ error: `error_number_range:${min}-${max}` })
		.int({ error: `error_number_range:${min}-${max}` })
		.min(min, { error: `error_number_range:${min}-${max}` })
		.max(max, { error: `error_number_range:${min}-${max}` });

/** A YYYY-MM-DD date that exists in the calendar. */
export const isoDate = z
	.string({ error: 'error_invalid' })
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'error_invalid' })
	.refine(
		(v) => {
			const d = new Date(`${v}T00:00:00Z`);
			return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
		},
		{ error: 'error_invalid' }
	);

export type FieldErrors = Record<string, string>;

export type Validated<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Validates form data (or a plain object) with a zod schema; errors are localised per field. */
export function validate<T extends z.ZodType>(
	schema: T,
	input: FormData | Record<string, unknown>
): Validated<z.output<T>> {
	const raw =
		input instanceof FormData
			? Object.fromEntries(
					[...input.keys()].map((k) => {
						const all = input.getAll(k);
						return [k, all.length > 1 ? all : all[0]];
					})
				)
			: input;
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = issue.path.length ? String(issue.path[0]) : '_form';
		errors[field] ??= translateIssue(issue.message);
	}
	return { ok: false, errors };
}
