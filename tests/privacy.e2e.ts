// No third-party requests: every main page (as the visitor who uses it) and the PDF download
// load only from the app's own origin — fonts, scripts, styles and images are self-hosted.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import type { Client } from '@libsql/client';
import {
	demoWithRunningAssessment,
	join,
	mainPages,
	openE2eDatabase,
	signIn,
	type DemoIds
} from './helpers/main-pages';

let db: Client;
let ids: DemoIds;

test.beforeAll(async () => {
	db = await openE2eDatabase();
	ids = await demoWithRunningAssessment(db);
});
test.afterAll(() => db?.close());

/** Records every request of the context into `all`, and those leaving the app's origin into `foreign`. */
function watch(context: BrowserContext, own: string, all: string[], foreign: string[]) {
	context.on('request', (request) => {
		all.push(request.url());
		const url = new URL(request.url());
		if (['data:', 'blob:', 'about:'].includes(url.protocol)) return;
		if (url.origin !== own) foreign.push(`${request.resourceType()} ${request.url()}`);
	});
}

async function settle(page: Page) {
	await page.waitForLoadState('networkidle').catch(() => {
		// Pages with a live stream never go fully idle; the load event is enough then.
	});
}

test('every main page and the PDF load nothing from another origin', async ({
	browser,
	baseURL
}) => {
	const own = new URL(baseURL!).origin;
	const admin = await browser.newContext();
	const phone = await browser.newContext();
	const guest = await browser.newContext();
	const all: string[] = [];
	const foreign: string[] = [];
	for (const context of [admin, phone, guest]) watch(context, own, all, foreign);

	const adminPage = await admin.newPage();
	await signIn(adminPage);
	const phonePage = await phone.newPage();
	const guestPage = await guest.newPage();
	const visited: string[] = [];
	for (const target of mainPages(ids)) {
		const page =
			target.as === 'admin' ? adminPage : target.as === 'participant' ? phonePage : guestPage;
		if (target.as === 'participant') await join(page, ids.running.code);
		else {
			const res = await page.goto(target.path);
			expect(res?.status(), target.name).toBe(200);
		}
		await settle(page);
		visited.push(target.name);
	}

	// The PDF action plan through its link on the result page.
	await adminPage.goto(`/teams/${ids.teamId}/assessments/${ids.closed[ids.closed.length - 1]}`);
	const [download] = await Promise.all([
		adminPage.waitForEvent('download'),
		adminPage.locator('a[href$="/aktionsplan.pdf"]').first().click()
	]);
	const path = await download.path();
	expect(path).toBeTruthy();
	expect(download.suggestedFilename()).toMatch(/^Aktionsplan_.*\.pdf$/);

	expect(visited).toHaveLength(mainPages(ids).length);
	// The watch saw the pages' own requests (documents, scripts, styles, fonts, the PDF) …
	expect(all.length).toBeGreaterThan(50);
	expect(all.some((u) => u.endsWith('.woff2'))).toBe(true);
	expect(all.some((u) => u.endsWith('/aktionsplan.pdf'))).toBe(true);
	// … and none that left the app's origin.
	expect(foreign).toEqual([]);
	await Promise.all([admin.close(), phone.close(), guest.close()]);
});
