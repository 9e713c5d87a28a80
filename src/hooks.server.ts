import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { svelteKitHandler } from 'better-auth/svelte-kit';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { auth, CLIENT_ADDRESS_HEADER } from '$lib/server/auth';
import { prepareDatabase } from '$lib/server/startup';
import { closeAllStreams } from '$lib/server/live';
import { localizeErrorResponse, refuseTextPlainForms } from '$lib/server/error-text';

export const init: ServerInit = async () => {
	if (building) return;
	await prepareDatabase();
	// On shutdown, end live streams at once so in-flight requests can finish and clients
	// reconnect elsewhere; adapter-node then closes the server.
	process.once('SIGTERM', closeAllStreams);
	process.once('SIGINT', closeAllStreams);
};

const handleLocale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, async ({ request, locale }) => {
		event.request = request;
		const response = await resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
		// Error codes and framework texts in JSON / static error answers → the reader's language.
		return localizeErrorResponse(event.url, response);
	});

const handleAuth: Handle = async ({ event, resolve }) => {
	// The auth library's rate limits count per client address; adapter-node knows it, not a header.
	try {
		event.request.headers.set(CLIENT_ADDRESS_HEADER, event.getClientAddress());
	} catch {
		// Immutable headers (prerendering): no address to count.
	}
	refuseTextPlainForms(event.request);
	const result = await auth.api.getSession({ headers: event.request.headers });
	event.locals.user = result?.user ?? null;
	event.locals.session = result?.session ?? null;
	return svelteKitHandler({ event, resolve, auth, building });
};

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	return response;
};

export const handle = sequence(handleHeaders, handleAuth, handleLocale);

export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status >= 500) console.error('[error]', error);
	return { message: status === 404 ? 'not_found' : message };
};
