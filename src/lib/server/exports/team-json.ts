// Data portability: everything a team owns as one versioned JSON document, and its import into
// any organisation. The zod schema below is the format's definition; the exporter is typed
// against it, so what we write is what we accept.
import { randomBytes, randomUUID } from 'node:crypto';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '../db';
import * as s from '../db/schema';
import { FRAMEWORK_VERSION, QUESTIONS } from '../../framework';
import { hasNoControlChars, isoDate } from '../validation';
import { m } from '$lib/paraglide/messages';

export const TEAM_EXPORT_FORMAT = 'sorgekompass-team';
export const TEAM_EXPORT_VERSION = 1;
/** Largest import file accepted (bytes). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);
const key = z.string().regex(/^[A-Za-z0-9_.:-]{1,150}$/);
const text = (max: number) => z.string().max(max).refine(hasNoControlChars);
const nullableText = (max: number) => text(max).nullable();
const timestamp = z.iso.datetime({ offset: true });
const value = z.number().int().min(0).max(4);

const participantSchema = z.object({
	id,
	actorGroup: key.nullable(),
	source: z.enum(s.PARTICIPANT_SOURCES),
	createdAt: timestamp
});

const ratingSchema = z.object({
	participantId: id,
	itemKey: key,
	itemRevision: z.number().int().min(0).max(1000),
	value: value.nullable(),
	firstValue: value.nullable(),
	confidence: z.enum(s.CONFIDENCE_VALUES).nullable(),
	note: nullableText(5000)
});

const consensusSchema = z.object({
	itemKey: key,
	itemRevision: z.number().int().min(0).max(1000),
	value,
	reason: nullableText(5000)
});

const teamEntrySchema = z.object({
	kind: z.enum(s.TEAM_ENTRY_KINDS),
	key,
	state: key,
	note: nullableText(5000)
});

const questionSchema = z.object({
	id,
	text: text(2000).min(1),
	position: z.number().int().min(0).max(100_000),
	createdAt: timestamp
});

const reflectionNoteSchema = z.object({
	id,
	participantId: id,
	questionKey: key,
	text: text(5000),
	released: z.boolean(),
	createdAt: timestamp
});

const teamAnswerSchema = z.object({
	questionKey: key,
	/** The question's wording, so the answer stays readable in any organisation. */
	questionText: text(2000),
	text: text(20_000)
});

const actionNoteSchema = z.object({
	id,
	/** The assessment (of this team) whose review step wrote the note, or null. */
	assessmentId: id.nullable(),
	status: z.enum(s.ACTION_STATUS_VALUES).nullable(),
	text: text(5000),
	createdAt: timestamp
});

const actionSchema = z.object({
	id,
	itemKey: key.nullable(),
	title: text(300).min(1),
	description: text(5000),
	owner: text(300),
	dueDate: isoDate.nullable(),
	reviewDate: isoDate.nullable(),
	horizon: z.enum(s.HORIZON_VALUES),
	status: z.enum(s.ACTION_STATUS_VALUES),
	createdAt: timestamp,
	notes: z.array(actionNoteSchema).max(1000)
});

const assessmentSchema = z.object({
	id,
	date: isoDate,
	title: text(300).min(1),
	mode: z.enum(s.ASSESSMENT_MODES),
	frameworkVersion: z.string().min(1).max(50),
	status: z.enum(s.ASSESSMENT_STATUSES),
	currentStep: key,
	chosenSteps: z.array(key).max(50),
	revealedSteps: z.array(key).max(50),
	resultsShared: z.boolean(),
	nextDate: isoDate.nullable(),
	facilitatorName: text(300),
	closedAt: timestamp.nullable(),
	createdAt: timestamp,
	participants: z.array(participantSchema).max(20_000),
	ratings: z.array(ratingSchema).max(500_000),
	consensus: z.array(consensusSchema).max(1000),
	teamEntries: z.array(teamEntrySchema).max(1000),
	questions: z.array(questionSchema).max(1000),
	reflectionNotes: z.array(reflectionNoteSchema).max(200_000),
	teamAnswers: z.array(teamAnswerSchema).max(1000),
	actions: z.array(actionSchema).max(5000)
});

