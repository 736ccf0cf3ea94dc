/**
 * Ratios researchers compare groups by, computed from a run's group outcomes (groupOutcomes.ts).
 */
import type { GroupOutcome } from './groupOutcomes.ts';

/** The outcome of group `name` on `netuid`; throws listing the groups present when it is missing. */
export function groupOutcome(groups: readonly GroupOutcome[], name: string, netuid = 1): GroupOutcome {
  const g = groups.find((x) => x.group === name && x.netuid === netuid);
  if (g === undefined) throw new Error(`no group ${netuid}/${name} in ${groups.map((x) => `${x.netuid}/${x.group}`).join(', ')}`);
  return g;
}

/**
 * A group's share of its subnet's dividends divided by its mean stake share: 1 = paid exactly in
 * proportion to stake, below 1 = penalised (lost validator trust, clipped bonds), 0 without stake.
 */
export function dividendPerStake(groups: readonly GroupOutcome[], name: string, netuid = 1): number {
  const total = groups.filter((g) => g.netuid === netuid).reduce((a, g) => a + g.dividendsAlphaRao, 0n);
  const g = groupOutcome(groups, name, netuid);
  if (total === 0n || g.stakeShare === 0) return 0;
  return Number(g.dividendsAlphaRao) / Number(total) / g.stakeShare;
}
