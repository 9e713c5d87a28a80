// Shared pieces of the hardening tests (fuzzing, authorisation matrix, crash, privacy):
// a seeded world of two organisations, the message catalogues, leak detection and a
// checksum of every domain table read through the test's own database connection.
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import * as s from '../db/schema';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TEAM, seedDemoData } from '../demo';
import { generateCode } from '../participants';
import type { RoleName } from '../auth/roles';
import {
	createAssessment,
	createOrganization,
	createParticipant,
	createRating,
	createTeam,
	migrated,
	TEST_PASSWORD
} from './fixtures';
import { Browserless } from './server';

export interface Login {
	email: string;
	password: string;
}

/** One organisation with a team, a running and a closed assessment and some data in them. */
export interface OrgWorld {
	orgId: string;
	orgName: string;
	logins: Partial<Record<RoleName, Login>>;
	teamId: string;
	running: { id: string; code: string };
	closed: { id: string; code: string };
	/** An action of the team with a review date (for review.ics). */
	actionId: string;
	participantId: string;
	noteId: string;
	memberIds: string[];
	invitationId: string;
}

/** A running assessment, a closed one with next date, an action, a participant and a note. */
async function enrich(
	orgId: string,
	orgName: string,
	teamId: string,
	logins: OrgWorld['logins']
): Promise<OrgWorld> {
	const running = await createAssessment(teamId, {
		title: 'Laufende Standortbestimmung',
		currentStep: 'pyramide',
		joinCode: generateCode(),
		nextDate: '2027-05-04',
		chosenSteps: ['merkmale', 'akteure', 'herausforderungen', 'reflexion']
	});
	const closed = await createAssessment(teamId, {
		title: 'Abgeschlossene Standortbestimmung',
		date: '2026-06-01',
		status: 'abgeschlossen',
		joinCode: generateCode(),
		nextDate: '2027-05-04',
		resultsShared: true,
		closedAt: new Date('2026-06-01T12:00:00Z')
	});
	const actionId = randomUUID();
	await db.insert(s.action).values({
		id: actionId,
		teamId,
		assessmentId: closed.id,
		itemKey: 'level.2',
		title: 'Nachbarschaftscafé anstoßen',
		owner: 'Frau Beispiel',
		dueDate: '2027-01-31',
		reviewDate: '2027-02-15'
	});
	const participant = await createParticipant(running.id, { actorGroup: 'actor.vereine' });
	await createRating(participant, 'level.1', 2, { note: 'Vorhandene Bewertung' });
	const noteId = randomUUID();
	await db.insert(s.reflectionNote).values({
		id: noteId,
		assessmentId: running.id,
		participantId: participant.id,
		questionKey: 'question.zusammenarbeit',
		text: 'Eine vorhandene Notiz'
	});
	const members = await db.select().from(s.member).where(eq(s.member.organizationId, orgId));
	const invitationId = randomUUID();
	await db.insert(s.invitation).values({
		id: invitationId,
		organizationId: orgId,
		email: `eingeladen-${invitationId.slice(0, 6)}@test.invalid`,
		role: 'member',
		status: 'pending',
		expiresAt: new Date(Date.now() + 7 * 24 * 3600_000),
		inviterId: members[0].userId
	});
	return {
		orgId,
		orgName,
		logins,
		teamId,
		running: { id: running.id, code: running.joinCode! },
		closed: { id: closed.id, code: closed.joinCode! },
		actionId,
		participantId: participant.id,
		noteId,
		memberIds: members.map((m) => m.id),
		invitationId
	};
}

/** A fixture organisation (one user per role, password TEST_PASSWORD) with team and data. */
export async function seedFixtureOrg(label: string): Promise<OrgWorld> {
	await migrated();
	const org = await createOrganization(label);
	const team = await createTeam(org.id, `Team ${label}`);
	const logins = Object.fromEntries(
		Object.entries(org.users).map(([role, u]) => [
			role,
			{ email: u.email, password: TEST_PASSWORD }
		])
	) as OrgWorld['logins'];
	return enrich(org.id, org.name, team.id, logins);
}

/** The demo organisation (seedDemoData) plus a running assessment and the extras above. */
export async function seedDemoOrg(): Promise<OrgWorld> {
	await migrated();
	await seedDemoData();
	const [team] = await db.select().from(s.team).where(eq(s.team.name, DEMO_TEAM));
	const [org] = await db
		.select()
		.from(s.organization)
		.where(eq(s.organization.id, team.organizationId));
	const logins = Object.fromEntries(
		DEMO_ACCOUNTS.map((a) => [a.role, { email: a.email, password: DEMO_PASSWORD }])
	) as OrgWorld['logins'];
	return enrich(org.id, org.name, team.id, logins);
}

