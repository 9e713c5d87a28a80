// Accessibility of every main page in both languages (axe-core, WCAG 2.0/2.1 A and AA: no
// serious or critical violation), the participant's rating step with the keyboard only, and no
// horizontal scrolling of the participant, facilitator and projector pages on a 360 px phone
// and a 1920×1080 projector. Screenshots are attached as test artifacts (test-results/).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { Client } from '@libsql/client';
import {
	demoWithRunningAssessment,
	join,
	mainPages,
	openE2eDatabase,
	signIn,
	type DemoIds,
	type Visitor
} from './helpers/main-pages';

let db: Client;
let ids: DemoIds;

test.beforeAll(async () => {
	db = await openE2eDatabase();
	ids = await demoWithRunningAssessment(db);
});
test.afterAll(() => db?.close());

/** A page for the visitor in the locale (the language cookie the header button sets). */
async function pageFor(
	browser: Browser,
	baseURL: string,
	visitor: Visitor,
	locale: 'de' | 'en',
	viewport = { width: 1280, height: 900 }
): Promise<Page> {
	const context = await browser.newContext({
		viewport,
		locale: locale === 'de' ? 'de-DE' : 'en-GB'
	});
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL }]);
	const page = await context.newPage();
	if (visitor === 'admin') await signIn(page);
	if (visitor === 'participant') await join(page, ids.running.code);
	return page;
}

async function seriousViolations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const locale of ['de', 'en'] as const) {
	test(`axe finds no serious or critical violation on any main page (${locale})`, async ({
		browser,
		baseURL
	}, testInfo) => {
		const pages = new Map<Visitor, Page>();
		const found: string[] = [];
		for (const target of mainPages(ids)) {
			let page = pages.get(target.as);
			if (!page) {
				page = await pageFor(browser, baseURL!, target.as, locale);
				pages.set(target.as, page);
			}
			if (target.as !== 'participant') await page.goto(target.path);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await page.waitForLoadState('load');
			for (const v of await seriousViolations(page)) found.push(`${target.name}: ${v}`);
			await page.screenshot({
				path: testInfo.outputPath(`${locale}-${target.name.replace(/\W+/g, '-')}.png`),
				fullPage: true
			});
		}
		for (const page of pages.values()) await page.context().close();
		expect(found).toEqual([]);
	});
}

test('the language button in the header switches the page to English and back', async ({
	page
}) => {
	await page.goto('/anmelden');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await page.locator('header form[action="/sprache"] button').click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page).toHaveURL(/\/anmelden$/);
	expect(await seriousViolations(page)).toEqual([]);
	await page.locator('header form[action="/sprache"] button').click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
});

test('a participant rates a level with the keyboard only', async ({ page }) => {
	await page.goto(`/p/${ids.running.code}`);
	// Tab to the join button and press Enter.
	const joinButton = page.locator('form[action="?/join"] button[type="submit"]');
	for (
		let i = 0;
		i < 40 && !(await joinButton.evaluate((b) => b === document.activeElement));
		i++
	) {
		await page.keyboard.press('Tab');
	}
	await expect(joinButton).toBeFocused();
	await page.keyboard.press('Enter');
	const firstForm = page.locator('form[action="?/rate"]').first();
	await expect(firstForm).toBeVisible();

	// Tab into the first level's radio group; arrows are not needed: Space checks the focused radio.
	const radios = firstForm.locator('input[type="radio"][name="value"]');
	for (let i = 0; i < 60; i++) {
		await page.keyboard.press('Tab');
		if (await radios.evaluateAll((els) => els.includes(document.activeElement as HTMLInputElement)))
			break;
	}
	const focusedValue = await page.evaluate(
		() => (document.activeElement as HTMLInputElement).value
	);
	await page.keyboard.press('Space');
	await expect(firstForm.locator(`input[name="value"][value="${focusedValue}"]`)).toBeChecked();

	// On to this form's submit button, then Enter.
	const save = firstForm.locator('button[type="submit"]');
	for (let i = 0; i < 30 && !(await save.evaluate((b) => b === document.activeElement)); i++) {
		await page.keyboard.press('Tab');
	}
	await expect(save).toBeFocused();
	await page.keyboard.press('Enter');

	// Stored: the rating row is in the database, with the value chosen by keyboard.
	await expect
		.poll(async () => {
			const rows = await db.execute({
				sql: 'select value from rating where assessment_id = ?',
				args: [ids.running.id]
			});
			return rows.rows.map((r) => (r.value === null ? 'unknown' : String(r.value)));
		})
		.toContain(focusedValue);
});

for (const viewport of [
	{ width: 360, height: 740 },
	{ width: 1920, height: 1080 }
]) {
	test(`no horizontal scrolling at ${viewport.width}×${viewport.height}`, async ({
		browser,
		baseURL
	}, testInfo) => {
		const targets: { name: string; visitor: Visitor; path?: string }[] = [
			{ name: 'participant', visitor: 'participant' },
			{ name: 'join', visitor: 'anonymous', path: `/p/${ids.running.code}` },
			{
				name: 'facilitator',
				visitor: 'admin',
				path: `/teams/${ids.teamId}/assessments/${ids.running.id}/steuern`
			},
			{
				name: 'projector',
				visitor: 'admin',
				path: `/teams/${ids.teamId}/assessments/${ids.running.id}/leinwand`
			}
		];
		const wide: string[] = [];
		for (const target of targets) {
			const page = await pageFor(browser, baseURL!, target.visitor, 'de', viewport);
			if (target.path) await page.goto(target.path);
			await page.waitForLoadState('load');
			const size = await page.evaluate(() => ({
				scroll: document.documentElement.scrollWidth,
				client: document.documentElement.clientWidth
			}));
			if (size.scroll > size.client) wide.push(`${target.name}: ${size.scroll} > ${size.client}`);
			await page.screenshot({
				path: testInfo.outputPath(`${viewport.width}-${target.name}.png`),
				fullPage: true
			});
			await page.context().close();
		}
		expect(wide).toEqual([]);
	});
}
