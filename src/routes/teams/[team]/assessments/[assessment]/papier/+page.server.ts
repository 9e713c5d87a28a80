import { randomUUID } from 'node:crypto';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireAssessment } from '$lib/server/access';
import { FlowError } from '$lib/server/assessments';
import * as paper from '$lib/server/paper';
import { validate } from '$lib/server/validation';
import { m } from '$lib/paraglide/messages';

/** The assessment of this URL, if the user may facilitate it; 404 when the team does not match. */
async function facilitate(event: RequestEvent) {
	const ctx = await requireAssessment(event, event.params.assessment!, 'assessment:facilitate');
	if (ctx.assessment.teamId !== event.params.team) error(404, 'not_found');
	return ctx;
}

const ECHO = new Set(['', '0', '1', '2', '3', '4', 'unknown']);

/** The typed values of a refused sheet (only known values), so nothing has to be typed again. */
function echo(form: FormData, items: readonly string[]) {
	const values: Record<string, string> = {};
	for (const key of items) {
		const raw = form.get(paper.paperField(key));
		if (typeof raw === 'string' && ECHO.has(raw)) values[paper.paperField(key)] = raw;
	}
	const actor = form.get('actorGroup');
	const key = form.get('key');
	return {
		fields: values,
		actorGroup: typeof actor === 'string' && actor.length <= 64 ? actor : '',
		key: typeof key === 'string' && /^[0-9a-f-]{36}$/.test(key) ? key : null
	};
}

export const load: PageServerLoad = async (event) => {
	const { assessment, team } = await facilitate(event);
	const [items, count] = await Promise.all([
		paper.paperItems(assessment),
		paper.countPaperSheets(assessment.id)
	]);
	return {
		assessment: { id: assessment.id, title: assessment.title, status: assessment.status },
		team: { id: team.id, name: team.name },
		items: items.map((key) => ({ key, field: paper.paperField(key) })),
		count,
		// A fresh idempotency key per rendered form: a retried submit carries the same one.
		key: randomUUID(),
		saved: event.url.searchParams.get('gespeichert') === '1'
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { assessment } = await facilitate(event);
		const form = await event.request.formData();
		const items = await paper.paperItems(assessment);
		const parsed = validate(paper.paperSheetSchema(items), form);
		if (!parsed.ok) {
			const message = parsed.errors._form ?? m.error_form();
			return fail(400, { message, errors: parsed.errors, values: echo(form, items) });
		}
		try {
			await paper.capturePaperSheet(assessment.id, parsed.data);
		} catch (e) {
			if (!(e instanceof FlowError)) throw e;
			if (e.code === 'not_found') error(404, 'not_found');
			if (e.code === 'closed') return fail(409, { message: m.plenary_paper_closed(), errors: {} });
			if (e.code === 'not_started') {
				return fail(409, { message: m.plenary_paper_not_started(), errors: {} });
			}
			return fail(400, { message: m.plenary_paper_invalid(), errors: {} });
		}
		redirect(303, `${event.url.pathname}?gespeichert=1`);
	}
};
