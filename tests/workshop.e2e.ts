// A whole workshop in the browser, entirely through the UI: the demo facilitator creates a team
// and a workshop assessment (with Merkmale and Reflexionsfragen), starts it and steers three
// participants on their own phones (separate browser contexts) through every step to the result
// page. On the way: silent ratings, a participant who reloads mid-way, one who continues on a
// second device with the resume code, the reveal, a Teamwert that overrides the median, notes
// (one deleted), a team answer, an action, closing.
//
// Ratings chosen (participants P1, P2, P3) and what SCORING.md makes of them (m = 3):
//   level 1: 3, 3, 4 → median 3, but the team agrees Teamwert 2 (consensus)
//   level 2: 3, 3, 3 → median 3        level 3: 2, 3, 4 → median 3
//   level 4: 1, 2, 2 → median 2        level 5: 0, 1, 1 → median 1
// Team values 2, 3, 3, 2, 1 → level 1 is below 3, so reached level k = 0, next level 1,
// levels 2 and 3 are "Vorgriff" (aheadOfBase), Stufenwert = 0 + 2/3 = 0,67.
// (Without the consensus it would be 3, 3, 3, 2, 1 → k = 3, Stufenwert 3,67.)
//   Raumbezug: 2, 3, 3 → Teamwert 3 (median), range 2–3, n 3.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { FACILITATOR, signIn } from './helpers/sign-in';

const TEAM = 'Sorgenetz Am Mühlbach';
const TITLE = 'Workshop im Gemeindehaus';
const LIVE = { timeout: 20_000 };

const LEVEL_TITLES = [
	'sich gegenseitig wahrnehmen, miteinander in Kontakt treten',
	'sich füreinander interessieren, Anteil nehmen',
	'sich gelegentlich gegenseitig unterstützen',
	'sich gemeinschaftlich organisieren',
	'Care-Aufgaben in der Community gestalten & verantworten'
];
/** Per participant, the value for levels 1–5. */
const PYRAMID = [
	[3, 3, 2, 1, 0],
	[3, 3, 3, 2, 1],
	[4, 3, 4, 2, 1]
];
const RAUMBEZUG = /^Raumbezug \(Quartier, Nachbarschaften\)/;
const SORGE = /^Breites Sorge-Verständnis/;
/** Per participant: Raumbezug, Sorge-Verständnis. */
const TRAITS = [
	[2, 1],
	[3, 1],
	[3, 2]
];
const Q1 = /^Wie arbeiten aktuell hauptamtlich Tätige/;
const Q4 = /^Wer ist bei uns sozial isoliert\?/;
const NOTE_KEPT = 'Beim Mittagstisch kochen Ehrenamtliche gemeinsam mit dem Pflegedienst.';
const NOTE_OTHER = 'Die Kirchengemeinde fährt ältere Menschen zum Arzt.';
const NOTE_DELETED = 'Herr K. aus der Lindenstraße 5 ist seit dem Winter ganz allein.';
const REASON =
	'Kontakte gibt es vor allem unter den ohnehin Aktiven; neue Nachbarn erreichen wir kaum.';
const TEAM_ANSWER =
	'Hauptamt und Ehrenamt planen den Mittagstisch gemeinsam; Nachbarn helfen spontan.';
const ACTION = 'Begrüßungsbesuche für neu Zugezogene';

const levelCard = (page: Page, level: number) =>
	page.getByRole('region', { name: LEVEL_TITLES[level - 1] });
const valueRadio = (card: ReturnType<Page['getByRole']>, value: number) =>
	card.getByRole('radio', { name: new RegExp(`^${value} – `) });
const stepHeading = (page: Page) => page.getByRole('heading', { level: 1 });

async function phoneContext(browser: Browser): Promise<BrowserContext> {
	return browser.newContext({ locale: 'de-DE', viewport: { width: 360, height: 740 } });
}

/** Rate one level and wait until the phone confirms the save. */
async function rateLevel(page: Page, level: number, value: number) {
	const card = levelCard(page, level);
	await valueRadio(card, value).check();
	await expect(card.getByRole('status')).toContainText('✓ gespeichert');
}

async function expectLevelsChecked(page: Page, participant: number, levels: number[]) {
	for (const level of levels) {
		await expect(valueRadio(levelCard(page, level), PYRAMID[participant][level - 1])).toBeChecked();
	}
}

/** Every phone shows the given step, without anyone reloading. */
async function expectAllOnStep(phones: Page[], number: number, title: string) {
	for (const phone of phones) {
		await expect(stepHeading(phone)).toContainText(title, LIVE);
		await expect(stepHeading(phone)).toContainText(`Schritt ${number} von 6`);
	}
}

