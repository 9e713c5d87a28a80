import { keysOf, type OptionDef, type QuestionDef, type TeamItemDef, type Text } from './types';

export const CORE_QUESTION = {
	de: 'Eine Frage der Zukunft wird sein, wie wir die Care-Aufgaben bewältigen, wenn Dienstleistungen immer teurer werden und Fachkräfte fehlen. Sorge wird in jeder Lebensphase gebraucht.',
	en: 'A question for the future will be how we manage care tasks when services keep getting more expensive and skilled staff are missing. Care is needed at every stage of life.'
} as const satisfies Text;

// Drivers are recorded only as "felt locally" and are never scored.
const drivers = [
	{
		key: 'driver.demografischer_wandel',
		revision: 1,
		title: { de: 'demografischer Wandel', en: 'demographic change' },
		explanation: {
			de: 'Die Gesellschaft altert; mehr Menschen brauchen im Lauf ihres Lebens Sorge und Pflege.',
			en: 'Society is ageing; more people need care and support in the course of their lives.'
		}
	},
	{
		key: 'driver.entsolidarisierung',
		revision: 1,
		title: { de: 'Entsolidarisierung', en: 'declining solidarity' },
		explanation: {
			de: 'Bindungen in Familie und Nachbarschaft werden schwächer; mehr Menschen sind auf sich allein gestellt.',
			en: 'Ties in families and neighbourhoods are weakening; more people have to fend for themselves.'
		}
	},
	{
		key: 'driver.fachkraeftemangel',
		revision: 1,
		title: { de: 'Fachkräftemangel', en: 'shortage of skilled staff' },
		explanation: {
			de: 'In Pflege und sozialen Diensten fehlen Fachkräfte.',
			en: 'Care and social services lack skilled staff.'
		}
	},
	{
		key: 'driver.ueberlastung',
		revision: 1,
		title: { de: 'Überlastung des Systems', en: 'overloaded system' },
		explanation: {
			de: 'Dienste und Sozialsysteme kommen an ihre Grenzen, und Leistungen werden teurer.',
			en: 'Services and social systems are reaching their limits, and services are getting more expensive.'
		}
	},
	{
		key: 'driver.sozialer_wandel',
		revision: 1,
		title: { de: 'sozialer Wandel', en: 'social change' },
		explanation: {
			de: 'Lebensformen ändern sich: Mehr Menschen leben allein, Familien wohnen weiter voneinander entfernt.',
			en: 'Ways of living are changing: more people live alone, and families live further apart.'
		}
	}
] as const satisfies readonly TeamItemDef[];

export type DriverKey = (typeof drivers)[number]['key'];
export type Driver = TeamItemDef & { readonly key: DriverKey };
export const DRIVERS: readonly Driver[] = drivers;
export const DRIVER_KEYS = keysOf(drivers);

// The twelve groups of Schuchter/Wegleitner (2018), titles in the talk's wording.
const actors = [
	{
		key: 'actor.freiwillige',
		revision: 1,
		title: { de: '„Organisierte“ Freiwillige', en: '“Organised” volunteers' },
		explanation: {
			de: 'Ehrenamtliche in Besuchsdiensten, Hospizgruppen, Initiativen und Verbänden.',
			en: 'Volunteers in visiting services, hospice groups, initiatives and associations.'
		}
	},
	{
		key: 'actor.sorgeprofis',
		revision: 1,
		title: { de: '„Sorge-Profis“', en: '“Care professionals”' },
		explanation: {
			de: 'Fachkräfte aus Pflege, Sozialer Arbeit, Medizin, Beratung und Therapie.',
			en: 'Professionals in nursing, social work, medicine, counselling and therapy.'
		}
	},
	{
		key: 'actor.religion',
		revision: 1,
		title: { de: 'Kirchen- und Religionsgemeinschaften', en: 'Churches and religious communities' },
		explanation: {
			de: 'Gemeinden aller Religionen und Konfessionen mit ihren Gruppen und Räumen.',
			en: 'Congregations of all faiths and denominations, with their groups and premises.'
		}
	},
	{
		key: 'actor.kultur',
		revision: 1,
		title: { de: 'Kunst & Kultur', en: 'Arts & culture' },
		explanation: {
			de: 'Kulturschaffende, Bibliotheken, Theater, Museen und Kulturinitiativen.',
			en: 'Artists, libraries, theatres, museums and cultural initiatives.'
		}
	},
	{
		key: 'actor.schulen',
		revision: 1,
		title: { de: 'Schulen & Kindertagesstätten', en: 'Schools & day-care centres' },
		explanation: {
			de: 'Schulen, Kitas und ihre Familien – für Begegnung zwischen den Generationen.',
			en: 'Schools, nurseries and their families – for encounters between generations.'
		}
	},
	{
		key: 'actor.vereine',
		revision: 1,
		title: { de: 'Vereine', en: 'Clubs and associations' },
		explanation: {
			de: 'Sport-, Heimat-, Bürger- und andere Vereine vor Ort.',
			en: 'Local sports, heritage, citizens’ and other clubs and associations.'
		}
	},
	{
		key: 'actor.unternehmen',
		revision: 1,
		title: { de: 'Unternehmen/Betriebe', en: 'Businesses/companies' },
		explanation: {
			de: 'Geschäfte, Handwerk, Apotheken, Wohnungsunternehmen und andere Betriebe im Quartier.',
			en: 'Shops, trades, pharmacies, housing companies and other businesses in the neighbourhood.'
		}
	},
	{
		key: 'actor.kommunalpolitik',
		revision: 1,
		title: { de: 'Kommunalpolitik', en: 'Local politics' },
		explanation: {
			de: 'Rat, Bezirksvertretung, Ausschüsse und kommunale Verwaltung.',
			en: 'Council, district committees and the municipal administration.'
		}
	},
	{
		key: 'actor.buergerinnen',
		revision: 1,
		title: { de: 'Bürger*innen', en: 'Citizens' },
		explanation: {
			de: 'Bewohner*innen, die nicht in einer Organisation engagiert sind – auch Menschen, die Sorge brauchen, und ihre Angehörigen.',
			en: 'Residents who are not involved through an organisation – including people who need care and their relatives.'
		}
	},
	{
		key: 'actor.nachbarschaften',
		revision: 1,
		title: { de: 'Nachbarschaften', en: 'Neighbourhoods' },
		explanation: {
			de: 'Hausgemeinschaften, Straßenzüge und nachbarschaftliche Netze.',
			en: 'Residents of a building or street and neighbourly networks.'
		}
	},
	{
		key: 'actor.planung',
		revision: 1,
		title: { de: 'Stadt-/Ortsplanung, Mobilität', en: 'Urban/local planning, mobility' },
		explanation: {
			de: 'Stadt- und Sozialplanung, Verkehr und Mobilitätsangebote.',
			en: 'Urban and social planning, transport and mobility services.'
		}
	},
	{
		key: 'actor.medien',
		revision: 1,
		title: { de: 'Medien/Öffentlichkeit', en: 'Media/public' },
		explanation: {
			de: 'Lokalzeitung, Stadtteilmagazin, Radio, soziale Medien und öffentliche Kommunikation.',
			en: 'Local paper, neighbourhood magazine, radio, social media and public communication.'
		}
	}
] as const satisfies readonly TeamItemDef[];

