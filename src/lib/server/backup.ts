// `npm run db:backup`: a consistent copy of the embedded database file while the app runs.
// Relative imports only: the script runs under tsx, which does not know the $lib alias.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createClient } from '@libsql/client';
import { isFileUrl } from './config';

/** Why a backup was refused; the CLI prints the message and exits 1. */
export class BackupRefused extends Error {}

/** The file path of a `file:` URL (without query), or null for remote and in-memory URLs. */
export function databaseFilePath(url: string): string | null {
	if (!isFileUrl(url)) return null;
	const path = url.slice('file:'.length).split('?')[0];
	if (!path || path.startsWith(':')) return null;
	return resolve(path);
}

/** `./data/backups/sorgekompass-2026-11-05T10-30-00-123Z.db` (colons are not file-name safe everywhere). */
export function defaultBackupTarget(now = new Date(), dir = './data/backups'): string {
	const stamp = now.toISOString().replace(/:/g, '-').replace('.', '-');
	return resolve(dir, `sorgekompass-${stamp}.db`);
}

export interface BackupResult {
	target: string;
	bytes: number;
	milliseconds: number;
}

/**
 * Writes a consistent copy of the file database with `VACUUM INTO`: one read transaction, so
 * writers of the running app go on (WAL) and the copy holds exactly the commits before it began.
 * Refuses remote databases (libSQL server/Turso keep their own backups) and existing targets.
 */
export async function backupDatabase(databaseUrl: string, target?: string): Promise<BackupResult> {
	const source = databaseFilePath(databaseUrl);
	if (!source) {
		throw new BackupRefused(
			'DATABASE_URL nennt keine Datenbankdatei. Ein libSQL-Server bzw. Turso hat eigene ' +
				'Sicherungen (Point-in-Time-Restore); bitte diese verwenden.'
		);
	}
	if (!existsSync(source)) throw new BackupRefused(`Die Datenbankdatei ${source} existiert nicht.`);
	const out = resolve(target ?? defaultBackupTarget());
	if (out === source)
		throw new BackupRefused('Die Sicherung kann nicht die Datenbank selbst ersetzen.');
	if (existsSync(out))
		throw new BackupRefused(`${out} existiert bereits und wird nicht überschrieben.`);
	mkdirSync(dirname(out), { recursive: true });
	const client = createClient({ url: `file:${source}` });
	const started = performance.now();
	try {
		// Waits for a checkpoint or a writer's lock instead of failing at once.
		await client.execute('PRAGMA busy_timeout = 30000');
		await client.execute({ sql: 'VACUUM INTO ?', args: [out] });
	} finally {
		client.close();
	}
	return {
		target: out,
		bytes: statSync(out).size,
		milliseconds: Math.round(performance.now() - started)
	};
}
