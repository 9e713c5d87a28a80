// A participant on a phone: join with the code from the landing page, rate silently, reload
// without losing anything, continue on a second device with the personal code — with and
// without JavaScript. The running assessment is written straight into the e2e server's database
// (the facilitator's screens are tested elsewhere).
import type { Client } from '@libsql/client';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { insertRunningAssessment, openE2eDatabase } from './helpers/e2e-db';

const LEVEL_1 = /sich gegenseitig wahrnehmen/;
const LEVEL_2 = /sich füreinander interessieren/;

let db: Client;

async function runningAssessment(): Promise<string> {
	return (await insertRunningAssessment(db)).code;
}

async function expectNoAxeViolations(page: Page) {
	const result = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(
		result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)
	).toEqual([]);
}

const levelCard = (page: Page, title: RegExp) => page.getByRole('region', { name: title });

test.beforeAll(async () => {
	db = await openE2eDatabase();
});
test.afterAll(() => db?.close());

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('joins from the landing page and rates a level with the plain form', async ({ page }) => {
		const code = await runningAssessment();
		await page.goto('/');
		// Typed as people do: lower case with a dash.
		await page.locator('#join-code').fill(`${code.slice(0, 4)}-${code.slice(4)}`.toLowerCase());
		await page.getByRole('main').getByRole('button', { name: 'Teilnehmen' }).click();
		await expect(page).toHaveURL(new RegExp(`/p/${code}$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Willkommen zur Standortbestimmung'
		);
		await expect(page.getByText('ohne Namen, E-Mail- oder IP-Adresse')).toBeVisible();
		await page
			.getByLabel('Für welche Gruppe sprechen Sie heute?')
			.selectOption({ label: 'Nachbarschaften' });
		await page.getByRole('button', { name: 'Teilnehmen' }).click();

		// Second screen done: the first step is there.
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Schritt 2 von 8');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Pyramide');
		const level1 = levelCard(page, LEVEL_1);
		await level1.getByRole('radio', { name: /^2 – angestoßen/ }).check();
		await level1.getByRole('radio', { name: 'eher sicher' }).check();
		await level1.getByLabel(/Woran machen wir das fest/).fill('Erzählcafé im Gemeindehaus');
		await level1.getByRole('button', { name: 'Speichern' }).click();
		await expect(level1.getByRole('status')).toContainText('gespeichert');

		await page.reload();
		const again = levelCard(page, LEVEL_1);
		await expect(again.getByRole('radio', { name: /^2 – angestoßen/ })).toBeChecked();
		await expect(again.getByRole('radio', { name: 'eher sicher' })).toBeChecked();
		await expect(again.getByLabel(/Woran machen wir das fest/)).toHaveValue(
			'Erzählcafé im Gemeindehaus'
		);
		await expect(again.getByRole('status')).toContainText('gespeichert');
		await expect(levelCard(page, LEVEL_2).getByRole('status')).not.toContainText('gespeichert');
	});
});

test('with JavaScript: answers survive a reload and continue on a second device', async ({
	page,
	browser
}) => {
	await page.setViewportSize({ width: 360, height: 740 });
	const code = await runningAssessment();
	await page.goto(`/p/${code}`);
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Teilnehmen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Schritt 2 von 8');

	// A choice saves itself.
	const level1 = levelCard(page, LEVEL_1);
	await level1.getByRole('radio', { name: /^3 – regelmäßig/ }).check();
	await expect(level1.getByRole('status')).toContainText('gespeichert');
	const level2 = levelCard(page, LEVEL_2);
	await level2.getByRole('radio', { name: /^kann ich nicht einschätzen/ }).check();
	await expect(level2.getByRole('status')).toContainText('gespeichert');
	await expectNoAxeViolations(page);
	// Usable at 360 px: nothing sticks out sideways.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

	await page.reload();
	await expect(
		levelCard(page, LEVEL_1).getByRole('radio', { name: /^3 – regelmäßig/ })
	).toBeChecked();
	await expect(
		levelCard(page, LEVEL_2).getByRole('radio', { name: /^kann ich nicht einschätzen/ })
	).toBeChecked();

	const resumeCode = (await page.getByTestId('resume-code').textContent())!.trim();
	expect(resumeCode).toMatch(/^[23456789A-HJ-NP-Z]{4} [23456789A-HJ-NP-Z]{4}$/);

	// A second device: the personal code brings the same answers back.
	const other = await browser.newContext({ locale: 'de-DE' });
	const laptop = await other.newPage();
	await laptop.goto(`/p/${code}`);
	await laptop.getByText('Mit Code fortsetzen').click();
	await laptop.getByLabel('Ihr persönlicher Code').fill(resumeCode);
	await laptop.getByRole('button', { name: 'Fortsetzen' }).click();
	await expect(laptop.getByRole('heading', { level: 1 })).toContainText('Schritt 2 von 8');
	await expect(
		levelCard(laptop, LEVEL_1).getByRole('radio', { name: /^3 – regelmäßig/ })
	).toBeChecked();
	await expect(
		levelCard(laptop, LEVEL_2).getByRole('radio', { name: /^kann ich nicht einschätzen/ })
	).toBeChecked();
	await expect(laptop.getByTestId('resume-code')).toHaveText(resumeCode);
	await other.close();
});

test('a wrong code gets a clear message and a way to try again', async ({ page }) => {
	await page.goto('/p/ZZZZ2222');
	await expect(page.getByRole('alert')).toContainText(
		'Zu diesem Code gibt es keine laufende Standortbestimmung'
	);
	await expect(page.getByLabel('Teilnahme-Code')).toBeVisible();
});