export type ActorKey = (typeof actors)[number]['key'];
export type Actor = TeamItemDef & { readonly key: ActorKey };
export const ACTORS: readonly Actor[] = actors;
export const ACTOR_KEYS = keysOf(actors);

export const INVOLVEMENT = [
	{
		key: 'nicht_beteiligt',
		order: 0,
		label: { de: 'nicht beteiligt', en: 'not involved' },
		explanation: {
			de: 'Die Gruppe ist bisher nicht eingebunden.',
			en: 'The group is not involved so far.'
		}
	},
	{
		key: 'in_kontakt',
		order: 1,
		label: { de: 'in Kontakt', en: 'in contact' },
		explanation: {
			de: 'Wir kennen Ansprechpersonen und tauschen uns gelegentlich aus.',
			en: 'We know contact persons and exchange information now and then.'
		}
	},
	{
		key: 'arbeitet_mit',
		order: 2,
		label: { de: 'arbeitet mit', en: 'works with us' },
		explanation: {
			de: 'Die Gruppe wirkt an Angeboten oder Vorhaben aktiv mit.',
			en: 'The group actively takes part in offers or projects.'
		}
	},
	{
		key: 'traegt_mit',
		order: 3,
		label: { de: 'trägt Verantwortung mit', en: 'shares responsibility' },
		explanation: {
			de: 'Die Gruppe plant und entscheidet mit und bringt eigene Mittel ein.',
			en: 'The group shares in planning and decisions and contributes its own resources.'
		}
	}
] as const satisfies readonly (OptionDef & { order: number; explanation: Text })[];

export type InvolvementState = (typeof INVOLVEMENT)[number]['key'];
export const INVOLVEMENT_KEYS = keysOf(INVOLVEMENT);

