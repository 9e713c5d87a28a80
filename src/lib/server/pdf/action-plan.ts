// The PDF action plan of one assessment: the pdfmake document definition and its rendering.
// Every number comes from loadAssessmentResults (shared view) and $lib/scoring, so the PDF shows
// what the result page shows, under the same minimum-group-size rule.
import { and, asc, eq, sql } from 'drizzle-orm';
import type {
	Content,
	ContentTable,
	CustomTableLayout,
	TableCell,
	TDocumentDefinitions
} from 'pdfmake/interfaces';
import { db } from '../db';
import { action, assessment, type Action } from '../db/schema';
import { loadAssessmentResults, type AssessmentResults, type ItemResult } from '../results';
import {
	ACTORS,
	ACTION_STATUSES,
	HORIZONS,
	LEVELS,
	RISKS,
	RISK_STATES,
	TRAITS,
	t,
	type Locale
} from '../../framework';
import {
	compareAssessments,
	formatStufenwert,
	openActionsOfEarlier,
	type ComparableItem,
	type ItemComparison
} from '../../scoring';
import { pyramidSvg } from '$lib/charts/pyramid';
import { radarAxes, radarConfig } from '$lib/charts/radar';
import { LEVEL_COLORS, PALETTE } from '$lib/charts/palette';
import { pyramidLabels, radarLabels, stateLabel } from '$lib/components/results/labels';
import { m } from '$lib/paraglide/messages';
import { displayDate, itemShortName, readerLocale } from '../exports/format';
import { chartImage } from './charts';
import { CANVAS_FONT, PDF_FONT } from './fonts';
import { renderPdf } from './render';

/** An open action of an earlier assessment, with that assessment's date. */
export interface CarriedAction {
	action: Action;
	assessmentDate: string;
}

/** Everything the action plan shows, loaded once. */
export interface ActionPlanData {
	results: AssessmentResults;
	/** The team's assessment before this one, or null when this is the first. */
	previous: AssessmentResults | null;
	/** Open actions of all earlier assessments (the review list). */
	carried: CarriedAction[];
}

/** Loads the results of the assessment, of the team's previous one, and the carried-over actions. */
export async function loadActionPlan(assessmentId: string): Promise<ActionPlanData> {
	const results = await loadAssessmentResults(assessmentId, { view: 'shared' });
	const current = results.assessment;
	const [teamAssessments, teamActions] = await Promise.all([
		db
			.select({ id: assessment.id, date: assessment.date })
			.from(assessment)
			.where(eq(assessment.teamId, current.teamId))
			.orderBy(asc(assessment.date), asc(assessment.createdAt), asc(sql`rowid`)),
		db
			.select()
			.from(action)
			.where(and(eq(action.teamId, current.teamId)))
			.orderBy(asc(action.createdAt), asc(sql`${action}.rowid`))
	]);
	const earlier = teamAssessments.filter((a) => a.id !== current.id && a.date < current.date);
	const previousId = earlier.at(-1)?.id;
	const previous = previousId ? await loadAssessmentResults(previousId, { view: 'shared' }) : null;
	const dates = new Map(teamAssessments.map((a) => [a.id, a.date]));
	const carried = openActionsOfEarlier(teamActions, teamAssessments, current).map((a) => ({
		action: a,
		assessmentDate: dates.get(a.assessmentId) ?? ''
	}));
	return { results, previous, carried };
}

// Typography and colours (the palette of src/app.css, via $lib/charts/palette)
const INK = PALETTE.ink;
const MUTED = PALETTE.grey;
const RULE = '#d9dee3';
const HEAD_FILL = LEVEL_COLORS[0];
const ZEBRA = '#f6f8fa';
const RED = '#b3261e';

const tableLayout: CustomTableLayout = {
	hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : i === 1 ? 1 : 0.5),
	vLineWidth: () => 0,
	hLineColor: (i) => (i === 1 ? PALETTE.blue : RULE),
	fillColor: (row) => (row === 0 ? HEAD_FILL : row % 2 === 0 ? ZEBRA : null),
	paddingLeft: () => 5,
	paddingRight: () => 5,
	paddingTop: () => 4,
	paddingBottom: () => 4
};

