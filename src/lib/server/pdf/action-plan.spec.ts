import { beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import type { ContentTable } from 'pdfmake/interfaces';
import { db } from '../db';
import * as s from '../db/schema';
import { DEMO_ASSESSMENTS, DEMO_TEAM, seedDemoData } from '../demo';
import {
	createAssessment,
	createOrganization,
	createParticipant,
	createRating,
	createTeam,
	migrated
} from '../testing/fixtures';
import { actionPlanDocument, loadActionPlan, renderActionPlan } from './action-plan';

/** The text of every page, whitespace collapsed (lines wrap wherever the layout decides). */
async function pagesText(pdf: Buffer): Promise<string[]> {
	const { text } = await extractText(new Uint8Array(pdf), { mergePages: false });
	return text.map((page) => page.replace(/\s+/g, ' '));
}

// pdf.js (inside unpdf) reads operator lists with ArrayBuffer#transferToFixedLength (ES2024),
// which Node 20 lacks; Node 22+ has it. A copying stand-in is enough for reading.
const arrayBufferProto = ArrayBuffer.prototype as ArrayBuffer & {
	transferToFixedLength?: (length?: number) => ArrayBuffer;
};
arrayBufferProto.transferToFixedLength ??= function (this: ArrayBuffer, length?: number) {
	const size = length ?? this.byteLength;
	const copy = new ArrayBuffer(size);
	new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(size, this.byteLength)));
	return copy;
};

/** How often each drawing operator occurs on a page. */
async function operatorCounts(pdf: Buffer, pageNumber: number): Promise<Map<number, number>> {
	const doc = await getDocumentProxy(new Uint8Array(pdf));
	const page = await doc.getPage(pageNumber);
	const list = await page.getOperatorList();
	const counts = new Map<number, number>();
	for (const op of list.fnArray) counts.set(op, (counts.get(op) ?? 0) + 1);
	return counts;
}

const newestDemo = DEMO_ASSESSMENTS[DEMO_ASSESSMENTS.length - 1];
let demoPdf: Buffer;
let demoPages: string[];

beforeAll(async () => {
	await migrated();
	await seedDemoData();
	const [newest] = await db
		.select({ assessment: s.assessment })
		.from(s.assessment)
		.innerJoin(s.team, eq(s.team.id, s.assessment.teamId))
		.where(eq(s.team.name, DEMO_TEAM))
		.orderBy(desc(s.assessment.date))
		.limit(1);
	demoPdf = (await renderActionPlan(newest.assessment.id)).pdf;
	demoPages = await pagesText(demoPdf);
});

