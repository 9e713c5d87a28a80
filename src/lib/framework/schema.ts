import { z } from 'zod';
import {
	ACTION_IDEA_KEYS,
	ACTION_STATUS_KEYS,
	ACTOR_KEYS,
	CONFIDENCE_KEYS,
	DRIVER_KEYS,
	HORIZON_KEYS,
	INVOLVEMENT_KEYS,
	LOCALES,
	QUESTION_KEYS,
	RATED_ITEM_KEYS,
	RISK_KEYS,
	RISK_STATE_KEYS,
	STEP_KEYS,
	STEP_KINDS
} from './index';

// Shape schemas: what every framework version's content must look like.

const nonEmpty = z.string().trim().min(1);
const revision = z.int().positive();
const stateKey = z.string().regex(/^[a-z]+(_[a-z]+)*$/);
const prefixedKey = (prefix: string) => z.string().regex(new RegExp(`^${prefix}\\.[a-z0-9_]+$`));

export const textSchema = z.strictObject({ de: nonEmpty, en: nonEmpty });
export const anchorsSchema = z.tuple([textSchema, textSchema, textSchema, textSchema, textSchema]);

export const scaleEntrySchema = z.strictObject({
	value: z.int().min(0).max(4),
	label: textSchema,
	meaning: textSchema
});

export const unknownRatingSchema = z.strictObject({
	value: z.literal('unknown'),
	label: textSchema,
	explanation: textSchema
});

const ratedItemFields = {
	revision,
	title: textSchema,
	shortTitle: textSchema,
	explanation: textSchema,
	anchors: anchorsSchema
};

export const levelSchema = z.strictObject({
	key: z.string().regex(/^level\.[1-5]$/),
	kind: z.literal('level'),
	level: z.int().min(1).max(5),
	...ratedItemFields
});

export const traitSchema = z.strictObject({
	key: prefixedKey('trait'),
	kind: z.literal('trait'),
	...ratedItemFields
});

export const ratedItemSchema = z.discriminatedUnion('kind', [levelSchema, traitSchema]);

const teamItem = (prefix: string) =>
	z.strictObject({
		key: prefixedKey(prefix),
		revision,
		title: textSchema,
		explanation: textSchema
	});

export const driverSchema = teamItem('driver');
export const actorSchema = teamItem('actor');
export const riskSchema = teamItem('risk');

export const questionSchema = z.strictObject({
	key: prefixedKey('question'),
	revision,
	text: textSchema,
	hint: textSchema.optional()
});

export const optionSchema = z.strictObject({ key: stateKey, label: textSchema });

export const involvementOptionSchema = optionSchema.extend({
	order: z.int().min(0),
	explanation: textSchema
});

export const horizonOptionSchema = optionSchema.extend({ explanation: textSchema });

export const actionIdeaSchema = z.strictObject({
	key: prefixedKey('idea'),
	level: z.int().min(1).max(5),
	title: textSchema
});

export const organisationRoleSchema = z.strictObject({
	key: prefixedKey('role'),
	title: textSchema
});

const stepFields = {
	key: stateKey,
	number: z.int().min(1),
	title: textSchema,
	explanation: textSchema,
	optional: z.boolean(),
	onlyWithEarlierAssessments: z.literal(true).optional()
};

export const stepSchema = z.discriminatedUnion('kind', [
	z.strictObject({
		...stepFields,
		kind: z.literal('rating'),
		items: z.array(z.enum(RATED_ITEM_KEYS)).min(1)
	}),
	z.strictObject({
		...stepFields,
		kind: z.enum(STEP_KINDS).exclude(['rating'])
	})
]);

export const glossaryEntrySchema = z.strictObject({
	key: prefixedKey('term'),
	term: textSchema,
	explanation: textSchema
});

export const sourceSchema = z.strictObject({
	key: prefixedKey('source'),
	short: nonEmpty,
	reference: nonEmpty,
	summary: textSchema
});

export const cautionSchema = z.strictObject({ key: prefixedKey('caution'), text: textSchema });

// Value schemas: validate keys and choices arriving at a boundary (forms, endpoints, imports).

export const localeSchema = z.enum(LOCALES);
export const scaleValueSchema = z.int().min(0).max(4);
/** A rating: a scale value or "kann ich nicht einschätzen". */
export const ratingValueSchema = z.union([scaleValueSchema, z.literal('unknown')]);
export const ratedItemKeySchema = z.enum(RATED_ITEM_KEYS);
export const driverKeySchema = z.enum(DRIVER_KEYS);
export const actorKeySchema = z.enum(ACTOR_KEYS);
export const riskKeySchema = z.enum(RISK_KEYS);
export const questionKeySchema = z.enum(QUESTION_KEYS);
export const actionIdeaKeySchema = z.enum(ACTION_IDEA_KEYS);
export const stepKeySchema = z.enum(STEP_KEYS);
export const confidenceSchema = z.enum(CONFIDENCE_KEYS);
export const involvementSchema = z.enum(INVOLVEMENT_KEYS);
export const riskStateSchema = z.enum(RISK_STATE_KEYS);
export const actionStatusSchema = z.enum(ACTION_STATUS_KEYS);
export const horizonSchema = z.enum(HORIZON_KEYS);
