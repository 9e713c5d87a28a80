// The authorisation matrix over every route of the route tree, through the BUILT server:
// role (anonymous, participant of assessment X, member, facilitator, manager, admin, owner)
// × own / other organisation × read (GET of every page and endpoint) / write (POST to every
// form action and non-GET endpoint method). The expected class of every cell comes from the
// POLICY table below, written by hand from the permission each route file asks for. A route
// that is not in the table fails the test: add it to the table.
// Build first: BUILD_DIR=build-… npx vite build
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@libsql/client';
import { fillRoute, listRoutes, type RouteInfo } from '../testing/routes';
import { Browserless, startServer, type TestServer } from '../testing/server';
import {
	cloneClient,
	hasSession,
	joinedParticipant,
	openDatabase,
	rawRequest,
	seedFixtureOrg,
	signedIn,
	type OrgWorld
} from '../testing/hardening';
import type { RoleName } from '../auth/roles';

type Who = 'anonymous' | 'participant' | RoleName;
type Side = 'own' | 'other';
/**
 * 200: answered (page or file); 'signin': 303 to /anmelden; 403; 404; 'redirect': 303 elsewhere;
 * 'passes': the access check let the request through — the action itself answered (2xx, a
 * redirect that is not to sign-in, or a 400/409 refusal of the empty or sample form).
 */
type Cell = 200 | 'signin' | 403 | 404 | 'redirect' | 'passes';
type Rule = (who: Who, side: Side) => Cell;

const WHO: Who[] = [
	'anonymous',
	'participant',
	'member',
	'facilitator',
	'manager',
	'admin',
	'owner'
];
const SIDES: Side[] = ['own', 'other'];

// Which roles hold a permission — by hand, from src/lib/server/auth/roles.ts.
const HOLDERS = {
	'team:read': ['member', 'facilitator', 'manager', 'admin', 'owner'],
	'team:write': ['facilitator', 'admin', 'owner'],
	'team:delete': ['admin', 'owner'],
	'assessment:read': ['member', 'facilitator', 'manager', 'admin', 'owner'],
	'assessment:facilitate': ['facilitator', 'admin', 'owner'],
	'assessment:delete': ['admin', 'owner'],
	'action:write': ['member', 'facilitator', 'manager', 'admin', 'owner'],
	'overview:read': ['manager', 'admin', 'owner'],
	'settings:write': ['admin', 'owner'],
	'export:full': ['facilitator', 'admin', 'owner'],
	'member:manage': ['admin', 'owner'],
	// Two checks in a row or an extra condition in the route file:
	'overview:read+team:write': ['admin', 'owner'],
	'owner only': ['owner']
} as const;
type Need = keyof typeof HOLDERS;

const isAccount = (who: Who) => who !== 'anonymous' && who !== 'participant';

/** requireOrganization / requireTeam / requireAssessment: sign-in, 404 elsewhere, 403 without. */
const needs = (need: Need, granted: Cell): Rule =>
	Object.assign(
		(who: Who, side: Side): Cell => {
			if (!isAccount(who)) return 'signin';
			if (side === 'other') return 404;
			return (HOLDERS[need] as readonly string[]).includes(who) ? granted : 403;
		},
		{ staff: true }
	);
/** Rules of the staff access helper (a participant writing there gets 403, not sign-in). */
const isStaffRule = (rule: Rule) => (rule as Rule & { staff?: boolean }).staff === true;
const everyone =
	(cell: Cell): Rule =>
	() =>
		cell;
/** Pages for people without a session (sign-in, sign-up, landing): signed-in users move on. */
const guestsOnly =
	(guest: Cell): Rule =>
	(who) =>
		isAccount(who) ? 'redirect' : guest;
/** requireUser. */
const accountOnly =
	(cell: Cell): Rule =>
	(who) =>
		isAccount(who) ? cell : 'signin';
/** The participant cookie of this assessment is the access (participant of X, own code only). */
const participantOnly =
	(cell: Cell): Rule =>
	(who, side) =>
		who === 'participant' && side === 'own' ? cell : 403;

interface Policy {
	/** GET of the page or endpoint. */
	read?: Rule;
	/** POST per form action (or per non-GET endpoint method). */
	write?: Record<string, Rule>;
	/** A form that gets the request past validation where the access decision comes later. */
	form?: Record<string, (w: OrgWorld) => Record<string, string>>;
	query?: (w: OrgWorld) => string;
	/** The step the assessment must be at for the write to reach its access check. */
	step?: Record<string, string>;
}

