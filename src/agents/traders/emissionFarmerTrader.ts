/**
 * `trader.emission_farmer`: buy → harvest → sell around epochs. A subnet pays dividends only at its
 * epoch, into each validator hotkey's share pool, so a nominator who holds shares at that block
 * gets its pro-rata part however briefly it held them (staking/distributeEmission.ts). The farmer
 * reads the target subnet's `lastEpochBlock` and tempo, stakes `amount_tao` (or `balance_fraction`
 * of its free balance, capped at the balance) on the top-stake permit holder (stakeTarget.ts)
 * `blocks_before_epoch` blocks before the next epoch is due, holds through `hold_epochs` epochs,
 * and sells the whole position (dividends included) in the block of the last of them. It buys again
 * before the epoch `cycle_epochs` after the one its previous buy targeted.
 *
 * Whether it profits is the research question: it earns (1 − take) · D · a / (S + a) of a
 * validator's dividend D (a its alpha, S the hotkey's stake) per held epoch, and pays the pool fee
 * and price impact twice. It counts epochs by watching `lastEpochBlock` change, waking at each
 * block an epoch is due, so an epoch deferred by the scheduler is not miscounted. It draws no
 * randomness.
 */
import type { Rng } from '../../primitives/rng.ts';
import type { Agent, AgentDecision, AgentFactory, AgentSpec } from '../agent.ts';
import type { AgentView } from '../agentView.ts';
import { integerParam, nullableIntegerParam, numberParam } from '../agentParams.ts';
import { delegationHotkey } from './stakeTarget.ts';
import { nullableRaoParam } from './traderParams.ts';
import { buyAmountRao, fractionOfRao } from './tradeSizing.ts';

export const EMISSION_FARMER_TRADER_KIND = 'trader.emission_farmer';

export interface EmissionFarmerTraderParams {
  readonly amountRao: bigint | null;
  readonly balanceFraction: number;
  readonly netuid: number | null;
  readonly blocksBeforeEpoch: number;
  readonly holdEpochs: number;
  readonly cycleEpochs: number;
}

export function readEmissionFarmerTraderParams(spec: AgentSpec): EmissionFarmerTraderParams {
  const holdEpochs = integerParam(spec, 'hold_epochs', 1);
  return {
    amountRao: nullableRaoParam(spec, 'amount_tao'),
    balanceFraction: numberParam(spec, 'balance_fraction', 0, 1),
    netuid: nullableIntegerParam(spec, 'netuid', 0),
    blocksBeforeEpoch: integerParam(spec, 'blocks_before_epoch', 1),
    holdEpochs,
    cycleEpochs: integerParam(spec, 'cycle_epochs', holdEpochs),
  };
}

export class EmissionFarmerTrader implements Agent {
  readonly spec: AgentSpec;
  readonly firstBlock = 1;
  readonly params: EmissionFarmerTraderParams;
  /** `lastEpochBlock` at its previous act (null before the first). */
  #lastSeenEpochBlock: number | null = null;
  /** The hotkey of the position it holds (null when out). */
  #holding: string | null = null;
  /** Epochs that ran while holding. */
  #heldEpochs = 0;
  /** Epochs that must still pass before the next coming one is a buy target. */
  #epochsToSkip = 0;
  /** Buys sent (for inspection). */
  #cycles = 0;

  constructor(spec: AgentSpec, _rng: Rng) {
    this.spec = spec;
    this.params = readEmissionFarmerTraderParams(spec);
  }

  get cycles(): number {
    return this.#cycles;
  }

  act(view: AgentView): AgentDecision {
    const p = this.params;
    const netuid = p.netuid ?? this.spec.netuid;
    const subnet = view.subnet(netuid);
    // A dissolved subnet refunds its stakes; there is nothing left to farm.
    if (subnet === undefined) return { actions: [], nextBlock: null };
    const tempo = Math.max(1, subnet.tempoBlocks);
    const lastEpoch = subnet.lastEpochBlock;
    const passed = this.#lastSeenEpochBlock === null || lastEpoch === this.#lastSeenEpochBlock ? 0 : Math.max(1, Math.round((lastEpoch - this.#lastSeenEpochBlock) / tempo));
    this.#lastSeenEpochBlock = lastEpoch;
    const nextEpoch = lastEpoch + tempo;
    const after = (b: number): number => Math.max(view.block + 1, b);

    if (this.#holding !== null) {
      this.#heldEpochs += passed;
      if (this.#heldEpochs < p.holdEpochs) return { actions: [], nextBlock: after(nextEpoch) };
      const hotkey = this.#holding;
      this.#holding = null;
      this.#epochsToSkip = p.cycleEpochs - p.holdEpochs;
      const nextBlock = this.#epochsToSkip === 0 ? after(nextEpoch - p.blocksBeforeEpoch) : after(nextEpoch);
      const alphaRao = view.self.stakeRao(netuid, hotkey);
      if (alphaRao === 0n) return { actions: [], nextBlock };
      return { actions: [{ type: 'remove_stake', netuid, hotkey, alphaRao }], nextBlock };
    }

    this.#epochsToSkip = Math.max(0, this.#epochsToSkip - passed);
    if (this.#epochsToSkip > 0) return { actions: [], nextBlock: after(nextEpoch) };
    const buyBlock = nextEpoch - p.blocksBeforeEpoch;
    if (view.block < buyBlock) return { actions: [], nextBlock: buyBlock };
    // From here to the due epoch (or later, if the scheduler deferred it) a stake still catches it.
    const amountRao = buyAmountRao(view, p.amountRao ?? fractionOfRao(view.self.balanceRao, p.balanceFraction));
    const hotkey = delegationHotkey(subnet);
    this.#holding = hotkey;
    this.#heldEpochs = 0;
    if (amountRao === 0n) return { actions: [], nextBlock: after(nextEpoch) };
    this.#cycles++;
    return { actions: [{ type: 'add_stake', netuid, hotkey, amountRao }], nextBlock: after(nextEpoch) };
  }
}

export const createEmissionFarmerTrader: AgentFactory = (spec, rng) => new EmissionFarmerTrader(spec, rng);
