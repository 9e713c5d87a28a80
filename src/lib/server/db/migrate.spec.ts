// Migrations on a real libSQL file database: from empty, the connection settings (also after a
// transaction — the libsql trap), and two processes starting at the same moment.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { is } from 'drizzle-orm';
import { getTableName } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { client, createDatabaseClient, db } from './index';
import { appliedMigrationCount } from './migrate';
import * as schema from './schema';
import { migrated } from '../testing/fixtures';

const MIGRATION_FILES = readdirSync(resolve('drizzle')).filter((f) => f.endsWith('.sql'));
const JOURNAL = JSON.parse(readFileSync(resolve('drizzle/meta/_journal.json'), 'utf8')) as {
	entries: unknown[];
};

async function pragma(c: Client, name: string): Promise<unknown> {
	const result = await c.execute(`PRAGMA ${name}`);
	return Object.values(result.rows[0])[0];
}

async function settings(c: Client) {
	return {
		foreignKeys: Number(await pragma(c, 'foreign_keys')),
		journalMode: String(await pragma(c, 'journal_mode')).toLowerCase(),
		busyTimeout: Number(await pragma(c, 'busy_timeout'))
	};
}

describe('migrations from an empty database', () => {
	it('start with nothing applied and create every table of the schema', async () => {
		expect(await appliedMigrationCount(client)).toBe(0);
		await migrated();

		const tables = (
			await client.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
		).rows.map((r) => String(r.name));
		const expected = Object.values(schema)
			.filter((v) => is(v, SQLiteTable))
			.map((t) => getTableName(t as SQLiteTable));
		// Guard against an empty comparison: the schema has the auth tables and the app's tables.
		expect(expected).toEqual(
			expect.arrayContaining(['user', 'organization', 'member', 'team', 'assessment', 'rating'])
		);
		expect(expected.length).toBeGreaterThanOrEqual(20);
		for (const table of expected) expect(tables, `table ${table}`).toContain(table);
	});

	it('record each migration file exactly once', async () => {
		await migrated();
		expect(MIGRATION_FILES.length).toBeGreaterThan(0);
		expect(JOURNAL.entries).toHaveLength(MIGRATION_FILES.length);
		expect(await appliedMigrationCount(client)).toBe(MIGRATION_FILES.length);
		const rows = await client.execute(
			'SELECT count(*) AS n, count(DISTINCT hash) AS distinct_hashes FROM __drizzle_migrations'
		);
		expect(Number(rows.rows[0].n)).toBe(MIGRATION_FILES.length);
		expect(Number(rows.rows[0].distinct_hashes)).toBe(MIGRATION_FILES.length);
	});
});

describe('connection settings', () => {
	it('are on after start: foreign keys, WAL, a busy timeout', async () => {
		await migrated();
		const now = await settings(client);
		expect(now.foreignKeys).toBe(1);
		expect(now.journalMode).toBe('wal');
		expect(now.busyTimeout).toBeGreaterThan(0);
	});

	it('survive a drizzle db.transaction() and a client.transaction()', async () => {
		await migrated();
		await db.transaction(async (tx) => {
			await tx.run('SELECT 1');
		});
		const afterDrizzle = await settings(client);
		expect(afterDrizzle).toEqual({
			foreignKeys: 1,
			journalMode: 'wal',
			busyTimeout: expect.any(Number)
		});
		expect(afterDrizzle.busyTimeout).toBeGreaterThan(0);

		const tx = await client.transaction('write');
		await tx.execute('SELECT 1');
		await tx.commit();
		const afterClient = await settings(client);
		expect(afterClient.foreignKeys).toBe(1);
		expect(afterClient.busyTimeout).toBeGreaterThan(0);

		// Foreign keys are really enforced on the connection used after the transaction.
		await expect(
			client.execute({
				sql: 'INSERT INTO team (id, organization_id, name) VALUES (?, ?, ?)',
				args: ['t-orphan', 'no-such-organization', 'Waise']
			})
		).rejects.toThrow(/FOREIGN KEY/i);
	});

	it('the trap is real: a bare libsql client loses busy_timeout after a transaction', async () => {
		// Control for the test above: without createDatabaseClient's re-application the setting is
		// gone, so the test above proves the fix rather than a libsql default.
		const dir = mkdtempSync(join(tmpdir(), 'sorgekompass-trap-'));
		const bare = createClient({ url: `file:${join(dir, 'bare.db')}` });
		await bare.execute('PRAGMA busy_timeout = 10000');
		expect(Number(await pragma(bare, 'busy_timeout'))).toBe(10000);
		const tx = await bare.transaction('write');
		await tx.execute('SELECT 1');
		await tx.commit();
		expect(Number(await pragma(bare, 'busy_timeout'))).toBe(0);
		bare.close();

		const wrapped = createDatabaseClient(`file:${join(dir, 'wrapped.db')}`);
		const wtx = await wrapped.transaction('write');
		await wtx.execute('SELECT 1');
		await wtx.commit();
		expect(Number(await pragma(wrapped, 'busy_timeout'))).toBe(10000);
		wrapped.close();
	});
});

interface StartResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

function startProcess(databaseUrl: string, startAt: number): Promise<StartResult> {
	return new Promise((done) => {
		const child = spawn(
			process.execPath,
			['--import', 'tsx', resolve('tests/helpers/migrate-once.ts')],
			{
				env: {
					...process.env,
					DATABASE_URL: databaseUrl,
					START_AT: String(startAt),
					DEMO_DATA: 'off'
				},
				stdio: ['ignore', 'pipe', 'pipe']
			}
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('exit', (code) => done({ code, stdout, stderr }));
	});
}

describe('two processes starting at the same moment on the same fresh database', () => {
	it.each([1, 2, 3])('migrate exactly once (round %i)', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'sorgekompass-concurrent-'));
		const databaseUrl = `file:${join(dir, 'shared.db')}`;
		// Both processes load tsx and the modules first, then start at this instant.
		const startAt = Date.now() + 4000;
		const results = await Promise.all([
			startProcess(databaseUrl, startAt),
			startProcess(databaseUrl, startAt)
		]);

		for (const r of results) expect(r.code, r.stderr).toBe(0);
		const applied = results
			.map((r) => JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { applied: number })
			.map((r) => r.applied)
			.sort();
		expect(applied).toEqual([0, MIGRATION_FILES.length]);

		const check = createDatabaseClient(databaseUrl);
		const rows = await check.execute(
			'SELECT count(*) AS n, count(DISTINCT hash) AS distinct_hashes FROM __drizzle_migrations'
		);
		expect(Number(rows.rows[0].n)).toBe(MIGRATION_FILES.length);
		expect(Number(rows.rows[0].distinct_hashes)).toBe(MIGRATION_FILES.length);
		// The lock is released again.
		const lock = await check.execute('SELECT count(*) AS n FROM startup_lock');
		expect(Number(lock.rows[0].n)).toBe(0);
		check.close();
	});
});
