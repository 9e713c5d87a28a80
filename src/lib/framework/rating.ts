import { keysOf, type LevelDef, type OptionDef, type Text, type TraitDef } from './types';

// The 0–4 scale and its anchors are ours, after the Community Readiness Model's anchored stages
// and Rifkin's spidergram (FRAMEWORK.md §2).
export const SCALE = [
	{
		value: 0,
		label: { de: 'nicht erkennbar', en: 'not visible' },
		meaning: { de: 'Das geschieht (noch) nicht.', en: 'This does not happen (yet).' }
	},
	{
		value: 1,
		label: { de: 'vereinzelt', en: 'sporadic' },
		meaning: {
			de: 'Einzelne Menschen oder Gelegenheiten, eher zufällig.',
			en: 'Single people or occasions, more or less by chance.'
		}
	},
	{
		value: 2,
		label: { de: 'angestoßen', en: 'initiated' },
		meaning: {
			de: 'Es gibt Anlässe, meist getragen vom Projekt oder von Hauptamtlichen; sie erreichen vor allem die ohnehin Aktiven.',
			en: 'Occasions exist, mostly carried by the project or by paid staff; they mainly reach people who are already active.'
		}
	},
	{
		value: 3,
		label: { de: 'regelmäßig & verbreitet', en: 'regular & widespread' },
		meaning: {
			de: 'Wiederkehrend, in mehreren Gruppen, teilweise selbst getragen; auch schwer erreichbare Menschen sind dabei.',
			en: 'Recurring, in several groups, partly self-carried; people who are hard to reach take part too.'
		}
	},
	{
		value: 4,
		label: { de: 'selbstverständlich & verankert', en: 'taken for granted & anchored' },
		meaning: {
			de: 'Alltag im Quartier, breit getragen; es läuft auch ohne das Projekt.',
			en: 'Part of everyday life in the neighbourhood, broadly carried; it runs without the project.'
		}
	}
] as const satisfies readonly { value: number; label: Text; meaning: Text }[];

export type ScaleEntry = (typeof SCALE)[number];

/** The "kann ich nicht einschätzen" answer: counted, but excluded from every statistic. */
export const UNKNOWN_RATING = {
	value: 'unknown',
	label: { de: 'kann ich nicht einschätzen', en: 'I can’t judge this' },
	explanation: {
		de: 'Wählen Sie das, wenn Ihnen der Einblick fehlt. Die Antwort wird mitgezählt, fließt aber nicht in Median und Statistik ein.',
		en: 'Choose this when you lack the insight. The answer is counted but left out of the median and all statistics.'
	}
} as const satisfies { value: string; label: Text; explanation: Text };

export const RATING_INSTRUCTION = {
	de: 'Beginnen Sie bei 0 und gehen Sie nur so weit nach oben, wie die Beschreibung eindeutig zutrifft.',
	en: 'Start at 0 and move up only as long as the description clearly applies.'
} as const satisfies Text;

export const EVIDENCE_PROMPT = {
	de: 'Woran machen wir das fest?',
	en: 'What do we base this on?'
} as const satisfies Text;

export const CONFIDENCE_PROMPT = {
	de: 'Wie sicher sind Sie sich?',
	en: 'How sure are you?'
} as const satisfies Text;

export const CONFIDENCES = [
	{ key: 'sicher', label: { de: 'sicher', en: 'sure' } },
	{ key: 'eher_sicher', label: { de: 'eher sicher', en: 'fairly sure' } },
	{ key: 'unsicher', label: { de: 'unsicher', en: 'unsure' } }
] as const satisfies readonly OptionDef[];

export type Confidence = (typeof CONFIDENCES)[number]['key'];
export const CONFIDENCE_KEYS = keysOf(CONFIDENCES);