const FACILITATE = needs('assessment:facilitate', 'passes');
const STEUERN_ACTIONS = [
	'start',
	'next',
	'back',
	'goto',
	'reveal',
	'consensus',
	'consensusAll',
	'entries',
	'deleteNote',
	'releaseNote',
	'teamAnswer',
	'addQuestion',
	'removeParticipant',
	'action',
	'actionStatus',
	'regenerateCode',
	'nextDate',
	'timer',
	'close',
	'reopen'
];
const PARTICIPANT_ACTIONS = {
	join: everyone('passes'),
	resume: everyone('passes'),
	neu: everyone('passes'),
	tag: participantOnly(200),
	rate: participantOnly(200),
	note: participantOnly(200)
};

/** Route id → expected cells. Read from each route file's access call. */
const POLICY: Record<string, Policy> = {
	'/': { read: guestsOnly(200) },
	'/abmelden': { read: everyone('redirect'), write: { default: everyone('redirect') } },
	'/anmelden': { read: guestsOnly(200), write: { default: everyone('passes') } },
	'/dashboard': { read: accountOnly(200) },
	'/einladung/[id]': {
		read: everyone(200),
		write: { default: (who) => (isAccount(who) ? 'passes' : 'signin') }
	},
	'/healthz': { read: everyone(200) },
	'/org/[org]/einstellungen': {
		read: needs('settings:write', 200),
		write: { default: needs('settings:write', 'passes') }
	},
	'/org/[org]/fragen': {
		read: needs('settings:write', 200),
		write: Object.fromEntries(
			['add', 'update', 'archive', 'restore'].map((a) => [a, needs('settings:write', 'passes')])
		)
	},
	'/org/[org]/import': {
		read: needs('export:full', 200),
		write: { default: needs('export:full', 'passes') }
	},
	'/org/[org]/loeschen': {
		read: needs('settings:write', 200),
		write: { default: needs('owner only', 'passes') }
	},
	'/org/[org]/mitglieder': {
		read: needs('member:manage', 200),
		write: Object.fromEntries(
			['invite', 'role', 'remove', 'reset', 'cancel'].map((a) => [
				a,
				needs('member:manage', 'passes')
			])
		)
	},
	'/org/[org]/uebersicht': {
		read: needs('overview:read', 200),
		write: { archive: needs('overview:read+team:write', 'passes') },
		form: { archive: (w) => ({ teamId: w.teamId, archived: '0' }) }
	},
	'/p': { read: everyone(200) },
	'/p/[code]': {
		read: everyone(200),
		write: PARTICIPANT_ACTIONS,
		form: {
			tag: () => ({ actorGroup: 'actor.vereine' }),
			rate: () => ({ itemKey: 'level.3', value: '2', confidence: '', note: '' }),
			note: () => ({ questionKey: 'question.zusammenarbeit', text: 'Matrix' })
		},
		step: { note: 'reflexion' }
	},
	'/p/[code]/datenschutz': { read: everyone(200) },
	'/p/[code]/impressum': { read: everyone(200) },
	'/p/[code]/ergebnis': { read: participantOnly(200) },
	'/p/[code]/live': { read: participantOnly(200) },
	'/passwort-neu/[token]': { read: everyone(200), write: { default: everyone('passes') } },
	'/registrieren': { read: guestsOnly(200), write: { default: everyone('passes') } },
	'/sprache': { write: { POST: everyone('redirect') } },
	'/teams/[team]': { read: needs('team:read', 200) },
	'/teams/[team]/assessments/[assessment]': {
		read: needs('assessment:read', 200),
		write: { share: FACILITATE }
	},
	'/teams/[team]/assessments/[assessment]/aktionsplan.pdf': { read: needs('assessment:read', 200) },
	'/teams/[team]/assessments/[assessment]/bewertungen.csv': { read: needs('assessment:read', 200) },
	// The printable paper sheet and the projector view: anyone who may read the assessment.
	'/teams/[team]/assessments/[assessment]/bogen': { read: needs('assessment:read', 200) },
	'/teams/[team]/assessments/[assessment]/leinwand': { read: needs('assessment:read', 200) },
	// Typing in paper sheets is facilitation.
	'/teams/[team]/assessments/[assessment]/papier': {
		read: needs('assessment:facilitate', 200),
		write: { default: FACILITATE }
	},
	'/teams/[team]/assessments/[assessment]/ergebnis.json': { read: needs('assessment:read', 200) },
	'/teams/[team]/assessments/[assessment]/live': { read: needs('assessment:read', 200) },
	'/teams/[team]/assessments/[assessment]/loeschen': {
		read: needs('assessment:delete', 200),
		write: { default: needs('assessment:delete', 'passes') }
	},
	'/teams/[team]/assessments/[assessment]/massnahmen.csv': { read: needs('assessment:read', 200) },
	'/teams/[team]/assessments/[assessment]/qr.svg': { read: needs('assessment:read', 200) },
	'/teams/[team]/assessments/[assessment]/steuern': {
		read: needs('assessment:facilitate', 200),
		write: Object.fromEntries(STEUERN_ACTIONS.map((a) => [a, FACILITATE]))
	},
	'/teams/[team]/assessments/[assessment]/teamwerte.csv': { read: needs('assessment:read', 200) },
	'/teams/[team]/assessments/neu': {
		read: needs('assessment:facilitate', 200),
		write: { default: needs('assessment:facilitate', 'passes') }
	},
	'/teams/[team]/bewertungen.csv': { read: needs('team:read', 200) },
	'/teams/[team]/export.json': { read: needs('export:full', 200) },
	'/teams/[team]/loeschen': {
		read: needs('team:delete', 200),
		write: { default: needs('team:delete', 'passes') }
	},
	'/teams/[team]/massnahmen': {
		read: needs('team:read', 200),
		write: { status: needs('action:write', 'passes'), note: needs('action:write', 'passes') }
	},
	'/teams/[team]/massnahmen.csv': { read: needs('team:read', 200) },
	'/teams/[team]/massnahmen/[action]/review.ics': { read: needs('team:read', 200) },
	'/teams/[team]/naechster-termin.ics': { read: needs('team:read', 200) },
	'/teams/[team]/teamwerte.csv': { read: needs('team:read', 200) },
	'/teams/[team]/vergleich': { read: needs('team:read', 200) },
	'/teams/[team]/verlauf': { read: needs('team:read', 200) },
	'/teams/neu': {
		read: needs('team:write', 200),
		write: { default: needs('team:write', 'passes') },
		query: (w) => `?org=${w.orgId}`
	}
};

