// Paper sheets on a real database: they count like any other rating, a replayed submit creates
// nothing new, and a closed assessment takes nothing.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from './db';
import * as s from './db/schema';
import {
	createAssessment,
	createOrganization,
	createParticipant,
	createRating,
	createTeam,
	migrated
} from './testing/fixtures';
import { loadAssessmentResults } from './results';
import { FlowError } from './assessments';
import { validate } from './validation';
import {
	capturePaperSheet,
	countPaperSheets,
	paperField,
	paperItems,
	paperSheetSchema,
	type PaperSheet
} from './paper';

let teamId: string;

beforeAll(async () => {
	await migrated();
	const org = await createOrganization('papier');
	teamId = (await createTeam(org.id)).id;
});

async function assessmentRow(id: string) {
	const [a] = await db.select().from(s.assessment).where(eq(s.assessment.id, id));
	return a;
}

async function participantsOf(id: string) {
	return db.select().from(s.participant).where(eq(s.participant.assessmentId, id));
}

async function ratingsOf(id: string) {
	return db.select().from(s.rating).where(eq(s.rating.assessmentId, id));
}

function sheet(ratings: PaperSheet['ratings'], key = randomUUID()): PaperSheet {
	return { key, actorGroup: null, ratings };
}

describe('capturePaperSheet', () => {
	it('a paper sheet changes the distribution like any other participant', async () => {
		const a = await createAssessment(teamId);
		// Three device ratings of level 1: 1, 2, 2 → median 2
		for (const v of [1, 2, 2]) await createRating(await createParticipant(a.id), 'level.1', v);
		const before = await loadAssessmentResults(a.id, { view: 'shared' });
		const level1Before = before.levels[0].summary;
		expect(level1Before.suppressed).toBe(false);
		if (level1Before.suppressed) return;
		expect(level1Before.distribution).toEqual({ 0: 0, 1: 1, 2: 2, 3: 0, 4: 0, unknown: 0 });
		expect(level1Before.n).toBe(3);

		const revision = (await assessmentRow(a.id)).revision;
		const result = await capturePaperSheet(
			a.id,
			sheet([
				{ itemKey: 'level.1', value: 4 },
				{ itemKey: 'level.2', value: null }
			])
		);
		expect(result.replayed).toBe(false);

		const after = await loadAssessmentResults(a.id, { view: 'shared' });
		const level1 = after.levels[0].summary;
		if (level1.suppressed) throw new Error('level 1 should be visible');
		// 1, 2, 2, 4 → n 4, lower median at index 1 → 2
		expect(level1.distribution).toEqual({ 0: 0, 1: 1, 2: 2, 3: 0, 4: 1, unknown: 0 });
		expect(level1.n).toBe(4);
		expect(level1.median).toBe(2);
		// level 2 got one "kann ich nicht einschätzen": n = 1, under the rule
		expect(after.levels[1].summary).toMatchObject({ suppressed: true, n: 1 });
		expect(after.room.total).toBe(4);

		const [paper] = (await participantsOf(a.id)).filter((p) => p.source === 'paper');
		expect(paper.id).toBe(result.participantId);
		expect(paper.nickname).toBeNull();
		expect(await countPaperSheets(a.id)).toBe(1);
		expect((await assessmentRow(a.id)).revision).toBe(revision + 1);
	});

	it('a replayed submit with the same key creates no second participant', async () => {
		const a = await createAssessment(teamId);
		const key = randomUUID();
		const first = await capturePaperSheet(a.id, sheet([{ itemKey: 'level.3', value: 3 }], key));
		const revision = (await assessmentRow(a.id)).revision;
		const again = await capturePaperSheet(a.id, sheet([{ itemKey: 'level.3', value: 0 }], key));
		expect(again).toEqual({ participantId: first.participantId, replayed: true });
		expect(await participantsOf(a.id)).toHaveLength(1);
		const ratings = await ratingsOf(a.id);
		expect(ratings.map((r) => [r.itemKey, r.value])).toEqual([['level.3', 3]]);
		expect((await assessmentRow(a.id)).revision).toBe(revision);
	});

	it('two submits with the same key at the same moment store one sheet', async () => {
		const a = await createAssessment(teamId);
		const key = randomUUID();
		const results = await Promise.all(
			Array.from({ length: 5 }, () =>
				capturePaperSheet(a.id, sheet([{ itemKey: 'level.1', value: 1 }], key))
			)
		);
		expect(new Set(results.map((r) => r.participantId)).size).toBe(1);
		expect(results.filter((r) => !r.replayed)).toHaveLength(1);
		expect(await participantsOf(a.id)).toHaveLength(1);
		expect(await ratingsOf(a.id)).toHaveLength(1);
	});

	it('a closed assessment is refused and nothing is written', async () => {
		const a = await createAssessment(teamId, { status: 'abgeschlossen', joinCode: null });
		const revision = a.revision;
		const key = randomUUID();
		await expect(
			capturePaperSheet(a.id, sheet([{ itemKey: 'level.1', value: 2 }], key))
		).rejects.toMatchObject({ code: 'closed' });
		expect(await participantsOf(a.id)).toHaveLength(0);
		expect(await ratingsOf(a.id)).toHaveLength(0);
		expect(await db.select().from(s.requestKey).where(eq(s.requestKey.key, key))).toHaveLength(0);
		expect((await assessmentRow(a.id)).revision).toBe(revision);
	});

	it('a draft, the one-screen mode and items outside the active rating steps are refused', async () => {
		const draft = await createAssessment(teamId, { status: 'entwurf', joinCode: null });
		await expect(
			capturePaperSheet(draft.id, sheet([{ itemKey: 'level.1', value: 2 }]))
		).rejects.toBeInstanceOf(FlowError);
		// Without the optional "Merkmale" step, characteristics are not on the sheet.
		const a = await createAssessment(teamId, { chosenSteps: [] });
		await expect(
			capturePaperSheet(a.id, sheet([{ itemKey: 'trait.raumbezug', value: 2 }]))
		).rejects.toMatchObject({ code: 'invalid' });
		expect(await participantsOf(a.id)).toHaveLength(0);
		expect(await participantsOf(draft.id)).toHaveLength(0);
		// The one-screen mode has no individual ratings, on paper neither.
		const oneScreen = await createAssessment(teamId, { mode: 'single_screen' });
		await expect(
			capturePaperSheet(oneScreen.id, sheet([{ itemKey: 'level.1', value: 2 }]))
		).rejects.toMatchObject({ code: 'invalid' });
		expect(await participantsOf(oneScreen.id)).toHaveLength(0);
	});

	it('a key used by another assessment is not answered with its participant', async () => {
		const a = await createAssessment(teamId);
		const b = await createAssessment(teamId);
		const key = randomUUID();
		await capturePaperSheet(a.id, sheet([{ itemKey: 'level.1', value: 2 }], key));
		await expect(
			capturePaperSheet(b.id, sheet([{ itemKey: 'level.1', value: 2 }], key))
		).rejects.toMatchObject({ code: 'invalid' });
		expect(await participantsOf(b.id)).toHaveLength(0);
	});
});

