import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireOrganization } from '$lib/server/access';
import { getOrganization, getSettings, saveSettings } from '$lib/server/organizations';
import { intInRange, optionalText, validate } from '$lib/server/validation';
import { m } from '$lib/paraglide/messages';

function isTimeZone(value: string): boolean {
	try {
		new Intl.DateTimeFormat('de-DE', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}

const settingsSchema = z.object({
	minGroupSize: intInRange(2, 50),
	privacyNotice: optionalText(20_000),
	imprint: optionalText(20_000),
	timeZone: z
		.string({ error: 'error_required' })
		.trim()
		.min(1, { error: 'error_required' })
		.max(64, { error: 'error_too_long:64' })
		.refine(isTimeZone, { error: 'settings_timezone_invalid' }),
	retentionDays: z.preprocess(
		(v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v),
		intInRange(1, 36_500).nullable()
	)
});

export const load: PageServerLoad = async (event) => {
	await requireOrganization(event, event.params.org, 'settings:write');
	const [org, settings] = await Promise.all([
		getOrganization(event.params.org),
		getSettings(event.params.org)
	]);
	return { organization: { id: org!.id, name: org!.name }, settings };
};

export const actions: Actions = {
	default: async (event) => {
		await requireOrganization(event, event.params.org, 'settings:write');
		const form = await event.request.formData();
		const parsed = validate(settingsSchema, form);
		if (!parsed.ok) {
			return fail(400, {
				errors: parsed.errors,
				message: m.error_form(),
				values: {
					minGroupSize: String(form.get('minGroupSize') ?? '').slice(0, 10),
					timeZone: String(form.get('timeZone') ?? '').slice(0, 64),
					retentionDays: String(form.get('retentionDays') ?? '').slice(0, 10)
				}
			});
		}
		await saveSettings(event.params.org, parsed.data);
		return { saved: true };
	}
};
