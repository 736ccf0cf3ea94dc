/**
 * A minority cabal at several stake shares, with and without the bonds penalty
 * (scenarios/attacks/cabal.yaml): the cabal's dividend per unit of stake and its stake retention —
 * its share of the validators' stake (cabal ÷ cabal + honest validators) at the last epoch over
 * the first. Measured among validators because miners' stake grows from their incentive, which
 * shrinks every validator group's share of the whole subnet alike.
 */
import type { MetricsRow } from '../../sim/run/records.ts';
import { runScenario } from '../../sim/run/runScenario.ts';
import { dividendPerStake, groupOutcome } from '../../sim/run/groupRatios.ts';
import { scenarioWith, type Overrides } from '../../sim/scenario/scenarioWith.ts';

export interface CabalPoint {
  /** Alpha staked on each of the cabal's validators at genesis. */
  readonly cabalStakePerValidatorAlpha: number;
  readonly bondsPenalty: number;
  /** The cabal's mean share of the subnet's stake weight over the run. */
  readonly cabalStakeShare: number;
  readonly cabalDividendPerStake: number;
  /** Share of the validators' stake at the last epoch / at the first. */
  readonly stakeRetention: number;
  /** Incentive its own miners received, alpha. */
  readonly cabalMinersIncentiveAlpha: number;
  /** The cabal's share of the validators' stake at every recorded epoch, for charts. */
  readonly stakeShareSeries: readonly { readonly day: number; readonly stakeShare: number }[];
}

/** Per recorded epoch: cabal stake share ÷ (cabal + honest validators' stake share). */
export function cabalShareOfValidators(rows: readonly MetricsRow[]): { day: number; stakeShare: number }[] {
  const honest = new Map(rows.filter((r) => r.group === 'honest_validators').map((r) => [r.block, r.stakeShare]));
  return rows
    .filter((r) => r.group === 'cabal_validators' && honest.has(r.block))
    .map((r) => ({ day: r.day, stakeShare: r.stakeShare / (r.stakeShare + honest.get(r.block)!) }));
}

export function cabalStudy(file: string, stakesAlpha: readonly number[] = [12000, 36000, 68000], penalties: readonly number[] = [0, 1], base: Overrides = {}): CabalPoint[] {
  const out: CabalPoint[] = [];
  for (const stake of stakesAlpha) {
    for (const penalty of penalties) {
      const rows: MetricsRow[] = [];
      const scenario = scenarioWith(file, { ...base, 'subnets.0.population.1.stake.amount': stake, 'subnets.0.hyperparameters.bonds_penalty': penalty });
      const summary = runScenario(scenario, { recorder: { metrics: (r) => rows.push(r), neuron: () => undefined, event: () => undefined } });
      const series = cabalShareOfValidators(rows);
      out.push({
        cabalStakePerValidatorAlpha: stake,
        bondsPenalty: penalty,
        cabalStakeShare: groupOutcome(summary.groups, 'cabal_validators').stakeShare,
        cabalDividendPerStake: dividendPerStake(summary.groups, 'cabal_validators'),
        stakeRetention: series.length === 0 ? 1 : series.at(-1)!.stakeShare / series[0]!.stakeShare,
        cabalMinersIncentiveAlpha: Number(groupOutcome(summary.groups, 'cabal_miners').incentiveAlphaRao) / 1e9,
        stakeShareSeries: series,
      });
    }
  }
  return out;
}
