// Error answers that a person or a program reads outside the app's error pages — JSON answers
// (form actions called with JavaScript, endpoints) and SvelteKit's static page for endpoint
// errors — carry the reader's language instead of an error code or framework text.
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/** Error codes thrown with `error(status, code)` and what a reader sees for them. */
const CODES: Record<string, () => string> = {
	not_found: () => m.error_page_text_404(),
	forbidden: () => m.error_forbidden(),
	not_participant: () => m.results_participant_not_member(),
	not_shared: () => m.results_participant_not_shared()
};

/** SvelteKit's own English messages (wrong content type, unknown action, method, route). */
const FRAMEWORK_TEXT =
	/^(Form actions expect|No action with name|POST method not allowed|Not Found|Cannot (GET|POST|PUT|PATCH|DELETE))/;

function readable(message: string, status: number): string | null {
	if (CODES[message]) return CODES[message]();
	if (/^[a-z][a-z_]*$/.test(message) || FRAMEWORK_TEXT.test(message)) {
		if (status === 404) return m.error_page_text_404();
		if (status === 403) return m.error_forbidden();
		return m.error_generic();
	}
	return null;
}

/**
 * Rewrites the message of a 4xx JSON error answer or of the static error page into the reader's
 * language. Client-side navigation data (`__data.json`) keeps the codes: the app's error pages
 * translate them themselves.
 */
export async function localizeErrorResponse(url: URL, response: Response): Promise<Response> {
	if (response.status < 400 || response.status >= 500) return response;
	if (url.pathname.endsWith('/__data.json')) return response;
	const type = response.headers.get('content-type') ?? '';
	const json = type.startsWith('application/json');
	// Pages render +error.svelte (marked by x-sveltekit-page); endpoints get the static page.
	const staticPage = type.startsWith('text/html') && !response.headers.has('x-sveltekit-page');
	if (!json && !staticPage) return response;
	const body = await response.text();
	let changed = body;
	if (json) {
		try {
			const data = JSON.parse(body) as { message?: unknown; error?: { message?: unknown } };
			for (const holder of [data, data.error]) {
				if (holder && typeof holder.message === 'string') {
					holder.message = readable(holder.message, response.status) ?? holder.message;
				}
			}
			changed = JSON.stringify(data);
		} catch {
			// Not JSON after all: leave it.
		}
	} else {
		const message = /<title>([^<]*)<\/title>/.exec(body)?.[1]?.trim() ?? '';
		const text = readable(message, response.status);
		if (text) {
			const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
			changed = body
				.replaceAll(`>${message}<`, `>${escaped}<`)
				.replace(/<html lang="[^"]*"/, `<html lang="${getLocale()}"`);
		}
	}
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	return new Response(changed, { status: response.status, headers });
}

/**
 * Browsers may post forms as text/plain, which no form here uses and which cannot be read as
 * form data: such a POST is marked as a non-form body, so SvelteKit refuses it with 415 (and
 * an error page) instead of the action failing with a 500.
 */
export function refuseTextPlainForms(request: Request): void {
	if (request.method !== 'POST') return;
	if (!/^text\/plain/i.test(request.headers.get('content-type') ?? '')) return;
	try {
		request.headers.set('content-type', 'application/octet-stream');
	} catch {
		// Immutable headers (prerendering): nothing to refuse.
	}
}