function heading(text: string, pageBreak?: 'before'): Content {
	return { text, style: 'h2', pageBreak, headlineLevel: 1 } as Content;
}

// No italics anywhere: every extra font face is parsed and embedded per document.
function muted(text: string): Content {
	return { text, color: MUTED };
}

function headerRow(labels: string[]): TableCell[] {
	return labels.map((text) => ({ text, style: 'th' }));
}

function table(widths: (number | string)[], header: string[], rows: TableCell[][]): ContentTable {
	return {
		table: { headerRows: 1, dontBreakRows: true, widths, body: [headerRow(header), ...rows] },
		layout: tableLayout,
		style: 'table'
	};
}

const LOW_N_CELL = (): TableCell => ({ text: m.exports_low_n(), color: MUTED });

function flagsText(item: ItemResult): string {
	const s = item.summary;
	if (s.suppressed) return '';
	return [
		s.flags.dissent ? m.exports_flag_dissent() : '',
		s.flags.knowledgeGap ? m.exports_flag_knowledge_gap() : '',
		s.flags.perspectiveGap ? m.exports_flag_perspective_gap() : ''
	]
		.filter(Boolean)
		.join(', ');
}

function teamValueCell(item: ItemResult): TableCell {
	const s = item.summary;
	if (s.teamValue === null) return { text: '–', color: MUTED };
	return {
		text: [
			{ text: String(s.teamValue), bold: true },
			s.hasConsensus ? { text: ` (${m.exports_pdf_agreed()})`, fontSize: 7.5, color: MUTED } : ''
		]
	};
}

/** Median, n and hints of an item; under the minimum-group-size rule only n and the notice. */
function statisticCells(item: ItemResult): {
	median: TableCell;
	range: TableCell;
	hints: TableCell;
} {
	const s = item.summary;
	if (s.suppressed) {
		if (s.n === 0) {
			const text = s.hasConsensus ? m.exports_consensus_only() : m.exports_pdf_no_ratings();
			return { median: '–', range: '–', hints: muted(text) };
		}
		return { median: '–', range: '–', hints: LOW_N_CELL() };
	}
	return {
		median: s.median === null ? '–' : String(s.median),
		range: s.min === null || s.max === null ? '–' : `${s.min}–${s.max}`,
		hints: flagsText(item)
	};
}

function roomText(results: AssessmentResults, locale: Locale): string {
	const { room } = results;
	if (room.total === 0) return m.exports_pdf_room_none();
	const actorTitle = new Map(ACTORS.map((a) => [a.key as string, t(a.title, locale)]));
	const parts = room.groups.map(
		(g) => `${actorTitle.get(g.actorGroup) ?? g.actorGroup} (${g.count})`
	);
	if (room.otherGroups > 0) parts.push(m.exports_pdf_room_other({ count: room.otherGroups }));
	if (room.untagged > 0) parts.push(m.exports_pdf_room_untagged({ count: room.untagged }));
	return parts.join(' · ');
}

