import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { config, isFileUrl } from '../config';
import * as schema from './schema';

const FILE_PRAGMAS = [
	'PRAGMA busy_timeout = 10000',
	'PRAGMA synchronous = NORMAL',
	'PRAGMA foreign_keys = ON'
];

function applyConnectionPragmas(client: Client): void {
	// For file URLs execute() runs synchronously up to the native call, so these land on the
	// connection before any other query can.
	for (const pragma of FILE_PRAGMAS) client.execute(pragma).catch(() => {});
}

/**
 * Creates the libSQL client. For file databases the per-connection settings are applied now and
 * again after every transaction, because libsql hands its connection to the transaction and
 * opens a fresh one (with busy_timeout 0) for everything after it.
 */
export function createDatabaseClient(url: string, authToken?: string): Client {
	if (!isFileUrl(url)) return createClient({ url, authToken });
	const path = url.slice('file:'.length).split('?')[0];
	if (path && !path.startsWith(':')) mkdirSync(dirname(path), { recursive: true });
	const client = createClient({ url });
	applyConnectionPragmas(client);
	const transaction = client.transaction.bind(client);
	client.transaction = ((mode) => {
		const started = transaction(mode);
		applyConnectionPragmas(client);
		return started;
	}) as Client['transaction'];
	return client;
}

export const client = createDatabaseClient(config.databaseUrl, config.databaseAuthToken);
export const db = drizzle(client, { schema });
export type Database = typeof db;
