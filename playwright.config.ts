import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.PW_PORT) || 4173;
const BUILD_DIR = process.env.BUILD_DIR || 'build';
// Workers load this config again in their own process: keep the runner's folder (and pid).
process.env.E2E_DB_DIR ??= `/tmp/sorgekompass-e2e-${process.pid}`;
const dbDir = process.env.E2E_DB_DIR;
// Browser tests that need data the UI cannot make yet open the server's database directly.
process.env.E2E_DATABASE_URL = `file:${dbDir}/sorgekompass.db`;

export default defineConfig({
	testDir: 'tests',
	testMatch: /.*\.e2e\.ts$/,
	timeout: 120_000,
	expect: { timeout: 15_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list']],
	outputDir: 'test-results',
	use: {
		baseURL: `http://localhost:${PORT}`,
		locale: 'de-DE',
		trace: 'off',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		command: `rm -rf ${dbDir} && node ${BUILD_DIR}/index.js`,
		url: `http://localhost:${PORT}/healthz`,
		timeout: 120_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN: `http://localhost:${PORT}`,
			DATABASE_URL: `file:${dbDir}/sorgekompass.db`,
			RATE_LIMIT_FACTOR: '100',
			NODE_ENV: 'production'
		}
	}
});
