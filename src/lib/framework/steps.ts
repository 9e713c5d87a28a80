import { LEVEL_KEYS, TRAIT_KEYS, type RatedItemKey } from './rating';
import { keysOf, type Text } from './types';

export const STEP_KINDS = [
	'info',
	'rating',
	'team',
	'reflection',
	'actions',
	'review',
	'summary'
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

interface StepBase {
	readonly key: string;
	readonly number: number;
	readonly title: Text;
	/** Shown to participants when the step opens. */
	readonly explanation: Text;
	/** Whether the facilitator may skip the step. */
	readonly optional: boolean;
	/** Set when the step only appears for a team that has earlier assessments. */
	readonly onlyWithEarlierAssessments?: true;
}

export type StepDef = StepBase &
	(
		| { readonly kind: 'rating'; readonly items: readonly RatedItemKey[] }
		| { readonly kind: Exclude<StepKind, 'rating'> }
	);

// Which steps may be skipped: the pyramid is the scored core, actions are what a team leaves
// with (a team may still record none), and the wrap-up closes the assessment, so these three
// always run. Ankommen always runs too, but its driver choice and the actor tag inside it are
// optional. Everything else is a second profile or a team-level record a short workshop may drop.
const steps = [
	{
		key: 'ankommen',
		number: 1,
		kind: 'info',
		optional: false,
		title: { de: 'Ankommen', en: 'Getting started' },
		explanation: {
			de: 'Wir klären, worum es heute geht: eine gemeinsame Standortbestimmung auf dem Weg zur Sorgenden Gemeinschaft. Sie können markieren, welche Entwicklungen vor Ort spürbar sind, und angeben, für welche Akteursgruppe Sie sprechen – beides ist freiwillig.',
			en: 'We clarify what today is about: a joint assessment of where we stand on the way to a caring community. You can mark which developments are felt locally and say which actor group you speak for – both are optional.'
		}
	},
	{
		key: 'rueckblick',
		number: 2,
		kind: 'review',
		optional: true,
		onlyWithEarlierAssessments: true,
		title: { de: 'Rückblick', en: 'Looking back' },
		explanation: {
			de: 'Wir schauen zuerst auf die offenen Maßnahmen aus früheren Standortbestimmungen: Was ist daraus geworden?',
			en: 'First we look at the open actions from earlier assessments: what has become of them?'
		}
	},
	{
		key: 'pyramide',
		number: 3,
		kind: 'rating',
		items: LEVEL_KEYS,
		optional: false,
		title: { de: 'Pyramide', en: 'Pyramid' },
		explanation: {
			de: 'Jede Person schätzt die fünf Stufen der Pyramide für sich ein, ohne die Antworten der anderen zu sehen. Danach besprechen wir die Ergebnisse und einigen uns auf einen Teamwert je Stufe.',
			en: 'Everyone rates the five levels of the pyramid on their own, without seeing the others’ answers. Then we discuss the results and agree on a team value for each level.'
		}
	},
	{
		key: 'merkmale',
		number: 4,
		kind: 'rating',
		items: TRAIT_KEYS,
		optional: true,
		title: { de: 'Merkmale', en: 'Characteristics' },
		explanation: {
			de: 'Auf dieselbe Weise schätzen wir sechs Merkmale Sorgender Gemeinschaften ein. Das Ergebnis erscheint als Netzdiagramm.',
			en: 'In the same way we rate six characteristics of caring communities. The result is shown as a radar chart.'
		}
	},
	{
		key: 'akteure',
		number: 5,
		kind: 'team',
		optional: true,
		title: { de: 'Akteur*innen', en: 'Actors' },
		explanation: {
			de: 'Gemeinsam halten wir fest, wie stark die zwölf Akteursgruppen bei uns beteiligt sind.',
			en: 'Together we record how far each of the twelve actor groups is involved with us.'
		}
	},
	{
		key: 'herausforderungen',
		number: 6,
		kind: 'team',
		optional: true,
		title: { de: 'Herausforderungen', en: 'Challenges' },
		explanation: {
			de: 'Wir gehen typische Herausforderungen durch und markieren, was nicht zutrifft, was wir beobachten wollen und was akut ist.',
			en: 'We go through typical challenges and mark what does not apply, what we want to keep an eye on and what is acute.'
		}
	},
	{
		key: 'reflexion',
		number: 7,
		kind: 'reflection',
		optional: true,
		title: { de: 'Reflexionsfragen', en: 'Reflection questions' },
		explanation: {
			de: 'Alle können Notizen zu den Fragen schreiben. Anschließend formuliert das Team zu jeder Frage eine kurze gemeinsame Antwort.',
			en: 'Everyone can write notes on the questions. Then the team writes a short joint answer to each question.'
		}
	},
	{
		key: 'massnahmen',
		number: 8,
		kind: 'actions',
		optional: false,
		title: { de: 'Maßnahmen', en: 'Actions' },
		explanation: {
			de: 'Wir wählen zwei bis drei konkrete Schritte für die nächste Stufe oder für Stufen mit Wissenslücken – mit Verantwortlichen und Terminen.',
			en: 'We choose two or three concrete steps for the next level or for levels with knowledge gaps – with people responsible and dates.'
		}
	},
	{
		key: 'abschluss',
		number: 9,
		kind: 'summary',
		optional: false,
		title: { de: 'Abschluss', en: 'Wrap-up' },
		explanation: {
			de: 'Wir sehen uns die Zusammenfassung an, laden den Aktionsplan als PDF herunter und legen den Termin für die nächste Standortbestimmung fest.',
			en: 'We look at the summary, download the action plan as a PDF and set the date of the next assessment.'
		}
	}
] as const satisfies readonly StepDef[];

export type StepKey = (typeof steps)[number]['key'];
export type Step = StepDef & { readonly key: StepKey };
export const STEPS: readonly Step[] = steps;
export const STEP_KEYS = keysOf(steps);
