import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { client } from '$lib/server/db';
import { appliedMigrationCount } from '$lib/server/db/migrate';

/** Liveness and database reachability for operators and load balancers. */
export const GET: RequestHandler = async () => {
	try {
		await client.execute('SELECT 1');
		const migrations = await appliedMigrationCount(client);
		return json({ status: 'ok', database: 'reachable', migrations });
	} catch {
		return json({ status: 'error', database: 'unreachable', migrations: null }, { status: 503 });
	}
};