describe('paper form', () => {
	it('lists the five levels, and the six characteristics when that step is active', async () => {
		const pyramidOnly = await createAssessment(teamId, { chosenSteps: [] });
		expect(await paperItems(pyramidOnly)).toEqual([
			'level.1',
			'level.2',
			'level.3',
			'level.4',
			'level.5'
		]);
		const both = await createAssessment(teamId, { chosenSteps: ['merkmale'] });
		expect(await paperItems(both)).toHaveLength(11);
	});

	it('validates values, blanks and the key, and refuses an empty sheet', () => {
		const items = ['level.1', 'level.2'] as const;
		const schema = paperSheetSchema(items);
		const key = randomUUID();
		const ok = validate(schema, {
			key,
			actorGroup: 'actor.freiwillige',
			[paperField('level.1')]: '3',
			[paperField('level.2')]: 'unknown'
		});
		expect(ok).toEqual({
			ok: true,
			data: {
				key,
				actorGroup: 'actor.freiwillige',
				ratings: [
					{ itemKey: 'level.1', value: 3 },
					{ itemKey: 'level.2', value: null }
				]
			}
		});
		const blank = validate(schema, { key, [paperField('level.1')]: '' });
		expect(blank).toMatchObject({
			ok: false,
			errors: { _form: 'Bitte tragen Sie mindestens eine Bewertung des Bogens ein.' }
		});
		const wrong = validate(schema, { key, [paperField('level.1')]: '5' });
		expect(wrong.ok).toBe(false);
		const noKey = validate(schema, { key: 'x', [paperField('level.1')]: '1' });
		expect(noKey.ok).toBe(false);
	});
});
