// The chart descriptions shared by the result page and the PDF.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pyramidResult, type LevelState, type RatingValue } from '../scoring';
import { CSS_VARIABLES, LEVEL_COLORS } from './palette';
import { escapeXml, pyramidSvg, type PyramidSvgLabels } from './pyramid';
import { radarAxes, radarConfig, wrapLabel } from './radar';

const labels: PyramidSvgLabels = {
	title: 'Pyramide: erreichte Stufe 2 von 5',
	levelTitles: ['Wahrnehmen', 'Anteil nehmen', 'Unterstützen', 'Organisieren', 'Verantworten'],
	level: 'Stufe',
	states: {
		erreicht: 'erreicht',
		im_aufbau: 'im Aufbau',
		ansaetze: 'Ansätze',
		nicht_erkennbar: 'nicht erkennbar',
		offen: 'offen'
	},
	teamValue: 'Teamwert',
	next: 'nächste Stufe',
	ahead: 'Vorgriff – trägt die Basis?'
};

function draw(values: (RatingValue | null)[], overrides: Partial<PyramidSvgLabels> = {}) {
	const result = pyramidResult(values);
	return pyramidSvg({ ...result, teamValues: values }, { labels: { ...labels, ...overrides } });
}

/** The band groups of the drawing, bottom (level 1) first, with their class and state. */
function bands(svg: string): { level: number; kind: string; state: LevelState; body: string }[] {
	const found = [
		...svg.matchAll(
			/<g class="sk-pyramid__band sk-pyramid__band--(\w+)" data-level="(\d)" data-state="(\w+)">(.*?)<\/g>/g
		)
	];
	return found
		.map((m) => ({ kind: m[1], level: Number(m[2]), state: m[3] as LevelState, body: m[4] }))
		.sort((a, b) => a.level - b.level);
}

describe('pyramidSvg()', () => {
	it('draws five trapezoid bands, level 1 the widest at the bottom', () => {
		const svg = draw([3, 3, 2, 2, 0]);
		const list = bands(svg);
		expect(list.map((b) => b.level)).toEqual([1, 2, 3, 4, 5]);
		const geometry = list.map((band) => {
			const points = /points="([^"]+)"/
				.exec(band.body)![1]
				.split(' ')
				.map((p) => p.split(',').map(Number));
			expect(points).toHaveLength(4);
			const [bl, br, tr, tl] = points;
			return { bottomY: bl[1], bottomWidth: br[0] - bl[0], topWidth: tr[0] - tl[0] };
		});
		for (let i = 0; i < 5; i++) {
			// a trapezoid narrowing upwards
			expect(geometry[i].topWidth).toBeLessThan(geometry[i].bottomWidth);
			if (i > 0) {
				// each band lies above the previous one and is narrower
				expect(geometry[i].bottomY).toBeLessThan(geometry[i - 1].bottomY);
				expect(geometry[i].bottomWidth).toBeLessThan(geometry[i - 1].bottomWidth);
			}
		}
	});

	it('fills reached levels, marks the next level and names every band', () => {
		// the demo's third assessment: 3, 3, 2, 2 (consensus), 0 → k = 2, next 3
		const svg = draw([3, 3, 2, 2, 0]);
		const list = bands(svg);
		expect(list.map((b) => b.kind)).toEqual(['reached', 'reached', 'next', 'other', 'other']);
		expect(list.map((b) => b.state)).toEqual([
			'erreicht',
			'erreicht',
			'im_aufbau',
			'im_aufbau',
			'nicht_erkennbar'
		]);
		// reached bands carry their level colour, the others the neutral fill
		expect(list[0].body).toContain(`fill="${LEVEL_COLORS[0]}"`);
		expect(list[1].body).toContain(`fill="${LEVEL_COLORS[1]}"`);
		expect(list[2].body).not.toContain(`fill="${LEVEL_COLORS[2]}"`);
		// the next level: dashed outline and its label
		expect(list[2].body).toContain('stroke-dasharray');
		expect(list[2].body).toContain('nächste Stufe');
		expect(list[3].body).not.toContain('nächste Stufe');
		expect(list[0].body).toContain('Stufe 1 · Wahrnehmen');
		expect(list[3].body).toContain('im Aufbau · Teamwert 2');
		expect(list[4].body).toContain('Stufe 5 · Verantworten');
		expect(svg).toContain('role="img"');
		expect(svg).toMatch(/<title id="pyramid-title">Pyramide: erreichte Stufe 2 von 5<\/title>/);
		expect(svg).toContain('aria-labelledby="pyramid-title"');
	});

	it('hints levels ahead of their base and shows open levels without a Teamwert', () => {
		// SCORING example 4: 2, 4, 4, open, open → k = 0, next 1, levels 2 and 3 ahead
		const list = bands(draw([2, 4, 4, null, null]));
		expect(list.map((b) => b.kind)).toEqual(['next', 'ahead', 'ahead', 'other', 'other']);
		expect(list[1].body).toContain('Vorgriff – trägt die Basis?');
		expect(list[1].body).toContain('fill-opacity="0.45"');
		expect(list[3].body).toContain('>offen<');
		expect(list[3].body).not.toContain('Teamwert');
	});

	it('has no next level when all five are reached', () => {
		const list = bands(draw([4, 4, 3, 3, 3]));
		expect(list.every((b) => b.kind === 'reached')).toBe(true);
		expect(list.map((b) => b.body).join('')).not.toContain('nächste Stufe');
	});

	it('escapes every text it is given', () => {
		const svg = draw([3, null, null, null, null], {
			title: 'A <b>&</b> "x"',
			description: "Tom's <script>",
			levelTitles: ['<img src=x onerror=alert(1)>', 'b', 'c', 'd', 'e']
		});
		expect(svg).not.toContain('<img');
		expect(svg).not.toContain('<script>');
		expect(svg).toContain('A &lt;b&gt;&amp;&lt;/b&gt; &quot;x&quot;');
		expect(svg).toContain('<desc id="pyramid-desc">Tom&#39;s &lt;script&gt;</desc>');
		expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
	});

	it('keeps ids unique per drawing with an id prefix', () => {
		const result = pyramidResult([1, 0, 0, 0, 0]);
		const svg = pyramidSvg(
			{ ...result, teamValues: [1, 0, 0, 0, 0] },
			{ labels, idPrefix: 'verlauf-3"><x' }
		);
		expect(svg).toContain('<title id="verlauf-3x-title">');
	});
});