function coverBlock(data: ActionPlanData, locale: Locale): Content[] {
	const { results } = data;
	const a = results.assessment;
	const p = results.pyramid;
	const rows: [string, Content][] = [
		[m.exports_pdf_team(), { text: results.team.name, bold: true }],
		[m.exports_pdf_place(), results.team.place || '–'],
		[m.exports_pdf_date(), displayDate(a.date, locale)],
		[m.exports_pdf_facilitator(), a.facilitatorName || '–'],
		[m.exports_pdf_participants(), String(results.room.total)],
		[
			m.exports_pdf_room(),
			{
				stack: [
					roomText(results, locale),
					{
						text: m.exports_pdf_room_hint({ m: results.minGroupSize }),
						fontSize: 7.5,
						color: MUTED
					}
				]
			}
		],
		[m.exports_pdf_next_assessment(), a.nextDate ? displayDate(a.nextDate, locale) : '–']
	];
	const nextLevel = p.nextLevel ? LEVELS[p.nextLevel - 1] : null;
	return [
		{ text: m.exports_pdf_title(), style: 'title' },
		{ text: a.title, style: 'subtitle' },
		{
			columns: [
				{
					width: '*',
					table: {
						widths: [128, '*'],
						body: rows.map(([label, value]) => [{ text: label, color: MUTED }, value])
					},
					layout: 'noBorders'
				},
				{
					width: 175,
					table: {
						widths: ['*'],
						body: [
							[
								{
									stack: [
										{
											text: m.exports_pdf_reached({ level: p.reachedLevel, total: LEVELS.length }),
											style: 'reached'
										},
										{
											text: m.exports_pdf_stufenwert({
												value: formatStufenwert(p.stufenwert, locale === 'de' ? 'de-DE' : 'en-GB')
											}),
											margin: [0, 2, 0, 0]
										},
										{
											text: nextLevel
												? m.exports_pdf_next_level({
														level: nextLevel.level,
														title: t(nextLevel.shortTitle, locale)
													})
												: m.exports_pdf_next_level_none(),
											margin: [0, 6, 0, 0]
										}
									],
									fillColor: HEAD_FILL,
									margin: [8, 8, 8, 8]
								}
							]
						]
					},
					layout: 'noBorders'
				}
			],
			columnGap: 16,
			margin: [0, 8, 0, 0]
		},
		...(results.isEmpty
			? [{ text: m.exports_pdf_empty(), style: 'note', margin: [0, 10, 0, 0] } as Content]
			: [])
	];
}

function pyramidSection(results: AssessmentResults, locale: Locale): Content[] {
	const p = results.pyramid;
	const svg = pyramidSvg(
		{ ...p, teamValues: results.levels.map((l) => l.summary.teamValue) },
		{ labels: pyramidLabels(p.reachedLevel), fontFamily: PDF_FONT }
	);
	const rows: TableCell[][] = [...results.levels].reverse().map((level) => {
		const stats = statisticCells(level);
		return [
			{
				text: [
					{ text: `${m.exports_level({ level: level.level })} `, bold: true },
					t(LEVELS[level.level - 1].shortTitle, locale)
				]
			},
			teamValueCell(level),
			stats.median,
			String(level.summary.n),
			stateLabel(level.state),
			stats.hints
		];
	});
	const reasons = results.levels
		.filter((l) => l.summary.hasConsensus && l.summary.consensusReason)
		.map((l) => ({
			text: [
				{ text: `${m.exports_level({ level: l.level })}: `, bold: true },
				l.summary.consensusReason ?? ''
			],
			margin: [0, 1, 0, 1]
		}));
	const ahead = p.aheadOfBase.length
		? [
				{
					text: m.exports_pdf_ahead({ levels: p.aheadOfBase.join(', ') }),
					style: 'note'
				} as Content
			]
		: [];
	return [
		heading(m.exports_pdf_h_pyramid()),
		{ svg, width: 430, font: PDF_FONT, alignment: 'center', margin: [0, 4, 0, 8] } as Content,
		...ahead,
		table(
			['*', 52, 40, 24, 62, 110],
			[
				m.exports_pdf_col_level(),
				m.exports_pdf_col_team_value(),
				m.exports_pdf_col_median(),
				m.exports_pdf_col_n(),
				m.exports_pdf_col_state(),
				m.exports_pdf_col_hints()
			],
			rows
		),
		...(reasons.length
			? [
					{
						stack: [{ text: m.exports_pdf_reasons(), style: 'h3' }, ...reasons],
						unbreakable: true
					} as Content
				]
			: []),
		{
			text: m.exports_pdf_shared_hint({ m: results.minGroupSize }),
			style: 'note',
			margin: [0, 6, 0, 0]
		}
	];
}

