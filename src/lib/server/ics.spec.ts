import { describe, expect, it } from 'vitest';
import { allDayCalendar, calendarFileName, escapeText, foldLine } from './ics';

/** A small RFC 5545 reader: unfolds lines and returns the VEVENT's properties with parameters. */
function parseEvent(text: string): Map<string, { params: string; value: string }> {
	expect(text.endsWith('\r\n')).toBe(true);
	// every line break is CRLF
	expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	const lines = text
		.replace(/\r\n[ \t]/g, '')
		.split('\r\n')
		.filter(Boolean);
	expect(lines[0]).toBe('BEGIN:VCALENDAR');
	expect(lines.at(-1)).toBe('END:VCALENDAR');
	const start = lines.indexOf('BEGIN:VEVENT');
	const end = lines.indexOf('END:VEVENT');
	expect(start).toBeGreaterThan(0);
	const props = new Map<string, { params: string; value: string }>();
	for (const line of lines.slice(start + 1, end)) {
		const colon = line.indexOf(':');
		const [name, ...params] = line.slice(0, colon).split(';');
		props.set(name, { params: params.join(';'), value: line.slice(colon + 1) });
	}
	return props;
}

function unescapeText(value: string): string {
	return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

describe('calendar files', () => {
	it('carry an all-day event on the given date that parses back', () => {
		const text = allDayCalendar(
			{
				uid: 'review-123@sorgekompass',
				date: '2027-05-20',
				summary: 'Überprüfung: Zeittausch; Nachbarschaft, Quartier\\Nord',
				description: 'Zeile eins\nZeile zwei'
			},
			new Date('2026-11-30T09:15:00.123Z')
		);
		const event = parseEvent(text);
		expect(event.get('DTSTART')).toEqual({ params: 'VALUE=DATE', value: '20270520' });
		expect(event.get('DTEND')).toEqual({ params: 'VALUE=DATE', value: '20270521' });
		expect(event.get('DTSTAMP')?.value).toBe('20261130T091500Z');
		expect(event.get('UID')?.value).toBe('review-123@sorgekompass');
		expect(unescapeText(event.get('SUMMARY')!.value)).toBe(
			'Überprüfung: Zeittausch; Nachbarschaft, Quartier\\Nord'
		);
		expect(unescapeText(event.get('DESCRIPTION')!.value)).toBe('Zeile eins\nZeile zwei');
	});

	it('rolls the end date over month and year ends', () => {
		const event = parseEvent(
			allDayCalendar({ uid: 'x', date: '2026-12-31', summary: 'Silvester' })
		);
		expect(event.get('DTEND')?.value).toBe('20270101');
	});

	it('escapes text and folds long lines at 75 octets without splitting umlauts', () => {
		expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
		const long = 'SUMMARY:' + 'Ä'.repeat(100);
		const folded = foldLine(long);
		for (const line of folded.split('\r\n')) {
			expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		}
		expect(folded.replace(/\r\n /g, '')).toBe(long);
	});

	it('rejects dates that are not YYYY-MM-DD', () => {
		expect(() => allDayCalendar({ uid: 'x', date: '20.05.2027', summary: 's' })).toThrow(
			RangeError
		);
	});

	it('names files with ASCII only', () => {
		expect(calendarFileName('Überprüfung: Straße & Café', '2027-05-20')).toBe(
			'Uberprufung-Strasse-Cafe_2027-05-20.ics'
		);
	});
});