let server: TestServer;
let dbc: Client;
let A: OrgWorld;
let B: OrgWorld;
let routes: RouteInfo[];
const clients = new Map<Who, Browserless>();

function paramsOf(w: OrgWorld): Record<string, string> {
	return {
		org: w.orgId,
		team: w.teamId,
		assessment: w.running.id,
		code: w.running.code,
		id: w.invitationId,
		token: 'kein-gueltiges-token',
		action: w.actionId
	};
}

function classify(status: number, location: string | undefined): Cell | `status ${number}` {
	if (status === 303 || status === 302 || status === 307) {
		return location?.startsWith('/anmelden') ? 'signin' : 'redirect';
	}
	if (status === 200 || status === 403 || status === 404) return status;
	return `status ${status}`;
}

function matches(expected: Cell, status: number, location: string | undefined): boolean {
	const got = classify(status, location);
	if (expected === 'passes') {
		return got === 'redirect' || [200, 204, 400, 409].includes(status);
	}
	return got === expected;
}

async function clientFor(who: Who): Promise<Browserless> {
	const proto = clients.get(who)!;
	return cloneClient(proto);
}

/** Puts back what an allowed write with an empty form may have changed (step, code, status). */
async function restore(who: Who) {
	for (const w of [A, B]) {
		await dbc.execute({
			sql: `update assessment set status = 'laeuft', join_code = ?, current_step = 'pyramide',
				revealed_steps = '[]', results_shared = 1 where id = ?`,
			args: [w.running.code, w.running.id]
		});
	}
	// The write may have ended the writer's session (abmelden): sign that role in again.
	if (!isAccount(who)) return;
	const res = await clients.get(who)!.get('/dashboard');
	await res.body?.cancel();
	if (res.status !== 200) clients.set(who, await signedIn(server.url, A.logins[who as RoleName]!));
}

beforeAll(async () => {
	A = await seedFixtureOrg('eigen');
	B = await seedFixtureOrg('fremd');
	server = await startServer(
		{ RATE_LIMIT_FACTOR: '1000', SIGNUP: 'open' },
		{ databaseUrl: process.env.DATABASE_URL! }
	);
	dbc = await openDatabase(process.env.DATABASE_URL!);
	routes = listRoutes();
	clients.set('anonymous', new Browserless(server.url));
	// Results of X are shared, so that its participant may read them.
	await dbc.execute({
		sql: 'update assessment set results_shared = 1 where id in (?, ?)',
		args: [A.running.id, B.running.id]
	});
	clients.set('participant', await joinedParticipant(server.url, A.running.code));
	for (const who of WHO) {
		if (isAccount(who)) clients.set(who, await signedIn(server.url, A.logins[who as RoleName]!));
	}
}, 120_000);