describe('radarConfig()', () => {
	const axes = radarAxes([
		{
			label: 'Raumbezug',
			summary: {
				suppressed: false,
				itemKey: 'trait.raumbezug',
				n: 4,
				nKnown: 4,
				median: 3,
				mean: 3,
				min: 2,
				max: 4,
				range: 2,
				distribution: { 0: 0, 1: 0, 2: 1, 3: 2, 4: 1, unknown: 0 },
				teamValue: 3,
				hasConsensus: false,
				consensusReason: null,
				status: 'rated',
				flags: { dissent: false, knowledgeGap: false, lowN: false, perspectiveGap: false }
			}
		},
		{
			label: 'Werthorizonte',
			summary: {
				suppressed: true,
				itemKey: 'trait.werthorizonte',
				n: 2,
				teamValue: 2,
				hasConsensus: true,
				consensusReason: null,
				flags: { lowN: true }
			}
		}
	]);
	const texts = { teamValue: 'Teamwert', min: 'niedrigste', max: 'höchste' };

	it('draws the Teamwert and a min–max band, without a band for items under the group-size rule', () => {
		expect(axes).toEqual([
			{ label: 'Raumbezug', teamValue: 3, min: 2, max: 4 },
			{ label: 'Werthorizonte', teamValue: 2, min: null, max: null }
		]);
		const config = radarConfig(axes, texts);
		expect(config.type).toBe('radar');
		expect(config.data.labels).toEqual(['Raumbezug', 'Werthorizonte']);
		expect(config.data.datasets.map((d) => [d.label, d.data])).toEqual([
			['Teamwert', [3, 2]],
			['niedrigste', [2, null]],
			['höchste', [4, null]]
		]);
		// the max line fills down to the min line: the band
		expect(config.data.datasets[2].fill).toBe('-1');
		expect(config.options?.scales?.r).toMatchObject({ min: 0, max: 4 });
		expect(config.options?.animation).toBe(false);
	});

	it('omits the band datasets when no item may show one', () => {
		const config = radarConfig(
			axes.map((a) => ({ ...a, min: null, max: null })),
			texts
		);
		expect(config.data.datasets.map((d) => d.label)).toEqual(['Teamwert']);
	});

	it('is plain data usable on the server (no functions, JSON round trip)', () => {
		const config = radarConfig(axes, texts, { responsive: false });
		expect(JSON.parse(JSON.stringify(config))).toEqual(config);
		expect(config.options?.responsive).toBe(false);
	});

	it('wraps long axis labels onto two lines at the space nearest the middle', () => {
		expect(wrapLabel('Raumbezug', 16)).toBe('Raumbezug');
		expect(wrapLabel('Zusammenwirken (Wohlfahrts-Mix)', 16)).toEqual([
			'Zusammenwirken',
			'(Wohlfahrts-Mix)'
		]);
	});
});

describe('chart palette', () => {
	it('matches the custom properties in app.css', () => {
		const css = readFileSync('src/app.css', 'utf8');
		for (const [name, value] of Object.entries(CSS_VARIABLES)) {
			const match = new RegExp(`${name}:\\s*(#[0-9a-fA-F]{6})`).exec(css);
			expect(match?.[1].toLowerCase(), name).toBe(value.toLowerCase());
		}
	});
});