// Titles are the talk's wording of Sempach's pyramid (2019); anchors follow FRAMEWORK.md §2.
const levels = [
	{
		key: 'level.1',
		kind: 'level',
		level: 1,
		revision: 1,
		title: {
			de: 'sich gegenseitig wahrnehmen, miteinander in Kontakt treten',
			en: 'noticing each other, getting in touch with one another'
		},
		shortTitle: { de: 'Wahrnehmen & Kontakt', en: 'Noticing & contact' },
		explanation: {
			de: 'Menschen im Quartier nehmen einander wahr, begegnen sich und kommen ins Gespräch – die Grundlage für alles Weitere.',
			en: 'People in the neighbourhood notice each other, meet and start talking – the basis for everything else.'
		},
		anchors: [
			{
				de: 'Die Menschen im Quartier kennen sich kaum; Treffpunkte gibt es nicht, oder sie werden nicht genutzt.',
				en: 'People in the neighbourhood hardly know each other; there are no meeting places, or they are not used.'
			},
			{
				de: 'Kontakte entstehen zufällig und vereinzelt, etwa beim Einkaufen oder im Treppenhaus.',
				en: 'Contacts happen by chance and only now and then, for example while shopping or on the stairs.'
			},
			{
				de: 'Das Projekt schafft Anlässe zur Begegnung (z. B. Erzählcafé, Auftaktveranstaltung, Stadtteilbegehung); es kommen vor allem Menschen, die ohnehin schon aktiv sind.',
				en: 'The project creates occasions to meet (e.g. storytelling café, kick-off event, neighbourhood walk); mostly people who are already active come.'
			},
			{
				de: 'Es gibt regelmäßige Begegnungsformate; auch Alleinlebende, pflegende Angehörige, Menschen mit Migrationsgeschichte oder mit Demenz nehmen teil.',
				en: 'There are regular formats for meeting; people living alone, family carers, people with a migration background or with dementia take part too.'
			},
			{
				de: 'Begegnung geschieht ganz selbstverständlich, auch ohne das Projekt; Neuzugezogene werden einbezogen.',
				en: 'Encounters happen as a matter of course, even without the project; newcomers are included.'
			}
		]
	},
	{
		key: 'level.2',
		kind: 'level',
		level: 2,
		revision: 1,
		title: {
			de: 'sich füreinander interessieren, Anteil nehmen',
			en: 'taking an interest in one another, showing concern'
		},
		shortTitle: { de: 'Anteil nehmen', en: 'Showing concern' },
		explanation: {
			de: 'Menschen interessieren sich füreinander und nehmen Anteil, auch an Krankheit, Pflege, Trauer und Einsamkeit.',
			en: 'People take an interest in each other and show concern, including for illness, care, grief and loneliness.'
		},
		anchors: [
			{
				de: 'Krankheit, Pflege, Trauer oder Einsamkeit sind im Quartier kein Thema.',
				en: 'Illness, care, grief or loneliness are not talked about in the neighbourhood.'
			},
			{
				de: 'Einzelne Menschen erkundigen sich nach anderen und fragen nach, wie es ihnen geht.',
				en: 'A few individuals ask after others and how they are doing.'
			},
			{
				de: 'Angebote machen Sorgethemen besprechbar (z. B. Letzte-Hilfe-Kurs, Demenz-Partner-Kurs, Gesprächsrunde), die Resonanz ist aber begrenzt.',
				en: 'Offers make care topics easier to talk about (e.g. Last Aid course, Dementia Friends course, discussion group), but the response is limited.'
			},
			{
				de: 'Menschen bemerken Veränderungen bei anderen und sprechen sie an; Orte der Sorge sind sichtbar, etwa auf einer Sorgelandkarte.',
				en: 'People notice changes in others and speak to them about it; places of care are visible, for instance on a care map.'
			},
			{
				de: 'Anteilnahme gehört zur Kultur des Quartiers: Tabuthemen werden offen besprochen, und auch an die „Vergessenen“ wird gedacht.',
				en: 'Concern for others is part of the neighbourhood’s culture: taboo topics are discussed openly, and the “forgotten” are thought of too.'
			}
		]
	},
	{
		key: 'level.3',
		kind: 'level',
		level: 3,
		revision: 1,
		title: {
			de: 'sich gelegentlich gegenseitig unterstützen',
			en: 'supporting each other from time to time'
		},
		shortTitle: { de: 'Sich unterstützen', en: 'Supporting each other' },
		explanation: {
			de: 'Menschen helfen einander im Alltag – nicht nur in eine Richtung, sondern im Geben und Nehmen.',
			en: 'People help each other in everyday life – not just one way, but by giving and taking.'
		},
		anchors: [
			{
				de: 'Hilfe kommt nur aus der Familie oder von professionellen Diensten.',
				en: 'Help comes only from family or from professional services.'
			},
			{
				de: 'Es gibt einzelne Hilfen, meist nur auf ausdrückliche Nachfrage.',
				en: 'There are single acts of help, mostly only when someone explicitly asks.'
			},
			{
				de: 'Das Projekt vermittelt Hilfe, meist in eine Richtung: Die einen helfen, die anderen empfangen Hilfe.',
				en: 'The project brokers help, mostly one way: some give help, others receive it.'
			},
			{
				de: 'Gegenseitige Hilfe ist verbreitet; Menschen geben und nehmen (z. B. Tandems, Zeittausch).',
				en: 'Mutual help is common; people both give and take (e.g. tandems, time banks).'
			},
			{
				de: 'Ein verlässliches, ausgewogenes Netz trägt: Alle wissen, wen sie fragen können.',
				en: 'A reliable, balanced network carries people: everyone knows whom to ask.'
			}
		]
	},
	{
		key: 'level.4',
		kind: 'level',
		level: 4,
		revision: 1,
		title: {
			de: 'sich gemeinschaftlich organisieren',
			en: 'organising together as a community'
		},
		shortTitle: { de: 'Sich organisieren', en: 'Organising together' },
		explanation: {
			de: 'Menschen und Organisationen organisieren sich gemeinsam: Sie planen, entscheiden und tragen Strukturen zusammen.',
			en: 'People and organisations organise themselves together: they plan, decide and maintain structures jointly.'
		},
		anchors: [
			{
				de: 'Alles hängt an der Projektleitung.',
				en: 'Everything depends on the project lead.'
			},
			{
				de: 'Einzelne bringen Ideen ein; geplant wird von den Hauptamtlichen.',
				en: 'Individuals contribute ideas; paid staff do the planning.'
			},
			{
				de: 'Eine Steuerungsgruppe mit Beteiligten berät; die Entscheidungen trifft der Träger.',
				en: 'A steering group with stakeholders advises; the provider makes the decisions.'
			},
			{
				de: 'Planung und Entscheidungen geschehen gemeinsam, mit klaren Rollen und mindestens drei Akteursgruppen.',
				en: 'Planning and decisions are made jointly, with clear roles and at least three actor groups.'
			},
			{
				de: 'Selbstorganisierte Strukturen (z. B. Verein, Netzwerk, Lokale Allianz, Genossenschaft) tragen die Arbeit; Hauptamtliche begleiten sie.',
				en: 'Self-organised structures (e.g. association, network, Local Alliance, cooperative) carry the work; paid staff accompany it.'
			}
		]
	},
	{
		key: 'level.5',
		kind: 'level',
		level: 5,
		revision: 1,
		// The talk's slide writes "community"; capitalised here as a German noun, as in FRAMEWORK.md.
		title: {
			de: 'Care-Aufgaben in der Community gestalten & verantworten',
			en: 'shaping and taking responsibility for care tasks in the community'
		},
		shortTitle: { de: 'Sorge verantworten', en: 'Responsibility for care' },
		// Level 5 means shared responsibility, not citizens replacing the welfare state (FRAMEWORK.md §8).
		explanation: {
			de: 'Die Gemeinschaft übernimmt dauerhaft Verantwortung für Sorgeaufgaben – geteilt mit Diensten und Kommune, nicht als Ersatz für sozialstaatliche Leistungen.',
			en: 'The community takes lasting responsibility for care tasks – shared with services and the municipality, not as a substitute for welfare-state provision.'
		},
		anchors: [
			{
				de: 'Sorge liegt allein bei den Familien und den Diensten.',
				en: 'Care rests solely with families and services.'
			},
			{
				de: 'Es gibt erste Ideen, Sorgeaufgaben gemeinsam im Quartier zu übernehmen.',
				en: 'There are first ideas for taking on care tasks together in the neighbourhood.'
			},
			{
				de: 'Einzelne Sorgeaufgaben werden gelegentlich übernommen, abhängig von Projektmitteln.',
				en: 'Single care tasks are taken on now and then, depending on project funding.'
			},
			{
				de: 'Im Wohlfahrts-Mix wird dauerhaft Verantwortung übernommen, mit klaren Zuständigkeiten.',
				en: 'Lasting responsibility is taken within the welfare mix, with clear responsibilities.'
			},
			{
				de: 'Die geteilte Verantwortung ist verankert (in Planung, Vereinbarungen und Finanzierung) und wird gemeinsam reflektiert und weiterentwickelt.',
				en: 'Shared responsibility is anchored (in planning, agreements and funding) and is reviewed and developed together.'
			}
		]
	}
] as const satisfies readonly LevelDef[];

