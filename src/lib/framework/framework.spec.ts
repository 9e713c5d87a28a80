import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as framework from './index';
import {
	ACTION_CATALOGUE,
	ACTION_STATUSES,
	ACTORS,
	CAUTIONS,
	CONFIDENCES,
	DRIVERS,
	FRAMEWORK_VERSION,
	GLOSSARY,
	HORIZONS,
	INVOLVEMENT,
	LEVELS,
	ORGANISATION_ROLES,
	QUESTIONS,
	RATED_ITEMS,
	RISK_STATES,
	RISKS,
	SCALE,
	SOURCES,
	STEPS,
	TRAITS,
	UNKNOWN_RATING,
	getItem,
	isRatedItemKey,
	t
} from './index';
import * as schema from './schema';

const collections = {
	SCALE: [SCALE, schema.scaleEntrySchema],
	LEVELS: [LEVELS, schema.levelSchema],
	TRAITS: [TRAITS, schema.traitSchema],
	RATED_ITEMS: [RATED_ITEMS, schema.ratedItemSchema],
	CONFIDENCES: [CONFIDENCES, schema.optionSchema],
	DRIVERS: [DRIVERS, schema.driverSchema],
	ACTORS: [ACTORS, schema.actorSchema],
	INVOLVEMENT: [INVOLVEMENT, schema.involvementOptionSchema],
	RISKS: [RISKS, schema.riskSchema],
	RISK_STATES: [RISK_STATES, schema.optionSchema],
	QUESTIONS: [QUESTIONS, schema.questionSchema],
	ACTION_CATALOGUE: [ACTION_CATALOGUE, schema.actionIdeaSchema],
	HORIZONS: [HORIZONS, schema.horizonOptionSchema],
	ACTION_STATUSES: [ACTION_STATUSES, schema.optionSchema],
	ORGANISATION_ROLES: [ORGANISATION_ROLES, schema.organisationRoleSchema],
	STEPS: [STEPS, schema.stepSchema],
	GLOSSARY: [GLOSSARY, schema.glossaryEntrySchema],
	SOURCES: [SOURCES, schema.sourceSchema],
	CAUTIONS: [CAUTIONS, schema.cautionSchema]
} satisfies Record<string, [readonly unknown[], z.ZodType]>;

const keyed = Object.entries(collections)
	.filter(([name]) => name !== 'RATED_ITEMS')
	.flatMap(([, [items]]) => items as readonly { key?: string }[])
	.map((item) => item.key)
	.filter((key) => key !== undefined);

/** Collects every { de, en } object reachable from a value. */
function collectTexts(value: unknown, found: { de: unknown; en: unknown }[] = []) {
	if (Array.isArray(value)) value.forEach((entry) => collectTexts(entry, found));
	else if (value && typeof value === 'object') {
		const keys = Object.keys(value).sort();
		if (keys.join() === 'de,en') found.push(value as { de: unknown; en: unknown });
		else Object.values(value).forEach((entry) => collectTexts(entry, found));
	}
	return found;
}

