// The message catalogue: every area complete in German and English, no empty text, no key in two
// areas, and every area registered with Paraglide.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const MESSAGES = resolve('messages');
const LOCALES = ['de', 'en'] as const;
const AREAS = readdirSync(MESSAGES).filter((d) => statSync(join(MESSAGES, d)).isDirectory());

function read(area: string, locale: string): Record<string, unknown> {
	const raw = JSON.parse(readFileSync(join(MESSAGES, area, `${locale}.json`), 'utf8'));
	delete raw.$schema;
	return raw;
}

/** True when a message (plain text, or a variant structure) carries visible text. */
function hasText(value: unknown): boolean {
	if (typeof value === 'string') return value.trim().length > 0;
	if (Array.isArray(value)) return value.length > 0 && value.every(hasText);
	if (value && typeof value === 'object') {
		const inner = Object.values(value);
		return inner.length > 0 && inner.some(hasText);
	}
	return false;
}

describe('message catalogue', () => {
	it('has the common area and at least one more', () => {
		expect(AREAS).toContain('common');
		expect(AREAS.length).toBeGreaterThan(1);
	});

	it.each(AREAS)('area %s: de.json and en.json exist and have the same keys', (area) => {
		for (const locale of LOCALES) {
			expect(existsSync(join(MESSAGES, area, `${locale}.json`)), `${area}/${locale}.json`).toBe(
				true
			);
		}
		const de = Object.keys(read(area, 'de')).sort();
		const en = Object.keys(read(area, 'en')).sort();
		expect(
			de.filter((k) => !en.includes(k)),
			`keys only in ${area}/de.json`
		).toEqual([]);
		expect(
			en.filter((k) => !de.includes(k)),
			`keys only in ${area}/en.json`
		).toEqual([]);
	});

	it.each(AREAS)('area %s: no empty message', (area) => {
		for (const locale of LOCALES) {
			const empty = Object.entries(read(area, locale))
				.filter(([, value]) => !hasText(value))
				.map(([key]) => key);
			expect(empty, `empty messages in ${area}/${locale}.json`).toEqual([]);
		}
	});

	it('no key is defined in two areas', () => {
		const owner = new Map<string, string>();
		const duplicates: string[] = [];
		for (const area of AREAS) {
			for (const locale of LOCALES) {
				for (const key of Object.keys(read(area, locale))) {
					const first = owner.get(`${locale}:${key}`);
					if (first && first !== area) duplicates.push(`${key} (${first} and ${area})`);
					owner.set(`${locale}:${key}`, first ?? area);
				}
			}
		}
		expect(duplicates).toEqual([]);
	});

	it('project.inlang/settings.json lists every messages folder, and only those', () => {
		const settings = JSON.parse(readFileSync(resolve('project.inlang/settings.json'), 'utf8'));
		const patterns: string[] = settings['plugin.inlang.messageFormat'].pathPattern;
		expect(settings.locales).toEqual(['de', 'en']);
		expect(settings.baseLocale).toBe('de');
		const listed = patterns.map((p) => /^\.\/messages\/([^/]+)\/\{locale\}\.json$/.exec(p)?.[1]);
		expect(listed.every(Boolean), `unexpected pattern in ${patterns.join(', ')}`).toBe(true);
		expect([...listed].sort()).toEqual([...AREAS].sort());
		expect(new Set(listed).size).toBe(listed.length);
	});
});
