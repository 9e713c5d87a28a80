// Fuzzing every form action and endpoint of the BUILT server. The targets come from the route
// tree at test time (a new route cannot be forgotten); the form fields from the forms the pages
// really render. Malformed payloads are sent as the demo admin, the demo facilitator, an
// anonymous client and a participant who joined a running assessment.
//
// Every answer is checked:
// - never a 5xx;
// - a 4xx answer shows a message of the app's catalogues (messages/*/*.json, German or English):
//   the visible text of an HTML answer, or the message(s) of a JSON answer, contain at least one
//   catalogue message (the whole value, or for values with parameters their longest literal
//   part; pieces of at least 12 characters) — and the body shows no validator output
//   ("ZodError", zod issue codes, "Invalid input:"), no database error (SQLITE_…, "Failed
//   query:"), no stack frame ("at fn (file:line:col)"), no server path and no raw JS error name;
// - a 4xx answer changed nothing: the checksum of every row of every domain table (all tables
//   but session, verification, rate-limit bookkeeping, __drizzle_migrations, startup_lock and the
//   history's summary cache), read through this test's own connection, is the same before and
//   after;
// - no HTML answer contains one of the script/markup payloads unescaped.
// Build first: BUILD_DIR=build-… npx vite build
import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@libsql/client';
import { STEP_KEYS } from '$lib/framework';
import { fillRoute, listRoutes, type RouteInfo } from '../testing/routes';
import { Browserless, startServer, type TestServer } from '../testing/server';
import {
	catalogueMessageIn,
	cloneClient,
	domainChecksum,
	errorTextOf,
	hasSession,
	joinedParticipant,
	leaksIn,
	openDatabase,
	rawRequest,
	type RawAnswer,
	seedDemoOrg,
	seedFixtureOrg,
	signedIn,
	visibleText,
	type Login,
	type OrgWorld
} from '../testing/hardening';

const XSS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'];
const MEGABYTE = 'ä'.repeat(100_000) + 'x'.repeat(850_000); // 1.05 MB as UTF-8

let server: TestServer;
let dbc: Client;
let demo: OrgWorld;
let other: OrgWorld;
let routes: RouteInfo[];

type Role = 'admin' | 'facilitator' | 'anonymous' | 'participant';
const prototypes = new Map<Role, Browserless>();
const logins = new Map<Role, Login>();

interface Finding {
	request: string;
	problem: string;
}
const findings: Finding[] = [];
const stats = { requests: 0, payloads: 0, actionTargets: 0, endpointTargets: 0, rejected: 0 };
let lastHash = '';
let lastVersion = -1;
const sessionLosses: string[] = [];
let hashTime = 0;
let hashCount = 0;

/**
 * The domain checksum, recomputed only when another connection committed since the last look
 * (SQLite's data_version of this connection tells).
 */
async function currentHash(): Promise<string> {
	const version = Number((await dbc.execute('PRAGMA data_version')).rows[0][0]);
	if (version !== lastVersion || !lastHash) {
		lastVersion = version;
		hashCount++;
		return (await domainChecksum(dbc)).hash;
	}
	return lastHash;
}

/** Values that no form expects. Ids of the other organisation are added in beforeAll. */
const JUNK: string[] = [
	'',
	'   ',
	'\u0000',
	'a\u0000b\u0007\u001b[31m',
	'-1',
	'-99999999999999999999',
	'1e308',
	'3.5',
	'NaN',
	'Infinity',
	'true',
	'null',
	'[]',
	'{"a":1}',
	...XSS,
	"' OR 1=1 --",
	"x'); DROP TABLE rating; --",
	'../../../../etc/passwd',
	'%00%ff%fe',
	'\u202eevil\u202c \u0645\u0631\u062d\u0628\u0627 \u05e9\u05dc\u05d5\u05dd',
	'👩‍👩‍👧‍👦'.repeat(40),
	'\ud800 lone surrogate',
	'Ω'.repeat(5000),
	'__proto__'
];

interface Payload {
	label: string;
	body: string | Buffer | FormData | null;
	contentType?: string;
}

const FORM = 'application/x-www-form-urlencoded';

function urlencoded(fields: [string, string][]): string {
	const params = new URLSearchParams();
	for (const [k, v] of fields) params.append(k, v);
	return params.toString();
}

/**
 * The malformed variants of one form, `budget` of them: wrong content types and encodings
 * first, then one field at a time missing or junk (the rest as the page rendered them), a 1 MB
 * value, repeated fields and extra fields. Rotates with `seed` so that actions with few
 * variants still see different kinds.
 */
