// The plenary in the browser: the projector at 1920×1080 (join code, revealed results, actor
// groups, live count), the printable sheet on a 360 px phone, and a paper sheet typed in — all
// without horizontal scrolling and without serious axe findings. A running plenary of the demo
// team is written straight into the e2e server's database.
import { randomUUID } from 'node:crypto';
import type { Client } from '@libsql/client';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { FACILITATOR, signIn } from './helpers/sign-in';
import { insertRunningAssessment, openE2eDatabase } from './helpers/e2e-db';

let db: Client;
let teamId: string;
let assessmentId: string;
let code: string;

async function addParticipant(actorGroup: string | null): Promise<string> {
	const id = randomUUID();
	await db.execute({
		sql: `insert into participant (id, assessment_id, resume_code, actor_group) values (?, ?, ?, ?)`,
		args: [id, assessmentId, randomUUID().slice(0, 8).toUpperCase(), actorGroup]
	});
	await db.execute({
		sql: 'update assessment set revision = revision + 1 where id = ?',
		args: [assessmentId]
	});
	return id;
}

async function rate(participantId: string, itemKey: string, value: number | null) {
	await db.execute({
		sql: `insert into rating (assessment_id, participant_id, item_key, item_revision, value, first_value)
			values (?, ?, ?, 1, ?, ?)`,
		args: [assessmentId, participantId, itemKey, value, value]
	});
}

async function expectNoSeriousAxeViolations(page: Page) {
	const result = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const serious = result.violations.filter(
		(v) => v.impact === 'serious' || v.impact === 'critical'
	);
	expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

async function expectNoHorizontalScroll(page: Page) {
	const { scrollWidth, clientWidth } = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		clientWidth: document.documentElement.clientWidth
	}));
	expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

test.beforeAll(async () => {
	db = await openE2eDatabase();
	({
		id: assessmentId,
		teamId,
		code
	} = await insertRunningAssessment(db, {
		mode: 'plenary',
		chosenSteps: ['merkmale'],
		revealedSteps: ['pyramide'],
		title: 'Mitgliederversammlung Dezember'
	}));
	// Twelve people: Freiwillige ×5, Sorge-Profis ×4, Kommunalpolitik ×2 (below m = 3), one
	// without a tag. Levels 1–4 rated by all, level 5 by two only (under the rule).
	const tags = [
		...Array(5).fill('actor.freiwillige'),
		...Array(4).fill('actor.sorgeprofis'),
		'actor.kommunalpolitik',
		'actor.kommunalpolitik',
		null
	];
	for (const [i, tag] of tags.entries()) {
		const id = await addParticipant(tag);
		for (let level = 1; level <= 4; level++) {
			await rate(id, `level.${level}`, i % 7 === 6 ? null : (i + level) % 5);
		}
		if (i < 2) await rate(id, 'level.5', 1);
	}
});
test.afterAll(() => db?.close());

test('projector at 1920×1080: readable, aggregated, no horizontal scrolling, live', async ({
	page
}) => {
	await page.setViewportSize({ width: 1920, height: 1080 });
	await signIn(page, FACILITATOR);
	const base = `/teams/${teamId}/assessments/${assessmentId}`;

	await page.goto(`${base}/leinwand?gruppen=1`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Mitgliederversammlung Dezember'
	);
	await expect(page.getByTestId('join-code')).toContainText(`${code.slice(0, 4)} ${code.slice(4)}`);
	await expect(page.getByRole('img', { name: /QR-Code zum Mitmachen/ })).toBeVisible();
	await expect(page.getByTestId('participant-count')).toHaveText('12 Teilnehmende');
	const level1 = page.getByRole('article', { name: /^1 · / });
	await expect(level1.getByRole('table', { name: /Verteilung der Bewertungen/ })).toBeVisible();
	const groups = level1.getByRole('table', { name: /Verteilung nach Akteursgruppen/ });
	await expect(groups).toContainText('Freiwillige');
	await expect(groups).not.toContainText('Kommunalpolitik');
	const level5 = page.getByRole('article', { name: /^5 · / });
	await expect(level5).toContainText('zu wenige Antworten');
	await expect(level5.getByRole('table')).toHaveCount(0);
	// The code is large enough for the back of a hall.
	const codeSize = await page
		.getByTestId('join-code')
		.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
	expect(codeSize).toBeGreaterThanOrEqual(48);
	await expectNoHorizontalScroll(page);
	await expectNoSeriousAxeViolations(page);

	// Someone joins: the count follows within a few seconds, without a reload.
	await addParticipant(null);
	await expect(page.getByTestId('participant-count')).toHaveText('13 Teilnehmende', {
		timeout: 5_000
	});

	// Without the breakdown the page fits as well.
	await page.getByRole('link', { name: 'Aufschlüsselung ausblenden' }).click();
	await expect(page.getByTestId('breakdown')).toHaveCount(0);
	await expectNoHorizontalScroll(page);
});

test('rating sheet on a 360 px phone: every item, no horizontal scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await signIn(page, FACILITATOR);
	await page.goto(`/teams/${teamId}/assessments/${assessmentId}/bogen`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Bewertungsbogen');
	// five levels + six characteristics
	await expect(page.getByRole('list', { name: /^Antwortmöglichkeiten/ })).toHaveCount(11);
	await expect(page.getByRole('heading', { level: 2, name: 'Reflexionsfragen' })).toBeVisible();
	await expectNoHorizontalScroll(page);
	await expectNoSeriousAxeViolations(page);
});

test('a paper sheet typed in counts as one more participant', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await signIn(page, FACILITATOR);
	const base = `/teams/${teamId}/assessments/${assessmentId}`;
	await page.goto(`${base}/papier`);
	await expect(page.getByTestId('paper-count')).toHaveText('Bisher erfasste Papierbögen: 0');
	await expectNoHorizontalScroll(page);
	await expectNoSeriousAxeViolations(page);
	const level1 = page.getByRole('group', { name: /^1 · / });
	await level1.getByRole('radio', { name: /^3 · / }).check();
	await page
		.getByRole('group', { name: /^2 · / })
		.getByRole('radio', { name: 'kann ich nicht einschätzen' })
		.check();
	await page.getByRole('button', { name: 'Bogen speichern' }).click();
	await expect(page.getByText('Der Bogen ist gespeichert.')).toBeVisible();
	await expect(page.getByTestId('paper-count')).toHaveText('Bisher erfasste Papierbögen: 1');
	// The form is fresh for the next sheet.
	await expect(level1.getByRole('radio', { name: 'keine Angabe' })).toBeChecked();
	const sheets = await db.execute({
		sql: `select count(*) as n from participant where assessment_id = ? and source = 'paper'`,
		args: [assessmentId]
	});
	expect(Number(sheets.rows[0].n)).toBe(1);
});