function traitsSection(
	results: AssessmentResults,
	radarImage: Buffer | null,
	locale: Locale
): Content[] {
	const rows: TableCell[][] = results.traits.map((trait) => {
		const def = TRAITS.find((x) => x.key === trait.key);
		const stats = statisticCells(trait);
		return [
			def ? t(def.shortTitle, locale) : trait.key,
			teamValueCell(trait),
			stats.range,
			String(trait.summary.n),
			stats.hints
		];
	});
	return [
		heading(m.exports_pdf_h_traits()),
		{ text: m.exports_pdf_traits_intro(), style: 'note', margin: [0, 0, 0, 6] },
		radarImage
			? {
					image: `data:image/jpeg;base64,${radarImage.toString('base64')}`,
					width: 300,
					alignment: 'center',
					margin: [0, 0, 0, 8]
				}
			: muted(m.exports_pdf_radar_none()),
		table(
			['*', 60, 50, 24, 150],
			[
				m.exports_pdf_col_trait(),
				m.exports_pdf_col_team_value(),
				m.exports_pdf_col_range(),
				m.exports_pdf_col_n(),
				m.exports_pdf_col_hints()
			],
			rows
		)
	];
}

function comparableItems(results: AssessmentResults): ComparableItem[] {
	return [...results.levels, ...results.traits].map((item) => ({
		itemKey: item.key,
		revision: item.revision,
		teamValue: item.summary.teamValue,
		median: item.summary.suppressed ? null : item.summary.median,
		n: item.summary.n
	}));
}

function changeCell(c: ItemComparison): TableCell {
	switch (c.direction) {
		case 'up':
			return { text: `↑ +${c.delta}`, color: PALETTE.green, bold: true };
		case 'down':
			return { text: `↓ ${c.delta}`, color: RED, bold: true };
		case 'same':
			return { text: '→ 0', color: MUTED };
		default:
			return muted(m.exports_pdf_not_comparable());
	}
}

function comparisonSection(data: ActionPlanData, locale: Locale): Content[] {
	const { results, previous } = data;
	if (!previous) return [heading(m.exports_pdf_h_comparison()), { text: m.exports_pdf_first() }];
	const comparisons = compareAssessments(comparableItems(previous), comparableItems(results));
	const rows: TableCell[][] = comparisons.map((c) => [
		itemShortName(c.itemKey, locale),
		c.earlier?.teamValue == null ? '–' : String(c.earlier.teamValue),
		c.later?.teamValue == null ? '–' : String(c.later.teamValue),
		changeCell(c)
	]);
	return [
		heading(m.exports_pdf_h_comparison()),
		{
			text: m.exports_pdf_comparison_intro({
				date: displayDate(previous.assessment.date, locale),
				title: previous.assessment.title,
				before: previous.pyramid.reachedLevel,
				now: results.pyramid.reachedLevel
			}),
			margin: [0, 0, 0, 6]
		},
		table(
			['*', 70, 70, 90],
			[
				m.exports_pdf_col_item(),
				m.exports_pdf_col_before({ date: displayDate(previous.assessment.date, locale) }),
				m.exports_pdf_col_now({ date: displayDate(results.assessment.date, locale) }),
				m.exports_pdf_col_change()
			],
			rows
		)
	];
}

function optionLabel(
	options: readonly { key: string; label: { de: string; en: string } }[],
	key: string,
	locale: Locale
): string {
	const option = options.find((o) => o.key === key);
	return option ? t(option.label, locale) : key;
}

function actionsSection(results: AssessmentResults, locale: Locale): Content[] {
	if (results.actions.length === 0) {
		return [heading(m.exports_pdf_h_actions()), { text: m.exports_pdf_no_actions() }];
	}
	const rows: TableCell[][] = results.actions.map((a) => [
		{
			stack: [
				{ text: a.title, bold: true },
				...(a.description ? [{ text: a.description, fontSize: 7.5, color: MUTED }] : [])
			]
		},
		itemShortName(a.itemKey, locale) || '–',
		a.owner || '–',
		{
			stack: [
				`${m.exports_pdf_due_short()} ${displayDate(a.dueDate, locale) || '–'}`,
				{
					text: `${m.exports_pdf_review_short()} ${displayDate(a.reviewDate, locale) || '–'}`,
					color: MUTED
				}
			]
		},
		{
			stack: [
				optionLabel(HORIZONS, a.horizon, locale),
				{ text: optionLabel(ACTION_STATUSES, a.status, locale), bold: true }
			]
		}
	]);
	return [
		heading(m.exports_pdf_h_actions()),
		table(
			['*', 70, 98, 72, 56],
			[
				m.exports_pdf_col_action(),
				m.exports_pdf_col_linked(),
				m.exports_pdf_col_owner(),
				m.exports_pdf_col_dates(),
				m.exports_pdf_col_horizon_status()
			],
			rows
		)
	];
}

