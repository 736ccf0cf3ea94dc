/**
 * The `ml_quality` event of a Proof-of-Intelligence subnet's epoch: every ML miner's quality on a
 * held-out probe (src/sim/world/mlQualityProbe.ts) next to the incentive the epoch just gave it,
 * and their Spearman rank correlation — "does Yuma pay for measured model quality?", per epoch —
 * and what the subnet's ML validators do with late (relayed) answers: `dropped`, `scored` or
 * `mixed`, so a report can say which rule decided whether copiers were caught.
 * Qualities are already quantised to 1e-6 and incentives are integers, so the event's bytes are
 * the same on every machine that computes the same predictions.
 */
import { subnetOf } from '../../consensus/chain/chainState.ts';
import { mlQualityProbe } from '../world/mlQualityProbe.ts';
import type { World } from '../world/world.ts';
import type { RunEvent } from './records.ts';
import { spearmanCorrelation } from './spearmanCorrelation.ts';
import { MlValidator } from '../../agents/ml/mlValidator.ts';

export type LateAnswerRule = 'dropped' | 'scored' | 'mixed' | 'none';

/** What the active `validator.ml` agents of `netuid` do with late answers (`none` without any). */
export function lateAnswerRule(world: World, netuid: number): LateAnswerRule {
  const rules = new Set<boolean>();
  for (const e of world.agents) if (e.active && e.agent instanceof MlValidator && e.agent.spec.netuid === netuid) rules.add(e.agent.params.acceptLate);
  return rules.size === 0 ? 'none' : rules.size === 2 ? 'mixed' : rules.has(true) ? 'scored' : 'dropped';
}

export function mlQualityEvent(world: World, netuid: number, block: number): RunEvent | null {
  const rows = mlQualityProbe(world, netuid);
  const subnet = subnetOf(world.state, netuid);
  if (rows.length === 0 || subnet === undefined) return null;
  const incentive = rows.map((r) => subnet.lastIncentiveRao[r.uid] ?? 0n);
  const rho = spearmanCorrelation(rows.map((r) => r.quality), incentive.map(Number));
  return {
    block,
    kind: 'ml_quality',
    what: `subnet ${netuid}`,
    detail: {
      netuid,
      spearman: Number.isNaN(rho) ? null : Math.round(rho * 1e9) / 1e9,
      late_answers: lateAnswerRule(world, netuid),
      miners: rows.map((r, i) => ({ uid: r.uid, group: r.group, quality: r.quality, ...(r.accuracy === undefined ? {} : { accuracy: r.accuracy }), incentive_rao: incentive[i]! })),
    },
  };
}
