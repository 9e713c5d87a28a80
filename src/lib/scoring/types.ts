/** A rating or Teamwert on the anchored 0–4 scale. */
export type RatingValue = 0 | 1 | 2 | 3 | 4;

/** How sure a rater is of a rating. */
export type Confidence = 'sicher' | 'eher_sicher' | 'unsicher';

/** One participant's (latest) rating of one item; `value: null` means "kann ich nicht einschätzen". */
export interface RatingInput {
	participantId: string;
	itemKey: string;
	value: RatingValue | null;
	confidence?: Confidence | null;
	actorGroup?: string | null;
}

/** The consensus (Teamwert) the team set for one item after discussion. */
export interface ConsensusInput {
	itemKey: string;
	value: RatingValue;
	reason?: string | null;
}

/** Count of ratings per value 0–4 plus the unknown ratings. */
export interface Distribution {
	0: number;
	1: number;
	2: number;
	3: number;
	4: number;
	unknown: number;
}

/** Whether an item has known ratings, only a consensus, or neither. */
export type ItemStatus = 'offen' | 'consensus_only' | 'rated';

/** The four warning flags of an item (SCORING.md "Flags per item"). */
export interface ItemFlags {
	dissent: boolean;
	knowledgeGap: boolean;
	lowN: boolean;
	perspectiveGap: boolean;
}

/** Full per-item summary for the facilitator's control view (not for shared views as is). */
export interface ItemSummary {
	itemKey: string;
	n: number;
	nKnown: number;
	median: RatingValue | null;
	mean: number | null;
	min: RatingValue | null;
	max: RatingValue | null;
	range: number | null;
	distribution: Distribution;
	teamValue: RatingValue | null;
	hasConsensus: boolean;
	consensusReason: string | null;
	status: ItemStatus;
	flags: ItemFlags;
}

/** An item under the minimum-group-size rule: only n, the lowN flag and a consensus survive. */
export interface SuppressedItemSummary {
	suppressed: true;
	itemKey: string;
	n: number;
	/** The consensus, or null; never the median of individual ratings. */
	teamValue: RatingValue | null;
	hasConsensus: boolean;
	consensusReason: string | null;
	flags: { lowN: true };
}

/** An item with enough known ratings to show every statistic. */
export type VisibleItemSummary = ItemSummary & { suppressed: false };

/** What a shared view (projector, result pages, PDF, exports) may show of an item. */
export type SharedItemSummary = SuppressedItemSummary | VisibleItemSummary;

/** Level state of a pyramid level, from its Teamwert. */
export type LevelState = 'erreicht' | 'im_aufbau' | 'ansaetze' | 'nicht_erkennbar' | 'offen';

/** Exact Stufenwert `whole + thirds / 3` (whole = reached level). */
export interface Stufenwert {
	whole: number;
	thirds: 0 | 1 | 2;
}

/** Where a team stands on the pyramid. */
export interface PyramidResult {
	/** Highest k such that levels 1 … k all have a Teamwert ≥ 3 (0 if none). */
	reachedLevel: number;
	/** k + 1, or null when every level is reached. */
	nextLevel: number | null;
	/** Levels (1-based) above the next level that already have a Teamwert ≥ 3. */
	aheadOfBase: number[];
	stufenwert: Stufenwert;
	/** `stufenwert` as a float, for charts; compare and store the exact form. */
	stufenwertNumber: number;
	/** State per level, index 0 = level 1. */
	states: LevelState[];
}

/** How involved an actor group is. */
export type Involvement = 'nicht_beteiligt' | 'in_kontakt' | 'arbeitet_mit' | 'traegt_mit';

/** The team's record of one actor group's involvement. */
export interface ActorEntry {
	actorKey: string;
	involvement: Involvement;
}

/** Involvement counts over all actor groups. */
export interface ActorCoverage {
	counts: Record<Involvement, number>;
	/** Involvement per actor key of the framework (missing = nicht_beteiligt). */
	byActor: Record<string, Involvement>;
	/** Groups with `arbeitet_mit` or better. */
	broad: number;
	fewerThanThreeBroad: boolean;
}

/** "Who was in the room", safe for shared views. */
export interface SharedRoom {
	total: number;
	untagged: number;
	/** Groups tagged by at least m participants, most participants first. */
	groups: { actorGroup: string; count: number }[];
	/** Participants in groups below the minimum group size ("weitere Gruppen (n)"). */
	otherGroups: number;
}

/** One side of a comparison for one item. */
export interface ComparableItem {
	itemKey: string;
	revision: number;
	teamValue: RatingValue | null;
	median: RatingValue | null;
	n: number;
}

/** Direction of change of an item between two assessments. */
export type Direction = 'up' | 'down' | 'same' | 'not_comparable';

/** Why an item is "nicht vergleichbar". */
export type NotComparableReason = 'revision' | 'missing_value' | 'missing_item';

/** Comparison of one item between an earlier and a later assessment. */
export interface ItemComparison {
	itemKey: string;
	direction: Direction;
	delta: number | null;
	reason?: NotComparableReason;
	earlier: ComparableItem | null;
	later: ComparableItem | null;
}

/** Trend of a team between its last two assessments. */
export type Trend = 'up' | 'down' | 'same';

/** Status of an action in the action plan. */
export type ActionStatus = 'offen' | 'laeuft' | 'erledigt' | 'verworfen';
