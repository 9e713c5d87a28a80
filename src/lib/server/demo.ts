import { randomBytes, randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { db } from './db';
import * as s from './db/schema';
import { DEMO_EMAIL_DOMAIN } from './organizations';
import { FRAMEWORK_VERSION } from '../framework';

/** Demo logins named in the README. Fictional people, fictional place. */
export const DEMO_PASSWORD = 'demo-passwort';
export const DEMO_ACCOUNTS = [
	{ email: `admin@${DEMO_EMAIL_DOMAIN}`, name: 'Demo Administration', role: 'owner' },
	{ email: `moderation@${DEMO_EMAIL_DOMAIN}`, name: 'Demo Moderation', role: 'facilitator' },
	{ email: `leitung@${DEMO_EMAIL_DOMAIN}`, name: 'Demo Leitung', role: 'manager' }
] as const;
export const DEMO_ORGANIZATION = 'Demo-Verband';
export const DEMO_TEAM = 'Quartiersprojekt Beispielstadt';

type V = 0 | 1 | 2 | 3 | 4 | 'u';

interface DemoAssessment {
	date: string;
	title: string;
	nextDate: string;
	actorTags: (string | null)[];
	/** Per item: one value per participant ('u' = kann ich nicht einschätzen). */
	ratings: Record<string, V[]>;
	consensus: Record<string, { value: 0 | 1 | 2 | 3 | 4; reason: string }>;
	unsure: number[];
	actors: Record<string, 'in_kontakt' | 'arbeitet_mit' | 'traegt_mit'>;
	risks: Record<string, { state: 'beobachten' | 'akut'; note: string }>;
	drivers: string[];
	answers: Record<string, string>;
	notes: { question: string; text: string; released: boolean }[];
	actions: {
		title: string;
		description: string;
		itemKey: string;
		owner: string;
		dueDate: string;
		reviewDate: string;
		horizon: 'klein_anfangen' | 'gross_gedacht';
		status: 'offen' | 'laeuft' | 'erledigt' | 'verworfen';
		followUp?: string;
	}[];
}

const F = 'actor.freiwillige';
const P = 'actor.sorgeprofis';
const N = 'actor.nachbarschaften';
const R = 'actor.religion';
const B = 'actor.buergerinnen';

/**
 * Three closed assessments a year apart in total: the reached level moves 0 → 1 → 2
 * (Stufenwert 0.67 → 1.67 → 2.67).
 */
export const DEMO_ASSESSMENTS: DemoAssessment[] = [
	{
		date: '2025-11-13',
		title: 'Erste Standortbestimmung',
		nextDate: '2026-05-21',
		actorTags: [F, F, P, P, P, null],
		ratings: {
			'level.1': [2, 2, 3, 1, 2, 'u'],
			'level.2': [1, 2, 1, 'u', 1, 2],
			'level.3': [1, 0, 2, 1, 'u', 'u'],
			'level.4': [0, 1, 0, 0, 1, 0],
			'level.5': [0, 0, 'u', 0, 1, 0],
			'trait.raumbezug': [2, 3, 2, 2, 3, 2],
			'trait.sorgeverstaendnis': [1, 2, 2, 1, 2, 1],
			'trait.zusammenwirken': [1, 1, 2, 0, 1, 'u'],
			'trait.werthorizonte': [2, 2, 1, 2, 3, 2],
			'trait.infrastrukturen': [1, 1, 1, 2, 0, 1],
			'trait.planbarkeit': ['u', 2, 1, 'u', 2, 1]
		},
		consensus: {},
		unsure: [1, 4],
		actors: { [F]: 'arbeitet_mit', [P]: 'traegt_mit', [R]: 'in_kontakt' },
		risks: {
			'risk.konzept': { state: 'akut', note: 'Wir haben eher eine Vision als einen Plan.' },
			'risk.ungleichheit': { state: 'beobachten', note: 'Es kommen vor allem die schon Aktiven.' }
		},
		drivers: ['driver.demografischer_wandel', 'driver.fachkraeftemangel'],
		answers: {
			'question.zusammenarbeit':
				'Hauptamtliche planen, Freiwillige helfen bei Festen mit. Informell Helfende kennen wir kaum.',
			'question.sorgenetzwerke': 'Die Nachbarschaftshilfe der Kirchengemeinde trägt bereits.'
		},
		notes: [
			{
				question: 'question.zusammenarbeit',
				text: 'Wir reden zu wenig miteinander.',
				released: true
			},
			{
				question: 'question.isolation',
				text: 'Ältere Menschen in den Hochhäusern.',
				released: false
			}
		],
		actions: [
			{
				title: 'Erzählcafé im Gemeindehaus starten',
				description: 'Einmal im Monat ein offenes Erzählcafé mit Kaffee und Kuchen.',
				itemKey: 'level.1',
				owner: 'Quartiersbüro',
				dueDate: '2026-02-28',
				reviewDate: '2026-05-21',
				horizon: 'klein_anfangen',
				status: 'erledigt',
				followUp: 'Läuft seit Februar, im Schnitt 14 Gäste.'
			},
			{
				title: 'Haustürgespräche in der Nordstraße',
				description: 'Aktivierende Befragung an drei Nachmittagen.',
				itemKey: 'level.1',
				owner: 'Freiwilligenteam',
				dueDate: '2026-03-31',
				reviewDate: '2026-05-21',
				horizon: 'klein_anfangen',
				status: 'verworfen',
				followUp: 'Zu wenige Freiwillige; stattdessen Stadtteilbegehung geplant.'
			}
		]
	},
	{
		date: '2026-05-21',
		title: 'Zweite Standortbestimmung',
		nextDate: '2026-11-12',
		actorTags: [F, F, F, P, P, P, N, null],
		ratings: {
			'level.1': [3, 3, 4, 2, 3, 3, 3, 2],
			'level.2': [2, 2, 3, 2, 1, 2, 3, 'u'],
			'level.3': [1, 2, 1, 1, 2, 'u', 1, 2],
			'level.4': [1, 0, 1, 1, 2, 1, 'u', 1],
			'level.5': [0, 1, 0, 'u', 0, 1, 0, 0],
			'trait.raumbezug': [3, 3, 2, 3, 3, 2, 3, 3],
			'trait.sorgeverstaendnis': [2, 2, 2, 1, 2, 3, 2, 2],
			'trait.zusammenwirken': [1, 2, 2, 1, 2, 1, 2, 'u'],
			'trait.werthorizonte': [2, 3, 2, 2, 3, 2, 2, 2],
			'trait.infrastrukturen': [2, 1, 2, 2, 1, 2, 1, 2],
			'trait.planbarkeit': [2, 'u', 2, 1, 2, 2, 'u', 1]
		},
		consensus: {
			'level.2': {
				value: 2,
				reason: 'Der Letzte-Hilfe-Kurs war gut besucht, erreicht aber noch wenige Neue.'
			}
		},
		unsure: [2, 5],
		actors: {
			[F]: 'arbeitet_mit',
			[P]: 'traegt_mit',
			[R]: 'arbeitet_mit',
			[N]: 'in_kontakt',
			'actor.vereine': 'in_kontakt'
		},
		risks: {
			'risk.konzept': { state: 'beobachten', note: 'Ein Leitbild ist in Arbeit.' },
			'risk.ungleichheit': { state: 'akut', note: 'Menschen mit Migrationsgeschichte fehlen.' },
			'risk.langer_atem': { state: 'beobachten', note: 'Die Förderung endet in zwei Jahren.' }
		},
		drivers: [
			'driver.demografischer_wandel',
			'driver.fachkraeftemangel',
			'driver.entsolidarisierung'
		],
		answers: {
			'question.zusammenarbeit':
				'Freiwillige übernehmen erste Formate selbst; das Quartiersbüro koordiniert.',
			'question.nachbarschaft': 'Man grüßt sich wieder; das Vertrauen wächst langsam.'
		},
		notes: [
			{
				question: 'question.nachbarschaft',
				text: 'Das Erzählcafé hat Nachbarn verbunden.',
				released: true
			}
		],
		actions: [
			{
				title: 'Letzte-Hilfe-Kurs anbieten',
				description: 'Zwei Kurse mit dem Hospizverein, offen für alle im Quartier.',
				itemKey: 'level.2',
				owner: 'Hospizverein und Quartiersbüro',
				dueDate: '2026-09-30',
				reviewDate: '2026-11-12',
				horizon: 'klein_anfangen',
				status: 'erledigt',
				followUp: 'Zwei Kurse mit 31 Teilnehmenden.'
			},
			{
				title: 'Sorgelandkarte erstellen',
				description: 'Orte der Sorge im Quartier sichtbar machen und aushängen.',
				itemKey: 'level.2',
				owner: 'AG Sorgelandkarte',
				dueDate: '2026-10-31',
				reviewDate: '2026-11-12',
				horizon: 'klein_anfangen',
				status: 'laeuft',
				followUp: 'Entwurf steht, Druck im Dezember.'
			}
		]
	},
	{
		date: '2026-11-12',
		title: 'Dritte Standortbestimmung',
		nextDate: '2027-05-20',
		actorTags: [F, F, F, P, P, P, N, null, B],
		ratings: {
			'level.1': [3, 4, 3, 3, 4, 3, 3, 2, 4],
			'level.2': [3, 2, 3, 3, 2, 3, 4, 3, 2],
			'level.3': [2, 2, 3, 1, 2, 2, 'u', 3, 2],
			'level.4': [1, 2, 1, 1, 4, 1, 1, 0, 1],
			'level.5': [0, 1, 'u', 'u', 0, 2, 'u', 1, 0],
			'trait.raumbezug': [3, 4, 3, 3, 3, 4, 3, 3, 3],
			'trait.sorgeverstaendnis': [3, 2, 3, 2, 3, 3, 2, 3, 3],
			'trait.zusammenwirken': [0, 3, 1, 3, 0, 3, 2, 1, 3],
			'trait.werthorizonte': [3, 3, 2, 3, 3, 2, 3, 3, 2],
			'trait.infrastrukturen': [2, 2, 3, 2, 2, 1, 2, 2, 3],
			'trait.planbarkeit': [2, 2, 'u', 1, 2, 2, 2, 'u', 1]
		},
		consensus: {
			'level.4': {
				value: 2,
				reason: 'Die Steuerungsgruppe trifft sich seit dem Sommer regelmäßig mit Betroffenen.'
			}
		},
		unsure: [2, 6, 7],
		actors: {
			[F]: 'traegt_mit',
			[P]: 'traegt_mit',
			[R]: 'arbeitet_mit',
			[N]: 'arbeitet_mit',
			'actor.vereine': 'arbeitet_mit',
			'actor.kommunalpolitik': 'in_kontakt',
			'actor.schulen': 'in_kontakt'
		},
		risks: {
			'risk.ungleichheit': { state: 'beobachten', note: 'Erste Kontakte zum Migrationsbeirat.' },
			'risk.langer_atem': { state: 'akut', note: 'Anschlussfinanzierung ist offen.' },
			'risk.ersatz_sozialstaat': {
				state: 'beobachten',
				note: 'Fahrdienst darf keine Pflege ersetzen.'
			}
		},
		drivers: ['driver.demografischer_wandel', 'driver.fachkraeftemangel', 'driver.ueberlastung'],
		answers: {
			'question.zusammenarbeit':
				'Freiwillige, Hauptamtliche und Nachbar*innen planen in der Steuerungsgruppe gemeinsam.',
			'question.hilfebedarf':
				'Versteckter Bedarf bei pflegenden Angehörigen, die sich nicht melden.',
			'question.isolation':
				'Allein lebende Ältere ohne Angehörige in der Nähe; Familien in Notunterkünften.',
			'question.sorgenetzwerke':
				'Nachbarschaftshilfe, Hospizverein und Erzählcafé greifen ineinander.'
		},
		notes: [
			{
				question: 'question.hilfebedarf',
				text: 'Pflegende Angehörige sind kaum sichtbar.',
				released: true
			},
			{
				question: 'question.sorgenetzwerke',
				text: 'Das Erzählcafé ist ein Knotenpunkt.',
				released: true
			}
		],
		actions: [
			{
				title: 'Nachbarschaftshilfe mit Zeittausch aufbauen',
				description: 'Geben und Nehmen sichtbar machen: eine Tauschbörse für Zeit im Quartier.',
				itemKey: 'level.3',
				owner: 'Freiwilligenteam',
				dueDate: '2027-03-31',
				reviewDate: '2027-05-20',
				horizon: 'klein_anfangen',
				status: 'offen'
			},
			{
				title: 'Steuerungsgruppe um Betroffene erweitern',
				description: 'Pflegende Angehörige und Menschen mit Demenz einladen, mitzuentscheiden.',
				itemKey: 'level.4',
				owner: 'Quartiersmanagement',
				dueDate: '2026-11-20',
				reviewDate: '2027-05-20',
				horizon: 'gross_gedacht',
				status: 'laeuft'
			}
		]
	}
];

const RESUME_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
function code(length: number): string {
	const bytes = randomBytes(length);
	let out = '';
	for (const b of bytes) out += RESUME_ALPHABET[b & 31];
	return out;
}

/** True when any organisation exists (the demo is seeded only into an empty database). */
export async function hasAnyOrganization(): Promise<boolean> {
	const rows = await db.select({ id: s.organization.id }).from(s.organization).limit(1);
	return rows.length > 0;
}

/** Writes the demo organisation, its accounts, team, three assessments and their actions. */
export async function seedDemoData(): Promise<void> {
	const organizationId = randomUUID();
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const userIds: Record<string, string> = {};
	// Statements are collected and written in one batch: all of the demo or none of it.
	const statements: { run: () => unknown }[] = [];
	const queue = <T extends { run: () => unknown }>(q: T) => statements.push(q);

	queue(
		db.insert(s.organization).values({
			id: organizationId,
			name: DEMO_ORGANIZATION,
			slug: 'demo-verband',
			createdAt: new Date()
		})
	);
	queue(db.insert(s.organizationSettings).values({ organizationId }));
	for (const account of DEMO_ACCOUNTS) {
		const userId = randomUUID();
		userIds[account.role] = userId;
		queue(
			db.insert(s.user).values({
				id: userId,
				name: account.name,
				email: account.email,
				emailVerified: true
			})
		);
		queue(
			db.insert(s.account).values({
				id: randomUUID(),
				accountId: userId,
				providerId: 'credential',
				userId,
				password: passwordHash,
				createdAt: new Date(),
				updatedAt: new Date()
			})
		);
		queue(
			db.insert(s.member).values({
				id: randomUUID(),
				organizationId,
				userId,
				role: account.role,
				createdAt: new Date()
			})
		);
	}

	const teamId = randomUUID();
	queue(
		db.insert(s.team).values({
			id: teamId,
			organizationId,
			name: DEMO_TEAM,
			place: 'Beispielstadt-Nord',
			description:
				'Ein erfundenes Quartiersprojekt zum Ausprobieren: Nachbarschaft, Kirchengemeinde und Pflegedienst bauen eine Sorgende Gemeinschaft auf.'
		})
	);

	for (const [index, demo] of DEMO_ASSESSMENTS.entries()) {
		const assessmentId = randomUUID();
		const closedAt = new Date(`${demo.date}T17:00:00Z`);
		queue(
			db.insert(s.assessment).values({
				id: assessmentId,
				teamId,
				date: demo.date,
				title: demo.title,
				mode: 'workshop',
				frameworkVersion: FRAMEWORK_VERSION,
				status: 'abgeschlossen',
				currentStep: 'abschluss',
				chosenSteps:
					index === 0
						? ['akteure', 'herausforderungen', 'reflexion']
						: ['rueckblick', 'akteure', 'herausforderungen', 'reflexion'],
				revealedSteps: ['pyramide', 'merkmale'],
				resultsShared: index === DEMO_ASSESSMENTS.length - 1,
				nextDate: demo.nextDate,
				facilitatorId: userIds.facilitator,
				facilitatorName: 'Demo Moderation',
				closedAt
			})
		);
		const participantIds = demo.actorTags.map(() => randomUUID());
		demo.actorTags.forEach((tag, i) =>
			queue(
				db.insert(s.participant).values({
					id: participantIds[i],
					assessmentId,
					resumeCode: code(8),
					actorGroup: tag
				})
			)
		);
		for (const [itemKey, values] of Object.entries(demo.ratings)) {
			values.forEach((v, i) => {
				const value = v === 'u' ? null : v;
				queue(
					db.insert(s.rating).values({
						assessmentId,
						participantId: participantIds[i],
						itemKey,
						itemRevision: 1,
						value,
						firstValue: value,
						confidence:
							v === 'u'
								? null
								: demo.unsure.includes(i)
									? 'unsicher'
									: i % 2
										? 'eher_sicher'
										: 'sicher'
					})
				);
			});
		}
		for (const [itemKey, c] of Object.entries(demo.consensus)) {
			queue(
				db.insert(s.consensus).values({
					assessmentId,
					itemKey,
					itemRevision: 1,
					value: c.value,
					reason: c.reason,
					decidedBy: userIds.facilitator
				})
			);
		}
		for (const [key, state] of Object.entries(demo.actors)) {
			queue(db.insert(s.teamEntry).values({ assessmentId, kind: 'actor', key, state }));
		}
		for (const [key, risk] of Object.entries(demo.risks)) {
			queue(
				db
					.insert(s.teamEntry)
					.values({ assessmentId, kind: 'risk', key, state: risk.state, note: risk.note })
			);
		}
		for (const key of demo.drivers) {
			queue(db.insert(s.teamEntry).values({ assessmentId, kind: 'driver', key, state: 'felt' }));
		}
		for (const [questionKey, text] of Object.entries(demo.answers)) {
			queue(db.insert(s.teamAnswer).values({ assessmentId, questionKey, text }));
		}
		demo.notes.forEach((note, i) =>
			queue(
				db.insert(s.reflectionNote).values({
					id: randomUUID(),
					assessmentId,
					participantId: participantIds[i],
					questionKey: note.question,
					text: note.text,
					released: note.released
				})
			)
		);
		for (const a of demo.actions) {
			const actionId = randomUUID();
			const { followUp, ...fields } = a;
			queue(db.insert(s.action).values({ id: actionId, teamId, assessmentId, ...fields }));
			if (followUp) {
				queue(
					db.insert(s.actionNote).values({
						id: randomUUID(),
						actionId,
						status: a.status,
						text: followUp,
						createdBy: userIds.facilitator
					})
				);
			}
		}
	}
	await db.batch(statements as never);
}