function payloadsFor(fields: Map<string, string>, budget: number, seed: number): Payload[] {
	const names = [...fields.keys()];
	const base = [...fields.entries()];
	const multipart = new FormData();
	for (const name of names) multipart.append(name, JUNK[(seed + name.length) % JUNK.length]);
	multipart.append(
		names[0] ?? 'file',
		new Blob(['\u0000\u0001binary'], { type: 'image/png' }),
		'x.png'
	);
	const kinds: Payload[] = [
		{ label: 'empty', body: '', contentType: FORM },
		{
			label: 'json',
			body: JSON.stringify(Object.fromEntries(base.map(([k]) => [k, { $ne: 1, n: -1 }]))),
			contentType: 'application/json'
		},
		{ label: 'multipart with junk and a file', body: multipart },
		{
			label: 'one field 1 MB',
			body: urlencoded(
				base.map(([k, v], i) => [k, i === seed % Math.max(1, base.length) ? MEGABYTE : v])
			),
			contentType: FORM
		},
		{
			label: 'only extra fields',
			body: urlencoded([
				['__proto__[admin]', '1'],
				['constructor.prototype', 'x'],
				['z'.repeat(2000), 'y'],
				['role', 'owner'],
				['organizationId', other.orgId]
			]),
			contentType: FORM
		},
		{ label: 'no content type', body: 'a=1' },
		{ label: 'text/plain', body: 'x=<script>', contentType: 'text/plain' },
		{ label: 'broken urlencoding', body: 'a=%E0%A4%A&%=%%&b', contentType: FORM },
		{
			label: 'invalid UTF-8',
			body: Buffer.from([0x61, 0x3d, 0xff, 0xfe, 0xc3, 0x28]),
			contentType: FORM
		},
		{
			label: 'every field twice',
			body: urlencoded([...base, ...base.map(([k]) => [k, '2'] as [string, string])]),
			contentType: FORM
		}
	];
	const single: Payload[] = names.map((name) => ({
		label: `without ${name}`,
		body: urlencoded(base.filter(([k]) => k !== name)),
		contentType: FORM
	}));
	for (let i = seed; single.length < budget * 3 && names.length; i += 7) {
		const name = names[i % names.length];
		const junk = JUNK[i % JUNK.length];
		single.push({
			label: `${name}=${JSON.stringify(junk.slice(0, 30))}`,
			body: urlencoded(base.map(([k, v]) => [k, k === name ? junk : v])),
			contentType: FORM
		});
	}
	// Interleave: one kind, one single-field variant, … so a small budget still mixes both.
	const out: Payload[] = [];
	for (let i = 0; out.length < budget && (i < kinds.length || i < single.length); i++) {
		if (i < kinds.length) out.push(kinds[(i + seed) % kinds.length]);
		if (out.length < budget && i < single.length) out.push(single[i]);
	}
	return out;
}

/** Forms of an HTML page: action name → field name → value the page rendered. */
function formsIn(html: string): Map<string, Map<string, string>> {
	const forms = new Map<string, Map<string, string>>();
	for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
		const attrs = match[1];
		const action = /\baction="([^"]*)"/.exec(attrs)?.[1] ?? '';
		if (!/\bmethod="post"/i.test(attrs)) continue;
		const name = action.startsWith('?/')
			? action.slice(2)
			: action === '' || action === '?'
				? 'default'
				: null;
		if (!name) continue;
		const fields = forms.get(name) ?? new Map<string, string>();
		const inner = match[2];
		for (const input of inner.matchAll(/<input\b([^>]*)>/g)) {
			const field = /\bname="([^"]+)"/.exec(input[1])?.[1];
			if (!field || fields.has(field)) continue;
			fields.set(field, visibleText(/\bvalue="([^"]*)"/.exec(input[1])?.[1] ?? ''));
		}
		for (const select of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
			const field = /\bname="([^"]+)"/.exec(select[1])?.[1];
			const option = /<option\b[^>]*\bvalue="([^"]*)"/.exec(select[2])?.[1] ?? '';
			if (field && !fields.has(field)) fields.set(field, visibleText(option));
		}
		for (const area of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
			const field = /\bname="([^"]+)"/.exec(area[1])?.[1];
			if (field && !fields.has(field)) fields.set(field, visibleText(area[2]));
		}
		forms.set(name, fields);
	}
	return forms;
}

function paramsFor(world: OrgWorld): Record<string, string> {
	return {
		org: world.orgId,
		team: world.teamId,
		assessment: world.running.id,
		code: world.running.code,
		id: world.invitationId,
		token: 'kein-gueltiges-token',
		action: world.actionId
	};
}

