import { sql } from 'drizzle-orm';
import {
	sqliteTable,
	text,
	integer,
	index,
	uniqueIndex,
	primaryKey
} from 'drizzle-orm/sqlite-core';
import { organization, user } from './auth-schema';

export * from './auth-schema';

const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(cast(unixepoch('subsecond') * 1000 as integer))`);
const updatedAt = () =>
	integer('updated_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(cast(unixepoch('subsecond') * 1000 as integer))`)
		.$onUpdate(() => new Date());

export const ASSESSMENT_MODES = ['workshop', 'single_screen', 'plenary'] as const;
export type AssessmentMode = (typeof ASSESSMENT_MODES)[number];
export const ASSESSMENT_STATUSES = ['entwurf', 'laeuft', 'abgeschlossen'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const PARTICIPANT_SOURCES = ['device', 'paper'] as const;
export const TEAM_ENTRY_KINDS = ['driver', 'actor', 'risk'] as const;
export type TeamEntryKind = (typeof TEAM_ENTRY_KINDS)[number];
export const ACTION_STATUS_VALUES = ['offen', 'laeuft', 'erledigt', 'verworfen'] as const;
export const HORIZON_VALUES = ['klein_anfangen', 'gross_gedacht'] as const;
export const CONFIDENCE_VALUES = ['sicher', 'eher_sicher', 'unsicher'] as const;

/** Per-organisation settings beside the auth library's organisation row. */
export const organizationSettings = sqliteTable('organization_settings', {
	organizationId: text('organization_id')
		.primaryKey()
		.references(() => organization.id, { onDelete: 'cascade' }),
	minGroupSize: integer('min_group_size').notNull().default(3),
	privacyNotice: text('privacy_notice').notNull().default(''),
	imprint: text('imprint').notNull().default(''),
	timeZone: text('time_zone').notNull().default('Europe/Berlin'),
	/** Days after closing an assessment until individual ratings and notes are deleted; null keeps them. */
	retentionDays: integer('retention_days'),
	updatedAt: updatedAt()
});

export const team = sqliteTable(
	'team',
	{
		id: text('id').primaryKey(),
		organizationId: text('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		place: text('place').notNull().default(''),
		description: text('description').notNull().default(''),
		archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('team_organization_idx').on(t.organizationId, t.name)]
);

export const assessment = sqliteTable(
	'assessment',
	{
		id: text('id').primaryKey(),
		teamId: text('team_id')
			.notNull()
			.references(() => team.id, { onDelete: 'cascade' }),
		/** YYYY-MM-DD in the organisation's time zone. */
		date: text('date').notNull(),
		title: text('title').notNull(),
		mode: text('mode', { enum: ASSESSMENT_MODES }).notNull().default('workshop'),
		frameworkVersion: text('framework_version').notNull(),
		status: text('status', { enum: ASSESSMENT_STATUSES }).notNull().default('entwurf'),
		joinCode: text('join_code').unique(),
		currentStep: text('current_step').notNull().default('ankommen'),
		/** Step keys of the optional steps this assessment uses (JSON array). */
		chosenSteps: text('chosen_steps', { mode: 'json' }).$type<string[]>().notNull().default([]),
		/** Step keys whose results the facilitator has revealed (JSON array). */
		revealedSteps: text('revealed_steps', { mode: 'json' }).$type<string[]>().notNull().default([]),
		resultsShared: integer('results_shared', { mode: 'boolean' }).notNull().default(false),
		nextDate: text('next_date'),
		facilitatorId: text('facilitator_id').references(() => user.id, { onDelete: 'set null' }),
		facilitatorName: text('facilitator_name').notNull().default(''),
		/** Bumped on every change participants should see; live views poll it. */
		revision: integer('revision').notNull().default(0),
		timerStep: text('timer_step'),
		timerEndsAt: integer('timer_ends_at', { mode: 'timestamp_ms' }),
		closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('assessment_team_date_idx').on(t.teamId, t.date)]
);

export const participant = sqliteTable(
	'participant',
	{
		/** Random, anonymous; lives in the participant's httpOnly cookie. */
		id: text('id').primaryKey(),
		assessmentId: text('assessment_id')
			.notNull()
			.references(() => assessment.id, { onDelete: 'cascade' }),
		resumeCode: text('resume_code').notNull(),
		nickname: text('nickname'),
		actorGroup: text('actor_group'),
		source: text('source', { enum: PARTICIPANT_SOURCES }).notNull().default('device'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('participant_resume_idx').on(t.assessmentId, t.resumeCode),
		index('participant_assessment_idx').on(t.assessmentId)
	]
);

export const rating = sqliteTable(
	'rating',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		assessmentId: text('assessment_id')
			.notNull()
			.references(() => assessment.id, { onDelete: 'cascade' }),
		participantId: text('participant_id')
			.notNull()
			.references(() => participant.id, { onDelete: 'cascade' }),
		itemKey: text('item_key').notNull(),
		itemRevision: integer('item_revision').notNull(),
		/** 0–4, or null for "kann ich nicht einschätzen". */
		value: integer('value'),
		confidence: text('confidence', { enum: CONFIDENCE_VALUES }),
		note: text('note'),
		/** The first answer given, kept for the record when the participant changes it. */
		firstValue: integer('first_value'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex('rating_participant_item_idx').on(t.participantId, t.itemKey),
		index('rating_assessment_item_idx').on(t.assessmentId, t.itemKey)
	]
);

/** The Teamwert agreed for an item. */
export const consensus = sqliteTable(
	'consensus',
	{
		assessmentId: text('assessment_id')
			.notNull()
			.references(() => assessment.id, { onDelete: 'cascade' }),
		itemKey: text('item_key').notNull(),
		itemRevision: integer('item_revision').notNull(),
		value: integer('value').notNull(),
		reason: text('reason'),
		decidedBy: text('decided_by').references(() => user.id, { onDelete: 'set null' }),
		decidedAt: updatedAt()
	},
	(t) => [primaryKey({ columns: [t.assessmentId, t.itemKey] })]
);

/** Team-level entries: drivers felt locally, actor involvement, risks. */
export const teamEntry = sqliteTable(
	'team_entry',
	{
		assessmentId: text('assessment_id')
			.notNull()
			.references(() => assessment.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: TEAM_ENTRY_KINDS }).notNull(),
		key: text('key').notNull(),
		/** driver: 'felt'; actor: involvement state; risk: risk state. */
		state: text('state').notNull(),
		note: text('note'),
		updatedAt: updatedAt()
	},
	(t) => [primaryKey({ columns: [t.assessmentId, t.kind, t.key] })]
);

/** The organisation's own reflection questions, used in every new assessment. */
export const organizationQuestion = sqliteTable(
	'organization_question',
	{
		id: text('id').primaryKey(),
		organizationId: text('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		text: text('text').notNull(),
		position: integer('position').notNull().default(0),
		archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [index('organization_question_org_idx').on(t.organizationId)]
);

/** Questions a facilitator added to one assessment. */
export const assessmentQuestion = sqliteTable(
	'assessment_question',
	{
		id: text('id').primaryKey(),
		assessmentId: text('assessment_id')
			.notNull()
			.references(() => assessment.id, { onDelete: 'cascade' }),
		text: text('text').notNull(),
		position: integer('position').notNull().default(0),
		createdAt: createdAt()
	},
	(t) => [index('assessment_question_assessment_idx').on(t.assessmentId)]
);

/** A participant's note to a reflection question (framework key, `org:<id>` or `asmt:<id>`). */
export const reflectionNote = sqliteTable(
	'reflection_note',
	{
		id: text('id').primaryKey(),
		assessmentId: text('assessment_id')
			.notNull()
			.references(() => assessment.id, { onDelete: 'cascade' }),
		participantId: text('participant_id')
			.notNull()
			.references(() => participant.id, { onDelete: 'cascade' }),
		questionKey: text('question_key').notNull(),
		text: text('text').notNull(),
		released: integer('released', { mode: 'boolean' }).notNull().default(false),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex('reflection_note_participant_question_idx').on(t.participantId, t.questionKey),
		index('reflection_note_assessment_idx').on(t.assessmentId)
	]
);

/** The team's joint answer to a reflection question. */
export const teamAnswer = sqliteTable(
	'team_answer',
	{
		assessmentId: text('assessment_id')
			.notNull()
			.references(() => assessment.id, { onDelete: 'cascade' }),
		questionKey: text('question_key').notNull(),
		/** Question wording at the time, so the answer stays readable if the question changes. */
		questionText: text('question_text').notNull().default(''),
		text: text('text').notNull(),
		updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
		updatedAt: updatedAt()
	},
	(t) => [primaryKey({ columns: [t.assessmentId, t.questionKey] })]
);

export const action = sqliteTable(
	'action',
	{
		id: text('id').primaryKey(),
		teamId: text('team_id')
			.notNull()
			.references(() => team.id, { onDelete: 'cascade' }),
		/** The assessment in which the action was decided. */
		assessmentId: text('assessment_id')
			.notNull()
			.references(() => assessment.id, { onDelete: 'cascade' }),
		itemKey: text('item_key'),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		owner: text('owner').notNull().default(''),
		dueDate: text('due_date'),
		reviewDate: text('review_date'),
		horizon: text('horizon', { enum: HORIZON_VALUES }).notNull().default('klein_anfangen'),
		status: text('status', { enum: ACTION_STATUS_VALUES }).notNull().default('offen'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('action_team_idx').on(t.teamId, t.status),
		index('action_assessment_idx').on(t.assessmentId)
	]
);

/** Follow-up notes on an action, e.g. from a later assessment's review step. */
export const actionNote = sqliteTable(
	'action_note',
	{
		id: text('id').primaryKey(),
		actionId: text('action_id')
			.notNull()
			.references(() => action.id, { onDelete: 'cascade' }),
		/** The assessment whose review step wrote the note, if any. */
		assessmentId: text('assessment_id').references(() => assessment.id, { onDelete: 'cascade' }),
		status: text('status', { enum: ACTION_STATUS_VALUES }),
		text: text('text').notNull().default(''),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('action_note_action_idx').on(t.actionId)]
);

/**
 * The scored summary of a closed assessment as the team history shows it (history.ts), kept so
 * the history does not re-read and re-score every rating on each view. Derived data only: it is
 * recomputed whenever `basis` (the assessment's revision, the minimum group size and the scoring
 * code's version) no longer matches, and goes with its assessment.
 */
export const assessmentSummary = sqliteTable('assessment_summary', {
	assessmentId: text('assessment_id')
		.primaryKey()
		.references(() => assessment.id, { onDelete: 'cascade' }),
	basis: text('basis').notNull(),
	/** JSON, locale-independent (keys and numbers; pages localise when rendering). */
	data: text('data').notNull(),
	computedAt: integer('computed_at', { mode: 'timestamp_ms' }).notNull()
});

/** Idempotency keys of writes that are not idempotent by nature (e.g. paper sheets). */
export const requestKey = sqliteTable('request_key', {
	key: text('key').primaryKey(),
	scope: text('scope').notNull(),
	resultId: text('result_id'),
	createdAt: createdAt()
});

export type Team = typeof team.$inferSelect;
export type Assessment = typeof assessment.$inferSelect;
export type Participant = typeof participant.$inferSelect;
export type Rating = typeof rating.$inferSelect;
export type Consensus = typeof consensus.$inferSelect;
export type TeamEntry = typeof teamEntry.$inferSelect;
export type Action = typeof action.$inferSelect;
export type ActionNote = typeof actionNote.$inferSelect;
export type ReflectionNote = typeof reflectionNote.$inferSelect;
export type TeamAnswer = typeof teamAnswer.$inferSelect;
export type OrganizationSettings = typeof organizationSettings.$inferSelect;
export type AssessmentSummary = typeof assessmentSummary.$inferSelect;