// ---------------------------------------------------------------- message catalogues

function decodeEntities(text: string): string {
	return text
		.replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
		.replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&nbsp;/g, '\u00a0')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/** The visible text of an HTML document (tags, scripts and styles removed, entities decoded). */
export function visibleText(html: string): string {
	return decodeEntities(
		html
			.replace(/<script[\s\S]*?<\/script>/gi, ' ')
			.replace(/<style[\s\S]*?<\/style>/gi, ' ')
			.replace(/<[^>]+>/g, ' ')
	)
		.replace(/\s+/g, ' ')
		.trim();
}

export interface Catalogue {
	/** key → [de, en] */
	messages: Map<string, string[]>;
	/**
	 * Text pieces that identify a catalogue message: the whole value when it has no parameters,
	 * otherwise its longest literal part between parameters; pieces under 12 characters
	 * ("Speichern") are too common to prove anything and are left out.
	 */
	pieces: string[];
}

let catalogueCache: Catalogue | undefined;

/** Every message of messages/<area>/{de,en}.json. */
export function loadCatalogue(root = resolve('messages')): Catalogue {
	if (catalogueCache) return catalogueCache;
	const messages = new Map<string, string[]>();
	for (const area of readdirSync(root)) {
		for (const locale of ['de', 'en']) {
			let json: Record<string, unknown>;
			try {
				json = JSON.parse(readFileSync(join(root, area, `${locale}.json`), 'utf8'));
			} catch {
				continue;
			}
			for (const [key, value] of Object.entries(json)) {
				if (typeof value !== 'string' || key.startsWith('$')) continue;
				messages.set(key, [...(messages.get(key) ?? []), value]);
			}
		}
	}
	const pieces = new Set<string>();
	for (const values of messages.values()) {
		for (const value of values) {
			const parts = value.split(/\{[^}]*\}/).map((p) => p.replace(/\s+/g, ' ').trim());
			const longest = parts.sort((a, b) => b.length - a.length)[0] ?? '';
			if (longest.length >= 12) pieces.add(longest);
		}
	}
	catalogueCache = { messages, pieces: [...pieces] };
	return catalogueCache;
}

/** The first catalogue message found in a text (already decoded), or undefined. */
export function catalogueMessageIn(text: string, catalogue = loadCatalogue()): string | undefined {
	const flat = text.replace(/\s+/g, ' ');
	return catalogue.pieces.find((p) => flat.includes(p));
}

/**
 * Signs of an internal error text reaching a client: validator output (zod), database errors,
 * stack frames, file paths of the server.
 */
const LEAKS: [string, RegExp][] = [
	['zod error', /ZodError|"code"\s*:\s*"invalid_(type|value|union|format)"|Invalid input:/],
	['database error', /SQLITE_[A-Z]+|SqliteError|LibsqlError|Failed query:|no such (table|column)/],
	[
		'stack frame',
		/\n\s+at [^\n]*\(?[^\n]*:\d+:\d+\)?|\bat (async )?[\w.$<>]+ \((file:|\/)[^)]*:\d+:\d+\)/
	],
	['server path', /\/work\/main|node_modules\/|build-[a-z]+\/server/],
	['raw error name', /\b(TypeError|ReferenceError|RangeError|SyntaxError): /]
];

/** The names of the leak patterns found in an answer body. */
export function leaksIn(body: string): string[] {
	return LEAKS.filter(([, re]) => re.test(body)).map(([name]) => name);
}

/**
 * The message of a 4xx answer as a person would see it: the visible text of an HTML page, or
 * the `message` (or `error.message`, or a failure's `data`) of a JSON answer.
 */
export function errorTextOf(body: string, contentType: string): string {
	if (contentType.includes('json')) {
		try {
			const json = JSON.parse(body) as Record<string, unknown>;
			const parts: string[] = [];
			const collect = (v: unknown) => {
				if (typeof v === 'string') parts.push(v);
				else if (v && typeof v === 'object') Object.values(v).forEach(collect);
			};
			collect(json.message);
			collect((json.error as Record<string, unknown> | undefined)?.message);
			// Form actions answered as JSON carry their failure data serialised (devalue).
			if (typeof json.data === 'string') {
				try {
					collect(JSON.parse(json.data));
				} catch {
					parts.push(json.data);
				}
			}
			return parts.join(' \n ');
		} catch {
			return body;
		}
	}
	if (contentType.includes('html')) return visibleText(body);
	return body;
}

// ---------------------------------------------------------------- database checksum

