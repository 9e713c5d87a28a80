import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Client } from '@libsql/client';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Database } from './index';

const LOCK_STALE_MS = 120_000;
const MIGRATIONS_TABLE = '__drizzle_migrations';

/** Where the generated migrations live: `MIGRATIONS_DIR`, else `drizzle/` in the working directory. */
export function migrationsFolder(): string {
	const candidates = [process.env.MIGRATIONS_DIR, resolve(process.cwd(), 'drizzle')];
	for (const dir of candidates) {
		if (dir && existsSync(resolve(dir, 'meta/_journal.json'))) return dir;
	}
	throw new Error(
		`Migrations folder not found (looked in ${candidates.filter(Boolean).join(', ')})`
	);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `work` while holding the database-wide startup lock: a row in `startup_lock`, so that
 * processes sharing one file or one libSQL server never migrate or seed at the same time.
 */
export async function withStartupLock<T>(client: Client, work: () => Promise<T>): Promise<T> {
	await client.execute(
		'CREATE TABLE IF NOT EXISTS startup_lock (id INTEGER PRIMARY KEY, holder TEXT NOT NULL, acquired_at INTEGER NOT NULL)'
	);
	const holder = randomUUID();
	for (;;) {
		const now = Date.now();
		const taken = await client.execute({
			sql: `INSERT INTO startup_lock (id, holder, acquired_at) VALUES (1, ?, ?)
				ON CONFLICT(id) DO UPDATE SET holder = excluded.holder, acquired_at = excluded.acquired_at
				WHERE startup_lock.acquired_at < ?`,
			args: [holder, now, now - LOCK_STALE_MS]
		});
		if (taken.rowsAffected === 1) break;
		await sleep(50 + Math.random() * 100);
	}
	try {
		return await work();
	} finally {
		await client.execute({ sql: 'DELETE FROM startup_lock WHERE holder = ?', args: [holder] });
	}
}

/** Number of migrations recorded as applied (0 on an empty database). */
export async function appliedMigrationCount(client: Client): Promise<number> {
	const exists = await client.execute({
		sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
		args: [MIGRATIONS_TABLE]
	});
	if (exists.rows.length === 0) return 0;
	const result = await client.execute(`SELECT count(*) AS n FROM ${MIGRATIONS_TABLE}`);
	return Number(result.rows[0].n);
}

/** Applies pending migrations under the startup lock; returns how many this call applied. */
export async function migrateDatabase(client: Client, db: Database): Promise<number> {
	return withStartupLock(client, async () => {
		const before = await appliedMigrationCount(client);
		await migrate(db, { migrationsFolder: migrationsFolder(), migrationsTable: MIGRATIONS_TABLE });
		return (await appliedMigrationCount(client)) - before;
	});
}

/**
 * Switches a file database to WAL. Two processes starting on a fresh file can collide here
 * (the switch needs the file to itself, and SQLite answers SQLITE_BUSY without waiting), so
 * a busy answer is retried for up to ten seconds.
 */
export async function enableWal(client: Client): Promise<void> {
	const deadline = Date.now() + 10_000;
	for (;;) {
		try {
			await client.execute('PRAGMA journal_mode = WAL');
			return;
		} catch (e) {
			const busy = (e as { code?: string }).code?.startsWith('SQLITE_BUSY');
			if (!busy || Date.now() > deadline) throw e;
			await sleep(20 + Math.random() * 80);
		}
	}
}
