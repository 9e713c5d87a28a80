import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { db } from '../db';
import * as s from '../db/schema';
import { seedDemoData, DEMO_TEAM } from '../demo';
import { createOrganization, migrated, type TestOrganization } from '../testing/fixtures';
import {
	exportTeam,
	importErrorMessage,
	importTeam,
	parseTeamExport,
	type TeamExport
} from './team-json';

const TABLES = [
	'team',
	'assessment',
	'participant',
	'rating',
	'consensus',
	'team_entry',
	'assessment_question',
	'reflection_note',
	'team_answer',
	'action',
	'action_note'
];

async function rowCounts(): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const table of TABLES) {
		const [row] = await db.all<{ n: number }>(sql.raw(`select count(*) as n from ${table}`));
		counts[table] = Number(row.n);
	}
	return counts;
}

/** Replaces every id of the document by its position of first appearance (#1, #2, …). */
function withoutIds(doc: TeamExport): string {
	const ids: string[] = [doc.team.id];
	for (const a of doc.assessments) {
		ids.push(a.id);
		for (const p of a.participants) ids.push(p.id);
		for (const q of a.questions) ids.push(q.id);
		for (const n of a.reflectionNotes) ids.push(n.id);
		for (const x of a.actions) {
			ids.push(x.id);
			for (const n of x.notes) ids.push(n.id);
		}
	}
	let json = JSON.stringify({ ...doc, exportedAt: '' });
	ids.forEach((id, i) => {
		json = json.replaceAll(id, `#${i + 1}`);
	});
	return json;
}

let demoTeamId: string;
let target: TestOrganization;

beforeAll(async () => {
	await migrated();
	await seedDemoData();
	const [row] = await db.select().from(s.team).where(eq(s.team.name, DEMO_TEAM));
	demoTeamId = row.id;
	target = await createOrganization('ziel');
	// An own question of the newest assessment, answered by the team and a participant.
	const [newest] = await db.select().from(s.assessment).where(eq(s.assessment.date, '2026-11-12'));
	const [someone] = await db
		.select()
		.from(s.participant)
		.where(eq(s.participant.assessmentId, newest.id))
		.limit(1);
	await db.insert(s.assessmentQuestion).values({
		id: 'eigene-frage',
		assessmentId: newest.id,
		text: 'Was nehmen wir uns für den Winter vor?'
	});
	await db.insert(s.teamAnswer).values({
		assessmentId: newest.id,
		questionKey: 'asmt:eigene-frage',
		text: 'Einen Adventsmarkt mit der Kita.'
	});
	await db.insert(s.reflectionNote).values({
		id: 'notiz-winter',
		assessmentId: newest.id,
		participantId: someone.id,
		questionKey: 'asmt:eigene-frage',
		text: 'Lichterfest!',
		released: true
	});
});

describe('team export', () => {
	it('holds everything the demo team owns, anonymously', async () => {
		const doc = await exportTeam(demoTeamId, new Date('2026-12-01T10:00:00Z'));
		expect(doc.format).toBe('sorgekompass-team');
		expect(doc.version).toBe(1);
		expect(doc.exportedAt).toBe('2026-12-01T10:00:00.000Z');
		expect(doc.team.name).toBe('Quartiersprojekt Beispielstadt');
		expect(doc.assessments.map((a) => a.date)).toEqual(['2025-11-13', '2026-05-21', '2026-11-12']);
		const [first, , third] = doc.assessments;
		// 6 participants × 11 items, 9 × 11 in the third
		expect(first.participants).toHaveLength(6);
		expect(first.ratings).toHaveLength(66);
		expect(third.ratings).toHaveLength(99);
		expect(third.consensus).toEqual([
			{
				itemKey: 'level.4',
				itemRevision: 1,
				value: 2,
				reason: 'Die Steuerungsgruppe trifft sich seit dem Sommer regelmäßig mit Betroffenen.'
			}
		]);
		expect(first.actions.map((a) => a.title)).toEqual([
			'Erzählcafé im Gemeindehaus starten',
			'Haustürgespräche in der Nordstraße'
		]);
		expect(first.actions[0].notes[0].text).toBe('Läuft seit Februar, im Schnitt 14 Gäste.');
		// Answers carry the question's wording even where the database stored none.
		const answer = third.teamAnswers.find((t) => t.questionKey === 'question.isolation');
		expect(answer?.questionText).toBe(
			'Wer ist bei uns sozial isoliert? Welche Bevölkerungsgruppen haben es bei uns sehr schwer?'
		);
		expect(first.reflectionNotes.map((n) => [n.text, n.released])).toEqual([
			['Wir reden zu wenig miteinander.', true],
			['Ältere Menschen in den Hochhäusern.', false]
		]);
		// No nicknames, resume codes, join codes or user ids leave the installation.
		const json = JSON.stringify(doc);
		for (const word of ['nickname', 'resumeCode', 'joinCode', 'facilitatorId', 'decidedBy']) {
			expect(json).not.toContain(word);
		}
	});
});

