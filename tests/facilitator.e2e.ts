// The facilitator's side in the browser, as the demo facilitator: create a team and an
// assessment, start it, show the join code and QR code, walk the steps, record a Teamwert and an
// action, close the assessment. Accessibility is checked with axe on the control view.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { FACILITATOR, signIn } from './helpers/sign-in';

const LEVEL_1 = 'sich gegenseitig wahrnehmen, miteinander in Kontakt treten';

async function expectNoAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
		.analyze();
	expect(
		results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)
	).toEqual([]);
}

test('demo facilitator runs an assessment from creation to closing', async ({ page }) => {
	await signIn(page, FACILITATOR);
	const main = page.getByRole('main');

	// A new team.
	await main.getByRole('link', { name: 'Team anlegen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Team anlegen' })).toBeVisible();
	await main.getByRole('button', { name: 'Team anlegen' }).click();
	await expect(main.getByText('Bitte füllen Sie dieses Feld aus.')).toBeVisible();
	await main.getByLabel('Name des Teams').fill('Nachbarschaftsnetz Lindenhof');
	await main.getByLabel('Ort/Quartier').fill('Lindenhof');
	await main.getByRole('button', { name: 'Team anlegen' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Nachbarschaftsnetz Lindenhof' })
	).toBeVisible();

	// A new assessment with the default agenda (every optional step; no review without history).
	await main.getByRole('link', { name: 'Neue Standortbestimmung' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Neue Standortbestimmung' })
	).toBeVisible();
	await expect(main.getByLabel('Rückblick')).toHaveCount(0);
	await expect(main.getByLabel('Merkmale')).toBeChecked();
	await main.getByLabel('Titel').fill('Auftakt-Workshop');
	await expect(main.getByLabel('Workshop', { exact: true })).toBeChecked();
	await main.getByRole('button', { name: 'Standortbestimmung anlegen' }).click();
	await expect(page).toHaveURL(/\/assessments\/[^/]+\/steuern$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Auftakt-Workshop' })).toBeVisible();

	// Start: join code in large letters, join link and QR code.
	await main.getByRole('button', { name: 'Standortbestimmung starten' }).click();
	const code = main.locator('.code');
	await expect(code).toHaveText(/^[23456789A-HJ-NP-Z]{4} [23456789A-HJ-NP-Z]{4}$/);
	const joinCode = (await code.textContent())!.replace(/\s/g, '');
	await expect(main.getByText(`/p/${joinCode}`)).toBeVisible();
	const qr = main.getByRole('img', { name: /QR-Code zum Beitreten/ });
	await expect(qr).toBeVisible();
	await expect
		.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
		.toBe(true);
	await expect(main.getByText('Teilnehmende: 0')).toBeVisible();
	await expect(
		page.getByRole('heading', { level: 2, name: 'Schritt 1 von 8: Ankommen' })
	).toBeVisible();
	await expectNoAxeViolations(page);

	// Walk forward to the pyramid; ratings stay hidden until revealed.
	await main.getByRole('button', { name: 'Weiter zum nächsten Schritt' }).click();
	await expect(
		page.getByRole('heading', { level: 2, name: 'Schritt 2 von 8: Pyramide' })
	).toBeVisible();
	await expect(main.getByRole('row', { name: new RegExp(LEVEL_1) })).toContainText('0 von 0');
	await main.getByRole('button', { name: 'Ergebnisse aufdecken' }).click();

	// The Teamwert for level 1: reached level 1 at once.
	await main.getByLabel(`Teamwert für ${LEVEL_1}`).selectOption('3');
	const consensusForm = main
		.locator('form')
		.filter({ has: page.getByLabel(`Teamwert für ${LEVEL_1}`) });
	await consensusForm
		.getByLabel('Begründung')
		.fill('Erzählcafé und Mittagstisch laufen regelmäßig.');
	await consensusForm.getByRole('button', { name: 'Teamwert speichern' }).click();
	await expect(main.getByText('Teamwert gespeichert.')).toBeVisible();
	await expect(main.getByTestId('reached-level')).toContainText('Erreichte Stufe: 1');
	await expect(main.getByTestId('reached-level')).toContainText('nächste Stufe: 2');
	await expect(consensusForm).toContainText('Teamwert: 3');
	await expectNoAxeViolations(page);
	// Usable on a 360 px phone: no horizontal scrolling.
	await page.setViewportSize({ width: 360, height: 800 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await page.setViewportSize({ width: 1280, height: 720 });

	// Further steps forward, then straight to the action step.
	await main.getByRole('button', { name: 'Weiter zum nächsten Schritt' }).click();
	await expect(
		page.getByRole('heading', { level: 2, name: 'Schritt 3 von 8: Merkmale' })
	).toBeVisible();
	await main
		.getByRole('navigation', { name: 'Schritte der Standortbestimmung' })
		.getByRole('button', { name: 'Maßnahmen' })
		.click();
	await expect(
		page.getByRole('heading', { level: 2, name: 'Schritt 7 von 8: Maßnahmen' })
	).toBeVisible();
	// Focus on the next level (2) with its catalogue ideas.
	await expect(main.getByText('Letzte-Hilfe-Kurs')).toBeVisible();
	await main.getByLabel('Was wollen wir tun?').fill('Letzte-Hilfe-Kurs im Gemeindehaus');
	await expect(main.getByLabel('Soll bewegen')).toHaveValue('level.2');
	await main.getByLabel('Wer kümmert sich?').fill('Frau Yilmaz');
	await main.getByLabel('Bis wann?').fill('2027-03-31');
	await main.getByRole('button', { name: 'Maßnahme speichern' }).click();
	await expect(main.getByText('Maßnahme gespeichert.')).toBeVisible();
	await expect(main.getByText('Beschlossene Maßnahmen (1)')).toBeVisible();
	await expect(main.getByText('31.03.2027')).toBeVisible();
	await expectNoAxeViolations(page);

	// Wrap-up and close.
	await main.getByRole('button', { name: 'Weiter zum nächsten Schritt' }).click();
	await expect(
		page.getByRole('heading', { level: 2, name: 'Schritt 8 von 8: Abschluss' })
	).toBeVisible();
	await expect(main.getByRole('link', { name: 'Aktionsplan als PDF' })).toBeVisible();
	await main.getByRole('button', { name: 'Standortbestimmung abschließen' }).click();
	await expect(main.getByText('Diese Standortbestimmung ist abgeschlossen.')).toBeVisible();
	await expect(main.locator('.code')).toHaveCount(0);
	await expect(main.getByRole('button', { name: 'Wieder öffnen' })).toBeVisible();
});
