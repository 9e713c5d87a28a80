// Signing in a demo account through the sign-in form, as every browser test starts.
import { expect, type Page } from '@playwright/test';

export interface Login {
	email: string;
	password: string;
}

const DEMO_PASSWORD = 'demo-passwort';
export const ADMIN: Login = { email: 'admin@demo.sorgekompass.invalid', password: DEMO_PASSWORD };
export const FACILITATOR: Login = {
	email: 'moderation@demo.sorgekompass.invalid',
	password: DEMO_PASSWORD
};
export const MANAGER: Login = {
	email: 'leitung@demo.sorgekompass.invalid',
	password: DEMO_PASSWORD
};

/** Signs in through the form (works in both languages: fields found by their input names). */
export async function signIn(page: Page, login: Login = ADMIN) {
	await page.goto('/anmelden');
	const main = page.getByRole('main');
	await main.locator('input[name="email"]').fill(login.email);
	await main.locator('input[name="password"]').fill(login.password);
	await main.locator('button[type="submit"]').first().click();
	await expect(page).toHaveURL(/\/dashboard$/);
}
