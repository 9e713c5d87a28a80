import { resolve } from 'node:path';

/** Installation settings, read from the environment once (see README "Betrieb"). */
export interface Config {
	databaseUrl: string;
	databaseAuthToken: string | undefined;
	demoData: boolean;
	signup: 'open' | 'invite';
	origin: string;
	authSecret: string;
	/** Multiplies every rate limit; tests and load benchmarks raise it. */
	rateLimitFactor: number;
	production: boolean;
}

/** The database URL: a libsql://, https:// or file: URL; a bare path becomes a file URL. */
export function databaseUrlFrom(value: string | undefined): string {
	const raw = value?.trim() || 'file:./data/sorgekompass.db';
	if (/^(file|libsql|https?|wss?):/.test(raw)) return raw;
	return `file:${resolve(raw)}`;
}

/** True when the URL names an embedded SQLite file (PRAGMAs and file locks apply only there). */
export function isFileUrl(url: string): boolean {
	return url.startsWith('file:');
}

function readConfig(env: NodeJS.ProcessEnv): Config {
	const origin = (env.ORIGIN || `http://localhost:${env.PORT || 3000}`).replace(/\/$/, '');
	return {
		databaseUrl: databaseUrlFrom(env.DATABASE_URL),
		databaseAuthToken: env.DATABASE_AUTH_TOKEN || undefined,
		demoData: (env.DEMO_DATA ?? 'on').toLowerCase() !== 'off',
		signup: env.SIGNUP === 'invite' ? 'invite' : 'open',
		origin,
		// A fixed development secret keeps demo logins working across restarts; production sets its own.
		authSecret:
			env.BETTER_AUTH_SECRET || env.AUTH_SECRET || 'sorgekompass-dev-secret-change-me-0123456789',
		rateLimitFactor: Math.max(1, Number(env.RATE_LIMIT_FACTOR) || 1),
		production: env.NODE_ENV === 'production'
	};
}

export const config: Config = readConfig(process.env);
