// Integration-test helpers: a real built server (adapter-node) on a fresh libSQL file database.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
	return new Promise((ok, fail) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			srv.close(() => (typeof address === 'object' && address ? ok(address.port) : fail()));
		});
	});
}

export interface TestServer {
	url: string;
	databaseUrl: string;
	process: ChildProcess;
	output: () => string;
	stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/**
 * Starts `node <BUILD_DIR or build>/index.js` with its own database and waits for /healthz.
 * Build first (`npx vite build`); the test command does.
 */
export async function startServer(
	env: Record<string, string> = {},
	options: { databaseUrl?: string } = {}
): Promise<TestServer> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const databaseUrl =
		options.databaseUrl ??
		`file:${join(mkdtempSync(join(tmpdir(), 'sorgekompass-srv-')), 'test.db')}`;
	const buildDir = resolve(process.env.BUILD_DIR || 'build');
	let log = '';
	const child = spawn(process.execPath, [join(buildDir, 'index.js')], {
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			DATABASE_URL: databaseUrl,
			DEMO_DATA: 'off',
			RATE_LIMIT_FACTOR: '1',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (d) => (log += d));
	child.stderr?.on('data', (d) => (log += d));
	const exited = new Promise<void>((r) => child.once('exit', () => r()));
	const deadline = Date.now() + 90_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited early:\n${log}`);
		try {
			const res = await fetch(`${url}/healthz`);
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`server did not become healthy:\n${log}`);
		}
		await new Promise((r) => setTimeout(r, 150));
	}
	return {
		url,
		databaseUrl,
		process: child,
		output: () => log,
		stop: async (signal = 'SIGTERM') => {
			if (child.exitCode === null) child.kill(signal);
			await exited;
		}
	};
}

/** A tiny cookie-keeping HTTP client that posts forms like a browser without JavaScript. */
export class Browserless {
	cookies = new Map<string, string>();
	constructor(readonly baseUrl: string) {}

	private cookieHeader(): string {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	private remember(res: Response) {
		for (const line of res.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}

	/** GET (as a browser: `accept: text/html`) without following redirects. */
	async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
		const res = await fetch(this.baseUrl + path, {
			redirect: 'manual',
			headers: { accept: 'text/html', cookie: this.cookieHeader(), ...headers }
		});
		this.remember(res);
		return res;
	}

	/** POST a form (urlencoded) with the server's Origin, without following redirects. */
	async post(
		path: string,
		fields: Record<string, string | string[]> = {},
		headers: Record<string, string> = {}
	): Promise<Response> {
		const body = new URLSearchParams();
		for (const [k, v] of Object.entries(fields)) {
			for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
		}
		const res = await fetch(this.baseUrl + path, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				// Like a browser without JavaScript; without it SvelteKit answers form actions as JSON
				// (status 200, `{ type: 'redirect' | 'failure' }`) instead of 303 / the page with 4xx.
				accept: 'text/html',
				cookie: this.cookieHeader(),
				origin: this.baseUrl,
				'content-type': 'application/x-www-form-urlencoded',
				...headers
			},
			body
		});
		this.remember(res);
		return res;
	}

	/** Signs in through the sign-in form; throws when it does not redirect. */
	async signIn(email: string, password: string): Promise<void> {
		const res = await this.post('/anmelden', { email, password });
		if (res.status !== 303) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
	}
}
