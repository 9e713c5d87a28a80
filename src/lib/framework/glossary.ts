import { keysOf, type Text } from './types';

export interface GlossaryEntryDef {
	readonly key: string;
	readonly term: Text;
	readonly explanation: Text;
}

const glossary = [
	{
		key: 'term.sorgende_gemeinschaft',
		term: { de: 'Sorgende Gemeinschaft (Caring Community)', en: 'Caring community' },
		explanation: {
			de: 'Eine Gemeinschaft in einem Quartier, einer Gemeinde oder Region, in der Menschen füreinander sorgen, geben und nehmen und gemeinsam Verantwortung für soziale Aufgaben übernehmen – im Zusammenspiel mit Diensten, Kommune und Zivilgesellschaft.',
			en: 'A community in a neighbourhood, municipality or region where people care for each other, give and take, and share responsibility for social tasks – together with services, the municipality and civil society.'
		}
	},
	{
		key: 'term.standortbestimmung',
		term: { de: 'Standortbestimmung', en: 'Assessment' },
		explanation: {
			de: 'Die gemeinsame Selbsteinschätzung eines Teams zu einem Zeitpunkt. Sie dient der Reflexion und ist nie eine Rangliste zwischen Projekten.',
			en: 'A team’s joint self-assessment at one point in time. It is meant for reflection and is never a ranking between projects.'
		}
	},
	{
		key: 'term.treiber',
		term: { de: 'Treiber', en: 'Drivers' },
		explanation: {
			de: 'Entwicklungen, die Sorgende Gemeinschaften nötig machen, etwa demografischer Wandel oder Fachkräftemangel. Sie werden nur markiert, nicht bewertet.',
			en: 'Developments that make caring communities necessary, such as demographic change or a shortage of skilled staff. They are only marked, not rated.'
		}
	},
	{
		key: 'term.pyramide',
		term: { de: 'Pyramide', en: 'Pyramid' },
		explanation: {
			de: 'Die Caring-Community-Pyramide (nach Sempach 2019) beschreibt fünf aufeinander aufbauende Stufen – vom gegenseitigen Wahrnehmen bis zur gemeinsamen Verantwortung für Sorgeaufgaben.',
			en: 'The Caring Community pyramid (after Sempach 2019) describes five levels that build on each other – from noticing one another to sharing responsibility for care tasks.'
		}
	},
	{
		key: 'term.stufe',
		term: { de: 'Stufe', en: 'Level' },
		explanation: {
			de: 'Eine der fünf Ebenen der Pyramide. Jede Stufe wird auf einer Skala von 0 bis 4 eingeschätzt.',
			en: 'One of the five levels of the pyramid. Each level is rated on a scale from 0 to 4.'
		}
	},
	{
		key: 'term.anker',
		term: { de: 'Ankerbeschreibung', en: 'Anchor' },
		explanation: {
			de: 'Die Beschreibung, wie ein Wert von 0 bis 4 bei einer Stufe oder einem Merkmal konkret aussieht. Sie hilft, dass alle mit derselben Zahl dasselbe meinen.',
			en: 'The description of what a value from 0 to 4 looks like for a level or characteristic. It helps everyone mean the same thing by the same number.'
		}
	},
	{
		key: 'term.merkmal',
		term: { de: 'Merkmal', en: 'Characteristic' },
		explanation: {
			de: 'Eines von sechs Kennzeichen Sorgender Gemeinschaften (nach Wörle 2025), etwa Raumbezug oder geteilte Werthorizonte. Merkmale bauen nicht aufeinander auf.',
			en: 'One of six features of caring communities (after Wörle 2025), such as local focus or shared values. Characteristics do not build on each other.'
		}
	},
	{
		key: 'term.netzdiagramm',
		term: { de: 'Netzdiagramm', en: 'Radar chart' },
		explanation: {
			de: 'Zeigt die Teamwerte der sechs Merkmale als Fläche, dazu den Bereich zwischen niedrigster und höchster Einzelbewertung.',
			en: 'Shows the team values of the six characteristics as an area, together with the band between the lowest and highest individual rating.'
		}
	},
	{
		key: 'term.unbekannt',
		term: { de: '„kann ich nicht einschätzen“', en: '“I can’t judge this”' },
		explanation: {
			de: 'Wählen Sie das, wenn Ihnen der Einblick fehlt. Die Antwort wird mitgezählt, fließt aber nicht in Median und Statistik ein.',
			en: 'Choose this when you lack the insight. The answer is counted but left out of the median and all statistics.'
		}
	},
	{
		key: 'term.sicherheit',
		term: { de: 'Sicherheit', en: 'Confidence' },
		explanation: {
			de: 'Wie sicher Sie sich bei Ihrer Einschätzung sind: sicher, eher sicher oder unsicher. Sind viele unsicher, weist das auf eine Wissenslücke hin.',
			en: 'How sure you are of your rating: sure, fairly sure or unsure. If many are unsure, this points to a knowledge gap.'
		}
	},
	{
		key: 'term.beleg',
		term: { de: 'Beleg', en: 'Evidence' },
		explanation: {
			de: 'Eine kurze Notiz, woran Sie Ihre Einschätzung festmachen – ein Angebot, eine Beobachtung, ein Beispiel.',
			en: 'A short note on what your rating is based on – an offer, an observation, an example.'
		}
	},
	{
		key: 'term.verteilung',
		term: { de: 'Verteilung', en: 'Distribution' },
		explanation: {
			de: 'Wie viele Personen welchen Wert gewählt haben. Sie zeigt, ob das Team sich einig ist.',
			en: 'How many people chose which value. It shows whether the team agrees.'
		}
	},
	{
		key: 'term.median',
		term: { de: 'Median', en: 'Median' },
		explanation: {
			de: 'Der mittlere Wert der Einzelbewertungen. Bei einer geraden Anzahl zählt der niedrigere der beiden mittleren Werte – die vorsichtigere Lesart.',
			en: 'The middle value of the individual ratings. With an even number, the lower of the two middle values counts – the more cautious reading.'
		}
	},
	{
		key: 'term.spannweite',
		term: { de: 'Spannweite', en: 'Range' },
		explanation: {
			de: 'Der Abstand zwischen der niedrigsten und der höchsten Einzelbewertung.',
			en: 'The distance between the lowest and the highest individual rating.'
		}
	},
	{
		key: 'term.konsens',
		term: { de: 'Konsens', en: 'Consensus' },
		explanation: {
			de: 'Die gemeinsame Entscheidung des Teams über einen Wert, nachdem alle Sichtweisen besprochen wurden – auf Wunsch mit Begründung.',
			en: 'The team’s joint decision on a value after all views have been discussed – with a reason, if wanted.'
		}
	},
	{
		key: 'term.teamwert',
		term: { de: 'Teamwert', en: 'Team value' },
		explanation: {
			de: 'Der Wert, auf den sich das Team im Konsens einigt. Ohne Einigung gilt der Median der Einzelbewertungen.',
			en: 'The value the team agrees on by consensus. Without an agreement, the median of the individual ratings applies.'
		}
	},
	{
		key: 'term.dissens',
		term: { de: 'Dissens', en: 'Dissent' },
		explanation: {
			de: 'Mindestens ein Fünftel der Bewertungen liegt zwei oder mehr Punkte vom Median entfernt. Solche Stufen bespricht das Team zuerst.',
			en: 'At least one in five ratings lies two or more points away from the median. The team discusses such levels first.'
		}
	},
	{
		key: 'term.wissensluecke',
		term: { de: 'Wissenslücke', en: 'Knowledge gap' },
		explanation: {
			de: 'Viele können einen Punkt nicht einschätzen oder sind unsicher. Dann lohnt es sich, genauer hinzusehen oder andere zu fragen.',
			en: 'Many cannot judge an item or are unsure. Then it is worth looking more closely or asking others.'
		}
	},
	{
		key: 'term.perspektivunterschied',
		term: { de: 'Perspektivunterschied', en: 'Difference in perspective' },
		explanation: {
			de: 'Zwei Akteursgruppen sehen einen Punkt deutlich unterschiedlich: Ihre Mediane liegen zwei oder mehr Punkte auseinander.',
			en: 'Two actor groups see an item very differently: their medians are two or more points apart.'
		}
	},
	{
		key: 'term.mindestgruppengroesse',
		term: { de: 'Mindestgruppengröße', en: 'Minimum group size' },
		explanation: {
			de: 'Auswertungen erscheinen erst, wenn genug Personen geantwortet haben (meist drei), damit niemand erkennbar ist. Sonst steht dort „zu wenige Antworten“.',
			en: 'Results appear only once enough people have answered (usually three), so that nobody can be identified. Otherwise it says “too few answers”.'
		}
	},
	{
		key: 'term.erreichte_stufe',
		term: { de: 'Erreichte Stufe', en: 'Reached level' },
		explanation: {
			de: 'Die höchste Stufe, die – zusammen mit allen Stufen darunter – einen Teamwert von mindestens 3 hat.',
			en: 'The highest level that – together with all levels below it – has a team value of at least 3.'
		}
	},
	{
		key: 'term.naechste_stufe',
		term: { de: 'Nächste Stufe', en: 'Next level' },
		explanation: {
			de: 'Die Stufe direkt über der erreichten. Hier setzt die Planung der Maßnahmen an.',
			en: 'The level directly above the reached one. This is where action planning starts.'
		}
	},
	{
		key: 'term.vorgriff',
		term: { de: 'Vorgriff', en: 'Ahead of the base' },
		explanation: {
			de: 'Eine Stufe oberhalb der nächsten Stufe hat schon einen Teamwert von 3 oder mehr. Das zählt nicht mit, sondern lädt zur Frage ein: Trägt die Basis?',
			en: 'A level above the next level already has a team value of 3 or more. It is not counted but raises a question: does the base hold?'
		}
	},
	{
		key: 'term.stufenwert',
		term: { de: 'Stufenwert', en: 'Level score' },
		explanation: {
			de: 'Eine Zahl für Berichte und Verläufe: die erreichte Stufe plus der Fortschritt zur nächsten Stufe in Dritteln, z. B. 3,67.',
			en: 'A number for reports and trends: the reached level plus progress towards the next level in thirds, e.g. 3.67.'
		}
	},
	{
		key: 'term.akteursgruppe',
		term: { de: 'Akteursgruppe', en: 'Actor group' },
		explanation: {
			de: 'Eine der zwölf Gruppen, die zu einer Sorgenden Gemeinschaft beitragen (nach Schuchter/Wegleitner 2018), etwa Vereine, Nachbarschaften oder Kommunalpolitik.',
			en: 'One of the twelve groups that contribute to a caring community (after Schuchter/Wegleitner 2018), such as clubs, neighbourhoods or local politics.'
		}
	},
	{
		key: 'term.beteiligung',
		term: { de: 'Beteiligung', en: 'Involvement' },
		explanation: {
			de: 'Wie stark eine Akteursgruppe eingebunden ist: nicht beteiligt, in Kontakt, arbeitet mit oder trägt Verantwortung mit.',
			en: 'How far an actor group is involved: not involved, in contact, works with us or shares responsibility.'
		}
	},
	{
		key: 'term.wohlfahrts_mix',
		term: { de: 'Wohlfahrts-Mix', en: 'Welfare mix' },
		explanation: {
			de: 'Das Zusammenwirken von Familie und Nachbarschaft, Engagement, professionellen Diensten, Wirtschaft und Staat in der Sorge. Keine Seite soll eine andere ersetzen.',
			en: 'Family and neighbours, volunteers, professional services, businesses and the state working together on care. No side is meant to replace another.'
		}
	},
	{
		key: 'term.quartier',
		term: { de: 'Quartier', en: 'Neighbourhood (Quartier)' },
		explanation: {
			de: 'Das Wohnumfeld, auf das sich die Arbeit bezieht: ein Stadtteil, ein Viertel oder ein Dorf.',
			en: 'The local area the work relates to: a district, a quarter or a village.'
		}
	},
	{
		key: 'term.herausforderung',
		term: { de: 'Herausforderung', en: 'Challenge' },
		explanation: {
			de: 'Ein typisches Risiko Sorgender Gemeinschaften. Das Team hält fest, ob es nicht zutrifft, beobachtet werden sollte oder akut ist.',
			en: 'A typical risk for caring communities. The team records whether it does not apply, should be watched or is acute.'
		}
	},
	{
		key: 'term.reflexionsfrage',
		term: { de: 'Reflexionsfrage', en: 'Reflection question' },
		explanation: {
			de: 'Eine offene Frage, zu der alle Notizen schreiben können und das Team eine gemeinsame Antwort formuliert.',
			en: 'An open question on which everyone can write notes and the team writes a joint answer.'
		}
	},
	{
		key: 'term.massnahme',
		term: { de: 'Maßnahme', en: 'Action' },
		explanation: {
			de: 'Ein konkreter Schritt mit verantwortlicher Person oder Rolle, Fälligkeit und Wiedervorlage. Er ist mit der Stufe oder dem Merkmal verknüpft, das er voranbringen soll.',
			en: 'A concrete step with a person or role responsible, a due date and a review date. It is linked to the level or characteristic it should move forward.'
		}
	},
	{
		key: 'term.horizont',
		term: { de: 'Horizont', en: 'Horizon' },
		explanation: {
			de: '„Klein anfangen“ heißt, Bestehendes aufzugreifen; „groß gedacht“ heißt, Bereiche zu vernetzen und größere Quartiersprojekte anzustoßen.',
			en: '“Start small” means building on what exists; “think big” means connecting sectors and launching larger neighbourhood projects.'
		}
	},
	{
		key: 'term.wiedervorlage',
		term: { de: 'Wiedervorlage', en: 'Review date' },
		explanation: {
			de: 'Das Datum, an dem das Team prüft, was aus einer Maßnahme geworden ist.',
			en: 'The date on which the team checks what has become of an action.'
		}
	},
	{
		key: 'term.aktionsplan',
		term: { de: 'Aktionsplan', en: 'Action plan' },
		explanation: {
			de: 'Das PDF mit den Ergebnissen und Maßnahmen einer Standortbestimmung – zum Ablegen oder Weitergeben.',
			en: 'The PDF with the results and actions of an assessment – to file or pass on.'
		}
	}
] as const satisfies readonly GlossaryEntryDef[];

