// Joining, resuming and rating through the BUILT server, like a phone without JavaScript.
// Build first: BUILD_DIR=build-… npx vite build
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from './db';
import * as s from './db/schema';
import {
	createAssessment,
	createOrganization,
	createParticipant,
	createTeam,
	migrated
} from './testing/fixtures';
import { Browserless, startServer, type TestServer } from './testing/server';
import { participantCookieName } from './participant-cookie';
import { CODE_ALPHABET, generateCode, normalizeCode } from './participants';

let teamId: string;
let orgId: string;

async function snapshot() {
	const [ratings, participants, assessments] = await Promise.all([
		db.select().from(s.rating).orderBy(s.rating.id),
		db.select().from(s.participant).orderBy(s.participant.id),
		db.select({ id: s.assessment.id, revision: s.assessment.revision }).from(s.assessment)
	]);
	return { ratings, participants, assessments };
}

/** The opening tag of the element with this id in an HTML page. */
function tagWithId(html: string, id: string): string {
	const match = html.match(new RegExp(`<[^>]*\\bid="${id}"[^>]*>`));
	if (!match) throw new Error(`no element #${id}`);
	return match[0];
}

beforeAll(async () => {
	await migrated();
	const org = await createOrganization();
	orgId = org.id;
	teamId = (await createTeam(org.id)).id;
	await db
		.update(s.organizationSettings)
		.set({ privacyNotice: 'Verantwortlich: Testverband e. V., Musterweg 1.' })
		.where(eq(s.organizationSettings.organizationId, org.id));
});

describe('codes', () => {
	it('draws codes of 8 characters from the unambiguous alphabet', () => {
		for (let i = 0; i < 200; i++) {
			const code = generateCode();
			expect(code).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$/);
		}
		expect(CODE_ALPHABET).not.toMatch(/[01IO]/);
	});

	it('normalises typed codes: upper case, without spaces and dashes', () => {
		expect(normalizeCode(' k7qm-4xpa ')).toBe('K7QM4XPA');
		expect(normalizeCode('K7QM 4XPA')).toBe('K7QM4XPA');
	});
});