const JUNK_PARAMS: Record<string, string>[] = [
	{ all: "' OR 1=1 --" },
	{ all: 'x'.repeat(3000) },
	{ all: '\u00e4\u0000\u202e<script>' },
	{ all: '..' }
];

function junkParams(route: RouteInfo, variant: number): Record<string, string> {
	const value = JUNK_PARAMS[variant % JUNK_PARAMS.length].all;
	return Object.fromEntries(route.params.map((p) => [p, value]));
}

/** Sends one request and checks the answer; records findings instead of throwing. */
async function probe(
	client: Browserless,
	method: string,
	path: string,
	payload: Payload | null,
	accept = 'text/html'
): Promise<number> {
	const headers: Record<string, string> = {
		accept,
		origin: server.url,
		cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
	};
	if (payload?.contentType) headers['content-type'] = payload.contentType;
	const label = `${method} ${path.slice(0, 160)} [${payload?.label ?? 'no body'}] as ${accept}`;
	stats.requests++;
	if (payload) stats.payloads++;
	let res: RawAnswer;
	try {
		res = await rawRequest(server.url + path, method, headers, payload?.body ?? null);
	} catch (e) {
		findings.push({ request: label, problem: `no answer: ${(e as Error).message}` });
		return 0;
	}
	for (const line of res.setCookies) {
		const [pair] = line.split(';');
		const name = pair.slice(0, pair.indexOf('=')).trim();
		if (/max-age=0/i.test(line)) client.cookies.delete(name);
		else client.cookies.set(name, pair.slice(pair.indexOf('=') + 1).trim());
	}
	const { type, body } = res;
	if (res.status >= 500) {
		findings.push({ request: label, problem: `status ${res.status}: ${body.slice(0, 300)}` });
	}
	if (type.includes('html')) {
		for (const x of XSS) {
			if (body.includes(x)) findings.push({ request: label, problem: `unescaped ${x}` });
		}
	}
	const requestDone = performance.now();
	const after = await currentHash();
	hashTime += performance.now() - requestDone;
	if (res.status >= 400 && res.status < 500) {
		stats.rejected++;
		const leaks = leaksIn(body);
		if (leaks.length) {
			findings.push({
				request: label,
				problem: `leaks ${leaks.join(', ')}: ${body.slice(0, 300)}`
			});
		}
		const text = errorTextOf(body, type);
		if (!catalogueMessageIn(text)) {
			findings.push({
				request: label,
				problem: `${res.status} without a catalogue message (${type}): ${text.slice(0, 200)}`
			});
		}
		if (after !== lastHash) {
			findings.push({ request: label, problem: `rejected (${res.status}) but data changed` });
		}
	}
	lastHash = after;
	return res.status;
}

/** Fresh copy of a role's client; signs in again when a request ended the session. */
async function clientOf(role: Role): Promise<Browserless> {
	let proto = prototypes.get(role)!;
	const login = logins.get(role);
	if (login && !hasSession(proto)) {
		proto = await signedIn(server.url, login);
		prototypes.set(role, proto);
	}
	return cloneClient(proto);
}

async function afterRequest(role: Role, client: Browserless) {
	// Signing out (abmelden) revokes the session on the server: start a new one.
	if (logins.has(role) && !hasSession(client)) {
		prototypes.set(role, await signedIn(server.url, logins.get(role)!));
	}
}

const t0 = Date.now();
/** Progress lines for a slow run (FUZZ_TRACE=<file>). */
function trace(what: string) {
	if (process.env.FUZZ_TRACE) {
		appendFileSync(
			process.env.FUZZ_TRACE,
			`${Date.now() - t0} ms ${stats.requests} req, hash ${Math.round(hashTime)} ms / ${hashCount}: ${what}\n`
		);
	}
}

/** Checks that a signed-in role still has a working session; signs in again and notes it if not. */
async function ensureSession(role: Role, after: string) {
	const login = logins.get(role);
	if (!login) return;
	const res = await prototypes.get(role)!.get('/dashboard');
	await res.body?.cancel();
	if (res.status !== 200) {
		sessionLosses.push(`${role} after ${after}`);
		prototypes.set(role, await signedIn(server.url, login));
	}
}