/** Format version 1 of the team export (documented in the exports report / README). */
export const teamExportSchema = z.object({
	format: z.literal(TEAM_EXPORT_FORMAT),
	version: z.literal(TEAM_EXPORT_VERSION),
	exportedAt: timestamp,
	/** The framework version of the exporting installation (each assessment names its own). */
	frameworkVersion: z.string().min(1).max(50),
	team: z.object({
		id,
		name: text(200).min(1),
		place: text(200),
		description: text(5000),
		archived: z.boolean(),
		createdAt: timestamp
	}),
	assessments: z.array(assessmentSchema).max(1000)
});

export type TeamExport = z.infer<typeof teamExportSchema>;
type AssessmentExport = TeamExport['assessments'][number];

const iso = (d: Date) => d.toISOString();
// Rows of one statement keep their insertion order in `rowid`; exports list them in that order so
// that an imported team exports in the same order again.
const rowid = sql`rowid`;

/** Builds the export document of a team (all its assessments and actions). */
export async function exportTeam(teamId: string, now = new Date()): Promise<TeamExport> {
	const [teamRow] = await db.select().from(s.team).where(eq(s.team.id, teamId)).limit(1);
	if (!teamRow) throw new Error(`team ${teamId} not found`);
	const assessments = await db
		.select()
		.from(s.assessment)
		.where(eq(s.assessment.teamId, teamId))
		.orderBy(asc(s.assessment.date), asc(s.assessment.createdAt), asc(rowid));
	const ids = assessments.map((a) => a.id);
	const none = ids.length === 0;
	const byAssessment = <T extends { assessmentId: string }>(rows: T[]) => {
		const map = new Map<string, T[]>();
		for (const row of rows) {
			const list = map.get(row.assessmentId) ?? [];
			list.push(row);
			map.set(row.assessmentId, list);
		}
		return map;
	};

	const [
		participants,
		ratings,
		consensus,
		entries,
		questions,
		notes,
		answers,
		actions,
		actionNotes,
		orgQuestions
	] = await Promise.all([
		none
			? []
			: db
					.select()
					.from(s.participant)
					.where(inArray(s.participant.assessmentId, ids))
					.orderBy(asc(s.participant.createdAt), asc(rowid)),
		none
			? []
			: db
					.select()
					.from(s.rating)
					.where(inArray(s.rating.assessmentId, ids))
					.orderBy(asc(s.rating.id)),
		none
			? []
			: db
					.select()
					.from(s.consensus)
					.where(inArray(s.consensus.assessmentId, ids))
					.orderBy(asc(s.consensus.itemKey)),
		none
			? []
			: db
					.select()
					.from(s.teamEntry)
					.where(inArray(s.teamEntry.assessmentId, ids))
					.orderBy(asc(s.teamEntry.kind), asc(s.teamEntry.key)),
		none
			? []
			: db
					.select()
					.from(s.assessmentQuestion)
					.where(inArray(s.assessmentQuestion.assessmentId, ids))
					.orderBy(
						asc(s.assessmentQuestion.position),
						asc(s.assessmentQuestion.createdAt),
						asc(rowid)
					),
		none
			? []
			: db
					.select()
					.from(s.reflectionNote)
					.where(inArray(s.reflectionNote.assessmentId, ids))
					.orderBy(asc(s.reflectionNote.createdAt), asc(rowid)),
		none
			? []
			: db
					.select()
					.from(s.teamAnswer)
					.where(inArray(s.teamAnswer.assessmentId, ids))
					.orderBy(asc(rowid)),
		db
			.select()
			.from(s.action)
			.where(eq(s.action.teamId, teamId))
			.orderBy(asc(s.action.createdAt), asc(rowid)),
		db
			.select({ note: s.actionNote })
			.from(s.actionNote)
			.innerJoin(s.action, eq(s.action.id, s.actionNote.actionId))
			.where(eq(s.action.teamId, teamId))
			.orderBy(asc(s.actionNote.createdAt), asc(sql`${s.actionNote}.rowid`)),
		db
			.select({ id: s.organizationQuestion.id, text: s.organizationQuestion.text })
			.from(s.organizationQuestion)
			.where(eq(s.organizationQuestion.organizationId, teamRow.organizationId))
	]);

	const participantsOf = byAssessment(participants);
	const ratingsOf = byAssessment(ratings);
	const consensusOf = byAssessment(consensus);
	const entriesOf = byAssessment(entries);
	const questionsOf = byAssessment(questions);
	const notesOf = byAssessment(notes);
	const answersOf = byAssessment(answers);
	const actionsOf = byAssessment(actions);
	const notesOfAction = new Map<string, s.ActionNote[]>();
	for (const { note } of actionNotes) {
		const list = notesOfAction.get(note.actionId) ?? [];
		list.push(note);
		notesOfAction.set(note.actionId, list);
	}
	const frameworkQuestionText = new Map<string, string>(QUESTIONS.map((q) => [q.key, q.text.de]));
	const orgQuestionText = new Map(orgQuestions.map((q) => [`org:${q.id}`, q.text]));
	const assessmentIds = new Set(ids);

	return {
		format: TEAM_EXPORT_FORMAT,
		version: TEAM_EXPORT_VERSION,
		exportedAt: iso(now),
		frameworkVersion: FRAMEWORK_VERSION,
		team: {
			id: teamRow.id,
			name: teamRow.name,
			place: teamRow.place,
			description: teamRow.description,
			archived: teamRow.archived,
			createdAt: iso(teamRow.createdAt)
		},
		assessments: assessments.map((a): AssessmentExport => {
			const ownQuestions = questionsOf.get(a.id) ?? [];
			const asmtQuestionText = new Map(ownQuestions.map((q) => [`asmt:${q.id}`, q.text]));
			// Answers carry their question's wording, so they read the same in any organisation.
			const questionText = (k: string, stored: string) =>
				stored ||
				frameworkQuestionText.get(k) ||
				orgQuestionText.get(k) ||
				asmtQuestionText.get(k) ||
				'';
			return {
				id: a.id,
				date: a.date,
				title: a.title,
				mode: a.mode,
				frameworkVersion: a.frameworkVersion,
				status: a.status,
				currentStep: a.currentStep,
				chosenSteps: a.chosenSteps,
				revealedSteps: a.revealedSteps,
				resultsShared: a.resultsShared,
				nextDate: a.nextDate,
				facilitatorName: a.facilitatorName,
				closedAt: a.closedAt ? iso(a.closedAt) : null,
				createdAt: iso(a.createdAt),
				participants: (participantsOf.get(a.id) ?? []).map((p) => ({
					id: p.id,
					actorGroup: p.actorGroup,
					source: p.source,
					createdAt: iso(p.createdAt)
				})),
				ratings: (ratingsOf.get(a.id) ?? []).map((r) => ({
					participantId: r.participantId,
					itemKey: r.itemKey,
					itemRevision: r.itemRevision,
					value: r.value,
					firstValue: r.firstValue,
					confidence: r.confidence,
					note: r.note
				})),
				consensus: (consensusOf.get(a.id) ?? []).map((c) => ({
					itemKey: c.itemKey,
					itemRevision: c.itemRevision,
					value: c.value,
					reason: c.reason
				})),
				teamEntries: (entriesOf.get(a.id) ?? []).map((e) => ({
					kind: e.kind,
					key: e.key,
					state: e.state,
					note: e.note
				})),
				questions: ownQuestions.map((q) => ({
					id: q.id,
					text: q.text,
					position: q.position,
					createdAt: iso(q.createdAt)
				})),
				reflectionNotes: (notesOf.get(a.id) ?? []).map((n) => ({
					id: n.id,
					participantId: n.participantId,
					questionKey: n.questionKey,
					text: n.text,
					released: n.released,
					createdAt: iso(n.createdAt)
				})),
				teamAnswers: (answersOf.get(a.id) ?? []).map((t) => ({
					questionKey: t.questionKey,
					questionText: questionText(t.questionKey, t.questionText),
					text: t.text
				})),
				actions: (actionsOf.get(a.id) ?? []).map((x) => ({
					id: x.id,
					itemKey: x.itemKey,
					title: x.title,
					description: x.description,
					owner: x.owner,
					dueDate: x.dueDate,
					reviewDate: x.reviewDate,
					horizon: x.horizon,
					status: x.status,
					createdAt: iso(x.createdAt),
					notes: (notesOfAction.get(x.id) ?? []).map((n) => ({
						id: n.id,
						assessmentId:
							n.assessmentId && assessmentIds.has(n.assessmentId) ? n.assessmentId : null,
						status: n.status,
						text: n.text,
						createdAt: iso(n.createdAt)
					}))
				}))
			};
		})
	};
}

