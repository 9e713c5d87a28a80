// The result page of an assessment in the browser, on the demo data. Expected values from
// src/lib/server/demo.ts by the SCORING rules (third assessment, 12.11.2026, m = 3):
// level 1: 2,3,3,3,3,3,4,4,4 → median 3 · level 2: 2,2,2,3,3,3,3,3,4 → 3 ·
// level 3: 1,2,2,2,2,2,3,3 (+1 unknown) → 2 · level 4: consensus 2 (median 1) ·
// level 5: 0,0,0,1,1,2 (+3 unknown) → 0. Team values 3,3,2,2,0 → reached level 2, next 3,
// Stufenwert 2 + 2/3 = 2,67. Room: 9 people, F ×3, P ×3, N ×1, B ×1, untagged ×1.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { FACILITATOR, signIn } from './helpers/sign-in';

const TEAM = 'Quartiersprojekt Beispielstadt';

async function openNewestAssessment(page: Page) {
	await signIn(page, FACILITATOR);
	await page.getByRole('link', { name: TEAM }).click();
	await expect(page.getByRole('heading', { level: 1, name: TEAM })).toBeVisible();
	await page.getByRole('link', { name: 'Dritte Standortbestimmung' }).first().click();
	await expect(page).toHaveURL(/\/teams\/[^/]+\/assessments\/[^/]+$/);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Dritte Standortbestimmung' })
	).toBeVisible();
}

test('result page of the newest demo assessment', async ({ page }) => {
	await openNewestAssessment(page);
	const main = page.getByRole('main');
	await expect(main).toContainText('12.11.2026');
	await expect(main).toContainText(TEAM);

	// The pyramid: reached level as text, next level, Stufenwert with a German comma
	await expect(page.getByTestId('reached-level')).toHaveText('Erreichte Stufe 2 von 5');
	await expect(page.getByTestId('next-level')).toHaveText('Nächste Stufe: 3 – Sich unterstützen');
	await expect(page.getByTestId('stufenwert')).toContainText('Stufenwert 2,67');
	await expect(page.getByRole('img', { name: 'Pyramide: erreichte Stufe 2 von 5' })).toBeVisible();
	await expect(main).not.toContainText('Vorgriff — trägt die Basis?');

	// The accessible pyramid table, top level first
	const table = page.getByRole('table', { name: 'Stufen der Pyramide mit Teamwert und Stand' });
	await expect(table).toBeVisible();
	const rows = table.locator('tbody tr');
	await expect(rows).toHaveCount(5);
	await expect(rows.nth(4)).toContainText('1 · Wahrnehmen & Kontakt');
	await expect(rows.nth(4)).toContainText('3');
	await expect(rows.nth(4)).toContainText('erreicht');
	await expect(rows.nth(2)).toContainText('3 · Sich unterstützen');
	await expect(rows.nth(2)).toContainText('im Aufbau · nächste Stufe');
	await expect(rows.nth(1).locator('td').first()).toHaveText('2');
	await expect(rows.nth(0).locator('td').first()).toHaveText('0');
	await expect(rows.nth(0)).toContainText('nicht erkennbar');

	// Level 4: the consensus 2 with its reason, not the median 1
	const level4 = page.getByRole('article', { name: 'Stufe 4 · Sich organisieren' });
	await expect(level4).toContainText('Teamwert 2');
	await expect(level4).toContainText('im Team vereinbart');
	await expect(level4).toContainText(
		'Die Steuerungsgruppe trifft sich seit dem Sommer regelmäßig mit Betroffenen.'
	);
	await expect(level4.locator('dd').nth(1)).toHaveText('1'); // the median stays visible as a statistic

	// Level 1: n, median and the distribution 2 → 1, 3 → 5, 4 → 3
	const level1 = page.getByRole('article', { name: 'Stufe 1 · Wahrnehmen & Kontakt' });
	await expect(level1).toContainText('aus dem Median');
	const dist = level1.getByRole('table', { name: 'Verteilung der Bewertungen' });
	await expect(dist.locator('tr[data-value="2"] td').last()).toContainText('1');
	await expect(dist.locator('tr[data-value="3"] td').last()).toContainText('5');
	await expect(dist.locator('tr[data-value="4"] td').last()).toContainText('3');
	await expect(dist.locator('tr[data-value="unknown"] td').last()).toContainText('0');

	// The characteristics radar is drawn (Chart.js loaded lazily), with its data table
	const canvas = page.getByTestId('traits-radar');
	await expect(canvas).toHaveAttribute('data-chart-ready', 'true');
	const painted = await canvas.evaluate((el) => {
		const c = el as HTMLCanvasElement;
		const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
		let count = 0;
		for (let i = 3; i < data.length; i += 4) if (data[i] > 0) count++;
		return count;
	});
	expect(painted).toBeGreaterThan(1000);
	const traits = page.getByRole('table', {
		name: 'Merkmale mit Teamwert, Spanne und Anzahl der Antworten'
	});
	// Raumbezug: 3,3,3,3,3,3,3,4,4 → median 3, range 3–4, n 9
	const raum = traits.locator('tr[data-item="trait.raumbezug"] td');
	await expect(raum.nth(0)).toHaveText('3');
	await expect(raum.nth(1)).toHaveText('3–4');
	await expect(raum.nth(2)).toHaveText('9');

	// Who was in the room: groups of at least 3 by name, the rest summed
	await expect(page.getByTestId('room-total')).toHaveText('9 Teilnehmende');
	const room = page.getByRole('region', { name: 'Wer war dabei?' });
	await expect(room).toContainText('weitere Gruppen (2)');
	await expect(room).toContainText('ohne Angabe (1)');

	// Actor coverage: 5 groups at "arbeitet mit" or better, no flag
	await expect(main).toContainText('5 von 12 Gruppen arbeiten mit oder tragen Verantwortung mit.');
	// Risks, answers, actions of this assessment
	await expect(page.getByRole('region', { name: 'Herausforderungen' })).toContainText(
		'Anschlussfinanzierung ist offen.'
	);
	await expect(page.getByRole('region', { name: 'Reflexionsfragen' })).toContainText(
		'Das Erzählcafé ist ein Knotenpunkt.'
	);
	const actions = page.getByRole('region', { name: 'Maßnahmen' });
	await expect(actions).toContainText('Nachbarschaftshilfe mit Zeittausch aufbauen');
	await expect(actions).not.toContainText('Letzte-Hilfe-Kurs anbieten');

	// Links to the PDF, the JSON and the facilitator view
	const url = new URL(page.url());
	await expect(page.getByRole('link', { name: 'Aktionsplan (PDF)' })).toHaveAttribute(
		'href',
		`${url.pathname}/aktionsplan.pdf`
	);
	await expect(page.getByRole('link', { name: 'Ergebnis als JSON' })).toHaveAttribute(
		'href',
		`${url.pathname}/ergebnis.json`
	);
	await expect(page.getByRole('link', { name: 'Moderieren', exact: true })).toHaveAttribute(
		'href',
		`${url.pathname}/steuern`
	);

	const axe = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
});