function carriedSection(data: ActionPlanData, locale: Locale): Content[] {
	if (data.carried.length === 0) {
		return [heading(m.exports_pdf_h_carried()), { text: m.exports_pdf_no_carried() }];
	}
	const rows: TableCell[][] = data.carried.map(({ action: a, assessmentDate }) => [
		{ text: a.title, bold: true },
		displayDate(assessmentDate, locale),
		itemShortName(a.itemKey, locale) || '–',
		a.owner || '–',
		displayDate(a.dueDate, locale) || '–',
		optionLabel(ACTION_STATUSES, a.status, locale)
	]);
	return [
		heading(m.exports_pdf_h_carried()),
		table(
			['*', 56, 80, 72, 50, 44],
			[
				m.exports_pdf_col_action(),
				m.exports_pdf_col_decided(),
				m.exports_pdf_col_linked(),
				m.exports_pdf_col_owner(),
				m.exports_pdf_col_due(),
				m.exports_pdf_col_status()
			],
			rows
		)
	];
}

function risksSection(results: AssessmentResults, locale: Locale): Content[] {
	const marked = results.risks
		.filter((r) => r.state === 'akut' || r.state === 'beobachten')
		.sort((a, b) => (a.state === b.state ? 0 : a.state === 'akut' ? -1 : 1));
	if (marked.length === 0)
		return [heading(m.exports_pdf_h_risks()), { text: m.exports_pdf_no_risks() }];
	const rows: TableCell[][] = marked.map((r) => {
		const def = RISKS.find((x) => x.key === r.key);
		const state = optionLabel(RISK_STATES, r.state ?? '', locale);
		return [
			def ? t(def.title, locale) : r.key,
			r.state === 'akut'
				? { text: state, bold: true, color: RED }
				: { text: state, color: PALETTE.blueDark },
			r.note ?? ''
		];
	});
	return [
		heading(m.exports_pdf_h_risks()),
		table(
			['*', 66, 170],
			[m.exports_pdf_col_risk(), m.exports_pdf_col_risk_state(), m.exports_pdf_col_note()],
			rows
		)
	];
}

function answersSection(results: AssessmentResults, locale: Locale): Content[] {
	if (results.answers.length === 0) {
		return [heading(m.exports_pdf_h_answers()), { text: m.exports_pdf_no_answers() }];
	}
	const blocks: Content[] = results.answers.map((a) => ({
		stack: [
			{ text: t(a.question, locale), style: 'question' },
			a.answer ? { text: a.answer, margin: [0, 2, 0, 0] } : muted(m.exports_pdf_no_team_answer()),
			...(a.notes.length
				? [
						{
							text: m.exports_pdf_answer_notes(),
							fontSize: 7.5,
							color: MUTED,
							margin: [0, 4, 0, 1]
						} as Content,
						{ ul: a.notes, fontSize: 8, color: MUTED } as Content
					]
				: [])
		],
		margin: [0, 0, 0, 10],
		unbreakable: true
	}));
	return [heading(m.exports_pdf_h_answers()), ...blocks];
}

function nextSection(results: AssessmentResults, locale: Locale): Content[] {
	const next = results.assessment.nextDate;
	return [
		heading(m.exports_pdf_h_next()),
		{
			text: next
				? m.exports_pdf_next_date({ date: displayDate(next, locale) })
				: m.exports_pdf_next_none()
		}
	];
}