/** Why an import file was refused. */
export type ImportError =
	| { code: 'empty' }
	| { code: 'too_large' }
	| { code: 'not_json' }
	| { code: 'wrong_format' }
	| { code: 'wrong_version'; version: string }
	| { code: 'invalid'; path: string };

export type ParsedImport = { ok: true; data: TeamExport } | { ok: false; error: ImportError };

function checkReferences(data: TeamExport): string | null {
	const seen = new Set<string>();
	const unique = (value: string) => {
		if (seen.has(value)) return false;
		seen.add(value);
		return true;
	};
	const assessmentIds = new Set(data.assessments.map((a) => a.id));
	for (const [i, a] of data.assessments.entries()) {
		const at = `assessments.${i}`;
		if (!unique(a.id)) return `${at}.id`;
		const participants = new Set<string>();
		for (const [j, p] of a.participants.entries()) {
			if (!unique(p.id)) return `${at}.participants.${j}.id`;
			participants.add(p.id);
		}
		const rated = new Set<string>();
		for (const [j, r] of a.ratings.entries()) {
			if (!participants.has(r.participantId)) return `${at}.ratings.${j}.participantId`;
			const k = `${r.participantId} ${r.itemKey}`;
			if (rated.has(k)) return `${at}.ratings.${j}.itemKey`;
			rated.add(k);
		}
		const decided = new Set<string>();
		for (const [j, c] of a.consensus.entries()) {
			if (decided.has(c.itemKey)) return `${at}.consensus.${j}.itemKey`;
			decided.add(c.itemKey);
		}
		const entries = new Set<string>();
		for (const [j, e] of a.teamEntries.entries()) {
			const k = `${e.kind} ${e.key}`;
			if (entries.has(k)) return `${at}.teamEntries.${j}.key`;
			entries.add(k);
		}
		for (const [j, q] of a.questions.entries()) {
			if (!unique(q.id)) return `${at}.questions.${j}.id`;
		}
		const noted = new Set<string>();
		for (const [j, n] of a.reflectionNotes.entries()) {
			if (!unique(n.id)) return `${at}.reflectionNotes.${j}.id`;
			if (!participants.has(n.participantId)) return `${at}.reflectionNotes.${j}.participantId`;
			const k = `${n.participantId} ${n.questionKey}`;
			if (noted.has(k)) return `${at}.reflectionNotes.${j}.questionKey`;
			noted.add(k);
		}
		const answered = new Set<string>();
		for (const [j, t] of a.teamAnswers.entries()) {
			if (answered.has(t.questionKey)) return `${at}.teamAnswers.${j}.questionKey`;
			answered.add(t.questionKey);
		}
		for (const [j, x] of a.actions.entries()) {
			if (!unique(x.id)) return `${at}.actions.${j}.id`;
			for (const [k, n] of x.notes.entries()) {
				if (!unique(n.id)) return `${at}.actions.${j}.notes.${k}.id`;
				if (n.assessmentId !== null && !assessmentIds.has(n.assessmentId)) {
					return `${at}.actions.${j}.notes.${k}.assessmentId`;
				}
			}
		}
	}
	return null;
}