const markPage = (page: Page) =>
	page.evaluate(() => ((window as unknown as { workshopMarker: string }).workshopMarker = 'same'));
const stillSamePage = (page: Page) =>
	page.evaluate(() => (window as unknown as { workshopMarker?: string }).workshopMarker);

test('a whole workshop: facilitator and three phones from join to the result page', async ({
	browser
}) => {
	test.setTimeout(240_000);

	// ── The facilitator prepares: a new team and a workshop with Merkmale and Reflexionsfragen.
	const facilitator = await browser.newContext({ locale: 'de-DE' });
	const control = await facilitator.newPage();
	await signIn(control, FACILITATOR);
	const main = control.getByRole('main');
	await main.getByRole('link', { name: 'Team anlegen' }).click();
	await main.getByLabel('Name des Teams').fill(TEAM);
	await main.getByLabel('Ort/Quartier').fill('Mühlbach');
	await main.getByRole('button', { name: 'Team anlegen' }).click();
	await expect(control.getByRole('heading', { level: 1, name: TEAM })).toBeVisible();

	await main.getByRole('link', { name: 'Neue Standortbestimmung' }).click();
	await expect(
		control.getByRole('heading', { level: 1, name: 'Neue Standortbestimmung' })
	).toBeVisible();
	await main.getByLabel('Titel').fill(TITLE);
	await expect(main.getByLabel('Workshop', { exact: true })).toBeChecked();
	await main.getByLabel('Merkmale', { exact: true }).check();
	await main.getByLabel('Reflexionsfragen', { exact: true }).check();
	await main.getByLabel('Akteur*innen', { exact: true }).uncheck();
	await main.getByLabel('Herausforderungen', { exact: true }).uncheck();
	await main.getByRole('button', { name: 'Standortbestimmung anlegen' }).click();
	await expect(control).toHaveURL(/\/assessments\/[^/]+\/steuern$/);
	await expect(control.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();

	await main.getByRole('button', { name: 'Standortbestimmung starten' }).click();
	const codeBox = main.locator('.code');
	await expect(codeBox).toHaveText(/^[23456789A-HJ-NP-Z]{4} [23456789A-HJ-NP-Z]{4}$/);
	const joinCode = (await codeBox.textContent())!.replace(/\s/g, '');
	await expect(
		control.getByRole('heading', { level: 2, name: 'Schritt 1 von 6: Ankommen' })
	).toBeVisible();
	await expect(main.getByText('Teilnehmende: 0')).toBeVisible();
	await markPage(control);

	// ── Three participants join on their phones: one from the landing page, two by link.
	const contexts: BrowserContext[] = [];
	const phones: Page[] = [];
	for (let i = 0; i < 3; i++) {
		const context = await phoneContext(browser);
		const page = await context.newPage();
		if (i === 0) {
			await page.goto('/');
			await page.locator('#join-code').fill(`${joinCode.slice(0, 4)} ${joinCode.slice(4)}`);
			await page.getByRole('main').getByRole('button', { name: 'Teilnehmen' }).click();
			await expect(page).toHaveURL(new RegExp(`/p/${joinCode}$`));
		} else {
			await page.goto(`/p/${joinCode}`);
		}
		await expect(stepHeading(page)).toHaveText('Willkommen zur Standortbestimmung');
		await page.getByRole('button', { name: 'Teilnehmen' }).click();
		await expect(stepHeading(page)).toContainText('Ankommen');
		await expect(stepHeading(page)).toContainText('Schritt 1 von 6');
		await markPage(page);
		contexts.push(context);
		phones.push(page);
	}
	// The control view counts them live.
	await expect(main.getByText('Teilnehmende: 3')).toBeVisible(LIVE);

	// ── Pyramid: the facilitator moves on, every phone follows without a reload.
	await main.getByRole('button', { name: 'Weiter zum nächsten Schritt' }).click();
	await expect(
		control.getByRole('heading', { level: 2, name: 'Schritt 2 von 6: Pyramide' })
	).toBeVisible();
	await expectAllOnStep(phones, 2, 'Pyramide');
	for (const phone of phones) expect(await stillSamePage(phone)).toBe('same');

	// P1 rates all five levels.
	for (let level = 1; level <= 5; level++) await rateLevel(phones[0], level, PYRAMID[0][level - 1]);

	// P2 rates three levels, reloads mid-way: the answers are still there; then finishes.
	for (let level = 1; level <= 3; level++) await rateLevel(phones[1], level, PYRAMID[1][level - 1]);
	await phones[1].reload();
	await expect(stepHeading(phones[1])).toContainText('Pyramide');
	await expectLevelsChecked(phones[1], 1, [1, 2, 3]);
	await markPage(phones[1]);
	for (const level of [4, 5]) {
		await expect(levelCard(phones[1], level).getByRole('status')).not.toContainText('gespeichert');
	}
	for (const level of [4, 5]) await rateLevel(phones[1], level, PYRAMID[1][level - 1]);

	// P3 rates two levels, then continues on a second device with the personal code.
	for (const level of [1, 2]) await rateLevel(phones[2], level, PYRAMID[2][level - 1]);
	const resumeCode = (await phones[2].getByTestId('resume-code').textContent())!.trim();
	expect(resumeCode).toMatch(/^[23456789A-HJ-NP-Z]{4} [23456789A-HJ-NP-Z]{4}$/);
	await contexts[2].close();
	const secondContext = await phoneContext(browser);
	const second = await secondContext.newPage();
	await second.goto(`/p/${joinCode}`);
	await second.getByText('Mit Code fortsetzen').click();
	await second.getByLabel('Ihr persönlicher Code').fill(resumeCode);
	await second.getByRole('button', { name: 'Fortsetzen' }).click();
	await expect(stepHeading(second)).toContainText('Pyramide');
	await expect(stepHeading(second)).toContainText('Schritt 2 von 6');
	await expect(second.getByTestId('resume-code')).toHaveText(resumeCode);
	await expectLevelsChecked(second, 2, [1, 2]);
	await expect(levelCard(second, 3).getByRole('status')).not.toContainText('gespeichert');
	for (const level of [3, 4, 5]) await rateLevel(second, level, PYRAMID[2][level - 1]);
	await markPage(second);
	contexts[2] = secondContext;
	phones[2] = second;

	// Still three people; every level rated by all three — counts only, no values yet.
	await expect(main.getByText('Teilnehmende: 3')).toBeVisible(LIVE);
	for (const title of LEVEL_TITLES) {
		await expect(main.getByRole('row', { name: new RegExp(title) })).toContainText('3 von 3', LIVE);
	}
	await expect(main).not.toContainText('Median');

	// ── Reveal: the facilitator sees the distribution, the phones see the group result.
	await main.getByRole('button', { name: 'Ergebnisse aufdecken' }).click();
	const level1Dist = main.getByRole('table', {
		name: `Verteilung der Antworten zu ${LEVEL_TITLES[0]}`
	});
	await expect(level1Dist.getByRole('row', { name: /^3 – regelmäßig/ })).toContainText('2');
	await expect(level1Dist.getByRole('row', { name: /^4 – / })).toContainText('1');
	await expect(level1Dist.getByRole('row', { name: /^2 – angestoßen/ })).toContainText('0');
	const consensusLabel = `Teamwert für ${LEVEL_TITLES[0]}`;
	const consensusForm = main.locator('form').filter({ has: control.getByLabel(consensusLabel) });
	const level1Panel = main
		.getByRole('listitem')
		.filter({ has: control.getByLabel(consensusLabel) });
	await expect(level1Panel).toContainText('Antworten: 3 · Median: 3');
	// The median is the suggestion.
	await expect(main.getByLabel(consensusLabel)).toHaveValue('3');
	for (const phone of phones) {
		const card = levelCard(phone, 1);
		await expect(card.getByRole('heading', { name: 'Ergebnis der Gruppe' })).toBeVisible(LIVE);
		await expect(card).toContainText('n = 3 · Median 3');
		expect(await stillSamePage(phone)).toBe('same');
	}
	// With the median as Teamwert the team would have reached level 3.
	await expect(main.getByTestId('reached-level')).toContainText('Erreichte Stufe: 3');

	// The team agrees on 2 for level 1, below the median, with a reason.
	await main.getByLabel(consensusLabel).selectOption('2');
	await consensusForm.getByLabel('Begründung').fill(REASON);
	await consensusForm.getByRole('button', { name: 'Teamwert speichern' }).click();
	await expect(main.getByText('Teamwert gespeichert.')).toBeVisible();
	await expect(consensusForm).toContainText('Teamwert: 2');
	await expect(main.getByLabel(consensusLabel)).toHaveValue('2');
	await expect(main.getByTestId('reached-level')).toContainText('Erreichte Stufe: 0');
	await expect(main.getByTestId('reached-level')).toContainText('nächste Stufe: 1');
	await expect(main.getByTestId('reached-level')).toContainText('Stufenwert 0,67');
	// The phones show the agreed Teamwert next to the group result.
	for (const phone of phones) {
		await expect(levelCard(phone, 1)).toContainText('Teamwert: 2', LIVE);
	}

	// ── Merkmale: a couple of traits rated on every phone.
	await main.getByRole('button', { name: 'Weiter zum nächsten Schritt' }).click();
	await expect(
		control.getByRole('heading', { level: 2, name: 'Schritt 3 von 6: Merkmale' })
	).toBeVisible();
	await expectAllOnStep(phones, 3, 'Merkmale');
	for (const [i, phone] of phones.entries()) {
		for (const [j, title] of [RAUMBEZUG, SORGE].entries()) {
			const card = phone.getByRole('region', { name: title });
			await valueRadio(card, TRAITS[i][j]).check();
			await expect(card.getByRole('status')).toContainText('✓ gespeichert');
		}
	}
	await expect(main.getByRole('row', { name: RAUMBEZUG })).toContainText('3 von 3', LIVE);
	await expect(main.getByRole('row', { name: SORGE })).toContainText('3 von 3', LIVE);

	// ── Reflexionsfragen: notes from the phones; one names a neighbour and is deleted.
	await main.getByRole('button', { name: 'Weiter zum nächsten Schritt' }).click();
	await expect(
		control.getByRole('heading', { level: 2, name: 'Schritt 4 von 6: Reflexionsfragen' })
	).toBeVisible();
	await expectAllOnStep(phones, 4, 'Reflexionsfragen');
	for (const [phone, question, text] of [
		[phones[0], Q1, NOTE_KEPT],
		[phones[1], Q4, NOTE_DELETED],
		[phones[2], Q1, NOTE_OTHER]
	] as const) {
		const card = phone.getByRole('region', { name: question });
		await card.getByRole('textbox').fill(text);
		await card.getByRole('button', { name: 'Speichern' }).click();
		await expect(card.getByRole('status')).toContainText('✓ gespeichert');
	}
	const question = (q: RegExp) =>
		main.getByRole('listitem').filter({ has: control.getByRole('heading', { level: 3, name: q }) });
	const note = (text: string) =>
		main
			.getByRole('listitem')
			.filter({ hasText: text })
			.filter({ hasNot: control.getByRole('heading') });
	// The control view collects the notes live.
	await expect(question(Q1)).toContainText('Notizen der Teilnehmenden: 2', LIVE);
	await expect(question(Q4)).toContainText('Notizen der Teilnehmenden: 1', LIVE);
	await expect(note(NOTE_DELETED)).toBeVisible();
	await note(NOTE_DELETED).getByRole('button', { name: 'Notiz löschen' }).click();
	await expect(main.getByText('Die Notiz ist gelöscht.')).toBeVisible();
	await expect(main.getByText(NOTE_DELETED)).toHaveCount(0);
	await expect(question(Q4)).toContainText('Notizen der Teilnehmenden: 0');
	await expect(question(Q1)).toContainText('Notizen der Teilnehmenden: 2');
	// One note is released for everyone; the team writes its joint answer.
	await note(NOTE_KEPT).getByRole('button', { name: 'Freigeben' }).click();
	await expect(note(NOTE_KEPT)).toContainText('für die Projektion freigegeben');
	await expect(note(NOTE_OTHER)).toContainText('nur für die Moderation sichtbar');
	const q1 = question(Q1);
	await q1.getByLabel('Gemeinsame Antwort des Teams').fill(TEAM_ANSWER);
	// ("Gespeichert." is already on screen from the release: wait for this answer's own save.)
	const answerSaved = control.waitForResponse(
		(r) => r.url().includes('/teamAnswer') && r.request().method() === 'POST'
	);
	await q1.getByRole('button', { name: 'Antwort speichern' }).click();
	expect((await answerSaved).ok()).toBe(true);
	await expect(main.getByText('Gespeichert.', { exact: true })).toBeVisible();
	await expect(q1.getByLabel('Gemeinsame Antwort des Teams')).toHaveValue(TEAM_ANSWER);

	// ── Maßnahmen: the focus is the next level, 1.
	await main.getByRole('button', { name: 'Weiter zum nächsten Schritt' }).click();
	await expect(
		control.getByRole('heading', { level: 2, name: 'Schritt 5 von 6: Maßnahmen' })
	).toBeVisible();
	await expectAllOnStep(phones, 5, 'Maßnahmen');
	await expect(main.getByLabel('Soll bewegen')).toHaveValue('level.1');
	await main.getByLabel('Was wollen wir tun?').fill(ACTION);
	await main.getByLabel('Wer kümmert sich?').fill('Herr Okafor');
	await main.getByLabel('Bis wann?').fill('2027-05-31');
	await main.getByRole('button', { name: 'Maßnahme speichern' }).click();
	await expect(main.getByText('Maßnahme gespeichert.')).toBeVisible();
	await expect(main.getByText('Beschlossene Maßnahmen (1)')).toBeVisible();
	await expect(main.getByText(ACTION, { exact: true })).toBeVisible();

	// ── Abschluss and close.
	await main.getByRole('button', { name: 'Weiter zum nächsten Schritt' }).click();
	await expect(
		control.getByRole('heading', { level: 2, name: 'Schritt 6 von 6: Abschluss' })
	).toBeVisible();
	await expectAllOnStep(phones, 6, 'Abschluss');
	for (const phone of phones) expect(await stillSamePage(phone)).toBe('same');
	await main.getByRole('button', { name: 'Standortbestimmung abschließen' }).click();
	await expect(main.getByText('Diese Standortbestimmung ist abgeschlossen.')).toBeVisible();
	// Every phone says so in place (the join code no longer works, so there is nothing to reload).
	for (const phone of phones) {
		await expect(
			phone.locator('.kern-alert').filter({ hasText: 'Diese Standortbestimmung ist beendet.' })
		).toBeVisible(LIVE);
		expect(await stillSamePage(phone)).toBe('same');
	}
	expect(await stillSamePage(control)).toBe('same');

	// ── The result page.
	await main.getByRole('link', { name: 'Zur Ergebnisseite' }).first().click();
	await expect(control).toHaveURL(/\/teams\/[^/]+\/assessments\/[^/]+$/);
	await expect(control.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
	await expect(control.getByTestId('reached-level')).toHaveText('Erreichte Stufe 0 von 5');
	await expect(control.getByTestId('next-level')).toHaveText(
		'Nächste Stufe: 1 – Wahrnehmen & Kontakt'
	);
	await expect(control.getByTestId('stufenwert')).toContainText('Stufenwert 0,67');
	await expect(main).toContainText('Vorgriff — trägt die Basis?');
	await expect(main).toContainText('Stufe 2, 3');

	// Level 1: the agreed 2 with its reason, the median 3 still visible as a statistic.
	const level1 = control.getByRole('article', { name: 'Stufe 1 · Wahrnehmen & Kontakt' });
	await expect(level1).toContainText('Teamwert 2');
	await expect(level1).toContainText('im Team vereinbart');
	await expect(level1).toContainText(REASON);
	await expect(level1.locator('dd').nth(0)).toHaveText('3'); // n
	await expect(level1.locator('dd').nth(1)).toHaveText('3'); // median
	const dist = level1.getByRole('table', { name: 'Verteilung der Bewertungen' });
	await expect(dist.locator('tr[data-value="3"] td').last()).toContainText('2');
	await expect(dist.locator('tr[data-value="4"] td').last()).toContainText('1');
	// The other levels keep their medians.
	const medians: [number, string, string][] = [
		[2, 'Anteil nehmen', '3'],
		[3, 'Sich unterstützen', '3'],
		[4, 'Sich organisieren', '2'],
		[5, 'Sorge verantworten', '1']
	];
	for (const [level, short, value] of medians) {
		const article = control.getByRole('article', { name: `Stufe ${level} · ${short}` });
		await expect(article).toContainText(`Teamwert ${value}`);
		await expect(article).toContainText('aus dem Median');
	}
	// Raumbezug: 2, 3, 3 → 3, range 2–3, n 3.
	const raum = control.locator('tr[data-item="trait.raumbezug"] td');
	await expect(raum.nth(0)).toHaveText('3');
	await expect(raum.nth(1)).toHaveText('2–3');
	await expect(raum.nth(2)).toHaveText('3');
	// Three people in the room: the second device did not count as a fourth.
	await expect(control.getByTestId('room-total')).toHaveText('3 Teilnehmende');

	const answers = control.getByRole('region', { name: 'Reflexionsfragen' });
	await expect(answers).toContainText(TEAM_ANSWER);
	await expect(answers).toContainText(NOTE_KEPT);
	await expect(answers).not.toContainText(NOTE_OTHER);
	await expect(main).not.toContainText(NOTE_DELETED);
	const actions = control.getByRole('region', { name: 'Maßnahmen' });
	await expect(actions).toContainText(ACTION);
	await expect(actions).toContainText('Herr Okafor');
	await expect(actions).toContainText('31.05.2027');

	await facilitator.close();
	for (const context of contexts) await context.close();
});