/** The pdfmake document definition of the action plan (A4 portrait, header, "Seite x von y"). */
export function actionPlanDocument(
	data: ActionPlanData,
	radarImage: Buffer | null,
	locale: Locale = readerLocale()
): TDocumentDefinitions {
	const { results } = data;
	const teamName = results.team.name;
	const date = displayDate(results.assessment.date, locale);
	return {
		pageSize: 'A4',
		pageOrientation: 'portrait',
		pageMargins: [48, 64, 48, 56],
		language: locale === 'de' ? 'de-DE' : 'en-GB',
		info: {
			title: `${m.exports_pdf_title()} – ${teamName} – ${date}`,
			author: results.assessment.facilitatorName || 'Sorgekompass',
			subject: results.assessment.title,
			creator: 'Sorgekompass',
			producer: 'Sorgekompass'
		},
		header: () => ({
			margin: [48, 26, 48, 0],
			stack: [
				{
					columns: [
						{ text: teamName, bold: true, color: PALETTE.blueDark },
						{ text: `${m.exports_pdf_title()} · ${date}`, alignment: 'right', color: MUTED }
					],
					fontSize: 8
				},
				{
					canvas: [
						{ type: 'line', x1: 0, y1: 4, x2: 499, y2: 4, lineWidth: 0.75, lineColor: PALETTE.blue }
					]
				}
			]
		}),
		footer: (currentPage: number, pageCount: number) => ({
			margin: [48, 18, 48, 0],
			columns: [
				{ text: m.exports_pdf_footer_note(), color: MUTED, width: '*' },
				{
					text: m.exports_pdf_page({ page: currentPage, pages: pageCount }),
					alignment: 'right',
					width: 90
				}
			],
			fontSize: 7.5
		}),
		// A heading never stays alone at the bottom of a page.
		pageBreakBefore: (node, following) =>
			(node as { headlineLevel?: number }).headlineLevel === 1 &&
			following.getFollowingNodesOnPage().length === 0,
		content: [
			...coverBlock(data, locale),
			...pyramidSection(results, locale),
			...traitsSection(results, radarImage, locale),
			...comparisonSection(data, locale),
			...actionsSection(results, locale),
			...carriedSection(data, locale),
			...risksSection(results, locale),
			...answersSection(results, locale),
			...nextSection(results, locale)
		],
		defaultStyle: { font: PDF_FONT, fontSize: 9, lineHeight: 1.25, color: INK },
		styles: {
			title: { fontSize: 22, bold: true, color: PALETTE.blueDark },
			subtitle: { fontSize: 12, color: PALETTE.blue, margin: [0, 2, 0, 6] },
			h2: { fontSize: 13, bold: true, color: PALETTE.blueDark, margin: [0, 18, 0, 6] },
			h3: { fontSize: 9.5, bold: true, color: PALETTE.blueDark, margin: [0, 8, 0, 2] },
			reached: { fontSize: 12, bold: true, color: PALETTE.blueDark },
			th: { bold: true, fontSize: 8, color: PALETTE.blueDark },
			table: { fontSize: 8.5, margin: [0, 2, 0, 4] },
			note: { fontSize: 7.5, color: MUTED },
			question: { bold: true, color: PALETTE.blueDark }
		}
	};
}

/** Radar image (JPEG) of the characteristics, or null when no characteristic has a Teamwert. */
export async function traitsRadarImage(results: AssessmentResults): Promise<Buffer | null> {
	if (results.traits.every((trait) => trait.summary.teamValue === null)) return null;
	const locale = readerLocale();
	const axes = radarAxes(
		results.traits.map((trait) => ({
			label: t(
				TRAITS.find((x) => x.key === trait.key)?.shortTitle ?? { de: trait.key, en: trait.key },
				locale
			),
			summary: trait.summary
		}))
	);
	const config = radarConfig(axes, radarLabels(), { responsive: false, fontFamily: CANVAS_FONT });
	return chartImage(config, { width: 460, height: 400 });
}

/** The action plan of an assessment as PDF bytes, with the results it was drawn from. */
export async function renderActionPlan(
	assessmentId: string
): Promise<{ pdf: Buffer; data: ActionPlanData }> {
	const data = await loadActionPlan(assessmentId);
	const radar = await traitsRadarImage(data.results);
	const pdf = await renderPdf(actionPlanDocument(data, radar));
	return { pdf, data };
}
