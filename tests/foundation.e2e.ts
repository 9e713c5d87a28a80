// The foundation in the browser: demo sign-in, dashboard, team page with the three demo
// assessments in German dates, the language switch and back, the demo notice, sign-out.
import { expect, test } from '@playwright/test';

const EMAIL = 'moderation@demo.sorgekompass.invalid';
const PASSWORD = 'demo-passwort';
const TEAM = 'Quartiersprojekt Beispielstadt';

test('demo facilitator: sign in, team history, language switch, sign out', async ({ page }) => {
	await page.goto('/anmelden');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	const notice = page.getByRole('note');
	await expect(notice).toBeVisible();
	await expect(notice).toContainText('Demo-Installation');

	const main = page.getByRole('main');
	await main.getByLabel('E-Mail-Adresse').fill(EMAIL);
	await main.getByLabel('Passwort').fill(PASSWORD);
	await main.getByRole('button', { name: 'Anmelden' }).click();

	await expect(page).toHaveURL(/\/dashboard$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Demo-Verband' })).toBeVisible();
	await expect(page.getByText('Ihre Rolle: Moderation')).toBeVisible();
	await page.getByRole('link', { name: TEAM }).click();

	await expect(page.getByRole('heading', { level: 1, name: TEAM })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Standortbestimmungen' })).toBeVisible();
	const rows = page.locator('table tbody tr');
	await expect(rows).toHaveCount(3);
	// Newest first, German date format, the participant counts of the demo.
	await expect(rows.nth(0)).toContainText('12.11.2026');
	await expect(rows.nth(0)).toContainText('Dritte Standortbestimmung');
	await expect(rows.nth(0).locator('td').last()).toHaveText('9');
	await expect(rows.nth(1)).toContainText('21.05.2026');
	await expect(rows.nth(1).locator('td').last()).toHaveText('8');
	await expect(rows.nth(2)).toContainText('13.11.2025');
	await expect(rows.nth(2).locator('td').last()).toHaveText('6');
	await expect(page.getByRole('note')).toContainText('Demo-Installation');
	const teamUrl = page.url();

	// To English: same page, English texts, English date format.
	await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
	await expect(page).toHaveURL(teamUrl);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 2, name: 'Assessments' })).toBeVisible();
	await expect(rows.nth(2)).toContainText('13/11/2025');
	await expect(page.getByRole('note')).toContainText('Demo installation');
	await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();

	// And back to German.
	await page.getByRole('banner').getByRole('button', { name: 'Deutsch' }).click();
	await expect(page).toHaveURL(teamUrl);
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await expect(page.getByRole('heading', { level: 2, name: 'Standortbestimmungen' })).toBeVisible();
	await expect(rows.nth(2)).toContainText('13.11.2025');

	// Sign out: back on the start page, the team page now asks for a sign-in.
	await page.getByRole('banner').getByRole('button', { name: 'Abmelden' }).click();
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByRole('banner').getByRole('link', { name: 'Anmelden' })).toBeVisible();
	await page.goto(teamUrl);
	await expect(page).toHaveURL(/\/anmelden\?redirectTo=/);
	await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
});
