import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { db } from '../db';
import * as s from '../db/schema';
import {
	createAssessment,
	createOrganization,
	createParticipant,
	createRating,
	createTeam
} from '../testing/fixtures';
import { actionsCsv, neutralize, ratingsCsv, teamScope, teamValuesCsv, toCsv } from './csv';

/** A small RFC 4180 reader for ';'-separated text with CRLF records. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ';') {
			row.push(cell);
			cell = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i++;
		} else cell += c;
	}
	if (cell !== '' || row.length > 0) {
		row.push(cell);
		rows.push(row);
	}
	return rows;
}

function body(csv: string): string[][] {
	expect(csv.charCodeAt(0)).toBe(0xfeff);
	return parseCsv(csv.slice(1));
}

let first: s.Assessment;
let second: s.Assessment;
let teamId: string;

beforeAll(async () => {
	const org = await createOrganization('csv');
	const team = await createTeam(org.id, 'Quartier Süd');
	teamId = team.id;
	first = await createAssessment(team.id, {
		date: '2026-03-05',
		title: '+Frühjahr',
		status: 'abgeschlossen'
	});
	const people = [];
	for (const nickname of ['Hannelore', 'Bernd', 'Ayşe', 'Kim']) {
		people.push(await createParticipant(first.id, { nickname }));
	}
	const [p1, p2, p3, p4] = people;
	// level.1: four answers, three known (2, 3, 4) → median 3, mean 3,00, no lowN
	await createRating(p1, 'level.1', 2, { confidence: 'sicher', note: 'Hannelore meint' });
	await createRating(p2, 'level.1', 3, { confidence: 'unsicher' });
	await createRating(p3, 'level.1', null);
	await createRating(p4, 'level.1', 4, { confidence: 'unsicher' });
	// level.2: two known answers < m = 3 → under the minimum-group-size rule
	await createRating(p1, 'level.2', 1, { confidence: 'sicher' });
	await createRating(p2, 'level.2', 3, { confidence: 'sicher' });
	// trait.raumbezug: 2, 3, 3 → mean 2,67
	await createRating(p1, 'trait.raumbezug', 2);
	await createRating(p2, 'trait.raumbezug', 3);
	await createRating(p4, 'trait.raumbezug', 3);
	await db.insert(s.consensus).values({
		assessmentId: first.id,
		itemKey: 'level.2',
		itemRevision: 1,
		value: 2,
		reason: '=HYPERLINK("http://example.invalid";"klick")'
	});
	await db.insert(s.action).values([
		{
			id: randomUUID(),
			teamId: team.id,
			assessmentId: first.id,
			itemKey: 'level.2',
			title: '=1+2',
			description: '-10 Euro; "Spende"\nzweite Zeile',
			owner: '@quartiersbuero',
			dueDate: '2026-06-30',
			reviewDate: '2026-09-01',
			horizon: 'gross_gedacht',
			status: 'laeuft'
		}
	]);

	second = await createAssessment(team.id, {
		date: '2026-09-10',
		title: 'Herbst',
		status: 'abgeschlossen'
	});
	const later = [];
	for (let i = 0; i < 3; i++)
		later.push(await createParticipant(second.id, { nickname: `Gast${i}` }));
	for (const [i, p] of later.entries()) await createRating(p, 'level.1', i + 2);
});

describe('CSV basics', () => {
	it('neutralises cells that a spreadsheet would run as a formula', () => {
		expect(neutralize('=SUMME(A1:A3)')).toBe("'=SUMME(A1:A3)");
		expect(neutralize('+49 211')).toBe("'+49 211");
		expect(neutralize('-1')).toBe("'-1");
		expect(neutralize('@home')).toBe("'@home");
		expect(neutralize('\tTab')).toBe("'\tTab");
		expect(neutralize('\rCR')).toBe("'\rCR");
		expect(neutralize('Erzählcafé = gut')).toBe('Erzählcafé = gut');
	});

	it('writes a BOM, semicolons and CRLF', () => {
		const csv = toCsv(['a', 'b'], [['1;2', 'x"y']]);
		expect(csv).toBe('\ufeffa;b\r\n"1;2";"x""y"\r\n');
	});
});

describe('ratings CSV', () => {
	it('lists anonymised ratings with pseudonyms and suppresses lowN items', async () => {
		const csv = await ratingsCsv({ assessmentIds: [first.id] });
		const rows = body(csv);
		expect(rows[0]).toEqual([
			'Datum',
			'Standortbestimmung',
			'Schlüssel',
			'Stufe oder Merkmal',
			'Teilnehmende (Pseudonym)',
			'Bewertung',
			'Sicherheit'
		]);
		const title = 'sich gegenseitig wahrnehmen, miteinander in Kontakt treten';
		expect(rows.slice(1)).toEqual([
			['05.03.2026', "'+Frühjahr", 'level.1', title, 'P01', '2', 'sicher'],
			['05.03.2026', "'+Frühjahr", 'level.1', title, 'P02', '3', 'unsicher'],
			['05.03.2026', "'+Frühjahr", 'level.1', title, 'P03', 'kann ich nicht einschätzen', ''],
			['05.03.2026', "'+Frühjahr", 'level.1', title, 'P04', '4', 'unsicher'],
			[
				'05.03.2026',
				"'+Frühjahr",
				'level.2',
				'sich füreinander interessieren, Anteil nehmen',
				'',
				'zu wenige Antworten (n = 2)',
				''
			],
			['05.03.2026', "'+Frühjahr", 'trait.raumbezug', expect.any(String), 'P01', '2', ''],
			['05.03.2026', "'+Frühjahr", 'trait.raumbezug', expect.any(String), 'P02', '3', ''],
			['05.03.2026', "'+Frühjahr", 'trait.raumbezug', expect.any(String), 'P04', '3', '']
		]);
		for (const name of ['Hannelore', 'Bernd', 'Ayşe', 'Kim']) expect(csv).not.toContain(name);
	});

	it('numbers participants per assessment in the team-wide file', async () => {
		const scope = await teamScope(teamId);
		expect(scope.assessmentIds).toEqual([first.id, second.id]);
		const rows = body(await ratingsCsv(scope)).slice(1);
		const autumn = rows.filter((r) => r[1] === 'Herbst');
		expect(autumn.map((r) => [r[4], r[5]])).toEqual([
			['P01', '2'],
			['P02', '3'],
			['P03', '4']
		]);
	});
});

describe('Teamwerte CSV', () => {
	it('has one row per item with reasons, decimal commas and no statistics under lowN', async () => {
		const rows = body(await teamValuesCsv({ assessmentIds: [first.id] }));
		expect(rows).toHaveLength(1 + 11);
		const byKey = new Map(rows.slice(1).map((r) => [r[2], r]));
		// Teamwert, Herkunft, Begründung, Stand, n, Median, Mittelwert, Min, Max, Spanne, Hinweise
		expect(byKey.get('level.1')!.slice(4)).toEqual([
			'3',
			'aus dem Median',
			'',
			'erreicht',
			'4',
			'3',
			'3,00',
			'2',
			'4',
			'2',
			'Wissenslücke'
		]);
		expect(byKey.get('level.2')!.slice(4)).toEqual([
			'2',
			'im Team vereinbart',
			'\'=HYPERLINK("http://example.invalid";"klick")',
			'im Aufbau',
			'2',
			'',
			'',
			'',
			'',
			'',
			'zu wenige Antworten (n = 2)'
		]);
		expect(byKey.get('trait.raumbezug')!.slice(4, 11)).toEqual([
			'3',
			'aus dem Median',
			'',
			'',
			'3',
			'3',
			'2,67'
		]);
		expect(byKey.get('level.5')!.slice(4)).toEqual([
			'',
			'',
			'',
			'offen',
			'0',
			'',
			'',
			'',
			'',
			'',
			'offen – noch keine Bewertungen'
		]);
	});
});

describe('actions CSV', () => {
	it('lists actions with German dates and neutralised text', async () => {
		const rows = body(await actionsCsv(await teamScope(teamId)));
		expect(rows.slice(1)).toEqual([
			[
				'05.03.2026',
				"'+Frühjahr",
				"'=1+2",
				'\'-10 Euro; "Spende"\nzweite Zeile',
				'Stufe 2 · Anteil nehmen',
				"'@quartiersbuero",
				'30.06.2026',
				'01.09.2026',
				'groß gedacht',
				'läuft',
				''
			]
		]);
	});
});
