/**
 * Weight copying against the commit-reveal period (scenarios/attacks/weight-copying.yaml): for
 * commit-reveal off and each reveal period, how much dividend per unit of stake the copiers earn
 * against the honest validators of the same run.
 */
import { DISCARD_RECORDER } from '../../sim/run/records.ts';
import { runScenario } from '../../sim/run/runScenario.ts';
import { dividendPerStake, groupOutcome } from '../../sim/run/groupRatios.ts';
import { scenarioWith, type Overrides } from '../../sim/scenario/scenarioWith.ts';

export interface WeightCopyingPoint {
  /** null = commit-reveal off. */
  readonly revealPeriodEpochs: number | null;
  readonly copierDividendPerStake: number;
  readonly honestDividendPerStake: number;
  /** copier / honest: above 1 copying pays better than evaluating. */
  readonly ratio: number;
  /** The copiers' profit over the run, TAO (stake marked to market). */
  readonly copierProfitTao: number;
}

export function weightCopyingStudy(file: string, revealPeriods: readonly number[] = [1, 2, 3, 4], base: Overrides = {}): WeightCopyingPoint[] {
  const settings: (number | null)[] = [null, ...revealPeriods];
  return settings.map((period) => {
    const overrides: Overrides =
      period === null
        ? { ...base, 'subnets.0.hyperparameters.commit_reveal_weights_enabled': false }
        : { ...base, 'subnets.0.hyperparameters.commit_reveal_weights_enabled': true, 'subnets.0.hyperparameters.reveal_period': period };
    const groups = runScenario(scenarioWith(file, overrides), { recorder: DISCARD_RECORDER }).groups;
    const copier = dividendPerStake(groups, 'copiers');
    const honest = dividendPerStake(groups, 'honest_validators');
    return {
      revealPeriodEpochs: period,
      copierDividendPerStake: copier,
      honestDividendPerStake: honest,
      ratio: honest === 0 ? 0 : copier / honest,
      copierProfitTao: Number(groupOutcome(groups, 'copiers').profitTaoRao) / 1e9,
    };
  });
}
