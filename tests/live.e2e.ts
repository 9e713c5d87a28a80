// Live facilitation in the browser: the demo facilitator steers a running workshop while three
// participants on their own phones follow without reloading — counts, reveal, step change and a
// timebox reach every screen. One phone loses the network, rates offline and its rating arrives
// exactly once when it is back online.
import type { Client } from '@libsql/client';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { FACILITATOR, signIn } from './helpers/sign-in';
import { insertRunningAssessment, openE2eDatabase } from './helpers/e2e-db';

const LEVEL_1 = /sich gegenseitig wahrnehmen/;
const UNSENT = 'noch nicht gespeichert – wird gesendet, sobald Sie wieder online sind';
const LIVE = { timeout: 20_000 };

let db: Client;

/** A running workshop at the pyramid step; steps: 5 (with Merkmale). */
function runningAssessment() {
	return insertRunningAssessment(db, { chosenSteps: ['merkmale'], title: 'Live-Workshop' });
}

async function ratingRows(participantId: string, itemKey: string): Promise<number> {
	const rs = await db.execute({
		sql: 'select count(*) as n from rating where participant_id = ? and item_key = ?',
		args: [participantId, itemKey]
	});
	return Number(rs.rows[0].n);
}

async function expectNoAxeViolations(page: Page) {
	const result = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(
		result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)
	).toEqual([]);
}

interface Phone {
	context: BrowserContext;
	page: Page;
	participantId: string;
}

const levelCard = (page: Page, title: RegExp) => page.getByRole('region', { name: title });
/** A marker that a full page load would wipe out. */
const markPage = (page: Page) =>
	page.evaluate(() => ((window as unknown as { liveMarker: string }).liveMarker = 'same page'));
const stillSamePage = (page: Page) =>
	page.evaluate(() => (window as unknown as { liveMarker?: string }).liveMarker);

test.beforeAll(async () => {
	db = await openE2eDatabase();
});
test.afterAll(() => db?.close());

test('participants follow the facilitator live; an offline rating arrives exactly once', async ({
	browser
}) => {
	const { id, code, teamId } = await runningAssessment();
	const facilitator = await browser.newContext({ locale: 'de-DE' });
	const control = await facilitator.newPage();
	await signIn(control, FACILITATOR);
	await control.goto(`/teams/${teamId}/assessments/${id}/steuern`);
	await expect(control.getByText('Teilnehmende: 0')).toBeVisible();
	await markPage(control);
	const level1Row = control.getByRole('row', { name: LEVEL_1 });

	// Three phones join; the control view counts them without a reload.
	const phones: Phone[] = [];
	for (let i = 0; i < 3; i++) {
		const context = await browser.newContext({
			locale: 'de-DE',
			viewport: { width: 360, height: 740 }
		});
		const page = await context.newPage();
		await page.goto(`/p/${code}`);
		await page.getByRole('button', { name: 'Teilnehmen' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Pyramide');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Schritt 2 von 5');
		const cookie = (await context.cookies()).find((c) => c.name === `sk_p_${id}`);
		expect(cookie).toBeDefined();
		await markPage(page);
		phones.push({ context, page, participantId: cookie!.value });
	}
	await expect(control.getByText('Teilnehmende: 3')).toBeVisible(LIVE);
	await expect(level1Row).toContainText('0 von 3', LIVE);

	// Two rate; the facilitator sees the count (never the values) at once.
	for (const [phone, value] of [
		[phones[0], /^3 – regelmäßig/],
		[phones[1], /^2 – angestoßen/]
	] as const) {
		const card = levelCard(phone.page, LEVEL_1);
		await card.getByRole('radio', { name: value }).check();
		await expect(card.getByRole('status')).toContainText('✓ gespeichert');
	}
	await expect(level1Row).toContainText('2 von 3', LIVE);

	// The third phone loses the network, rates anyway, and keeps the choice on screen.
	const offline = phones[2];
	const offlineCard = levelCard(offline.page, LEVEL_1);
	await offline.context.setOffline(true);
	await expect(offline.page.getByRole('alert')).toContainText('Keine Verbindung');
	await offlineCard.getByRole('radio', { name: /^4 – selbstverständlich/ }).check();
	await expect(offlineCard.getByRole('status')).toContainText(UNSENT);
	await expect(offlineCard.getByRole('radio', { name: /^4 – selbstverständlich/ })).toBeChecked();
	expect(await ratingRows(offline.participantId, 'level.1')).toBe(0);

	// Back online: the rating is sent by itself, once.
	await offline.context.setOffline(false);
	await expect(offlineCard.getByRole('status')).toContainText('✓ gespeichert', { timeout: 5000 });
	await expect(offlineCard.getByRole('status')).not.toContainText('noch nicht');
	await expect.poll(() => ratingRows(offline.participantId, 'level.1')).toBe(1);
	await expect(level1Row).toContainText('3 von 3', LIVE);
	// Nothing arrives twice later on either.
	await offline.page.waitForTimeout(1500);
	expect(await ratingRows(offline.participantId, 'level.1')).toBe(1);
	const stored = await db.execute({
		sql: 'select count(*) as n from rating where assessment_id = ? and item_key = ?',
		args: [id, 'level.1']
	});
	expect(Number(stored.rows[0].n)).toBe(3);

	// The facilitator reveals: every phone shows the distribution without reloading.
	await control.getByRole('button', { name: 'Ergebnisse aufdecken' }).click();
	for (const phone of phones) {
		const card = levelCard(phone.page, LEVEL_1);
		await expect(card.getByRole('heading', { name: 'Ergebnis der Gruppe' })).toBeVisible(LIVE);
		await expect(card).toContainText('n = 3 · Median 3');
		expect(await stillSamePage(phone.page)).toBe('same page');
	}

	// The facilitator moves on: every phone follows to the next step.
	await control.getByRole('button', { name: 'Weiter zum nächsten Schritt' }).click();
	for (const phone of phones) {
		const heading = phone.page.getByRole('heading', { level: 1 });
		await expect(heading).toContainText('Merkmale', LIVE);
		await expect(heading).toContainText('Schritt 3 von 5');
		expect(await stillSamePage(phone.page)).toBe('same page');
	}

	// A timebox: every screen shows the time left, counting down.
	await control.getByLabel('Minuten für diesen Schritt').fill('2');
	await control.getByRole('button', { name: 'Zeit starten' }).click();
	await expect(control.getByTestId('countdown')).toContainText(/noch\s+(2:00|1:5\d)/, LIVE);
	for (const phone of phones) {
		const countdown = phone.page.getByTestId('countdown');
		await expect(countdown).toContainText(/Zeit für diesen Schritt: noch\s+(2:00|1:5\d)/, LIVE);
		expect(await stillSamePage(phone.page)).toBe('same page');
	}
	const first = await phones[0].page.getByTestId('countdown').textContent();
	await expect(phones[0].page.getByTestId('countdown')).not.toHaveText(first!, { timeout: 5000 });
	await expectNoAxeViolations(phones[0].page);
	expect(
		await phones[0].page.evaluate(() => document.documentElement.scrollWidth)
	).toBeLessThanOrEqual(360);

	// Writes stay open while the timer runs (and after: see live.spec.ts).
	const trait = phones[0].page
		.getByRole('region')
		.filter({ has: phones[0].page.getByRole('radio') })
		.first();
	await trait.getByRole('radio', { name: /^1 – vereinzelt/ }).check();
	await expect(trait.getByRole('status')).toContainText('✓ gespeichert');

	await facilitator.close();
	for (const phone of phones) await phone.context.close();
});
