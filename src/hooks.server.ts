import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { svelteKitHandler } from 'better-auth/svelte-kit';
import { AsyncLocalStorage } from 'node:async_hooks';
import { getSessionCookie } from 'better-auth/cookies';
import {
	extractLocaleFromRequest,
	overwriteServerAsyncLocalStorage,
	type Locale
} from '$lib/paraglide/runtime';
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

// Paraglide's getLocale() reads the request's locale from this store. Its own middleware does
// the same but clones every request (body included) for URL-based locales, which we do not use
// (cookie → Accept-Language → German): that clone cost a tenth of the server's CPU per rating.
const localeStore = new AsyncLocalStorage<{
	locale?: Locale;
	origin?: string;
	messageCalls?: Set<string>;
}>();
overwriteServerAsyncLocalStorage(localeStore);

const handleLocale: Handle = ({ event, resolve }) => {
	const locale = extractLocaleFromRequest(event.request);
	const store = { locale, origin: event.url.origin, messageCalls: new Set<string>() };
	return localeStore.run(store, async () => {
		const response = await resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
		// Error codes and framework texts in JSON / static error answers → the reader's language.
		return localizeErrorResponse(event.url, response);
	});
};

const handleAuth: Handle = async ({ event, resolve }) => {
	// The auth library's rate limits count per client address; adapter-node knows it, not a header.
	try {
		event.request.headers.set(CLIENT_ADDRESS_HEADER, event.getClientAddress());
	} catch {
		// Immutable headers (prerendering): no address to count.
	}
	refuseTextPlainForms(event.request);
	// Participants' phones carry no session cookie: no session lookup for them.
	const result = getSessionCookie(event.request.headers)
		? await auth.api.getSession({ headers: event.request.headers })
		: null;
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

/** Reads and discards what is left of a request body (the size limit still applies). */
async function discard(body: ReadableStream<Uint8Array>): Promise<void> {
	try {
		const reader = body.getReader();
		while (!(await reader.read()).done);
	} catch {
		// The client went away or sent more than the limit: nothing left to keep in step.
	}
}

// A request refused before its body was read (no right, wrong code, no such method) would leave
// the rest of the body unread on a keep-alive connection, and the client's next request on it
// would hang until the connection is reset. Read the rest before answering.
const handleUnreadBody: Handle = async ({ event, resolve }) => {
	const { body } = event.request;
	const response = await resolve(event);
	if (body && !body.locked) await discard(body);
	return response;
};

export const handle = sequence(handleUnreadBody, handleHeaders, handleAuth, handleLocale);

export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status >= 500) console.error('[error]', error);
	return { message: status === 404 ? 'not_found' : message };
};
