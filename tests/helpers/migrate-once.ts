// Test helper for src/lib/server/db/migrate.spec.ts: one "server start" in its own process.
// Waits until START_AT (ms since epoch) so that several processes hit the same fresh database at
// the same moment, then does what startup does (WAL, migrations under the startup lock) and
// prints how many migrations this process applied as one JSON line.
import { client, db } from '../../src/lib/server/db';
import { enableWal, migrateDatabase } from '../../src/lib/server/db/migrate';

const startAt = Number(process.env.START_AT) || Date.now();
while (Date.now() < startAt) await new Promise((r) => setTimeout(r, 1));

await enableWal(client);
const applied = await migrateDatabase(client, db);
console.info(JSON.stringify({ pid: process.pid, applied }));
client.close();
