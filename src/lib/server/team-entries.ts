// Team-level records of an assessment: drivers felt locally, actor involvement, risks.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from './db';
import { teamEntry, type TeamEntry, type TeamEntryKind } from './db/schema';
import {
	ACTOR_KEYS,
	DRIVER_KEYS,
	INVOLVEMENT_KEYS,
	RISK_KEYS,
	RISK_STATE_KEYS,
	type StepKey
} from '../framework';
import { FlowError, MAX_TEXT, bumpRevision, stepsOf, writableAssessment } from './assessments';
import { optionalText } from './validation';

const asList = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

/** Form fields of the drivers felt locally (checkboxes named `drivers`). */
export const driversSchema = z.object({
	drivers: z.preprocess(
		asList,
		z.array(z.enum(DRIVER_KEYS, { error: 'error_invalid' })).transform((k) => [...new Set(k)])
	)
});

/** Form fields of the actor map: `actor_<key>` = involvement state, for every actor group. */
export const actorsSchema = z
	.object(
		Object.fromEntries(
			ACTOR_KEYS.map((key) => [
				`actor_${key}`,
				z.enum(INVOLVEMENT_KEYS, { error: 'error_invalid' })
			])
		) as Record<string, z.ZodType<(typeof INVOLVEMENT_KEYS)[number]>>
	)
	.transform((f) => ACTOR_KEYS.map((key) => ({ key, state: f[`actor_${key}`], note: '' })));

/** Form fields of the risk checklist: `risk_<key>` = state and `note_<key>`, for every risk. */
export const risksSchema = z
	.object(
		Object.fromEntries(
			RISK_KEYS.flatMap((key) => [
				[`risk_${key}`, z.enum(RISK_STATE_KEYS, { error: 'error_invalid' })],
				[`note_${key}`, optionalText(MAX_TEXT)]
			])
		) as Record<string, z.ZodType<string>>
	)
	.transform((f) =>
		RISK_KEYS.map((key) => ({ key, state: f[`risk_${key}`], note: f[`note_${key}`] ?? '' }))
	);

export interface EntryInput {
	key: string;
	state: string;
	note: string;
}

const STEP_OF_KIND: Record<TeamEntryKind, StepKey> = {
	driver: 'ankommen',
	actor: 'akteure',
	risk: 'herausforderungen'
};

const KEYS_OF_KIND: Record<TeamEntryKind, readonly string[]> = {
	driver: DRIVER_KEYS,
	actor: ACTOR_KEYS,
	risk: RISK_KEYS
};

const STATES_OF_KIND: Record<TeamEntryKind, readonly string[]> = {
	driver: ['felt'],
	actor: INVOLVEMENT_KEYS,
	risk: RISK_STATE_KEYS
};

/**
 * Replaces all entries of one kind (drivers, actors or risks) at once; refused when the
 * assessment is closed, does not use the step, or an entry is not part of the framework.
 */
export async function saveEntries(
	assessmentId: string,
	kind: TeamEntryKind,
	entries: readonly EntryInput[]
): Promise<void> {
	const current = await writableAssessment(assessmentId);
	const steps = await stepsOf(current);
	if (!steps.some((s) => s.key === STEP_OF_KIND[kind])) throw new FlowError('invalid');
	for (const e of entries) {
		if (!KEYS_OF_KIND[kind].includes(e.key)) throw new FlowError('invalid');
		if (!STATES_OF_KIND[kind].includes(e.state)) throw new FlowError('invalid');
		if (e.note.length > MAX_TEXT) throw new FlowError('invalid');
	}
	const inserts = entries.map((e) =>
		db
			.insert(teamEntry)
			.values({ assessmentId, kind, key: e.key, state: e.state, note: e.note || null })
	);
	await db.batch([
		db
			.delete(teamEntry)
			.where(and(eq(teamEntry.assessmentId, assessmentId), eq(teamEntry.kind, kind))),
		...inserts,
		bumpRevision(assessmentId)
	]);
}

/** The drivers felt locally, as entries. */
export function driverEntries(keys: readonly string[]): EntryInput[] {
	return keys.map((key) => ({ key, state: 'felt', note: '' }));
}

/** All team entries of an assessment. */
export async function listEntries(assessmentId: string): Promise<TeamEntry[]> {
	return db.select().from(teamEntry).where(eq(teamEntry.assessmentId, assessmentId));
}
