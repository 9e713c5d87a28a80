// The demo team's history and the organisation overview in the browser, as the demo manager.
// Expected values from src/lib/server/demo.ts by the SCORING rules: reached level 0 on
// 13.11.2025 (Teamwerte 2,1,1,0,0 → Stufenwert 0,67), 1 on 21.05.2026 (3,2,1,1,0 → 1,67) and 2 on
// 12.11.2026 (3,3,2,2,0 → 2,67).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { MANAGER, signIn } from './helpers/sign-in';

const TEAM = 'Quartiersprojekt Beispielstadt';

async function expectNoWcagViolations(page: Page) {
	const axe = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
}

test("the demo team's history shows three dates with the levels reached", async ({ page }) => {
	await signIn(page, MANAGER);
	await page.getByRole('link', { name: TEAM }).click();
	await page.getByRole('link', { name: 'Verlauf', exact: true }).click();
	await expect(page).toHaveURL(/\/teams\/[^/]+\/verlauf$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Verlauf: ${TEAM}`);

	const table = page.getByRole('table', { name: 'Übersicht je Standortbestimmung' });
	const rows = table.locator('tbody tr');
	await expect(rows).toHaveCount(3);
	const expected = [
		['13.11.2025', '0', '0,67'],
		['21.05.2026', '1', '1,67'],
		['12.11.2026', '2', '2,67']
	];
	for (const [i, [date, reached, stufenwert]] of expected.entries()) {
		const row = rows.nth(i);
		await expect(row.getByRole('rowheader')).toContainText(date);
		await expect(row.locator('[data-col="reached"]')).toHaveText(reached);
		await expect(row.locator('[data-col="stufenwert"]')).toHaveText(stufenwert);
	}
	// the charts are drawn (Chart.js loaded lazily) and described for screen readers
	await expect(page.getByTestId('history-stufenwert-chart')).toHaveAttribute(
		'data-chart-ready',
		'true'
	);
	await expect(page.getByRole('img', { name: /^Stufenwert im Verlauf/ })).toBeVisible();

	// each date links to the assessment's result page
	await rows.nth(2).getByRole('link', { name: '12.11.2026' }).click();
	await expect(page).toHaveURL(/\/teams\/[^/]+\/assessments\/[^/]+$/);

	await page.goBack();
	await expect(table).toBeVisible();
	await expectNoWcagViolations(page);
});

test('the comparison shows arrows with words for screen readers', async ({ page }) => {
	await signIn(page, MANAGER);
	await page.getByRole('link', { name: TEAM }).click();
	await page.getByRole('link', { name: 'Vergleich', exact: true }).click();
	// default: the last two assessments; level 2 went from 2 (consensus) to 3
	const row = page.locator('tr[data-item="level.2"]').first();
	await expect(row.locator('[data-direction]')).toHaveAttribute('data-direction', 'up');
	await expect(row).toContainText('gestiegen um 1');
	await expectNoWcagViolations(page);
});

test('the demo manager opens the organisation overview', async ({ page }) => {
	await signIn(page, MANAGER);
	await page.getByRole('link', { name: 'Alle Teams' }).click();
	await expect(page).toHaveURL(/\/org\/[^/]+\/uebersicht$/);
	const table = page.getByTestId('overview-table');
	const row = table.locator('tbody tr').filter({ hasText: TEAM });
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('12.11.2026');
	await expect(row).toContainText('Stufenwert gestiegen');
	await expect(row).toContainText('20.05.2027');
	// sorting is offered by name and activity only
	const options = page.getByLabel('Sortieren nach').locator('option');
	await expect(options).toHaveText(['Name', 'letzter Aktivität']);
	await expectNoWcagViolations(page);
});
