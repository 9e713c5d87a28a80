// The demo seed on a fresh database: organisation, team, three closed assessments, actions in
// every status, the demo logins — and nothing that looks like a real person's data.
import { beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { verifyPassword } from 'better-auth/crypto';
import { db } from './db';
import * as s from './db/schema';
import { hasAnyOrganization, seedDemoData } from './demo';
import { migrated } from './testing/fixtures';

beforeAll(async () => {
	await migrated();
	expect(await hasAnyOrganization()).toBe(false);
	await seedDemoData();
});

describe('seedDemoData()', () => {
	it('writes one organisation "Demo-Verband" with the team "Quartiersprojekt Beispielstadt"', async () => {
		const orgs = await db.select().from(s.organization);
		expect(orgs.map((o) => o.name)).toEqual(['Demo-Verband']);
		const teams = await db.select().from(s.team);
		expect(teams).toHaveLength(1);
		expect(teams[0].name).toBe('Quartiersprojekt Beispielstadt');
		expect(teams[0].organizationId).toBe(orgs[0].id);
		expect(await hasAnyOrganization()).toBe(true);
	});

	it('writes three closed assessments on 13.11.2025, 21.05.2026, 12.11.2026 with 6, 8 and 9 participants', async () => {
		const rows = await db.select().from(s.assessment).orderBy(asc(s.assessment.date));
		expect(rows.map((a) => a.date)).toEqual(['2025-11-13', '2026-05-21', '2026-11-12']);
		expect(rows.map((a) => a.status)).toEqual(['abgeschlossen', 'abgeschlossen', 'abgeschlossen']);
		const counts: number[] = [];
		for (const a of rows) {
			const people = await db
				.select()
				.from(s.participant)
				.where(eq(s.participant.assessmentId, a.id));
			counts.push(people.length);
			// Every participant rated the five levels and the six characteristics.
			const ratings = await db.select().from(s.rating).where(eq(s.rating.assessmentId, a.id));
			expect(ratings).toHaveLength(people.length * 11);
		}
		expect(counts).toEqual([6, 8, 9]);
	});

	it('has actions in every status: offen, laeuft, erledigt, verworfen', async () => {
		const actions = await db.select().from(s.action);
		const statuses = new Set(actions.map((a) => a.status));
		expect([...statuses].sort()).toEqual(['erledigt', 'laeuft', 'offen', 'verworfen']);
	});

	it('creates the demo logins with their roles and the documented password', async () => {
		const rows = await db
			.select({ email: s.user.email, role: s.member.role, hash: s.account.password })
			.from(s.user)
			.innerJoin(s.member, eq(s.member.userId, s.user.id))
			.innerJoin(s.account, eq(s.account.userId, s.user.id))
			.orderBy(asc(s.user.email));
		expect(rows.map((r) => [r.email, r.role])).toEqual([
			['admin@demo.sorgekompass.invalid', 'owner'],
			['leitung@demo.sorgekompass.invalid', 'manager'],
			['moderation@demo.sorgekompass.invalid', 'facilitator']
		]);
		for (const r of rows) {
			expect(await verifyPassword({ hash: r.hash!, password: 'demo-passwort' })).toBe(true);
			expect(await verifyPassword({ hash: r.hash!, password: 'falsches-passwort' })).toBe(false);
		}
	});

	it('holds no real-looking personal data: every email ends in .invalid, participants are anonymous', async () => {
		const users = await db.select({ email: s.user.email }).from(s.user);
		expect(users.length).toBeGreaterThan(0);
		for (const u of users) expect(u.email).toMatch(/\.invalid$/);
		const invitations = await db.select({ email: s.invitation.email }).from(s.invitation);
		for (const i of invitations) expect(i.email).toMatch(/\.invalid$/);
		const participants = await db.select({ nickname: s.participant.nickname }).from(s.participant);
		expect(participants.every((p) => p.nickname === null)).toBe(true);
	});
});
