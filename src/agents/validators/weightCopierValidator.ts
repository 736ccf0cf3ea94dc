/**
 * `validator.weight_copier`: evaluates nobody; every interval (`weights_every_blocks`, or the
 * subnet tempo when null) it copies the weights it can see. It reads the stored weight row of every
 * other UID holding a validator permit (`SubnetView.weightsOf`, which shows a row only after its
 * reveal — so under commit-reveal the copy lags by the reveal period, the point of the behaviour),
 * normalises each row to sum 1, and averages the rows weighted by the stake of each row's hotkey
 * (`stakeOfUid`). It copies this stake-weighted average rather than the epoch's consensus vector
 * because the view does not expose consensus, and the average of the permitted validators' rows is
 * what the consensus is computed from.
 *
 * Its own UID is dropped from the copy (the epoch drops self-weights except the subnet owner's,
 * src/consensus/epoch/steps/weights.ts `weightsMaskSelfStep`), and so is each row's weight on its
 * own validator; the average is turned into u16 weights with `scoresToWeights` (best =
 * 65535, padded to `MinAllowedWeights`, its own UID last). Rows of validators with zero stake and
 * empty rows contribute nothing; when nothing is visible it sets nothing. Timing, permit and rate
 * limit handling are `WeightsSchedule`'s; like `validator.honest` it commits while commit-reveal is
 * on. Float64 arithmetic: this is a behaviour, not ported chain code.
 */
import type { Rng } from '../../primitives/rng.ts';
import type { Agent, AgentDecision, AgentFactory, AgentSpec } from '../agent.ts';
import type { AgentView, SubnetView } from '../agentView.ts';
import { nullableIntegerParam } from '../agentParams.ts';
import { scoresToWeights, type WeightVector } from './honestValidator.ts';
import { WeightsSchedule } from './weightsSchedule.ts';

export const WEIGHT_COPIER_VALIDATOR_KIND = 'validator.weight_copier';

/**
 * Stake-weighted average of the visible, row-normalised weight rows of the permitted validators
 * other than `selfUid`, as a UID → share map (UIDs ascending; shares sum to 1 unless empty).
 */
export function stakeWeightedVisibleWeights(subnet: SubnetView, selfUid: number): Map<number, number> {
  const acc = new Map<number, number>();
  let totalStake = 0;
  for (let v = 0; v < subnet.n; v++) {
    if (v === selfUid || subnet.validatorPermit[v] !== true) continue;
    const stake = Number(subnet.stakeOfUid(v));
    if (!(stake > 0)) continue;
    const row = subnet.weightsOf(v).filter(([u, w]) => u !== selfUid && u !== v && u < subnet.n && w > 0);
    let rowSum = 0;
    for (const [, w] of row) rowSum += w;
    if (rowSum === 0) continue;
    totalStake += stake;
    for (const [u, w] of row) acc.set(u, (acc.get(u) ?? 0) + (stake * w) / rowSum);
  }
  const out = new Map<number, number>();
  for (const u of [...acc.keys()].sort((a, b) => a - b)) out.set(u, acc.get(u)! / totalStake);
  return out;
}

export class WeightCopierValidator implements Agent {
  readonly spec: AgentSpec;
  readonly firstBlock = 1;
  readonly #schedule: WeightsSchedule;

  constructor(spec: AgentSpec, rng: Rng) {
    this.spec = spec;
    this.#schedule = new WeightsSchedule(rng, nullableIntegerParam(spec, 'weights_every_blocks', 1));
  }

  act(view: AgentView): AgentDecision {
    const subnet = view.subnet(this.spec.netuid);
    if (subnet === undefined) return { actions: [], nextBlock: null };
    const gate = this.#schedule.gate(view, subnet);
    if (!gate.ready) return gate.decision;
    const padOrder = [...Array(subnet.n).keys()].filter((u) => u !== gate.uid);
    padOrder.push(gate.uid);
    const w: WeightVector = scoresToWeights(stakeWeightedVisibleWeights(subnet, gate.uid), Math.min(subnet.n, subnet.minAllowedWeights), padOrder);
    return this.#schedule.decide(view, subnet, gate.intervalBlocks, w);
  }
}

export const createWeightCopierValidator: AgentFactory = (spec, rng) => new WeightCopierValidator(spec, rng);