describe('PDF action plan of the newest demo assessment', () => {
	it('is a PDF with page numbers "Seite x von y" on every page', () => {
		expect(demoPdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(demoPages.length).toBeGreaterThanOrEqual(2);
		demoPages.forEach((text, i) => {
			expect(text).toContain(`Seite ${i + 1} von ${demoPages.length}`);
			expect(text).toContain('Quartiersprojekt Beispielstadt');
		});
	});

	it('names the team, the date, the reached level and the facts of the cover', () => {
		const all = demoPages.join(' ');
		expect(all).toContain('Aktionsplan');
		expect(all).toContain('Quartiersprojekt Beispielstadt');
		expect(all).toContain('Beispielstadt-Nord');
		expect(all).toContain('12.11.2026');
		expect(all).toContain('Erreichte Stufe 2 von 5');
		expect(all).toContain('Stufenwert 2,67');
		expect(all).toContain('Demo Moderation');
		// 9 participants: 3 Freiwillige and 3 Sorge-Profis are named, 2 + 1 tags are summed
		expect(all).toContain('„Organisierte“ Freiwillige (3)');
		expect(all).toContain('weitere Gruppen (2)');
	});

	it('lists every action of the assessment, the carried-over one and the reflection answers', () => {
		const all = demoPages.join(' ');
		for (const action of newestDemo.actions) expect(all).toContain(action.title);
		// "Sorgelandkarte erstellen" (May, läuft) is still open; the done/dropped ones are not listed
		expect(all).toContain('Sorgelandkarte erstellen');
		expect(all).not.toContain('Letzte-Hilfe-Kurs anbieten');
		expect(all).toContain(newestDemo.answers['question.isolation']);
		expect(all).toContain('Wer ist bei uns sozial isoliert?');
		expect(all).toContain('Maßnahmen');
		expect(all).toContain('Die nächste Standortbestimmung ist für den 20.05.2027 geplant.');
	});

	it('compares with the previous assessment and marks risks', () => {
		const all = demoPages.join(' ');
		expect(all).toContain('Verglichen mit „Zweite Standortbestimmung“ vom 21.05.2026');
		expect(all).toContain('Erreichte Stufe: vorher 1, jetzt 2');
		// level 2: Teamwert 2 (consensus in May) → 3 (median now)
		expect(all).toMatch(/Stufe 2 · Anteil nehmen 2 3 ↑ \+1/);
		expect(all).toMatch(/Anschlussfinanzierung ist offen/);
		expect(all).toMatch(/akut/);
	});

	it('embeds the pyramid drawing and the radar image', async () => {
		const { OPS } = await getResolvedPDFJS();
		const pyramidPage = demoPages.findIndex((t) =>
			t.includes('Pyramide der Sorgenden Gemeinschaft')
		);
		const radarPage = demoPages.findIndex((t) => t.includes('Merkmale Sorgender Gemeinschaften'));
		expect(pyramidPage).toBeGreaterThanOrEqual(0);
		expect(radarPage).toBeGreaterThanOrEqual(0);
		const pyramidOps = await operatorCounts(demoPdf, pyramidPage + 1);
		// the next level's band is drawn dashed; nothing else in the document is
		expect(pyramidOps.get(OPS.setDash) ?? 0).toBeGreaterThan(0);
		// five bands + leader lines + table rules are paths
		expect(pyramidOps.get(OPS.constructPath) ?? 0).toBeGreaterThanOrEqual(10);
		const radarOps = await operatorCounts(demoPdf, radarPage + 1);
		expect(radarOps.get(OPS.paintImageXObject) ?? 0).toBe(1);
		// the level table's statistics are shown (enough answers): "Stufe 1 … 3 3 9 erreicht"
		expect(demoPages[pyramidPage]).toMatch(/Stufe 1 Wahrnehmen & Kontakt 3 3 9 erreicht/);
	});
});

describe('PDF action plan of a small first assessment', () => {
	let pdfText: string;
	let assessmentId: string;

	beforeAll(async () => {
		const org = await createOrganization('pdf');
		const team = await createTeam(org.id, 'Nachbarschaft Ölberg');
		const a = await createAssessment(team.id, {
			date: '2026-02-03',
			title: 'Auftakt',
			status: 'abgeschlossen'
		});
		assessmentId = a.id;
		const p1 = await createParticipant(a.id);
		const p2 = await createParticipant(a.id);
		// two answers < m = 3: no median (1), no range (1–4) may appear
		await createRating(p1, 'level.1', 1);
		await createRating(p2, 'level.1', 4);
		await createRating(p1, 'trait.raumbezug', 1);
		await createRating(p2, 'trait.raumbezug', 4);
		const { pdf } = await renderActionPlan(a.id);
		pdfText = (await pagesText(pdf)).join(' ');
	});

	it('renders and says there are no actions and no earlier assessment', () => {
		expect(pdfText).toContain('Nachbarschaft Ölberg');
		expect(pdfText).toContain('03.02.2026');
		expect(pdfText).toContain('In dieser Standortbestimmung wurden keine Maßnahmen beschlossen.');
		expect(pdfText).toContain('Dies ist die erste Standortbestimmung des Teams.');
		expect(pdfText).toContain('Aus früheren Standortbestimmungen sind keine Maßnahmen mehr offen.');
		expect(pdfText).toContain('Erreichte Stufe 0 von 5');
	});

	it('shows "zu wenige Antworten" and no statistics for an item under the minimum group size', async () => {
		expect(pdfText).toContain('zu wenige Antworten');
		expect(pdfText).not.toContain('1–4');
		// the level table row of level 1: no Teamwert, no median, n = 2, open
		const doc = actionPlanDocument(await loadActionPlan(assessmentId), null);
		const tables = (doc.content as object[]).filter(
			(c): c is ContentTable => typeof c === 'object' && c !== null && 'table' in c && 'layout' in c
		);
		const levelTable = tables.find((t) => JSON.stringify(t.table.body[0]).includes('"Median"'))!;
		const row = levelTable.table.body.find((r) => JSON.stringify(r[0]).includes('Stufe 1 '))!;
		expect(row.slice(1)).toEqual([
			{ text: '–', color: '#5f6b76' },
			'–',
			'2',
			'offen',
			{ text: 'zu wenige Antworten', color: '#5f6b76' }
		]);
	});
});