/**
 * Reads an uploaded export file: JSON, our format, version 1, every field valid and every
 * reference inside the file resolvable. Nothing is written here.
 */
export function parseTeamExport(raw: string): ParsedImport {
	if (raw.trim() === '') return { ok: false, error: { code: 'empty' } };
	if (Buffer.byteLength(raw) > MAX_IMPORT_BYTES) return { ok: false, error: { code: 'too_large' } };
	let json: unknown;
	try {
		json = JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
	} catch {
		return { ok: false, error: { code: 'not_json' } };
	}
	const head = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
	if (head.format !== TEAM_EXPORT_FORMAT) return { ok: false, error: { code: 'wrong_format' } };
	if (head.version !== TEAM_EXPORT_VERSION) {
		return {
			ok: false,
			error: { code: 'wrong_version', version: String(head.version ?? '–').slice(0, 20) }
		};
	}
	const parsed = teamExportSchema.safeParse(json);
	if (!parsed.success) {
		const path = parsed.error.issues[0]?.path.join('.') || '–';
		return { ok: false, error: { code: 'invalid', path } };
	}
	const broken = checkReferences(parsed.data);
	if (broken) return { ok: false, error: { code: 'invalid', path: broken } };
	return { ok: true, data: parsed.data };
}

/** The reader's-language message for a refused import. */
export function importErrorMessage(error: ImportError): string {
	switch (error.code) {
		case 'empty':
			return m.exports_import_empty();
		case 'too_large':
			return m.exports_import_too_large({ max: '10 MB' });
		case 'not_json':
			return m.exports_import_not_json();
		case 'wrong_format':
			return m.exports_import_wrong_format();
		case 'wrong_version':
			return m.exports_import_wrong_version({
				version: error.version,
				supported: String(TEAM_EXPORT_VERSION)
			});
		case 'invalid':
			return m.exports_import_invalid({ path: error.path });
	}
}

