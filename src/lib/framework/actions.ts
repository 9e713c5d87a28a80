import { keysOf, type LevelNumber, type OptionDef, type Text } from './types';

export interface ActionIdeaDef {
	readonly key: string;
	/** The pyramid level the idea mostly serves; it stays valid on the levels above. */
	readonly level: LevelNumber;
	readonly title: Text;
}

// A catalogue for inspiration, never a to-do list (FRAMEWORK.md §7).
const ideas = [
	{ key: 'idea.erzaehlcafe', level: 1, title: { de: 'Erzählcafé', en: 'Storytelling café' } },
	{
		key: 'idea.tischgemeinschaften',
		level: 1,
		title: { de: 'Tischgemeinschaften', en: 'Shared meals' }
	},
	{
		key: 'idea.gespraechsbaenke',
		level: 1,
		title: { de: 'Bänke für Gespräche', en: 'Benches for conversation' }
	},
	{
		key: 'idea.auftakt',
		level: 1,
		title: { de: 'Auftakt und Erzählrunden', en: 'Kick-off and storytelling rounds' }
	},
	{
		key: 'idea.stadtteilbegehung',
		level: 1,
		title: {
			de: 'Stadtteilbegehung / Nadelmethode',
			en: 'Neighbourhood walk / pin-map method'
		}
	},
	{
		key: 'idea.haustuergespraeche',
		level: 1,
		title: {
			de: 'Haustürgespräche, aktivierende Befragung',
			en: 'Doorstep conversations, activating survey'
		}
	},
	{
		key: 'idea.quartierstreffpunkt',
		level: 1,
		title: {
			de: 'Quartierstreffpunkt, Gemeinschaftsgarten',
			en: 'Neighbourhood meeting point, community garden'
		}
	},
	{ key: 'idea.letzte_hilfe', level: 2, title: { de: 'Letzte-Hilfe-Kurs', en: 'Last Aid course' } },
	{
		key: 'idea.demenz_partner',
		level: 2,
		title: { de: 'Demenz-Partner-Kurs', en: 'Dementia Friends course' }
	},
	{ key: 'idea.sorgelandkarte', level: 2, title: { de: 'Sorgelandkarte', en: 'Care map' } },
	{
		key: 'idea.trauercafe',
		level: 2,
		title: { de: 'Trauercafé / Death Café', en: 'Grief café / Death Café' }
	},
	{
		key: 'idea.gespraechskreis_angehoerige',
		level: 2,
		title: { de: 'Gesprächskreis pflegende Angehörige', en: 'Discussion group for family carers' }
	},
	{
		key: 'idea.ausstellung',
		level: 2,
		title: {
			de: 'Ausstellung oder Erzählwettbewerb zu Alter, Sterben, Sorge',
			en: 'Exhibition or storytelling competition on ageing, dying and care'
		}
	},
	{
		key: 'idea.nachbarschaftshilfe',
		level: 3,
		title: {
			de: 'Nachbarschaftshilfe, Zeittausch / Zeitvorsorge',
			en: 'Neighbourly help, time bank / time credits for later'
		}
	},
	{
		key: 'idea.hol_und_bringdienste',
		level: 3,
		title: {
			de: 'Hol- und Bringdienste, Hausbesuche',
			en: 'Fetch-and-carry services, home visits'
		}
	},
	{
		key: 'idea.mittagstisch',
		level: 3,
		title: {
			de: 'Mittagstisch, ehrenamtlicher Fahrdienst',
			en: 'Community lunch, volunteer driving service'
		}
	},
	{
		key: 'idea.betreuungscafe',
		level: 3,
		title: {
			de: 'Betreuungscafé für Menschen mit Demenz',
			en: 'Café with care for people with dementia'
		}
	},
	{
		key: 'idea.steuerungsgruppe',
		level: 4,
		title: {
			de: 'Steuerungsgruppe mit Betroffenen',
			en: 'Steering group including people affected'
		}
	},
	{
		key: 'idea.sektorenuebergreifendes_team',
		level: 4,
		title: {
			de: 'Sektorenübergreifendes Team (≥ 3 Akteursgruppen)',
			en: 'Cross-sector team (≥ 3 actor groups)'
		}
	},
	{
		key: 'idea.lokale_allianz',
		level: 4,
		title: {
			de: 'Lokale Allianz für Menschen mit Demenz',
			en: 'Local Alliance for People with Dementia'
		}
	},
	{
		key: 'idea.zukunftswerkstatt',
		level: 4,
		title: { de: 'Zukunftswerkstatt', en: 'Future workshop' }
	},
	{
		key: 'idea.buergerverein',
		level: 4,
		title: {
			de: 'Bürgerverein / Sozialgenossenschaft als Träger',
			en: 'Citizens’ association / social cooperative as provider'
		}
	},
	{
		key: 'idea.netzwerk_alleinlebende',
		level: 4,
		title: { de: 'Netzwerk für Alleinlebende', en: 'Network for people living alone' }
	},
	{
		key: 'idea.sorgeaufgabe_uebernehmen',
		level: 5,
		title: {
			de: 'Verantwortung für eine Sorgeaufgabe dauerhaft übernehmen (z. B. Tagesbetreuung, ambulant betreute Wohngemeinschaft)',
			en: 'Take on lasting responsibility for a care task (e.g. day care, a shared flat with outpatient care)'
		}
	},
	{
		key: 'idea.demenzfreundlicher_stadtteil',
		level: 5,
		title: { de: 'Demenzfreundlicher Stadtteil', en: 'Dementia-friendly neighbourhood' }
	},
	{
		key: 'idea.kommunale_charta',
		level: 5,
		title: {
			de: 'Kommunale Charta / Verankerung in der Sozialplanung',
			en: 'Municipal charter / anchoring in social planning'
		}
	},
	{
		key: 'idea.kommunale_gremien',
		level: 5,
		title: {
			de: 'Fester Tagesordnungspunkt in kommunalen Gremien',
			en: 'Standing agenda item in municipal committees'
		}
	}
] as const satisfies readonly ActionIdeaDef[];