describe('participant pages through the server', () => {
	let server: TestServer;
	let assessment: s.Assessment;
	let code: string;

	beforeAll(async () => {
		code = generateCode();
		assessment = await createAssessment(teamId, { currentStep: 'pyramide', joinCode: code });
		server = await startServer(
			{ RATE_LIMIT_FACTOR: '1' },
			{ databaseUrl: process.env.DATABASE_URL! }
		);
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('sends the landing form on to the join page of the normalised code', async () => {
		const res = await new Browserless(server.url).get(
			`/p?code=${encodeURIComponent(code.toLowerCase().slice(0, 4) + '-' + code.slice(4))}`
		);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe(`/p/${code}`);
	});

	it('shows the join page with the group question, what is stored and the privacy links', async () => {
		const res = await new Browserless(server.url).get(`/p/${code}`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('Für welche Gruppe sprechen Sie heute?');
		expect(html).toContain('ohne Namen, E-Mail- oder IP-Adresse');
		expect(html).toContain(`href="/p/${code}/datenschutz"`);
		expect(html).toContain(`href="/p/${code}/impressum"`);
		expect(html).not.toContain('Schritt 2 von 4');
	});

	it('shows the organisation privacy notice, and a note where no imprint is provided', async () => {
		const client = new Browserless(server.url);
		expect(await (await client.get(`/p/${code}/datenschutz`)).text()).toContain(
			'Verantwortlich: Testverband e. V., Musterweg 1.'
		);
		expect(await (await client.get(`/p/${code}/impressum`)).text()).toContain(
			'Die Organisation hat hierzu noch keinen Text hinterlegt.'
		);
		expect((await client.get(`/p/ZZZZZZZZ/impressum`)).status).toBe(404);
	});

	it('joins, rates without JavaScript, sees it saved after reload and resumes elsewhere', async () => {
		const phone = new Browserless(server.url);
		const joined = await phone.post(`/p/${code}?/join`, {
			nickname: 'Anna',
			actorGroup: 'actor.vereine'
		});
		expect(joined.status).toBe(303);
		expect(joined.headers.get('location')).toBe(`/p/${code}`);
		const participantId = phone.cookies.get(participantCookieName(assessment.id));
		expect(participantId).toMatch(/^[0-9a-f-]{36}$/);
		const [row] = await db.select().from(s.participant).where(eq(s.participant.id, participantId!));
		expect(row).toMatchObject({ assessmentId: assessment.id, actorGroup: 'actor.vereine' });
		expect(row.resumeCode).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$/);

		let html = await (await phone.get(`/p/${code}`)).text();
		// No earlier assessments, no optional steps: Ankommen, Pyramide, Maßnahmen, Abschluss.
		expect(html).toContain('Schritt 2 von 4');
		expect(html).toContain(`${row.resumeCode.slice(0, 4)} ${row.resumeCode.slice(4)}`);
		expect(tagWithId(html, 'rate-level-1-v2')).not.toMatch(/\bchecked\b/);

		const rated = await phone.post(`/p/${code}?/rate`, {
			itemKey: 'level.1',
			value: '2',
			confidence: 'eher_sicher',
			note: 'Erzählcafé einmal im Monat'
		});
		expect(rated.status).toBe(200);
		html = await (await phone.get(`/p/${code}`)).text();
		expect(tagWithId(html, 'rate-level-1-v2')).toMatch(/\bchecked\b/);
		expect(tagWithId(html, 'rate-level-1-c-eher_sicher')).toMatch(/\bchecked\b/);
		expect(html).toContain('Erzählcafé einmal im Monat');
		expect(html).toContain('gespeichert');

		// Another device continues with the personal code, typed in lower case with a dash.
		const laptop = new Browserless(server.url);
		const typed = `${row.resumeCode.slice(0, 4)}-${row.resumeCode.slice(4)}`.toLowerCase();
		const resumed = await laptop.post(`/p/${code}?/resume`, { resumeCode: typed });
		expect(resumed.status).toBe(303);
		expect(laptop.cookies.get(participantCookieName(assessment.id))).toBe(participantId);
		html = await (await laptop.get(`/p/${code}`)).text();
		expect(tagWithId(html, 'rate-level-1-v2')).toMatch(/\bchecked\b/);

		// "Neue Person an diesem Gerät": the cookie goes, the answers stay.
		const fresh = await laptop.post(`/p/${code}?/neu`);
		expect(fresh.status).toBe(303);
		expect(laptop.cookies.has(participantCookieName(assessment.id))).toBe(false);
		html = await (await laptop.get(`/p/${code}`)).text();
		expect(html).toContain('Für welche Gruppe sprechen Sie heute?');
		expect(
			await db.select().from(s.rating).where(eq(s.rating.participantId, participantId!))
		).toHaveLength(1);
	});

	it('sets and clears the actor tag, and rejects groups that do not exist', async () => {
		const phone = new Browserless(server.url);
		await phone.post(`/p/${code}?/join`, {});
		const id = phone.cookies.get(participantCookieName(assessment.id))!;
		const tagOf = async () =>
			(await db.select().from(s.participant).where(eq(s.participant.id, id)))[0].actorGroup;
		expect(
			(await phone.post(`/p/${code}?/tag`, { actorGroup: 'actor.kommunalpolitik' })).status
		).toBe(200);
		expect(await tagOf()).toBe('actor.kommunalpolitik');
		const bad = await phone.post(`/p/${code}?/tag`, { actorGroup: 'actor.geheimbund' });
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('Bitte wählen Sie eine Gruppe aus der Liste.');
		expect(await tagOf()).toBe('actor.kommunalpolitik');
		expect((await phone.post(`/p/${code}?/tag`, { actorGroup: '' })).status).toBe(200);
		expect(await tagOf()).toBeNull();
	});

	it('answers bad input with a clear message and changes nothing', async () => {
		const phone = new Browserless(server.url);
		await phone.post(`/p/${code}?/join`, {});
		const other = await createAssessment(teamId, {
			currentStep: 'pyramide',
			joinCode: generateCode()
		});
		const stranger = await createParticipant(other.id);
		const closedCode = generateCode();
		const closed = await createAssessment(teamId, {
			currentStep: 'pyramide',
			joinCode: closedCode
		});
		const closedMember = await createParticipant(closed.id);
		await db
			.update(s.assessment)
			.set({ status: 'abgeschlossen', joinCode: null })
			.where(eq(s.assessment.id, closed.id));

		const before = await snapshot();
		const cases: [string, () => Promise<Response>, number, string][] = [
			[
				'a value out of range',
				() => phone.post(`/p/${code}?/rate`, { itemKey: 'level.1', value: '9' }),
				400,
				'Bitte wählen Sie einen Wert von 0 bis 4'
			],
			[
				'an unknown item',
				() => phone.post(`/p/${code}?/rate`, { itemKey: 'level.6', value: '2' }),
				400,
				'Diese Frage gibt es nicht.'
			],
			[
				'an item of another step',
				() => phone.post(`/p/${code}?/rate`, { itemKey: 'trait.raumbezug', value: '2' }),
				409,
				'gehört nicht zum aktuellen Schritt'
			],
			[
				'an over-long note',
				() =>
					phone.post(`/p/${code}?/rate`, {
						itemKey: 'level.1',
						value: '2',
						note: 'x'.repeat(2001)
					}),
				400,
				'höchstens 2000 Zeichen'
			],
			[
				'an unknown actor group',
				() => phone.post(`/p/${code}?/join`, { actorGroup: 'actor.erfunden' }),
				400,
				'Bitte wählen Sie eine Gruppe aus der Liste.'
			],
			[
				'a wrong join code',
				() => phone.post(`/p/ZZZZZZZZ?/rate`, { itemKey: 'level.1', value: '2' }),
				404,
				'Zu diesem Code gibt es keine laufende Standortbestimmung'
			],
			[
				'a wrong resume code',
				() => phone.post(`/p/${code}?/resume`, { resumeCode: 'ZZZZZZZZ' }),
				400,
				'Diesen persönlichen Code gibt es in dieser Standortbestimmung nicht.'
			],
			[
				'a forged cookie with a participant of another assessment',
				() => {
					const forger = new Browserless(server.url);
					forger.cookies.set(participantCookieName(assessment.id), stranger.id);
					return forger.post(`/p/${code}?/rate`, { itemKey: 'level.1', value: '2' });
				},
				403,
				'Bitte treten Sie zuerst bei.'
			],
			[
				'the invalidated code of a closed assessment',
				() => {
					const late = new Browserless(server.url);
					late.cookies.set(participantCookieName(closed.id), closedMember.id);
					return late.post(`/p/${closedCode}?/rate`, { itemKey: 'level.1', value: '2' });
				},
				404,
				'Zu diesem Code gibt es keine laufende Standortbestimmung'
			]
		];
		for (const [what, send, status, message] of cases) {
			const res = await send();
			expect(res.status, what).toBe(status);
			expect(await res.text(), what).toContain(message);
		}
		expect(await snapshot()).toEqual(before);
	});
});

describe('join rate limit', () => {
	let server: TestServer;
	let code: string;

	beforeAll(async () => {
		code = generateCode();
		await createAssessment(teamId, { currentStep: 'ankommen', joinCode: code });
		server = await startServer(
			{ RATE_LIMIT_FACTOR: '1' },
			{ databaseUrl: process.env.DATABASE_URL! }
		);
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('never throttles valid joins from one address, but throttles its wrong codes', async () => {
		const join = async () => {
			const phone = new Browserless(server.url);
			const page = await phone.get(`/p/${code}`);
			const res = await phone.post(`/p/${code}?/join`, {});
			return [page.status, res.status];
		};
		const valid: number[][] = [];
		for (let i = 0; i < 25; i++) valid.push(await join());

		const wrong: number[] = [];
		const prober = new Browserless(server.url);
		for (let i = 0; i < 20; i++) {
			wrong.push((await prober.get(`/p/${generateCode()}`)).status);
		}
		// All requests come from 127.0.0.1: the same address as the valid joins.
		for (let i = 0; i < 25; i++) valid.push(await join());

		expect(valid).toEqual(Array.from({ length: 50 }, () => [200, 303]));
		expect(wrong.slice(0, 10)).toEqual(Array(10).fill(404));
		expect(wrong.slice(10)).toEqual(Array(10).fill(429));
		const blocked = await prober.get(`/p/${generateCode()}`);
		expect(await blocked.text()).toContain('Zu viele Versuche');
		const [a] = await db.select().from(s.assessment).where(eq(s.assessment.joinCode, code));
		const joined = await db
			.select()
			.from(s.participant)
			.where(eq(s.participant.assessmentId, a.id));
		expect(joined).toHaveLength(50);
		expect(orgId).toBeTruthy();
	});
});