/** Renders every page as each role (and every step of the control view) to learn the forms. */
async function discoverForms(): Promise<Map<string, Map<string, string>>> {
	const found = new Map<string, Map<string, string>>();
	const visit = async (client: Browserless, route: RouteInfo, params: Record<string, string>) => {
		const res = await client.get(
			fillRoute(route.id, params) + (route.id === '/teams/neu' ? `?org=${demo.orgId}` : '')
		);
		if (res.status !== 200 || !(res.headers.get('content-type') ?? '').includes('html')) {
			await res.body?.cancel();
			return;
		}
		for (const [action, fields] of formsIn(await res.text())) {
			const key = `${route.id}#${action}`;
			const known = found.get(key) ?? new Map<string, string>();
			for (const [k, v] of fields) if (!known.has(k)) known.set(k, v);
			found.set(key, known);
		}
	};
	const pages = routes.filter((r) => r.page && r.actions.length);
	for (const role of ['admin', 'facilitator', 'participant', 'anonymous'] as Role[]) {
		for (const route of pages) await visit(await clientOf(role), route, paramsFor(demo));
	}
	// The control view renders only the forms of the current step: walk through all of them,
	// with every rating step revealed, then put the assessment back.
	const steuern = routes.find((r) => r.id.endsWith('/steuern'));
	if (steuern) {
		await dbc.execute({
			sql: 'update assessment set revealed_steps = ? where id = ?',
			args: [JSON.stringify([...STEP_KEYS]), demo.running.id]
		});
		for (const step of STEP_KEYS) {
			await dbc.execute({
				sql: 'update assessment set current_step = ? where id = ?',
				args: [step, demo.running.id]
			});
			await visit(await clientOf('admin'), steuern, paramsFor(demo));
		}
		await dbc.execute({
			sql: "update assessment set current_step = 'pyramide', revealed_steps = '[]' where id = ?",
			args: [demo.running.id]
		});
	}
	return found;
}

beforeAll(async () => {
	demo = await seedDemoOrg();
	other = await seedFixtureOrg('andere');
	JUNK.push(
		other.orgId,
		other.teamId,
		other.running.id,
		other.actionId,
		other.participantId,
		other.noteId,
		other.memberIds[0],
		other.invitationId
	);
	server = await startServer(
		{ RATE_LIMIT_FACTOR: '1000', BODY_SIZE_LIMIT: '11M', SIGNUP: 'open' },
		{ databaseUrl: process.env.DATABASE_URL! }
	);
	dbc = await openDatabase(process.env.DATABASE_URL!);
	routes = listRoutes();
	logins.set('admin', demo.logins.owner!);
	logins.set('facilitator', demo.logins.facilitator!);
	prototypes.set('admin', await signedIn(server.url, demo.logins.owner!));
	prototypes.set('facilitator', await signedIn(server.url, demo.logins.facilitator!));
	prototypes.set('anonymous', new Browserless(server.url));
	prototypes.set('participant', await joinedParticipant(server.url, demo.running.code));
	lastHash = '';
	lastHash = await currentHash();
}, 180_000);

afterAll(async () => {
	dbc?.close();
	await server?.stop();
});

