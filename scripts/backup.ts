// `npm run db:backup [target.db]`: a consistent copy of the configured database file
// (DATABASE_URL), also while the app runs. Default target: ./data/backups/sorgekompass-<time>.db.
import { config } from '../src/lib/server/config';
import { BackupRefused, backupDatabase } from '../src/lib/server/backup';

try {
	const result = await backupDatabase(config.databaseUrl, process.argv[2]);
	const kb = (result.bytes / 1024).toLocaleString('de-DE', { maximumFractionDigits: 0 });
	console.info(`Sicherung geschrieben: ${result.target} (${kb} KB, ${result.milliseconds} ms)`);
} catch (e) {
	if (!(e instanceof BackupRefused)) throw e;
	console.error(`Keine Sicherung: ${e.message}`);
	process.exit(1);
}