export type GlossaryKey = (typeof glossary)[number]['key'];
export type GlossaryEntry = GlossaryEntryDef & { readonly key: GlossaryKey };
export const GLOSSARY: readonly GlossaryEntry[] = glossary;
export const GLOSSARY_KEYS = keysOf(glossary);

export interface SourceDef {
	readonly key: string;
	/** Author–year label used in the text, e.g. "Sempach 2019". */
	readonly short: string;
	readonly reference: string;
	/** What the framework takes from the source, paraphrased. */
	readonly summary: Text;
}

const sources = [
	{
		key: 'source.sempach2019',
		short: 'Sempach 2019',
		reference:
			'Sempach, R. (2019): Caring Communities auf dem Prüfstand. In: Thema im Fokus. Zeitschrift der Dialog Ethik, 19. Jg. (2), S. 32–35.',
		summary: {
			de: 'Beschreibt Caring Community als sozialpolitischen Leitbegriff und die Pyramide mit fünf Stufen – vom Individuum zur Gemeinschaft.',
			en: 'Describes the caring community as a guiding concept of social policy and the five-level pyramid – from the individual to the community.'
		}
	},
	{
		key: 'source.zaengl2020',
		short: 'Zängl 2020',
		reference:
			'Zängl, P. (2020): Caring Community. Eine definitorische Annäherung. Präsentation, Jahrestagung Caring Communities, 19.10.2020, Online-Konferenz.',
		summary: {
			de: 'Definiert eine Caring Community als Gemeinschaft in Quartier, Gemeinde oder Region, in der Menschen füreinander sorgen, geben und nehmen und gemeinsam Verantwortung für soziale Aufgaben übernehmen.',
			en: 'Defines a caring community as a community in a neighbourhood, municipality or region where people care for each other, give and take, and share responsibility for social tasks.'
		}
	},
	{
		key: 'source.bmfsfj2014',
		short: 'BMFSFJ 2014',
		reference: 'Bundesministerium für Familie, Senioren, Frauen und Jugend (BMFSFJ) (2014).',
		summary: {
			de: 'Versteht die Sorgende Gemeinschaft als gelingendes Zusammenspiel von Bürger*innen, Staat, Zivilgesellschaft und professionellen Diensten bei den Aufgaben des demografischen Wandels.',
			en: 'Sees the caring community as citizens, the state, civil society and professional services working together successfully on the tasks of demographic change.'
		}
	},
	{
		key: 'source.schuchter_wegleitner2018',
		short: 'Schuchter/Wegleitner 2018',
		reference:
			'Schuchter, P./Wegleitner, K. (2018): Caring Communities: Wider die Instrumentalisierung und Reproduktion modernen Sozialtechnologie. In: Klie, T./Bruker, C. (Hrsg.): „Sterben in Verbundenheit.“ Einblicke in die palliative Versorgung und Begleitung in Deutschland. Heidelberg: medhochzwei, S. 114–126.',
		summary: {
			de: 'Nennt die Akteur*innen einer Sorgenden Gemeinschaft und warnt davor, Caring Communities als Sozialtechnologie zu instrumentalisieren.',
			en: 'Names the actors of a caring community and warns against using caring communities as an instrument of social technology.'
		}
	},
	{
		key: 'source.woerle2025',
		short: 'Wörle 2025',
		reference:
			'Wörle, T. (2025): Was heißt eigentlich „sorgende Gemeinschaft“? Vom Begriff zur Bewegung. Vortrag, digitaler Fachtag des Forums Seniorenarbeit, 27.08.2025.',
		summary: {
			de: 'Fasst die Merkmale Sorgender Gemeinschaften zusammen: Raumbezug, breites Sorge-Verständnis, Wohlfahrts-Mix, geteilte Werte, geteilte Infrastrukturen und eine nur bedingt planbare Entstehung.',
			en: 'Summarises the characteristics of caring communities: local focus, a broad understanding of care, the welfare mix, shared values, shared infrastructure and an emergence that can be planned only in part.'
		}
	}
] as const satisfies readonly SourceDef[];

