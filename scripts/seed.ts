// `npm run db:seed`: migrates the configured database and writes the demo organisation if the
// database holds no organisation yet.
import { client, db } from '../src/lib/server/db';
import { migrateDatabase, withStartupLock } from '../src/lib/server/db/migrate';
import { hasAnyOrganization, seedDemoData } from '../src/lib/server/demo';

await migrateDatabase(client, db);
await withStartupLock(client, async () => {
	if (await hasAnyOrganization()) {
		console.info('The database already holds an organisation; nothing seeded.');
	} else {
		await seedDemoData();
		console.info('Demo organisation seeded.');
	}
});
client.close();
