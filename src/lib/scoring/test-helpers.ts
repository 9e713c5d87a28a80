import type { Confidence, RatingInput, RatingValue } from './types';

/** Ratings of one item by participants p1, p2, … with the given values (null = unknown). */
export function ratingsOf(
	itemKey: string,
	values: readonly (RatingValue | null)[],
	extra: { confidence?: Confidence | null; actorGroup?: string | null } = {},
	firstParticipant = 1
): RatingInput[] {
	return values.map((value, i) => ({
		participantId: `p${firstParticipant + i}`,
		itemKey,
		value,
		...extra
	}));
}