describe('fuzzing every action and endpoint of the route tree', () => {
	it('answers malformed requests with a 4xx and a catalogue message, and changes nothing then', async () => {
		const forms = await discoverForms();
		const allFields = new Map<string, string>();
		for (const fields of forms.values()) for (const [k, v] of fields) allFields.set(k, v);

		// Order matters only for destructive successes: the admin (who may delete and remove
		// members) comes last, the anonymous client and the participant first.
		const order: Role[] = ['anonymous', 'participant', 'facilitator', 'admin'];
		const fullBudget: Record<Role, number> = {
			anonymous: 4,
			participant: 4,
			facilitator: 12,
			admin: 13
		};

		for (const role of order) {
			// Form actions.
			for (const route of routes.filter((r) => r.actions.length)) {
				for (const action of route.actions) {
					stats.actionTargets++;
					const discovered = forms.get(`${route.id}#${action}`);
					// An action no page rendered (e.g. only in some state) gets a sample of all fields.
					const fields =
						discovered && discovered.size
							? discovered
							: new Map(
									[...allFields].filter((_, i) => i % 9 === route.actions.indexOf(action) % 9)
								);
					const ownCode = route.id.startsWith('/p/');
					const budget = role === 'participant' && ownCode ? 16 : fullBudget[role];
					const payloads = payloadsFor(fields, budget, route.id.length + action.length);
					const query = action === 'default' ? '' : `?/${action}`;
					const extra = route.id === '/teams/neu' ? `${query ? '&' : '?'}org=${demo.orgId}` : '';
					for (const [n, payload] of payloads.entries()) {
						// Mostly the own organisation's ids; every fifth request the other one's, then junk.
						const params =
							n % 5 === 3
								? paramsFor(other)
								: n % 5 === 4 && route.params.length
									? junkParams(route, n)
									: paramsFor(demo);
						const client = await clientOf(role);
						const accept = n % 4 === 1 ? 'application/json' : 'text/html';
						await probe(
							client,
							'POST',
							fillRoute(route.id, params) + query + extra,
							payload,
							accept
						);
						await afterRequest(role, client);
					}
					await ensureSession(role, `${route.id} ?/${action}`);
					trace(`${role} ${route.id} ?/${action}`);
				}
			}
			// Endpoints (every exported method) and pages (GET): own ids, the other organisation's
			// ids, junk ids and junk query parameters; HTML and JSON clients alternate.
			const signedInRole = logins.has(role);
			for (const [r, route] of routes.filter((x) => x.methods.length || x.page).entries()) {
				stats.endpointTargets++;
				const methods = route.methods.length ? route.methods : ['GET'];
				for (const method of methods) {
					const variants: { params: Record<string, string>; query: string }[] = [
						{ params: paramsFor(demo), query: '' },
						{ params: paramsFor(other), query: '' },
						{
							params: paramsFor(demo),
							query: `?org=${encodeURIComponent(JUNK[(r * 3) % JUNK.length])}&a=${other.closed.id}&b=-1&redirectTo=//evil.example&code=%00`
						}
					];
					if (route.params.length) variants.push({ params: junkParams(route, r), query: '' });
					for (const [n, v] of variants.entries()) {
						if (!signedInRole && n === 2) continue;
						const payload =
							method === 'GET' || method === 'HEAD'
								? null
								: payloadsFor(allFields, 10, r + n)[(r + n) % 10];
						const client = await clientOf(role);
						const accept = (r + n) % 2 ? 'application/json' : 'text/html';
						await probe(client, method, fillRoute(route.id, v.params) + v.query, payload, accept);
						await afterRequest(role, client);
					}
					trace(`${role} ${method} ${route.id}`);
				}
			}
		}

		console.info('[fuzz] sessions lost:', sessionLosses);
		console.info(
			`[fuzz] ${stats.requests} requests, ${stats.payloads} malformed bodies, ` +
				`${stats.actionTargets / order.length} form actions and ` +
				`${stats.endpointTargets / order.length} pages/endpoints × ${order.length} roles, ` +
				`${stats.rejected} rejected with 4xx, ${findings.length} findings`
		);
		expect(stats.payloads).toBeGreaterThanOrEqual(1000);
		// Grouped: one line per kind of problem and route, with a count and an example request.
		const groups = new Map<string, { count: number; example: string }>();
		for (const f of findings) {
			const route = f.request
				.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id')
				.replace(/\/p\/[A-Z0-9]{8}/g, '/p/:code')
				.split(' [')[0];
			const key = `${f.problem.split(':')[0].slice(0, 80)} — ${route}`;
			const group = groups.get(key) ?? {
				count: 0,
				example: `${f.request}: ${f.problem.slice(0, 160)}`
			};
			group.count++;
			groups.set(key, group);
		}
		expect([...groups].map(([k, g]) => `${g.count}× ${k} | e.g. ${g.example}`)).toEqual([]);
	}, 600_000);

	it('escapes a team name with markup on the team page it is shown on', async () => {
		const admin = await clientOf('admin');
		const created = await admin.post(`/teams/neu?org=${demo.orgId}`, {
			name: '<script>alert(1)</script>',
			place: '"><img src=x onerror=alert(1)>'
		});
		expect(created.status).toBe(303);
		const page = await admin.get(created.headers.get('location')!);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).not.toContain('<script>alert(1)</script>');
		expect(html).not.toContain('<img src=x onerror=alert(1)>');
		expect(html).toContain('&lt;script>alert(1)&lt;/script>');
		const dashboard = await (await admin.get('/dashboard')).text();
		expect(dashboard).not.toContain('<script>alert(1)</script>');
		expect(dashboard).toContain('&lt;script>alert(1)&lt;/script>');
	});
});

describe('the checksum the fuzzing relies on', () => {
	it('changes with one changed cell of a domain table, not with a new session row', async () => {
		const before = (await domainChecksum(dbc)).hash;
		await dbc.execute({
			sql: 'update team set description = description || ? where id = ?',
			args: ['.', demo.teamId]
		});
		const changed = (await domainChecksum(dbc)).hash;
		expect(changed).not.toBe(before);
		await signedIn(server.url, demo.logins.manager!);
		expect((await domainChecksum(dbc)).hash).toBe(changed);
	});
});
