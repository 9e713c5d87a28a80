// The route tree under src/routes, read at test time, so that a new page, form action or
// endpoint is covered by the hardening tests (fuzzing, authorisation matrix) without anyone
// remembering to list it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface RouteInfo {
	/** SvelteKit route id, e.g. `/teams/[team]/assessments/[assessment]/steuern`. */
	id: string;
	/** Parameter names in order of appearance (`team`, `assessment`). */
	params: string[];
	/** A page (+page.svelte / +page.server.ts / +page.ts) answers GET. */
	page: boolean;
	/** Form actions of the page: `default` or the named keys of `export const actions`. */
	actions: string[];
	/** Methods exported by +server.ts. */
	methods: HttpMethod[];
}

/** Skips strings, template literals and comments; returns the index after them. */
function skipLiteral(src: string, i: number): number {
	const c = src[i];
	if (c === '/' && src[i + 1] === '/') return src.indexOf('\n', i) + 1 || src.length;
	if (c === '/' && src[i + 1] === '*') return src.indexOf('*/', i + 2) + 2;
	if (c === '"' || c === "'" || c === '`') {
		let j = i + 1;
		while (j < src.length && src[j] !== c) {
			if (src[j] === '\\') j++;
			else if (c === '`' && src[j] === '$' && src[j + 1] === '{') {
				// A template expression: find its closing brace.
				let depth = 1;
				j += 2;
				while (j < src.length && depth > 0) {
					if (src[j] === '{') depth++;
					else if (src[j] === '}') depth--;
					if (depth > 0) j++;
				}
			}
			j++;
		}
		return j + 1;
	}
	return i;
}

/** The top-level keys of `export const actions … = { … }` in a +page.server.ts source. */
export function parseActionKeys(source: string): string[] {
	const start = source.search(/export\s+const\s+actions\b/);
	if (start < 0) return [];
	const open = source.indexOf('{', source.indexOf('=', start));
	const keys: string[] = [];
	let depth = 0;
	let i = open;
	let expectKey = true;
	while (i < source.length) {
		const skipped = skipLiteral(source, i);
		if (skipped !== i) {
			if (depth === 1 && expectKey && /['"]/.test(source[i])) {
				keys.push(source.slice(i + 1, skipped - 1));
				expectKey = false;
			}
			i = skipped;
			continue;
		}
		const c = source[i];
		if (c === '{' || c === '(' || c === '[') {
			depth++;
			if (depth === 1) expectKey = true;
		} else if (c === '}' || c === ')' || c === ']') {
			depth--;
			if (depth === 0) break;
		} else if (depth === 1 && c === ',') expectKey = true;
		else if (depth === 1 && expectKey && /[A-Za-z_$]/.test(c)) {
			const match = /^(?:async\s+)?([A-Za-z_$][\w$]*)/.exec(source.slice(i));
			if (match) {
				keys.push(match[1]);
				expectKey = false;
				i += match[0].length;
				continue;
			}
		}
		i++;
	}
	return keys;
}

/** HTTP methods exported by a +server.ts source. */
export function parseEndpointMethods(source: string): HttpMethod[] {
	const found = new Set<HttpMethod>();
	const re = /export\s+(?:const|let|async\s+function|function)\s+([A-Z]+)\b/g;
	for (let match = re.exec(source); match; match = re.exec(source)) {
		if ((HTTP_METHODS as readonly string[]).includes(match[1])) found.add(match[1] as HttpMethod);
	}
	const reexport = /export\s*\{([^}]*)\}/g;
	for (let match = reexport.exec(source); match; match = reexport.exec(source)) {
		for (const name of match[1].split(',').map((n) =>
			n
				.trim()
				.split(/\s+as\s+/)
				.pop()!
		)) {
			if ((HTTP_METHODS as readonly string[]).includes(name)) found.add(name as HttpMethod);
		}
	}
	return [...found];
}

function routeIdOf(dir: string, root: string): string {
	const rel = relative(root, dir).split(sep).filter(Boolean);
	// Groups `(name)` do not appear in the URL.
	const segments = rel.filter((s) => !/^\(.*\)$/.test(s));
	return '/' + segments.join('/');
}

/** Every page and endpoint below `root` (default: src/routes of the current project). */
export function listRoutes(root = resolve('src/routes')): RouteInfo[] {
	const routes: RouteInfo[] = [];
	const walk = (dir: string) => {
		const files = readdirSync(dir);
		const has = (name: string) => files.includes(name);
		const pageServer = ['+page.server.ts', '+page.server.js'].find(has);
		const endpoint = ['+server.ts', '+server.js'].find(has);
		const page = ['+page.svelte', '+page.ts', '+page.js'].some(has) || !!pageServer;
		if (page || endpoint) {
			const id = routeIdOf(dir, root);
			routes.push({
				id,
				params: [...id.matchAll(/\[+(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]+/g)].map((m) => m[1]),
				page,
				actions: pageServer ? parseActionKeys(readFileSync(join(dir, pageServer), 'utf8')) : [],
				methods: endpoint ? parseEndpointMethods(readFileSync(join(dir, endpoint), 'utf8')) : []
			});
		}
		for (const name of files) {
			const full = join(dir, name);
			if (statSync(full).isDirectory()) walk(full);
		}
	};
	if (!existsSync(root)) throw new Error(`no route folder at ${root}`);
	walk(root);
	return routes.sort((a, b) => a.id.localeCompare(b.id));
}

/** The URL path of a route id with its parameters filled in (values are URL-encoded). */
export function fillRoute(id: string, values: Record<string, string>): string {
	return id.replace(/\[+(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]+/g, (_, name: string) => {
		if (!(name in values)) throw new Error(`no value for parameter [${name}] of ${id}`);
		return encodeURIComponent(values[name]);
	});
}
