// Joining an assessment as an anonymous participant: join codes, resume codes, the actor tag.
// Nothing here stores an IP address, a user agent or a name beyond the optional nickname.
import { randomInt, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { error, type RequestEvent } from '@sveltejs/kit';
import { bumpRevision, earlierAssessmentExists } from './assessments';
import { db } from './db';
import {
	assessment,
	organizationSettings,
	participant,
	team,
	type Assessment,
	type Participant
} from './db/schema';
import { joinFailures } from './ratelimit';
import { hasNoControlChars, validate, type FieldErrors } from './validation';
import { ACTOR_KEYS } from '$lib/framework';
import { m } from '$lib/paraglide/messages';

/** Join and resume codes use this alphabet: no 0/O, 1/I, so they can be read aloud and typed. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;

/** A random code of the code alphabet (join codes, resume codes). */
export function generateCode(length = CODE_LENGTH): string {
	let code = '';
	for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
	return code;
}

/** A typed or scanned code as stored: upper case, without spaces, dashes, dots or underscores. */
export function normalizeCode(raw: string | null | undefined): string {
	return (raw ?? '').toUpperCase().replace(/[\s\-_.·]+/g, '');
}

/** True when a normalised code is worth a database look-up at all. */
export function isPlausibleCode(code: string): boolean {
	return /^[A-Z0-9]{4,16}$/.test(code);
}

/** A running (or other) assessment found by its join code, with what the participant pages need. */
export interface JoinTarget {
	assessment: Assessment;
	teamName: string;
	organizationId: string;
	minGroupSize: number;
	/** The team has an assessment dated before this one (the review step applies). */
	hasEarlierAssessments: boolean;
}

// Every phone's page, action and refresh starts here, so the statement is built once.
const byJoinCode = db
	.select({
		assessment,
		teamName: team.name,
		organizationId: team.organizationId,
		minGroupSize: organizationSettings.minGroupSize,
		hasEarlierAssessments: earlierAssessmentExists(assessment)
	})
	.from(assessment)
	.innerJoin(team, eq(team.id, assessment.teamId))
	.leftJoin(organizationSettings, eq(organizationSettings.organizationId, team.organizationId))
	.where(eq(assessment.joinCode, sql.placeholder('code')))
	.limit(1)
	.prepare();

/** The assessment that currently has this (normalised) join code, or null. */
export async function findByJoinCode(code: string): Promise<JoinTarget | null> {
	if (!isPlausibleCode(code)) return null;
	const row = await byJoinCode.get({ code });
	if (!row) return null;
	return {
		...row,
		minGroupSize: Math.max(2, row.minGroupSize ?? 3),
		hasEarlierAssessments: Boolean(row.hasEarlierAssessments)
	};
}

export type LookupResult = { ok: true; target: JoinTarget } | { ok: false; status: 404 | 429 };

/**
 * Looks up a join code for a client address. A valid code always works, however many people join
 * from the same address (a conference hall behind one router); only wrong codes are counted, and
 * an address with too many wrong codes gets 429 instead of 404 for a minute.
 */
export async function lookupJoinCode(rawCode: string, address: string): Promise<LookupResult> {
	const target = await findByJoinCode(normalizeCode(rawCode));
	if (target) return { ok: true, target };
	if (joinFailures.isBlocked(address)) return { ok: false, status: 429 };
	joinFailures.record(address);
	return { ok: false, status: 404 };
}

const participantById = db
	.select()
	.from(participant)
	.where(
		and(
			eq(participant.id, sql.placeholder('participantId')),
			eq(participant.assessmentId, sql.placeholder('assessmentId'))
		)
	)
	.limit(1)
	.prepare();

/** The participant with this id in this assessment, or null (also for ids of other assessments). */
export async function getParticipant(
	assessmentId: string,
	participantId: string | undefined
): Promise<Participant | null> {
	if (!participantId || participantId.length > 64) return null;
	return (await participantById.get({ participantId, assessmentId })) ?? null;
}

const actorGroupField = z
	.union([z.literal(''), z.enum(ACTOR_KEYS)], { error: 'participant_error_actor' })
	.optional()
	.transform((v) => v || null);

const joinSchema = z.object({
	nickname: z
		.string({ error: 'error_invalid' })
		.trim()
		.max(40, { error: 'error_too_long:40' })
		.refine(hasNoControlChars, { error: 'error_invalid' })
		.optional()
		.transform((v) => v || null),
	actorGroup: actorGroupField
});

const tagSchema = z.object({ actorGroup: actorGroupField });

const resumeSchema = z.object({
	resumeCode: z
		.string({ error: 'participant_resume_required' })
		.transform(normalizeCode)
		.pipe(
			z
				.string()
				.min(1, { error: 'participant_resume_required' })
				.regex(/^[A-Z0-9]{8}$/, { error: 'participant_resume_invalid' })
		)
});

export type ParticipantResult<T = undefined> =
	| { ok: true; value: T }
	| { ok: false; status: 400 | 403 | 409 | 429; message: string; errors: FieldErrors };

function failed(
	status: 400 | 403 | 409 | 429,
	message: string,
	errors: FieldErrors = {}
): { ok: false; status: 400 | 403 | 409 | 429; message: string; errors: FieldErrors } {
	return { ok: false, status, message, errors };
}

/** Why participants cannot write to this assessment right now, or null when they can. */
export function notWritable(target: Assessment): string | null {
	if (target.status === 'entwurf') return m.participant_error_not_started();
	if (target.status !== 'laeuft') return m.participant_error_closed();
	return null;
}

/**
 * A new anonymous participant with a random id and a personal resume code unique within the
 * assessment; bumps the revision so live views count them.
 */
export async function joinAssessment(
	target: Assessment,
	input: FormData | Record<string, unknown>
): Promise<ParticipantResult<Participant>> {
	const blocked = notWritable(target);
	if (blocked) return failed(409, blocked);
	const parsed = validate(joinSchema, input);
	if (!parsed.ok) return failed(400, m.error_form(), parsed.errors);
	for (let attempt = 0; attempt < 8; attempt++) {
		const [inserted] = await db.batch([
			db
				.insert(participant)
				.values({
					id: randomUUID(),
					assessmentId: target.id,
					resumeCode: generateCode(),
					nickname: parsed.data.nickname,
					actorGroup: parsed.data.actorGroup
				})
				.onConflictDoNothing()
				.returning(),
			bumpRevision(target.id)
		]);
		// An empty result means the resume code was taken in this assessment: draw another one.
		if (inserted[0]) return { ok: true, value: inserted[0] };
	}
	throw new Error('could not draw a free resume code');
}

/**
 * The participant of this assessment with the resume code ("Mit Code fortsetzen"). Wrong codes
 * count as failed attempts of the client address, like wrong join codes.
 */
export async function resumeParticipant(
	target: Assessment,
	input: FormData | Record<string, unknown>,
	address: string
): Promise<ParticipantResult<Participant>> {
	const parsed = validate(resumeSchema, input);
	if (!parsed.ok) return failed(400, m.error_form(), parsed.errors);
	if (joinFailures.isBlocked(address)) return failed(429, m.error_rate_limited());
	const [row] = await db
		.select()
		.from(participant)
		.where(
			and(
				eq(participant.assessmentId, target.id),
				eq(participant.resumeCode, parsed.data.resumeCode)
			)
		)
		.limit(1);
	if (!row) {
		joinFailures.record(address);
		return failed(400, m.error_form(), { resumeCode: m.participant_resume_unknown() });
	}
	return { ok: true, value: row };
}

/** Sets or clears the actor group the participant speaks for (optional, anonymous). */
export async function setActorGroup(
	target: Assessment,
	participantId: string | undefined,
	input: FormData | Record<string, unknown>
): Promise<ParticipantResult> {
	const blocked = notWritable(target);
	if (blocked) return failed(409, blocked);
	const parsed = validate(tagSchema, input);
	if (!parsed.ok) return failed(400, m.error_form(), parsed.errors);
	const me = await getParticipant(target.id, participantId);
	if (!me) return failed(403, m.participant_error_not_joined());
	await db.batch([
		db
			.update(participant)
			.set({ actorGroup: parsed.data.actorGroup })
			.where(eq(participant.id, me.id)),
		bumpRevision(target.id)
	]);
	return { ok: true, value: undefined };
}

/**
 * Route helper: the assessment of the `code` route parameter, or a localised 404 (wrong or
 * invalidated code) / 429 (this address tried too many wrong codes).
 */
export async function requireJoinTarget(event: RequestEvent): Promise<JoinTarget> {
	const result = await lookupJoinCode(event.params.code ?? '', event.getClientAddress());
	if (result.ok) return result.target;
	error(
		result.status,
		result.status === 429 ? m.error_rate_limited() : m.participant_code_unknown()
	);
}