test('sharing with participants can be switched off and on again', async ({ page }) => {
	await openNewestAssessment(page);
	await expect(page.getByTestId('share-state')).toHaveText(
		'Die Ergebnisse sind für Teilnehmende freigegeben.'
	);
	await page.getByRole('button', { name: 'Nicht mehr mit Teilnehmenden teilen' }).click();
	await expect(
		page.getByText('Die Ergebnisse sind für Teilnehmende nicht mehr sichtbar.')
	).toBeVisible();
	await expect(page.getByTestId('share-state')).toHaveText(
		'Teilnehmende sehen dieses Ergebnis bisher nicht.'
	);
	await page.getByRole('button', { name: 'Ergebnisse mit Teilnehmenden teilen' }).click();
	await expect(
		page.getByText('Die Ergebnisse sind jetzt für Teilnehmende sichtbar.')
	).toBeVisible();
	await expect(page.getByTestId('share-state')).toHaveText(
		'Die Ergebnisse sind für Teilnehmende freigegeben.'
	);
});

test('usable on a 360 px wide phone without horizontal scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await openNewestAssessment(page);
	await expect(page.getByTestId('traits-radar')).toHaveAttribute('data-chart-ready', 'true');
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
});

test('a foreign or nonexistent assessment id answers 404', async ({ page }) => {
	await openNewestAssessment(page);
	const [, teamId, assessmentId] = /\/teams\/([^/]+)\/assessments\/([^/]+)$/.exec(page.url())!;

	const missing = await page.goto(`/teams/${teamId}/assessments/gibt-es-nicht`);
	expect(missing?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeVisible();

	// A real assessment under another team's address is not found either
	const wrongTeam = await page.goto(`/teams/anderes-team/assessments/${assessmentId}`);
	expect(wrongTeam?.status()).toBe(404);

	// Participant results with an unknown join code
	const unknownCode = await page.goto('/p/KEINCODE/ergebnis');
	expect(unknownCode?.status()).toBe(404);
	await expect(page.getByTestId('results-error')).toContainText('keine Standortbestimmung');
});
