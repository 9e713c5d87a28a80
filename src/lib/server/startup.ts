import { client, db } from './db';
import { enableWal, migrateDatabase, withStartupLock } from './db/migrate';
import { config, isFileUrl } from './config';
import { seedDemoData, hasAnyOrganization } from './demo';
import { startRetention } from './retention';

let ready: Promise<void> | undefined;

/** Prepares the database once per process: WAL, migrations, and the demo data on an empty database. */
export function prepareDatabase(): Promise<void> {
	ready ??= (async () => {
		if (isFileUrl(config.databaseUrl)) await enableWal(client);
		const applied = await migrateDatabase(client, db);
		if (applied > 0) console.info(`[db] applied ${applied} migration(s)`);
		// Retention of individual ratings and notes: now, then hourly (see retention.ts).
		await startRetention();
		if (config.demoData) {
			await withStartupLock(client, async () => {
				if (!(await hasAnyOrganization())) {
					await seedDemoData();
					console.info('[db] seeded the demo organisation');
				}
			});
		}
	})();
	return ready;
}