// The challenges named in the talk, one entry per checklist line.
const risks = [
	{
		key: 'risk.konzept',
		revision: 1,
		title: {
			de: 'Kein klares Konzept, eher eine Vision',
			en: 'No clear concept, more of a vision'
		},
		explanation: {
			de: 'Es gibt keine gemeinsame Definition und kein klares „Konzept“; die Sorgende Gemeinschaft bleibt eher eine Vision.',
			en: 'There is no shared definition and no clear “concept”; the caring community remains more of a vision.'
		}
	},
	{
		key: 'risk.leitung',
		revision: 1,
		title: {
			de: 'Leitung: top-down oder bottom-up?',
			en: 'Leadership: top-down or bottom-up?'
		},
		explanation: {
			de: 'Unklar ist, ob es eine Leitung braucht und wie sie gestaltet wird – von oben gesteuert oder von unten gewachsen.',
			en: 'It is unclear whether leadership is needed and how it is shaped – steered from above or grown from below.'
		}
	},
	{
		key: 'risk.langer_atem',
		revision: 1,
		title: {
			de: 'Ein Projekt reicht nicht aus – „langer Atem“ nötig',
			en: 'A project is not enough – staying power needed'
		},
		explanation: {
			de: 'Eine Sorgekultur entsteht nicht in einer befristeten Projektlaufzeit; es braucht einen „langen Atem“.',
			en: 'A culture of care does not emerge within a fixed project term; it takes staying power.'
		}
	},
	{
		key: 'risk.ungleichheit',
		revision: 1,
		title: {
			de: 'Wer wird eingebunden und wer nicht?',
			en: 'Who is included and who is not?'
		},
		explanation: {
			de: 'Es besteht die Gefahr, soziale Ungleichheit zu reproduzieren: Manche Gruppen werden erreicht, andere bleiben außen vor.',
			en: 'There is a danger of reproducing social inequality: some groups are reached, others are left out.'
		}
	},
	{
		key: 'risk.hilfe',
		revision: 1,
		title: {
			de: 'Hilfe wird nicht angenommen, ist einseitig oder informell nicht mehr zu organisieren',
			en: 'Help is not accepted, is one-way, or can no longer be organised informally'
		},
		explanation: {
			de: 'Hilfe und Unterstützung werden nicht angenommen, finden nur in eine Richtung statt oder lassen sich im informellen Bereich nicht mehr organisieren.',
			en: 'Help and support are not accepted, flow only one way, or can no longer be organised informally.'
		}
	},
	{
		key: 'risk.deprofessionalisierung',
		revision: 1,
		title: {
			de: 'Befürchtung: De-Professionalisierung der Pflege- und Sorgearbeit',
			en: 'Concern: de-professionalisation of nursing and care work'
		},
		explanation: {
			de: 'Es wird befürchtet, dass fachliche Pflege- und Sorgearbeit durch Engagement abgewertet oder verdrängt wird.',
			en: 'There is a fear that professional nursing and care work is devalued or displaced by volunteering.'
		}
	},
	{
		key: 'risk.ersatz_sozialstaat',
		revision: 1,
		title: {
			de: 'Befürchtung: Engagement als Ersatz für sozialstaatliche Leistungen',
			en: 'Concern: volunteering as a substitute for welfare-state provision'
		},
		explanation: {
			de: 'Es wird befürchtet, dass sich der Sozialstaat seiner Verantwortung entzieht und Engagement Lücken füllen soll.',
			en: 'There is a fear that the welfare state withdraws from its responsibility and volunteering is expected to fill the gaps.'
		}
	}
] as const satisfies readonly TeamItemDef[];

export type RiskKey = (typeof risks)[number]['key'];
export type Risk = TeamItemDef & { readonly key: RiskKey };
export const RISKS: readonly Risk[] = risks;
export const RISK_KEYS = keysOf(risks);

export const RISK_STATES = [
	{ key: 'trifft_nicht_zu', label: { de: 'trifft nicht zu', en: 'does not apply' } },
	{ key: 'beobachten', label: { de: 'beobachten', en: 'keep an eye on' } },
	{ key: 'akut', label: { de: 'akut', en: 'acute' } }
] as const satisfies readonly OptionDef[];

export type RiskState = (typeof RISK_STATES)[number]['key'];
export const RISK_STATE_KEYS = keysOf(RISK_STATES);

// The talk's reflection questions; organisations and facilitators add their own beside these.
const questions = [
	{
		key: 'question.zusammenarbeit',
		revision: 1,
		text: {
			de: 'Wie arbeiten aktuell hauptamtlich Tätige, freiwillig Engagierte und informell Helfende zusammen?',
			en: 'How do paid staff, volunteers and informal helpers currently work together?'
		}
	},
	{
		key: 'question.hilfebedarf',
		revision: 1,
		text: {
			de: 'Welche Angebote machen wir und wo gibt es „versteckten“ Hilfebedarf, der nicht gut gedeckt ist?',
			en: 'What do we offer, and where is there “hidden” need for help that is not well covered?'
		}
	},
	{
		key: 'question.nachbarschaft',
		revision: 1,
		text: {
			de: 'Wie ist das Zusammenleben in der Nachbarschaft? Wie ist das wechselseitige Vertrauen?',
			en: 'What is living together in the neighbourhood like? How much do people trust each other?'
		}
	},
	{
		key: 'question.isolation',
		revision: 1,
		text: {
			de: 'Wer ist bei uns sozial isoliert? Welche Bevölkerungsgruppen haben es bei uns sehr schwer?',
			en: 'Who is socially isolated here? Which groups of the population have a very hard time here?'
		},
		hint: {
			de: 'Bitte keine Namen einzelner Personen nennen.',
			en: 'Please do not name individual people.'
		}
	},
	{
		key: 'question.sorgenetzwerke',
		revision: 1,
		text: {
			de: 'Wo gibt es bereits gut funktionierende Sorgenetzwerke?',
			en: 'Where are there already well-functioning care networks?'
		}
	}
] as const satisfies readonly QuestionDef[];

export type QuestionKey = (typeof questions)[number]['key'];
export type Question = QuestionDef & { readonly key: QuestionKey };
export const QUESTIONS: readonly Question[] = questions;
export const QUESTION_KEYS = keysOf(questions);
