import { assertMinGroupSize, isLowN } from './item';
import type { ItemSummary, SharedItemSummary, SharedRoom } from './types';

/**
 * The minimum-group-size rule for one item: what every shared view may show of a summary. Under
 * the rule only n, the lowN flag and a consensus (a team decision) remain.
 */
export function shareableSummary(summary: ItemSummary, m: number): SharedItemSummary {
	assertMinGroupSize(m);
	// Either the summary's own flag or this m suppresses: the stricter reading wins.
	if (summary.flags.lowN || isLowN(summary.nKnown, m)) {
		return {
			suppressed: true,
			itemKey: summary.itemKey,
			n: summary.n,
			teamValue: summary.hasConsensus ? summary.teamValue : null,
			hasConsensus: summary.hasConsensus,
			consensusReason: summary.hasConsensus ? summary.consensusReason : null,
			flags: { lowN: true }
		};
	}
	return {
		...summary,
		distribution: { ...summary.distribution },
		flags: { ...summary.flags },
		suppressed: false
	};
}

/**
 * "Who was in the room" for shared views, from each participant's actor-group tag (null or empty
 * = untagged): groups with fewer than `m` participants are only counted together.
 */
export function shareableRoom(
	participantTags: readonly (string | null | undefined)[],
	m: number
): SharedRoom {
	assertMinGroupSize(m);
	const byGroup = new Map<string, number>();
	let untagged = 0;
	for (const tag of participantTags) {
		if (!tag) untagged++;
		else byGroup.set(tag, (byGroup.get(tag) ?? 0) + 1);
	}
	const groups: SharedRoom['groups'] = [];
	let otherGroups = 0;
	for (const [actorGroup, count] of byGroup) {
		if (count >= m) groups.push({ actorGroup, count });
		else otherGroups += count;
	}
	groups.sort((a, b) => b.count - a.count || (a.actorGroup < b.actorGroup ? -1 : 1));
	return { total: participantTags.length, untagged, groups, otherGroups };
}
