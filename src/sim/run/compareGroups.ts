/**
 * The A/B comparison of issue 5: the group outcomes of an attack run next to those of its control
 * run (same seed, the scenario's `control:` overrides applied), matched by (netuid, group name).
 * A control therefore keeps the group names and changes kinds or parameters, so that "what the
 * attackers got" and "what the same seats got when behaving honestly" land on one row.
 *
 * A group present in only one run has null on the other side; the deltas then count the missing
 * side as zero (the group was not there, so it earned and held nothing).
 */
import type { GroupOutcome } from './groupOutcomes.ts';

/** One metric on both sides; `delta` = attack − control, an absent side counting as zero. */
export interface AbPair<T extends bigint | number> {
  readonly attack: T | null;
  readonly control: T | null;
  readonly delta: T;
}

export interface AbRow {
  readonly netuid: number;
  readonly group: string;
  /** null when the group is absent from that run. */
  readonly kindAttack: string | null;
  readonly kindControl: string | null;
  readonly emissionTaoRao: AbPair<bigint>;
  readonly emissionShare: AbPair<number>;
  readonly stakeShare: AbPair<number>;
  readonly returnOnStake: AbPair<number>;
  readonly profitTaoRao: AbPair<bigint>;
  readonly finalWealthTaoRao: AbPair<bigint>;
  /** profit in the attack run − profit in the control run, rao (the attack's pay-off for this group). */
  readonly attackerProfitVsControlTaoRao: bigint;
}

function keyOf(g: GroupOutcome): string {
  return `${g.netuid}/${g.group}`;
}

function bigintPair(a: GroupOutcome | undefined, c: GroupOutcome | undefined, f: (g: GroupOutcome) => bigint): AbPair<bigint> {
  const attack = a === undefined ? null : f(a);
  const control = c === undefined ? null : f(c);
  return { attack, control, delta: (attack ?? 0n) - (control ?? 0n) };
}

function numberPair(a: GroupOutcome | undefined, c: GroupOutcome | undefined, f: (g: GroupOutcome) => number): AbPair<number> {
  const attack = a === undefined ? null : f(a);
  const control = c === undefined ? null : f(c);
  return { attack, control, delta: (attack ?? 0) - (control ?? 0) };
}

/** One row per (netuid, group) present in either run, sorted by netuid, then group name. */
export function compareGroups(attack: readonly GroupOutcome[], control: readonly GroupOutcome[]): AbRow[] {
  const a = new Map(attack.map((g) => [keyOf(g), g]));
  const c = new Map(control.map((g) => [keyOf(g), g]));
  if (a.size !== attack.length || c.size !== control.length) throw new Error('compareGroups: a (netuid, group) appears twice in one run');
  const keys = new Map<string, { netuid: number; group: string }>();
  for (const g of [...attack, ...control]) keys.set(keyOf(g), { netuid: g.netuid, group: g.group });
  const order = [...keys.values()].sort((x, y) => x.netuid - y.netuid || (x.group < y.group ? -1 : x.group > y.group ? 1 : 0));
  return order.map(({ netuid, group }) => {
    const ga = a.get(`${netuid}/${group}`);
    const gc = c.get(`${netuid}/${group}`);
    const profit = bigintPair(ga, gc, (g) => g.profitTaoRao);
    return {
      netuid,
      group,
      kindAttack: ga?.kind ?? null,
      kindControl: gc?.kind ?? null,
      emissionTaoRao: bigintPair(ga, gc, (g) => g.emissionTaoRao),
      emissionShare: numberPair(ga, gc, (g) => g.emissionShare),
      stakeShare: numberPair(ga, gc, (g) => g.stakeShare),
      returnOnStake: numberPair(ga, gc, (g) => g.returnOnStake),
      profitTaoRao: profit,
      finalWealthTaoRao: bigintPair(ga, gc, (g) => g.finalWealthTaoRao),
      attackerProfitVsControlTaoRao: profit.delta,
    };
  });
}
