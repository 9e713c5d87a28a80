// `npm run db:backup` while the built app server writes: the copy opens, passes the integrity
// check and holds every join the server had acknowledged before the backup started.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { client } from './db';
import { createAssessment, createOrganization, createTeam, migrated } from './testing/fixtures';
import { startServer, type TestServer } from './testing/server';

const WORKERS = 24;
const FILLER_ROWS = 200_000;

let server: TestServer;
let joinCode: string;
const dir = mkdtempSync(join(tmpdir(), 'sorgekompass-backup-'));

/** Runs `npm run db:backup`'s script (tsx scripts/backup.ts) as its own process. */
function runBackup(
	args: string[],
	databaseUrl = process.env.DATABASE_URL!,
	cwd = process.cwd()
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
	const started = performance.now();
	return new Promise((ok) => {
		const child = spawn(
			process.execPath,
			[resolve('node_modules/tsx/dist/cli.mjs'), resolve('scripts/backup.ts'), ...args],
			{
				cwd,
				env: { ...process.env, DATABASE_URL: databaseUrl },
				stdio: ['ignore', 'pipe', 'pipe']
			}
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('exit', (code) =>
			ok({ code, stdout, stderr, ms: Math.round(performance.now() - started) })
		);
	});
}

beforeAll(async () => {
	await migrated();
	const org = await createOrganization('backup');
	const team = await createTeam(org.id);
	joinCode = (await createAssessment(team.id, { joinCode: 'SICHERN7' })).joinCode!;
	// Some volume, so the copy takes a measurable while: idempotency keys of a fictional import.
	await client.execute({
		sql: `with recursive n(i) as (select 1 union all select i + 1 from n where i < ?)
			insert into request_key (key, scope, result_id)
			select printf('fill-%08d', i), 'fuellung', hex(randomblob(16)) from n`,
		args: [FILLER_ROWS]
	});
	server = await startServer({}, { databaseUrl: process.env.DATABASE_URL! });
});

afterAll(async () => {
	await server?.stop();
});

interface Ack {
	nickname: string;
	at: number;
}

describe('npm run db:backup', () => {
	it('writes a consistent copy under write load that holds every acknowledged write before it', async () => {
		const acks: Ack[] = [];
		const failures: string[] = [];
		let running = true;
		let next = 0;
		const worker = async () => {
			while (running) {
				const nickname = `Last ${++next}`;
				const res = await fetch(`${server.url}/p/${joinCode}?/join`, {
					method: 'POST',
					redirect: 'manual',
					headers: {
						accept: 'text/html',
						origin: server.url,
						'content-type': 'application/x-www-form-urlencoded'
					},
					body: new URLSearchParams({ nickname })
				});
				await res.arrayBuffer();
				if (res.status === 303) acks.push({ nickname, at: performance.now() });
				else failures.push(`${res.status}`);
			}
		};
		const load = Array.from({ length: WORKERS }, worker);
		// Under way: wait for the first 40 acknowledged joins (the machine may be busy).
		const deadline = Date.now() + 30_000;
		while (acks.length < 40 && failures.length === 0 && Date.now() < deadline) {
			await new Promise((r) => setTimeout(r, 50));
		}

		const target = join(dir, 'sicherung.db');
		const backupStart = performance.now();
		const ackedBefore = acks.filter((a) => a.at <= backupStart).map((a) => a.nickname);
		const backup = await runBackup([target]);
		const backupEnd = performance.now();
		await new Promise((r) => setTimeout(r, 500));
		running = false;
		await Promise.all(load);

		expect(backup.stderr).toBe('');
		expect(backup.code).toBe(0);
		expect(backup.stdout).toContain('Sicherung geschrieben');
		// The load never failed, also not while the copy was written.
		expect(failures).toEqual([]);
		const duringBackup = acks.filter((a) => a.at > backupStart && a.at < backupEnd).length;
		expect(ackedBefore.length).toBeGreaterThanOrEqual(40);
		// The server kept writing while the backup process ran.
		expect(duringBackup).toBeGreaterThan(0);

		const copy = createClient({ url: `file:${target}` });
		try {
			const integrity = await copy.execute('PRAGMA integrity_check');
			expect(integrity.rows.map((r) => r[0])).toEqual(['ok']);
			const rows = await copy.execute('select nickname from participant');
			const inCopy = new Set(rows.rows.map((r) => String(r.nickname)));
			const missing = ackedBefore.filter((n) => !inCopy.has(n));
			expect(missing).toEqual([]);
			// No row in the copy the server never wrote.
			const all = new Set(acks.map((a) => a.nickname));
			expect([...inCopy].filter((n) => !all.has(n))).toEqual([]);
			const filler = await copy.execute('select count(*) as n from request_key');
			expect(Number(filler.rows[0].n)).toBe(FILLER_ROWS);
			// Every acknowledged join is in the live database, too.
			const live = await client.execute('select count(*) as n from participant');
			expect(Number(live.rows[0].n)).toBe(acks.length);
			console.info(
				`[backup] ${(statSync(target).size / 1024 / 1024).toFixed(1)} MB; ${backup.stdout.trim()}; ` +
					`script process ${backup.ms} ms incl. tsx start; joins acknowledged: ${ackedBefore.length} before, ` +
					`${duringBackup} during the backup, ${acks.length} in all; ${inCopy.size} in the copy`
			);
		} finally {
			copy.close();
		}
	});

	it('restores: the app starts on a copy of the backup and serves its data', async () => {
		// README: stop the app, replace the database file (no -wal/-shm beside it), start.
		const restoredDir = mkdtempSync(join(tmpdir(), 'sorgekompass-restore-'));
		const restored = join(restoredDir, 'sorgekompass.db');
		copyFileSync(join(dir, 'sicherung.db'), restored);
		const copyCount = createClient({ url: `file:${restored}` });
		const expected = Number(
			(await copyCount.execute('select count(*) as n from participant')).rows[0].n
		);
		copyCount.close();
		const app = await startServer({}, { databaseUrl: `file:${restored}` });
		try {
			const page = await fetch(`${app.url}/p/${joinCode}`, { headers: { accept: 'text/html' } });
			expect(page.status).toBe(200);
			const joined = await fetch(`${app.url}/p/${joinCode}?/join`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					accept: 'text/html',
					origin: app.url,
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams({ nickname: 'Nach der Wiederherstellung' })
			});
			expect(joined.status).toBe(303);
		} finally {
			await app.stop();
		}
		const after = createClient({ url: `file:${restored}` });
		try {
			const n = Number((await after.execute('select count(*) as n from participant')).rows[0].n);
			expect(n).toBe(expected + 1);
		} finally {
			after.close();
		}
	});

	it('refuses to overwrite an existing file and leaves it alone', async () => {
		const target = join(dir, 'sicherung.db');
		const before = statSync(target);
		const again = await runBackup([target]);
		expect(again.code).toBe(1);
		expect(again.stderr).toContain('existiert bereits und wird nicht überschrieben');
		const after = statSync(target);
		expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
	});

	it('writes to ./data/backups/sorgekompass-<time>.db without an argument', async () => {
		// Run in a scratch working directory, so the repository's ./data stays untouched.
		const cwd = mkdtempSync(join(tmpdir(), 'sorgekompass-cwd-'));
		const cwdRun = await runBackup([], process.env.DATABASE_URL!, cwd);
		expect(cwdRun.code).toBe(0);
		const written = /Sicherung geschrieben: (.+\.db) /.exec(cwdRun.stdout)?.[1];
		expect(written?.startsWith(join(cwd, 'data/backups/sorgekompass-'))).toBe(true);
		expect(written).toMatch(/sorgekompass-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.db$/);
		expect(existsSync(written!)).toBe(true);
	});

	it('names the libSQL server/Turso backups for a remote DATABASE_URL and exits 1', async () => {
		const remote = await runBackup([join(dir, 'nie.db')], 'libsql://sorgekompass.example.turso.io');
		expect(remote.code).toBe(1);
		expect(remote.stderr).toContain('libSQL-Server bzw. Turso hat eigene Sicherungen');
		expect(existsSync(join(dir, 'nie.db'))).toBe(false);
	});
});
