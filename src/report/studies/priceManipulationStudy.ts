/**
 * Pump-for-share at several pump sizes (scenarios/attacks/pump-for-share.yaml): the target
 * subnet's realised share of TAO emission, its peak and final price, the pumper's profit and what
 * the subnet's validators end up with, each against the control run without a pump.
 */
import { runAB } from '../../sim/run/runAB.ts';
import { groupOutcome } from '../../sim/run/groupRatios.ts';
import { scenarioWith, type Overrides } from '../../sim/scenario/scenarioWith.ts';

export interface PricePumpPoint {
  readonly pumpTao: number;
  readonly targetShareAttack: number;
  readonly targetShareControl: number;
  readonly maxPriceAttack: number;
  readonly maxPriceControl: number;
  readonly finalPriceAttack: number;
  readonly finalPriceControl: number;
  /** Extra TAO emission the target received in the attack run over the control run. */
  readonly extraEmissionTao: number;
  /** The target's spot price at the start (both runs). */
  readonly initialPrice: number;
  /** TAO. */
  readonly pumperProfitTao: number;
  /** The target's validators' final wealth, attack − control, TAO. */
  readonly validatorsWealthDeltaTao: number;
}

export function priceManipulationStudy(file: string, pumpsTao: readonly number[] = [25000, 50000, 100000, 200000], base: Overrides = {}): PricePumpPoint[] {
  return pumpsTao.map((pump) => {
    const r = runAB(scenarioWith(file, { ...base, 'subnets.0.population.2.params.amount_tao': pump }));
    const a = r.attack.subnets.find((s) => s.netuid === 1)!;
    const c = r.control.subnets.find((s) => s.netuid === 1)!;
    return {
      pumpTao: pump,
      targetShareAttack: a.taoEmissionShare,
      targetShareControl: c.taoEmissionShare,
      maxPriceAttack: a.maxPriceTao,
      maxPriceControl: c.maxPriceTao,
      finalPriceAttack: a.finalPriceTao,
      finalPriceControl: c.finalPriceTao,
      extraEmissionTao: Number(a.taoEmissionRao - c.taoEmissionRao) / 1e9,
      initialPrice: a.initialPriceTao,
      pumperProfitTao: Number(groupOutcome(r.attack.groups, 'pumper').profitTaoRao) / 1e9,
      validatorsWealthDeltaTao: Number(groupOutcome(r.attack.groups, 'validators').finalWealthTaoRao - groupOutcome(r.control.groups, 'validators').finalWealthTaoRao) / 1e9,
    };
  });
}