/**
 * Tables whose changes are bookkeeping, not domain data. `assessment_summary` is a cache of
 * derived scores: any view of a team's history may fill it, also one that ends in a 404.
 */
export const BOOKKEEPING_TABLES = [
	'session',
	'verification',
	'rate_limit',
	'rateLimit',
	'__drizzle_migrations',
	'startup_lock',
	'assessment_summary'
];

/** A second connection to the server's database file, as the tests' own eyes. */
export async function openDatabase(url: string): Promise<Client> {
	const client = createClient({ url });
	await client.execute('PRAGMA busy_timeout = 10000');
	return client;
}

/** SHA-256 over every row of every domain table (ordered by rowid), and the row counts. */
export async function domainChecksum(
	client: Client
): Promise<{ hash: string; counts: Record<string, number> }> {
	const tables = await client.execute(
		"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name"
	);
	const hash = createHash('sha256');
	const counts: Record<string, number> = {};
	for (const row of tables.rows) {
		const name = String(row.name);
		if (BOOKKEEPING_TABLES.includes(name)) continue;
		const rows = await client.execute(`select * from "${name}" order by rowid`);
		counts[name] = rows.rows.length;
		hash.update(name);
		for (const r of rows.rows) {
			hash.update(
				JSON.stringify(Object.values(r), (_, v) => (typeof v === 'bigint' ? String(v) : v))
			);
		}
	}
	return { hash: hash.digest('hex'), counts };
}

// ---------------------------------------------------------------- clients

/** A signed-in form client; the session cookie name of better-auth. */
export const SESSION_COOKIE = /session_token$/;

export async function signedIn(baseUrl: string, login: Login): Promise<Browserless> {
	const client = new Browserless(baseUrl);
	await client.signIn(login.email, login.password);
	return client;
}

/** True when the client still holds a session cookie. */
export function hasSession(client: Browserless): boolean {
	return [...client.cookies.keys()].some((k) => SESSION_COOKIE.test(k));
}

/** A device that joined the assessment with this code (the participant cookie is set). */
export async function joinedParticipant(baseUrl: string, code: string): Promise<Browserless> {
	const phone = new Browserless(baseUrl);
	const res = await phone.post(`/p/${code}?/join`, {});
	if (res.status !== 303) throw new Error(`join failed: ${res.status}`);
	if (![...phone.cookies.keys()].some((k) => k.startsWith('sk_p_'))) {
		throw new Error('join set no participant cookie');
	}
	return phone;
}

/** Copies a client with its cookies (so one request's cookie changes do not leak into the next). */
export function cloneClient(client: Browserless): Browserless {
	const copy = new Browserless(client.baseUrl);
	for (const [k, v] of client.cookies) copy.cookies.set(k, v);
	return copy;
}

// ---------------------------------------------------------------- raw HTTP

export interface RawAnswer {
	status: number;
	type: string;
	location: string | undefined;
	setCookies: string[];
	headers: Record<string, string | string[] | undefined>;
	/** Text bodies only; streams (SSE) and binary downloads are left unread (''). */
	body: string;
}

/**
 * One request on its own connection (no keep-alive), so a server that answers before reading a
 * large body cannot break the next request. Bodies: text, bytes or FormData (sent multipart).
 */
export async function rawRequest(
	url: string,
	method: string,
	headers: Record<string, string>,
	body: string | Buffer | FormData | null = null
): Promise<RawAnswer> {
	const { request } = await import('node:http');
	let bytes: Buffer | undefined;
	const sendHeaders = { ...headers };
	if (body instanceof FormData) {
		const encoded = new Request('http://x/', { method: 'POST', body });
		bytes = Buffer.from(await encoded.arrayBuffer());
		sendHeaders['content-type'] = encoded.headers.get('content-type')!;
	} else if (body !== null) bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
	if (bytes) sendHeaders['content-length'] = String(bytes.length);
	return new Promise((ok, fail) => {
		const req = request(url, { method, headers: sendHeaders, agent: false }, (res) => {
			const type = String(res.headers['content-type'] ?? '');
			const answer: RawAnswer = {
				status: res.statusCode ?? 0,
				type,
				location: res.headers.location,
				setCookies: res.headers['set-cookie'] ?? [],
				headers: res.headers,
				body: ''
			};
			const textual =
				/html|json|text\/plain|text\/csv|calendar|svg/.test(type) && !/event-stream/.test(type);
			if (!textual) {
				res.destroy();
				ok(answer);
				return;
			}
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => ok({ ...answer, body: Buffer.concat(chunks).toString('utf8') }));
			res.on('error', fail);
		});
		req.on('error', fail);
		req.end(bytes);
	});
}