describe('framework content', () => {
	it('is version 2026.1', () => {
		expect(FRAMEWORK_VERSION).toBe('2026.1');
	});

	it.each(Object.entries(collections))('%s matches its schema', (_name, [items, itemSchema]) => {
		const result = z.array(itemSchema).safeParse(items);
		expect(result.error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
	});

	it('uses every key only once across all collections', () => {
		const duplicates = keyed.filter((key, index) => keyed.indexOf(key) !== index);
		expect(duplicates).toEqual([]);
		expect(keyed.length).toBeGreaterThan(100);
	});

	it('has non-empty German and English for every text', () => {
		const texts = collectTexts(Object.values(framework));
		expect(texts.length).toBeGreaterThan(300);
		for (const text of texts) {
			expect(typeof text.de === 'string' && text.de.trim().length > 0, JSON.stringify(text)).toBe(
				true
			);
			expect(typeof text.en === 'string' && text.en.trim().length > 0, JSON.stringify(text)).toBe(
				true
			);
		}
	});

	it('writes German with real umlauts, not ae/oe/ue substitutes', () => {
		const german = collectTexts(Object.values(framework)).map((text) => String(text.de));
		const substitutes =
			/\b(fuer|ueber|koennen|muessen|Massnahme|Buerger|Aeltere|Maerkte|Pflegebeduerft)/;
		expect(german.filter((text) => substitutes.test(text))).toEqual([]);
		expect(german.join(' ')).toMatch(/[äöüß]/);
	});

	it('contains no e-mail addresses, links or phone numbers', () => {
		const all = JSON.stringify(framework);
		expect(all).not.toMatch(/@|https?:\/\/|www\.|\+49|\b0\d{3,}[ /-]?\d{3,}/);
	});
});

describe('rating scale', () => {
	it('runs from 0 to 4 with the framework labels', () => {
		expect(SCALE.map((entry) => [entry.value, entry.label.de])).toEqual([
			[0, 'nicht erkennbar'],
			[1, 'vereinzelt'],
			[2, 'angestoßen'],
			[3, 'regelmäßig & verbreitet'],
			[4, 'selbstverständlich & verankert']
		]);
	});

	it('offers "kann ich nicht einschätzen" and three confidence values', () => {
		expect(UNKNOWN_RATING.value).toBe('unknown');
		expect(UNKNOWN_RATING.label.de).toBe('kann ich nicht einschätzen');
		expect(CONFIDENCES.map((option) => [option.key, option.label.de])).toEqual([
			['sicher', 'sicher'],
			['eher_sicher', 'eher sicher'],
			['unsicher', 'unsicher']
		]);
	});

	it('tells raters to start at 0 and move up only while the description holds', () => {
		expect(framework.RATING_INSTRUCTION.de).toMatch(/bei 0/);
		expect(framework.RATING_INSTRUCTION.en).toMatch(/at 0/);
	});
});

describe('pyramid levels', () => {
	it('are the five levels of the talk, bottom to top', () => {
		expect(LEVELS.map((level) => [level.key, level.level, level.title.de])).toEqual([
			['level.1', 1, 'sich gegenseitig wahrnehmen, miteinander in Kontakt treten'],
			['level.2', 2, 'sich füreinander interessieren, Anteil nehmen'],
			['level.3', 3, 'sich gelegentlich gegenseitig unterstützen'],
			['level.4', 4, 'sich gemeinschaftlich organisieren'],
			['level.5', 5, 'Care-Aufgaben in der Community gestalten & verantworten']
		]);
	});

	it('each have five distinct anchors in German and English', () => {
		for (const level of LEVELS) {
			expect(level.anchors).toHaveLength(5);
			for (const locale of ['de', 'en'] as const) {
				const anchors = level.anchors.map((anchor) => anchor[locale].trim());
				expect(anchors.every((anchor) => anchor.length > 0)).toBe(true);
				expect(new Set(anchors).size).toBe(5);
			}
		}
	});

	it('start at revision 1', () => {
		expect(LEVELS.map((level) => level.revision)).toEqual([1, 1, 1, 1, 1]);
	});
});

describe('characteristics', () => {
	it('are the six traits with stable keys and five anchors each', () => {
		expect(TRAITS.map((trait) => trait.key)).toEqual([
			'trait.raumbezug',
			'trait.sorgeverstaendnis',
			'trait.zusammenwirken',
			'trait.werthorizonte',
			'trait.infrastrukturen',
			'trait.planbarkeit'
		]);
		for (const trait of TRAITS) expect(trait.anchors).toHaveLength(5);
	});
});

describe('rated items', () => {
	it('are the five levels followed by the six traits', () => {
		expect(RATED_ITEMS).toHaveLength(11);
		expect(framework.RATED_ITEM_KEYS).toEqual([
			'level.1',
			'level.2',
			'level.3',
			'level.4',
			'level.5',
			'trait.raumbezug',
			'trait.sorgeverstaendnis',
			'trait.zusammenwirken',
			'trait.werthorizonte',
			'trait.infrastrukturen',
			'trait.planbarkeit'
		]);
	});

	it('are found by key', () => {
		expect(getItem('level.3')?.title.de).toBe('sich gelegentlich gegenseitig unterstützen');
		expect(getItem('trait.werthorizonte')?.kind).toBe('trait');
	});

	it('do not include unknown keys or keys of other collections', () => {
		for (const key of [
			'level.6',
			'level.0',
			'actor.vereine',
			'question.isolation',
			'',
			'toString'
		]) {
			expect(getItem(key)).toBeUndefined();
			expect(isRatedItemKey(key)).toBe(false);
		}
		expect(isRatedItemKey('trait.planbarkeit')).toBe(true);
	});
});

describe('team-level content', () => {
	it('lists the twelve actor groups of the talk', () => {
		expect(ACTORS.map((actor) => [actor.key, actor.title.de])).toEqual([
			['actor.freiwillige', '„Organisierte“ Freiwillige'],
			['actor.sorgeprofis', '„Sorge-Profis“'],
			['actor.religion', 'Kirchen- und Religionsgemeinschaften'],
			['actor.kultur', 'Kunst & Kultur'],
			['actor.schulen', 'Schulen & Kindertagesstätten'],
			['actor.vereine', 'Vereine'],
			['actor.unternehmen', 'Unternehmen/Betriebe'],
			['actor.kommunalpolitik', 'Kommunalpolitik'],
			['actor.buergerinnen', 'Bürger*innen'],
			['actor.nachbarschaften', 'Nachbarschaften'],
			['actor.planung', 'Stadt-/Ortsplanung, Mobilität'],
			['actor.medien', 'Medien/Öffentlichkeit']
		]);
	});

	it('orders involvement from not involved to sharing responsibility', () => {
		expect(INVOLVEMENT.map((state) => [state.key, state.order, state.label.de])).toEqual([
			['nicht_beteiligt', 0, 'nicht beteiligt'],
			['in_kontakt', 1, 'in Kontakt'],
			['arbeitet_mit', 2, 'arbeitet mit'],
			['traegt_mit', 3, 'trägt Verantwortung mit']
		]);
	});

	it('has five drivers, seven risks and three risk states', () => {
		expect(DRIVERS).toHaveLength(5);
		expect(RISKS).toHaveLength(7);
		expect(RISK_STATES.map((state) => state.label.de)).toEqual([
			'trifft nicht zu',
			'beobachten',
			'akut'
		]);
	});
});

describe('reflection questions', () => {
	it('are the five questions of the talk', () => {
		expect(QUESTIONS.map((question) => question.key)).toEqual([
			'question.zusammenarbeit',
			'question.hilfebedarf',
			'question.nachbarschaft',
			'question.isolation',
			'question.sorgenetzwerke'
		]);
		expect(QUESTIONS[3].text.de).toBe(
			'Wer ist bei uns sozial isoliert? Welche Bevölkerungsgruppen haben es bei uns sehr schwer?'
		);
	});

	it('ask not to name individuals on the isolation question only', () => {
		const withHint = QUESTIONS.filter((question) => question.hint);
		expect(withHint.map((question) => question.key)).toEqual(['question.isolation']);
		expect(withHint[0].hint?.de).toBe('Bitte keine Namen einzelner Personen nennen.');
		expect(withHint[0].hint?.en.trim()).not.toBe('');
	});
});

describe('action planning', () => {
	it('places every catalogue idea on a level 1 to 5, at least four per level', () => {
		const perLevel = [1, 2, 3, 4, 5].map(
			(level) => ACTION_CATALOGUE.filter((idea) => idea.level === level).length
		);
		expect(perLevel).toEqual([7, 6, 4, 6, 4]);
		expect(ACTION_CATALOGUE.every((idea) => [1, 2, 3, 4, 5].includes(idea.level))).toBe(true);
	});

	it('files the talk’s examples under the level they serve', () => {
		const levelOf = (title: string) =>
			ACTION_CATALOGUE.find((idea) => idea.title.de === title)?.level;
		expect(levelOf('Erzählcafé')).toBe(1);
		expect(levelOf('Gesprächskreis pflegende Angehörige')).toBe(2);
		expect(levelOf('Demenzfreundlicher Stadtteil')).toBe(5);
	});

	it('has both horizons and the four action statuses', () => {
		expect(HORIZONS.map((horizon) => [horizon.key, horizon.label.de])).toEqual([
			['klein_anfangen', 'klein anfangen'],
			['gross_gedacht', 'groß gedacht']
		]);
		expect(ACTION_STATUSES.map((status) => [status.key, status.label.de])).toEqual([
			['offen', 'offen'],
			['laeuft', 'läuft'],
			['erledigt', 'erledigt'],
			['verworfen', 'verworfen']
		]);
	});

	it('lists the seven organisation roles of the talk', () => {
		expect(ORGANISATION_ROLES).toHaveLength(7);
	});
});

describe('guided flow', () => {
	it('has nine steps numbered 1 to 9 in the order of the product brief', () => {
		expect(STEPS.map((step) => [step.number, step.key])).toEqual([
			[1, 'ankommen'],
			[2, 'rueckblick'],
			[3, 'pyramide'],
			[4, 'merkmale'],
			[5, 'akteure'],
			[6, 'herausforderungen'],
			[7, 'reflexion'],
			[8, 'massnahmen'],
			[9, 'abschluss']
		]);
	});

	it('rates the levels in the pyramid step and the traits in the characteristics step', () => {
		const itemsOf = (key: string) => {
			const step = STEPS.find((candidate) => candidate.key === key);
			return step?.kind === 'rating' ? step.items : undefined;
		};
		expect(itemsOf('pyramide')).toEqual(['level.1', 'level.2', 'level.3', 'level.4', 'level.5']);
		expect(itemsOf('merkmale')).toHaveLength(6);
		expect(STEPS.filter((step) => step.kind === 'rating')).toHaveLength(2);
	});

	it('never lets the facilitator skip the pyramid, the actions or the wrap-up', () => {
		const skippable = STEPS.filter((step) => step.optional).map((step) => step.key);
		expect(skippable).toEqual([
			'rueckblick',
			'merkmale',
			'akteure',
			'herausforderungen',
			'reflexion'
		]);
	});

	it('shows the review only to teams with earlier assessments', () => {
		const conditional = STEPS.filter((step) => step.onlyWithEarlierAssessments);
		expect(conditional.map((step) => step.key)).toEqual(['rueckblick']);
	});
});

describe('glossary and sources', () => {
	it('explains the terms participants meet', () => {
		const terms = GLOSSARY.map((entry) => entry.term.de);
		for (const term of [
			'Pyramide',
			'Stufe',
			'Merkmal',
			'Teamwert',
			'Median',
			'Konsens',
			'Akteursgruppe',
			'Wohlfahrts-Mix',
			'Quartier',
			'Sicherheit',
			'Vorgriff',
			'Stufenwert'
		]) {
			expect(terms).toContain(term);
		}
		expect(terms).toContain('Sorgende Gemeinschaft (Caring Community)');
		expect(terms).toContain('„kann ich nicht einschätzen“');
	});

	it('cites the five sources of the talk', () => {
		expect(SOURCES.map((source) => source.short)).toEqual([
			'Sempach 2019',
			'Zängl 2020',
			'BMFSFJ 2014',
			'Schuchter/Wegleitner 2018',
			'Wörle 2025'
		]);
	});
});

describe('boundary schemas', () => {
	it('accept framework keys and reject others', () => {
		expect(schema.ratedItemKeySchema.safeParse('trait.planbarkeit').success).toBe(true);
		expect(schema.ratedItemKeySchema.safeParse('level.6').success).toBe(false);
		expect(schema.actorKeySchema.safeParse('actor.vereine').success).toBe(true);
		expect(schema.actorKeySchema.safeParse('actor.Vereine').success).toBe(false);
		expect(schema.actionStatusSchema.safeParse('läuft').success).toBe(false);
	});

	it('accept a rating of 0 to 4 or unknown, nothing else', () => {
		for (const value of [0, 4, 'unknown']) {
			expect(schema.ratingValueSchema.safeParse(value).success).toBe(true);
		}
		for (const value of [-1, 5, 2.5, '2', null]) {
			expect(schema.ratingValueSchema.safeParse(value).success).toBe(false);
		}
	});

	it('reject a level with a missing anchor or an empty translation', () => {
		const level = LEVELS[0];
		expect(
			schema.levelSchema.safeParse({ ...level, anchors: level.anchors.slice(0, 4) }).success
		).toBe(false);
		expect(
			schema.levelSchema.safeParse({ ...level, title: { de: level.title.de, en: ' ' } }).success
		).toBe(false);
	});
});

describe('t', () => {
	it('picks the text of the requested locale', () => {
		const text = { de: 'Stufe', en: 'Level' };
		expect(t(text, 'de')).toBe('Stufe');
		expect(t(text, 'en')).toBe('Level');
	});
});
