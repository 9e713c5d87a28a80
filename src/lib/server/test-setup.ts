// Every vitest file gets its own real libSQL file database in a fresh temporary folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'sorgekompass-test-'));
process.env.DATABASE_URL = `file:${join(dir, 'test.db')}`;
process.env.DEMO_DATA ??= 'off';