export type ActionIdeaKey = (typeof ideas)[number]['key'];
export type ActionIdea = ActionIdeaDef & { readonly key: ActionIdeaKey };
export const ACTION_CATALOGUE: readonly ActionIdea[] = ideas;
export const ACTION_IDEA_KEYS = keysOf(ideas);

export const HORIZONS = [
	{
		key: 'klein_anfangen',
		label: { de: 'klein anfangen', en: 'start small' },
		explanation: {
			de: 'Bestehendes in den Blick nehmen und reflektieren, z. B. mit Sorgegesprächen, einem Erzählcafé oder einem Gesprächskreis für pflegende Angehörige.',
			en: 'Look at and reflect on what already exists, e.g. with conversations about care, a storytelling café or a discussion group for family carers.'
		}
	},
	{
		key: 'gross_gedacht',
		label: { de: 'groß gedacht', en: 'think big' },
		explanation: {
			de: 'Freiwilliges Engagement und professionelle Dienstleistungen miteinander vernetzen und Quartiersprojekte anstoßen, z. B. einen demenzfreundlichen Stadtteil.',
			en: 'Connect volunteering with professional services and launch neighbourhood projects, e.g. a dementia-friendly neighbourhood.'
		}
	}
] as const satisfies readonly (OptionDef & { explanation: Text })[];

export type Horizon = (typeof HORIZONS)[number]['key'];
export const HORIZON_KEYS = keysOf(HORIZONS);

export const ACTION_STATUSES = [
	{ key: 'offen', label: { de: 'offen', en: 'open' } },
	{ key: 'laeuft', label: { de: 'läuft', en: 'in progress' } },
	{ key: 'erledigt', label: { de: 'erledigt', en: 'done' } },
	{ key: 'verworfen', label: { de: 'verworfen', en: 'dropped' } }
] as const satisfies readonly OptionDef[];

export type ActionStatus = (typeof ACTION_STATUSES)[number]['key'];
export const ACTION_STATUS_KEYS = keysOf(ACTION_STATUSES);

// The talk's list of roles for a welfare organisation; its city-specific example is generalised.
const roles = [
	{
		key: 'role.quartiersarbeit',
		title: {
			de: 'zielgruppenübergreifende Quartiersarbeit (radikal inklusiv und partizipativ)',
			en: 'neighbourhood work across target groups (radically inclusive and participatory)'
		}
	},
	{
		key: 'role.teilhabe',
		title: {
			de: 'Förderung von sozialer Teilhabe durch Koordination und Vernetzung',
			en: 'promoting social participation through coordination and networking'
		}
	},
	{
		key: 'role.moderation',
		title: {
			de: 'Übernahme einer moderierenden Rolle (anknüpfend an Ansätze des Community Organizing): Ermöglicher statt Dienstleister',
			en: 'taking on a facilitating role (building on community organizing): enabler rather than service provider'
		}
	},
	{
		key: 'role.schnittstelle',
		title: {
			de: 'Bindeglied zwischen professionellen Dienstleistenden und Engagierten im Sinne eines Schnittstellenmanagements',
			en: 'linking professional service providers and volunteers by managing the interfaces between them'
		}
	},
	{
		key: 'role.raeume',
		title: {
			de: 'Schaffung von Räumen als Begegnungs- und Wohlfühlorte',
			en: 'creating spaces as places to meet and feel at home'
		}
	},
	{
		key: 'role.engagement',
		title: {
			de: 'einerseits Engagement fördern, andererseits verhindern, dass sich der Sozialstaat seiner Verantwortung entzieht: Deprofessionalisierung entgegenwirken',
			en: 'promoting volunteering while preventing the welfare state from shirking its responsibility: countering de-professionalisation'
		}
	},
	{
		key: 'role.bottom_up_top_down',
		title: {
			de: 'bottom-up und top-down zusammendenken: vorhandene Ansätze vor Ort stärken (das Thema muss auch „von oben“ gewollt sein)',
			en: 'thinking bottom-up and top-down together: strengthening local approaches (the topic must also be wanted “from above”)'
		}
	}
] as const satisfies readonly { key: string; title: Text }[];

export type OrganisationRoleKey = (typeof roles)[number]['key'];
export type OrganisationRole = { readonly key: OrganisationRoleKey; readonly title: Text };
export const ORGANISATION_ROLES: readonly OrganisationRole[] = roles;
