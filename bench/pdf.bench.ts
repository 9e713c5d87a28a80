// PDF action plan benchmark: the full action plan of the newest demo assessment (cover, pyramid
// SVG, radar PNG drawn with Chart.js, five tables, answers; 4 pages) against a one-page pdfmake
// document with the same embedded fonts, measured alternately in the same run. Prints the cold
// first render, the warm medians and their ratio. Goal: warm median < 300 ms.
// Run: npx tsx bench/pdf.bench.ts
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const WARMUP_RUNS = 5;
const MEASURED_RUNS = 31;

// A fresh database with the demo data; set before the db module is imported.
process.env.DATABASE_URL = `file:${join(mkdtempSync(join(tmpdir(), 'sorgekompass-bench-')), 'bench.db')}`;
process.env.DEMO_DATA = 'off';

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor((sorted.length - 1) / 2)];
}

function ms(value: number): string {
	return `${value.toFixed(1)} ms`;
}

async function main() {
	const importStart = performance.now();
	const { prepareDatabase } = await import('../src/lib/server/startup');
	const { seedDemoData } = await import('../src/lib/server/demo');
	const { db } = await import('../src/lib/server/db');
	const schema = await import('../src/lib/server/db/schema');
	const { desc } = await import('drizzle-orm');
	const { renderActionPlan } = await import('../src/lib/server/pdf/action-plan');
	const { renderPdf } = await import('../src/lib/server/pdf/render');
	const { PDF_FONT } = await import('../src/lib/server/pdf/fonts');
	const importMs = performance.now() - importStart;

	await prepareDatabase();
	await seedDemoData();
	const [newest] = await db
		.select({ id: schema.assessment.id })
		.from(schema.assessment)
		.orderBy(desc(schema.assessment.date))
		.limit(1);

	const onePage = () =>
		renderPdf({
			pageSize: 'A4',
			content: [
				{ text: 'Aktionsplan', fontSize: 22, bold: true },
				{ text: 'Quartiersprojekt Beispielstadt · 12.11.2026 · Maßnahmen für das Quartier' }
			],
			defaultStyle: { font: PDF_FONT, fontSize: 9 }
		});

	let start = performance.now();
	const first = await renderActionPlan(newest.id);
	const coldMs = performance.now() - start;
	start = performance.now();
	await onePage();
	const coldOnePageMs = performance.now() - start;

	for (let i = 0; i < WARMUP_RUNS; i++) {
		await renderActionPlan(newest.id);
		await onePage();
	}
	const plan: number[] = [];
	const baseline: number[] = [];
	for (let i = 0; i < MEASURED_RUNS; i++) {
		start = performance.now();
		await renderActionPlan(newest.id);
		plan.push(performance.now() - start);
		start = performance.now();
		await onePage();
		baseline.push(performance.now() - start);
	}
	const planMedian = median(plan);
	const baseMedian = median(baseline);
	console.log(
		`PDF action plan benchmark (${MEASURED_RUNS} runs after ${WARMUP_RUNS} warm-up runs)`
	);
	console.log(`  module imports:                 ${ms(importMs)}`);
	console.log(`  action plan, cold first render: ${ms(coldMs)} (${first.pdf.length} bytes)`);
	console.log(`  one-page pdfmake, first render: ${ms(coldOnePageMs)}`);
	console.log(
		`  action plan, warm median:       ${ms(planMedian)} (min ${ms(Math.min(...plan))}, max ${ms(Math.max(...plan))})`
	);
	console.log(
		`  one-page pdfmake, warm median:  ${ms(baseMedian)} (min ${ms(Math.min(...baseline))})`
	);
	console.log(`  ratio action plan / one page:   ${(planMedian / baseMedian).toFixed(1)}×`);
	console.log(`  goal warm median < 300 ms:      ${planMedian < 300 ? 'met' : 'NOT met'}`);
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	}
);