afterAll(async () => {
	dbc?.close();
	await server?.stop();
});

describe('authorisation matrix over the route tree', () => {
	it('has a policy for every route, action and method (and none for routes that are gone)', () => {
		const missing: string[] = [];
		for (const route of routes) {
			const policy = POLICY[route.id];
			if (!policy) {
				missing.push(`${route.id}: add this route to the policy table in authz.spec.ts`);
				continue;
			}
			const reads = route.page || route.methods.includes('GET');
			if (reads && !policy.read) missing.push(`${route.id}: add a read rule to the policy table`);
			for (const key of [...route.actions, ...route.methods.filter((m) => m !== 'GET')]) {
				if (!policy.write?.[key]) {
					missing.push(`${route.id} ${key}: add this action to the policy table in authz.spec.ts`);
				}
			}
		}
		const known = new Set(routes.map((r) => r.id));
		const stale = Object.keys(POLICY).filter((id) => !known.has(id));
		expect(missing).toEqual([]);
		expect(stale, 'policy entries for routes that no longer exist').toEqual([]);
	});

	it('answers every cell (role × own/other organisation × read/write) as the policy says', async () => {
		const wrong: string[] = [];
		let cells = 0;
		const check = async (
			route: RouteInfo,
			kind: string,
			rule: Rule,
			request: (
				client: Browserless,
				w: OrgWorld,
				who: Who
			) => Promise<{ status: number; location?: string }>
		) => {
			for (const who of WHO) {
				for (const side of SIDES) {
					const w = side === 'own' ? A : B;
					const expected = rule(who, side);
					const client = await clientFor(who);
					const { status, location } = await request(client, w, who);
					cells++;
					if (!matches(expected, status, location)) {
						wrong.push(
							`${kind} ${route.id} as ${who} (${side}): expected ${expected}, got ${status}${location ? ` → ${location}` : ''}`
						);
					}
				}
			}
		};

		// Reads first (they change nothing) …
		for (const route of routes) {
			const policy = POLICY[route.id];
			if (!policy?.read || !(route.page || route.methods.includes('GET'))) continue;
			await check(route, 'GET', policy.read, async (client, w) => {
				const path = fillRoute(route.id, paramsOf(w)) + (policy.query?.(w) ?? '');
				const res = await rawRequest(server.url + path, 'GET', {
					accept: 'text/html',
					cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
				});
				return { status: res.status, location: res.location };
			});
		}
		// … then writes, each followed by putting back what it may have changed.
		for (const route of routes) {
			const policy = POLICY[route.id];
			const keys = [...route.actions, ...route.methods.filter((m) => m !== 'GET')];
			for (const key of keys) {
				const given = policy?.write?.[key];
				if (!given) continue;
				// A participant (no account) writing to a staff route is refused outright.
				const rule: Rule = (who, side) => {
					const cell = given(who, side);
					return isStaffRule(given) && who === 'participant' && cell === 'signin' ? 403 : cell;
				};
				await check(route, `POST ${key}`, rule, async (client, w, who) => {
					const isAction = route.actions.includes(key);
					const query =
						(isAction && key !== 'default' ? `?/${key}` : '') +
						(policy.query
							? (isAction && key !== 'default' ? '&' : '?') + policy.query(w).slice(1)
							: '');
					const fields = policy.form?.[key]?.(w) ?? {};
					const step = policy.step?.[key];
					if (step) {
						await dbc.execute({
							sql: 'update assessment set current_step = ? where id = ?',
							args: [step, w.running.id]
						});
					}
					const res = await client.post(fillRoute(route.id, paramsOf(w)) + query, fields);
					await res.body?.cancel();
					await restore(who);
					return { status: res.status, location: res.headers.get('location') ?? undefined };
				});
			}
		}
		console.info(`[authz] ${routes.length} routes, ${cells} cells asserted, ${wrong.length} wrong`);
		expect(wrong).toEqual([]);
		expect(cells).toBeGreaterThan(500);
	}, 300_000);
});

// The participant client must really be a participant (else its cells prove nothing).
describe('matrix clients', () => {
	it('the participant of X holds X’s participant cookie, the accounts hold sessions', () => {
		expect([...clients.get('participant')!.cookies.keys()].some((k) => k.startsWith('sk_p_'))).toBe(
			true
		);
		for (const who of WHO.filter(isAccount)) expect(hasSession(clients.get(who)!)).toBe(true);
	});
});
