// `npm test`: every check and test, in the order a failure is cheapest to find.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function run(label, command, args, env = {}) {
	console.info(`\n=== ${label}: ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	if (result.status !== 0) {
		console.error(`\n✖ ${label} failed`);
		process.exit(result.status ?? 1);
	}
}

if (!existsSync(CHROMIUM)) {
	console.error(
		`Chromium was not found at ${CHROMIUM}. The browser tests need Debian's Chromium:\n` +
			'  apt-get update && apt-get install -y chromium\n' +
			'(or set CHROMIUM_PATH to another Chromium binary).'
	);
	process.exit(1);
}

run('paraglide', 'npx', [
	'paraglide-js',
	'compile',
	'--project',
	'./project.inlang',
	'--outdir',
	'./src/lib/paraglide'
]);
run('format + lint', 'npm', ['run', 'lint']);
run('svelte-check', 'npm', ['run', 'check']);
// Integration tests start the built server, so the build comes first.
run('build', 'npx', ['vite', 'build']);
run('unit + integration (vitest)', 'npx', ['vitest', 'run']);
run('browser (playwright)', 'npx', ['playwright', 'test']);
console.info('\n✔ all checks and tests passed');
