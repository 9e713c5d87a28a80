// Deleting a team in the browser as the demo owner: link on the team page, confirmation page
// (axe, 360 px), a wrong name keeps the team, the right name deletes it and lands on the
// dashboard. The team is made for this test, so the demo data of other tests stays.
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { createClient } from '@libsql/client';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, signIn } from './helpers/sign-in';

const TEAM = 'Löschprobe Südstadt';

async function expectNoAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
		.analyze();
	expect(
		results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)
	).toEqual([]);
}

test('the owner deletes a team after typing its name', async ({ page }) => {
	const db = createClient({ url: process.env.E2E_DATABASE_URL! });
	const teamId = randomUUID();
	try {
		const org = await db.execute("select id from organization where name = 'Demo-Verband'");
		await db.execute({
			sql: 'insert into team (id, organization_id, name) values (?, ?, ?)',
			args: [teamId, String(org.rows[0].id), TEAM]
		});

		await page.setViewportSize({ width: 360, height: 740 });
		await signIn(page, ADMIN);
		const main = page.getByRole('main');

		await page.goto(`/teams/${teamId}`);
		await main.getByRole('link', { name: 'Team löschen' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: `Team „${TEAM}“ löschen` })
		).toBeVisible();
		await expect(main.getByText('Das Löschen kann nicht rückgängig gemacht werden.')).toBeVisible();
		await expectNoAxeViolations(page);
		// No horizontal scrolling on a small phone.
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);

		const field = main.getByLabel('Zur Bestätigung den Namen des Teams eingeben');
		await field.fill('Löschprobe');
		await main.getByRole('button', { name: 'Endgültig löschen' }).click();
		await expect(
			main.getByText('Der eingegebene Name stimmt nicht überein. Es wurde nichts gelöscht.').first()
		).toBeVisible();
		await expectNoAxeViolations(page);
		const still = await db.execute({
			sql: 'select count(*) as n from team where id = ?',
			args: [teamId]
		});
		expect(Number(still.rows[0].n)).toBe(1);

		await field.fill(TEAM);
		await main.getByRole('button', { name: 'Endgültig löschen' }).click();
		await expect(page).toHaveURL(/\/dashboard$/);
		await expect(main.getByText(TEAM)).toHaveCount(0);
		const gone = await db.execute({
			sql: 'select count(*) as n from team where id = ?',
			args: [teamId]
		});
		expect(Number(gone.rows[0].n)).toBe(0);
	} finally {
		db.close();
	}
});