describe('team import', () => {
	it('export → import into another organisation → export gives the same content', async () => {
		const before = await exportTeam(demoTeamId);
		const parsed = parseTeamExport(JSON.stringify(before));
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		const { teamId } = await importTeam(target.id, parsed.data);
		expect(teamId).not.toBe(demoTeamId);
		const [imported] = await db.select().from(s.team).where(eq(s.team.id, teamId));
		expect(imported.organizationId).toBe(target.id);

		const after = await exportTeam(teamId);
		expect(after.team.id).not.toBe(before.team.id);
		expect(after.assessments[0].participants[0].id).not.toBe(
			before.assessments[0].participants[0].id
		);
		expect(withoutIds(after)).toBe(withoutIds(before));
		// The own question got a new id, and its answer and note follow it.
		const question = after.assessments[2].questions[0];
		expect(question.id).not.toBe('eigene-frage');
		expect(after.assessments[2].teamAnswers.at(-1)).toEqual({
			questionKey: `asmt:${question.id}`,
			questionText: 'Was nehmen wir uns für den Winter vor?',
			text: 'Einen Adventsmarkt mit der Kita.'
		});
		expect(after.assessments[2].reflectionNotes.at(-1)?.questionKey).toBe(`asmt:${question.id}`);
	});

	it('imported assessments are closed and have no join code', async () => {
		const doc = await exportTeam(demoTeamId);
		doc.assessments[2].status = 'laeuft';
		doc.assessments[2].closedAt = null;
		const { teamId } = await importTeam(target.id, doc, new Date('2026-12-02T08:00:00Z'));
		const rows = await db.select().from(s.assessment).where(eq(s.assessment.teamId, teamId));
		expect(rows).toHaveLength(3);
		for (const row of rows) {
			expect(row.status).toBe('abgeschlossen');
			expect(row.joinCode).toBeNull();
			expect(row.closedAt).not.toBeNull();
		}
	});

	it('the same file imported twice gives two separate teams', async () => {
		const raw = JSON.stringify(await exportTeam(demoTeamId));
		const countBefore = await rowCounts();
		const one = parseTeamExport(raw);
		const two = parseTeamExport(raw);
		if (!one.ok || !two.ok) throw new Error('parse failed');
		const a = await importTeam(target.id, one.data);
		const b = await importTeam(target.id, two.data);
		expect(a.teamId).not.toBe(b.teamId);
		const countAfter = await rowCounts();
		expect(countAfter.team).toBe(countBefore.team + 2);
		expect(countAfter.rating).toBe(countBefore.rating + 2 * (66 + 88 + 99));
	});

	it('refuses bad, truncated and foreign-version files with a clear message', async () => {
		const good = JSON.stringify(await exportTeam(demoTeamId));
		const foreign = JSON.stringify({ ...JSON.parse(good), version: 2 });
		const brokenReference = JSON.parse(good) as TeamExport;
		brokenReference.assessments[1].ratings[5].participantId = 'gibt-es-nicht';
		const badValue = JSON.parse(good) as TeamExport;
		(badValue.assessments[0].ratings[0] as { value: unknown }).value = 7;

		const cases: [string, RegExp][] = [
			[good.slice(0, Math.floor(good.length / 2)), /keine gültige JSON-Datei/],
			['', /wählen Sie eine Export-Datei/],
			['{"hello": "world"}', /kein Team-Export aus Sorgekompass/],
			['[1, 2, 3]', /kein Team-Export aus Sorgekompass/],
			[foreign, /Exportversion 2; diese Installation liest nur Version 1/],
			[
				JSON.stringify(brokenReference),
				/ungültige Angaben \(an der Stelle „assessments\.1\.ratings\.5\.participantId“\)/
			],
			[JSON.stringify(badValue), /assessments\.0\.ratings\.0\.value/]
		];
		for (const [raw, message] of cases) {
			const parsed = parseTeamExport(raw);
			expect(parsed.ok).toBe(false);
			if (!parsed.ok) expect(importErrorMessage(parsed.error)).toMatch(message);
		}
	});

	it('a failure in the middle of the import writes nothing', async () => {
		const doc = await exportTeam(demoTeamId);
		// Two notes of one participant to one question break a unique index late in the batch,
		// after the team, assessments, participants and ratings were queued.
		const notes = doc.assessments[2].reflectionNotes;
		notes.push({ ...notes[0], id: 'zweite-notiz' });
		const before = await rowCounts();
		await expect(importTeam(target.id, doc)).rejects.toThrow();
		expect(await rowCounts()).toEqual(before);
	});
});