const RESUME_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
function resumeCode(): string {
	let out = '';
	for (const b of randomBytes(8)) out += RESUME_ALPHABET[b & 31];
	return out;
}

/** Splits rows into INSERTs of at most `size` rows (SQLite limits bound variables per statement). */
function chunks<T>(rows: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
	return out;
}

/**
 * Imports a parsed export as a NEW team of the organisation, in one batch (all or nothing).
 * Every id gets a new UUID (team, assessments, participants, questions, notes, actions), so the
 * same file imported twice gives two separate teams; join codes are dropped and every imported
 * assessment is closed.
 */
export async function importTeam(
	organizationId: string,
	data: TeamExport,
	now = new Date()
): Promise<{ teamId: string }> {
	const newId = new Map<string, string>();
	const remap = (old: string) => {
		let next = newId.get(old);
		if (!next) {
			next = randomUUID();
			newId.set(old, next);
		}
		return next;
	};
	// Own questions are keyed `asmt:<id>` in notes and answers; their ids change too.
	const remapQuestionKey = (k: string) =>
		k.startsWith('asmt:') && newId.has(k.slice(5)) ? `asmt:${newId.get(k.slice(5))}` : k;
	const date = (v: string) => new Date(v);

	const teamId = randomUUID();
	const statements: { run: () => unknown }[] = [];
	const queue = (q: { run: () => unknown }) => statements.push(q);
	// Action notes may name a later assessment (its review step), so they go in after all of them.
	const later: { run: () => unknown }[] = [];
	queue(
		db.insert(s.team).values({
			id: teamId,
			organizationId,
			name: data.team.name,
			place: data.team.place,
			description: data.team.description,
			archived: data.team.archived,
			createdAt: date(data.team.createdAt),
			updatedAt: now
		})
	);
	for (const a of data.assessments) remap(a.id);
	for (const a of data.assessments) {
		const assessmentId = remap(a.id);
		for (const q of a.questions) remap(q.id);
		queue(
			db.insert(s.assessment).values({
				id: assessmentId,
				teamId,
				date: a.date,
				title: a.title,
				mode: a.mode,
				frameworkVersion: a.frameworkVersion,
				status: 'abgeschlossen',
				joinCode: null,
				currentStep: a.currentStep,
				chosenSteps: a.chosenSteps,
				revealedSteps: a.revealedSteps,
				resultsShared: a.resultsShared,
				nextDate: a.nextDate,
				facilitatorId: null,
				facilitatorName: a.facilitatorName,
				revision: 0,
				closedAt: a.closedAt ? date(a.closedAt) : now,
				createdAt: date(a.createdAt),
				updatedAt: now
			})
		);
		for (const rows of chunks(a.participants, 500)) {
			queue(
				db.insert(s.participant).values(
					rows.map((p) => ({
						id: remap(p.id),
						assessmentId,
						resumeCode: resumeCode(),
						nickname: null,
						actorGroup: p.actorGroup,
						source: p.source,
						createdAt: date(p.createdAt)
					}))
				)
			);
		}
		for (const rows of chunks(a.ratings, 500)) {
			queue(
				db.insert(s.rating).values(
					rows.map((r) => ({
						assessmentId,
						participantId: remap(r.participantId),
						itemKey: r.itemKey,
						itemRevision: r.itemRevision,
						value: r.value,
						firstValue: r.firstValue,
						confidence: r.confidence,
						note: r.note
					}))
				)
			);
		}
		if (a.consensus.length > 0) {
			queue(
				db
					.insert(s.consensus)
					.values(a.consensus.map((c) => ({ assessmentId, ...c, decidedBy: null })))
			);
		}
		if (a.teamEntries.length > 0) {
			queue(db.insert(s.teamEntry).values(a.teamEntries.map((e) => ({ assessmentId, ...e }))));
		}
		if (a.questions.length > 0) {
			queue(
				db.insert(s.assessmentQuestion).values(
					a.questions.map((q) => ({
						id: remap(q.id),
						assessmentId,
						text: q.text,
						position: q.position,
						createdAt: date(q.createdAt)
					}))
				)
			);
		}
		for (const rows of chunks(a.reflectionNotes, 500)) {
			queue(
				db.insert(s.reflectionNote).values(
					rows.map((n) => ({
						id: remap(n.id),
						assessmentId,
						participantId: remap(n.participantId),
						questionKey: remapQuestionKey(n.questionKey),
						text: n.text,
						released: n.released,
						createdAt: date(n.createdAt),
						updatedAt: now
					}))
				)
			);
		}
		if (a.teamAnswers.length > 0) {
			queue(
				db.insert(s.teamAnswer).values(
					a.teamAnswers.map((t) => ({
						assessmentId,
						questionKey: remapQuestionKey(t.questionKey),
						questionText: t.questionText,
						text: t.text,
						updatedBy: null
					}))
				)
			);
		}
		for (const x of a.actions) {
			const actionId = remap(x.id);
			queue(
				db.insert(s.action).values({
					id: actionId,
					teamId,
					assessmentId,
					itemKey: x.itemKey,
					title: x.title,
					description: x.description,
					owner: x.owner,
					dueDate: x.dueDate,
					reviewDate: x.reviewDate,
					horizon: x.horizon,
					status: x.status,
					createdAt: date(x.createdAt),
					updatedAt: now
				})
			);
			if (x.notes.length > 0) {
				later.push(
					db.insert(s.actionNote).values(
						x.notes.map((n) => ({
							id: remap(n.id),
							actionId,
							assessmentId: n.assessmentId ? remap(n.assessmentId) : null,
							status: n.status,
							text: n.text,
							createdBy: null,
							createdAt: date(n.createdAt)
						}))
					)
				);
			}
		}
	}
	await db.batch([...statements, ...later] as never);
	return { teamId };
}