export type SourceKey = (typeof sources)[number]['key'];
export type Source = SourceDef & { readonly key: SourceKey };
export const SOURCES: readonly Source[] = sources;

// Wording to show beside results (FRAMEWORK.md §8).
const cautions = [
	{
		key: 'caution.standortbestimmung',
		text: {
			de: 'Das Ergebnis ist eine Standortbestimmung zur gemeinsamen Reflexion – kein Vergleich oder Ranking zwischen Projekten.',
			en: 'The result is an assessment for joint reflection – not a comparison or ranking between projects.'
		}
	},
	{
		key: 'caution.geteilte_verantwortung',
		text: {
			de: 'Stufe 5 bedeutet geteilte Verantwortung mit Diensten und Kommune – nicht, dass Bürger*innen sozialstaatliche Leistungen ersetzen.',
			en: 'Level 5 means responsibility shared with services and the municipality – not citizens replacing welfare-state provision.'
		}
	},
	{
		key: 'caution.wer_war_da',
		text: {
			de: 'Jedes Ergebnis spiegelt die Sicht der Beteiligten: Achten Sie darauf, welche Akteursgruppen dabei waren und welche fehlten.',
			en: 'Every result reflects the view of those who took part: note which actor groups were present and which were missing.'
		}
	}
] as const satisfies readonly { key: string; text: Text }[];

export type CautionKey = (typeof cautions)[number]['key'];
export const CAUTIONS: readonly { readonly key: CautionKey; readonly text: Text }[] = cautions;