export type LevelKey = (typeof levels)[number]['key'];
export type Level = LevelDef & { readonly key: LevelKey };
export const LEVELS: readonly Level[] = levels;
export const LEVEL_KEYS = keysOf(levels);

// Titles follow the talk's list (after Wörle 2025). Explanations and anchors are ours, written in
// the spirit of the level anchors: 2 = carried by the project, 3 = shared, 4 = self-evident.
const traits = [
	{
		key: 'trait.raumbezug',
		kind: 'trait',
		revision: 1,
		title: {
			de: 'Raumbezug (Quartier, Nachbarschaften)',
			en: 'Local focus (neighbourhood, neighbours)'
		},
		shortTitle: { de: 'Raumbezug', en: 'Local focus' },
		explanation: {
			de: 'Die Sorgende Gemeinschaft bezieht sich auf einen konkreten Ort – ein Quartier, eine Nachbarschaft, ein Dorf –, den die Menschen als gemeinsamen Lebensraum erleben.',
			en: 'The caring community relates to a concrete place – a neighbourhood, a street, a village – that people experience as the space they share.'
		},
		anchors: [
			{
				de: 'Die Arbeit hat keinen erkennbaren Ortsbezug; das Quartier spielt keine Rolle.',
				en: 'The work has no recognisable local focus; the neighbourhood plays no role.'
			},
			{
				de: 'Das Gebiet ist grob benannt, aber die Menschen verbinden wenig damit.',
				en: 'The area is roughly named, but people associate little with it.'
			},
			{
				de: 'Das Projekt hat ein klar umrissenes Quartier und kennt dessen Orte und Gruppen, vor allem aus Sicht der Hauptamtlichen.',
				en: 'The project has a clearly defined area and knows its places and groups, mainly from the paid staff’s point of view.'
			},
			{
				de: 'Bewohner*innen identifizieren sich mit ihrem Quartier; Orte, Wege und Bedarfe werden gemeinsam erkundet und genutzt.',
				en: 'Residents identify with their neighbourhood; places, routes and needs are explored and used together.'
			},
			{
				de: 'Das Quartier ist ein gemeinsamer Sorgeraum: Die Nachbarschaften kennen ihre Orte und gestalten sie selbst mit.',
				en: 'The neighbourhood is a shared space of care: neighbours know their places and help to shape them.'
			}
		]
	},
	{
		key: 'trait.sorgeverstaendnis',
		kind: 'trait',
		revision: 1,
		title: {
			de: 'Breites Sorge-Verständnis (fürsorglicher Umgang miteinander)',
			en: 'Broad understanding of care (treating each other with care)'
		},
		shortTitle: { de: 'Sorge-Verständnis', en: 'Understanding of care' },
		explanation: {
			de: 'Sorge meint mehr als Pflege: einen fürsorglichen Umgang miteinander im Alltag, über Alters- und Zielgruppen hinweg.',
			en: 'Care means more than nursing: looking after one another in everyday life, across ages and target groups.'
		},
		anchors: [
			{
				de: 'Sorge wird nur als Pflege durch Fachkräfte oder Familie verstanden.',
				en: 'Care is understood only as nursing by professionals or family.'
			},
			{
				de: 'Einzelne verstehen Sorge weiter, etwa als Nachbarschaft oder Zuwendung; im Projekt spielt das kaum eine Rolle.',
				en: 'A few people understand care more broadly, as neighbourliness or attention; in the project this hardly matters.'
			},
			{
				de: 'Das Projekt spricht von einem breiten Sorgebegriff, seine Angebote richten sich aber an eine einzelne Zielgruppe.',
				en: 'The project speaks of a broad notion of care, but its offers address a single target group.'
			},
			{
				de: 'Fürsorglicher Umgang zeigt sich in vielen Lebensbereichen und zwischen verschiedenen Gruppen – Jungen und Alten, Gesunden und Kranken.',
				en: 'Caring for one another shows in many areas of life and between different groups – young and old, healthy and ill.'
			},
			{
				de: 'Ein breites Sorge-Verständnis ist selbstverständlich: Jede und jeder gibt und nimmt Sorge, ohne Grenzen zwischen Zielgruppen.',
				en: 'A broad understanding of care is taken for granted: everyone gives and receives care, without boundaries between target groups.'
			}
		]
	},
	{
		key: 'trait.zusammenwirken',
		kind: 'trait',
		revision: 1,
		title: {
			de: 'Partnerschaftliches Zusammenwirken sozialer Netze, zivilgesellschaftlicher Selbstorganisation und staatlicher Akteure („Wohlfahrts-Mix“)',
			en: 'Partnership between social networks, civil-society self-organisation and public bodies (“welfare mix”)'
		},
		shortTitle: { de: 'Zusammenwirken (Wohlfahrts-Mix)', en: 'Working together (welfare mix)' },
		explanation: {
			de: 'Familie, Nachbarschaft und Freundeskreise, selbstorganisierte Zivilgesellschaft, professionelle Dienste und Kommune wirken auf Augenhöhe zusammen.',
			en: 'Family, neighbours and friends, self-organised civil society, professional services and the municipality work together as equals.'
		},
		anchors: [
			{
				de: 'Die Bereiche arbeiten nebeneinanderher; es gibt keinen Austausch.',
				en: 'The sectors work side by side without any exchange.'
			},
			{
				de: 'Es gibt vereinzelte Kontakte zwischen Diensten, Engagierten und Kommune, meist aus einem konkreten Anlass.',
				en: 'There are occasional contacts between services, volunteers and the municipality, mostly for a specific reason.'
			},
			{
				de: 'Das Projekt vernetzt die Bereiche; die Zusammenarbeit hängt an ihm und geschieht noch nicht auf Augenhöhe.',
				en: 'The project connects the sectors; the collaboration depends on it and is not yet between equals.'
			},
			{
				de: 'Informelle Netze, Engagierte, Dienste und Kommune stimmen sich regelmäßig ab und ergänzen sich mit klaren Rollen.',
				en: 'Informal networks, volunteers, services and the municipality coordinate regularly and complement each other in clear roles.'
			},
			{
				de: 'Das Zusammenwirken im Wohlfahrts-Mix ist partnerschaftlich und verbindlich geregelt; keine Seite ersetzt die andere.',
				en: 'Working together in the welfare mix is a binding partnership; no side replaces another.'
			}
		]
	},
	{
		key: 'trait.werthorizonte',
		kind: 'trait',
		revision: 1,
		title: { de: 'Geteilte Werthorizonte', en: 'Shared values' },
		shortTitle: { de: 'Werthorizonte', en: 'Shared values' },
		explanation: {
			de: 'Die Beteiligten teilen grundlegende Werte und Ziele – etwa Solidarität, Teilhabe und Würde – und verständigen sich darüber.',
			en: 'Those involved share basic values and aims – such as solidarity, participation and dignity – and talk about them.'
		},
		anchors: [
			{
				de: 'Über Werte und Ziele wird nicht gesprochen; jede Seite verfolgt ihre eigenen Ziele.',
				en: 'Values and aims are not discussed; each side pursues its own aims.'
			},
			{
				de: 'Einzelne formulieren Ziele, die aber weder geteilt noch besprochen werden.',
				en: 'Individuals state aims, but these are neither shared nor discussed.'
			},
			{
				de: 'Das Projekt hat ein Leitbild formuliert; die Beteiligten kennen es, leben es aber kaum gemeinsam.',
				en: 'The project has written a mission statement; those involved know it but hardly live it together.'
			},
			{
				de: 'Die Beteiligten haben sich über gemeinsame Werte verständigt und beziehen sich bei Entscheidungen darauf.',
				en: 'Those involved have agreed on common values and refer to them when making decisions.'
			},
			{
				de: 'Geteilte Werte prägen den Alltag und werden immer wieder gemeinsam überprüft, auch mit neu Hinzukommenden.',
				en: 'Shared values shape everyday life and are revisited together again and again, including with newcomers.'
			}
		]
	},
	{
		key: 'trait.infrastrukturen',
		kind: 'trait',
		revision: 1,
		title: {
			de: 'Geteilte Infrastrukturen und Ressourcen',
			en: 'Shared infrastructure and resources'
		},
		shortTitle: { de: 'Infrastrukturen & Ressourcen', en: 'Infrastructure & resources' },
		explanation: {
			de: 'Räume, Treffpunkte, Informationen, Geld und Zeit werden gemeinsam genutzt und geteilt.',
			en: 'Rooms, meeting places, information, money and time are used and shared together.'
		},
		anchors: [
			{
				de: 'Es gibt keine gemeinsam nutzbaren Räume oder Mittel; jede Organisation nutzt nur ihre eigenen.',
				en: 'There are no rooms or means that can be used jointly; each organisation uses only its own.'
			},
			{
				de: 'Ressourcen werden gelegentlich verliehen oder geteilt, auf persönliche Nachfrage.',
				en: 'Resources are lent or shared now and then, on personal request.'
			},
			{
				de: 'Das Projekt stellt Räume und Mittel zur Verfügung; andere nutzen sie, tragen aber wenig bei.',
				en: 'The project provides rooms and means; others use them but contribute little.'
			},
			{
				de: 'Mehrere Akteursgruppen bringen Räume, Mittel und Wissen ein und nutzen sie nach Absprache gemeinsam.',
				en: 'Several actor groups contribute rooms, means and knowledge and use them jointly by agreement.'
			},
			{
				de: 'Geteilte Infrastrukturen sind verlässlich geregelt und gesichert, z. B. durch Vereinbarungen oder gemeinsame Finanzierung.',
				en: 'Shared infrastructure is reliably arranged and secured, e.g. by agreements or joint funding.'
			}
		]
	},
	{
		key: 'trait.planbarkeit',
		kind: 'trait',
		revision: 1,
		title: { de: 'Herausbildung nur bedingt planbar', en: 'Emergence can be planned only in part' },
		shortTitle: { de: 'Offene Entwicklung', en: 'Open to emergence' },
		// Rated as openness: a higher value means more room for what grows unplanned.
		explanation: {
			de: 'Eine Sorgende Gemeinschaft lässt sich nicht verordnen, sie wächst. Eingeschätzt wird, wie offen die Arbeit für Ungeplantes und für Initiativen aus dem Quartier ist.',
			en: 'A caring community cannot be decreed; it grows. Rate how open the work is to the unplanned and to initiatives from the neighbourhood.'
		},
		anchors: [
			{
				de: 'Alles folgt einem festen Plan des Projekts; was nicht geplant war, hat keinen Platz.',
				en: 'Everything follows the project’s fixed plan; there is no room for anything unplanned.'
			},
			{
				de: 'Ungeplante Initiativen werden vereinzelt bemerkt, passen aber meist nicht ins Programm.',
				en: 'Unplanned initiatives are occasionally noticed but mostly do not fit the programme.'
			},
			{
				de: 'Das Projekt greift einzelne ungeplante Ideen auf und passt seine Pläne gelegentlich an.',
				en: 'The project takes up some unplanned ideas and adjusts its plans now and then.'
			},
			{
				de: 'Pläne sind bewusst offen gehalten; Initiativen aus dem Quartier werden regelmäßig aufgegriffen, und das Team überprüft seinen Kurs.',
				en: 'Plans are deliberately kept open; initiatives from the neighbourhood are taken up regularly, and the team reviews its course.'
			},
			{
				de: 'Die Gemeinschaft entwickelt eigene Formen; Hauptamtliche begleiten, statt zu steuern, und Überraschungen gehören dazu.',
				en: 'The community develops its own forms; paid staff accompany rather than steer, and surprises are part of it.'
			}
		]
	}
] as const satisfies readonly TraitDef[];

export type TraitKey = (typeof traits)[number]['key'];
export type Trait = TraitDef & { readonly key: TraitKey };
export const TRAITS: readonly Trait[] = traits;
export const TRAIT_KEYS = keysOf(traits);

export type RatedItem = Level | Trait;
export type RatedItemKey = LevelKey | TraitKey;
export const RATED_ITEMS: readonly RatedItem[] = [...LEVELS, ...TRAITS];
export const RATED_ITEM_KEYS = keysOf(RATED_ITEMS);

const itemsByKey: ReadonlyMap<string, RatedItem> = new Map(
	RATED_ITEMS.map((item) => [item.key, item])
);

/** Returns the rated item (level or trait) with this key, or undefined. */
export function getItem(key: string): RatedItem | undefined {
	return itemsByKey.get(key);
}

/** Tells whether a string is the key of a rated item of this framework version. */
export function isRatedItemKey(key: string): key is RatedItemKey {
	return itemsByKey.has(key);
}
