export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A user-facing text in every locale. */
export type Text = { de: string; en: string };

/** Returns the text in the given locale. */
export function t(text: Text, locale: Locale): string {
	return text[locale];
}

/** A value on the anchored 0–4 scale. */
export type ScaleValue = 0 | 1 | 2 | 3 | 4;

/** A level of the Caring-Community pyramid, 1 (bottom) to 5 (top). */
export type LevelNumber = 1 | 2 | 3 | 4 | 5;

/** What the values 0, 1, 2, 3 and 4 look like for one rated item, in that order. */
export type Anchors = readonly [Text, Text, Text, Text, Text];

interface RatedItemDef {
	readonly key: string;
	/** Bumped when the meaning changes; assessments are compared only on equal revisions. */
	readonly revision: number;
	readonly title: Text;
	/** For charts, tables and the PDF, where the full title does not fit. */
	readonly shortTitle: Text;
	readonly explanation: Text;
	readonly anchors: Anchors;
}

export interface LevelDef extends RatedItemDef {
	readonly kind: 'level';
	readonly level: LevelNumber;
}

export interface TraitDef extends RatedItemDef {
	readonly kind: 'trait';
}

/** A keyed entry a team records something about (driver, actor group, risk). */
export interface TeamItemDef {
	readonly key: string;
	readonly revision: number;
	readonly title: Text;
	readonly explanation: Text;
}

export interface QuestionDef {
	readonly key: string;
	readonly revision: number;
	readonly text: Text;
	readonly hint?: Text;
}

/** One option of a fixed choice (confidence, involvement, status, …). */
export interface OptionDef {
	readonly key: string;
	readonly label: Text;
}

/** Lists the keys of a content collection in order, typed as a non-empty tuple for enums. */
export function keysOf<K extends string>(
	items: readonly { readonly key: K }[]
): readonly [K, ...K[]] {
	return items.map((item) => item.key) as unknown as readonly [K, ...K[]];
}
