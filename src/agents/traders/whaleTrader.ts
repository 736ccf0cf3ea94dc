/**
 * `trader.whale`: one large position at a time. At day `enter_day` it stakes `amount_tao` (or, when
 * that is null, `balance_fraction` of its free balance at that moment; either capped at the
 * balance) on the target subnet — `netuid`, or its home subnet when null — delegating to that
 * subnet's top-stake permit holder (stakeTarget.ts). It holds `hold_days`, then sells the whole
 * position, dividends earned meanwhile included, in one full exit. It does this `repeat` times,
 * `pause_days` apart (from one exit to the next entry).
 *
 * What it shows: the price impact of a large buy and sell in the pool (the exit pays back less
 * than the entry cost unless the price rose), the dividends a large delegation captures, and, under
 * `chain.emission_rule: price`, how a temporary price push moves the subnet's emission share.
 * A refused buy (too small, subnet gone) leaves nothing to sell; the cycle goes on.
 *
 * It draws no randomness.
 */
import type { Rng } from '../../primitives/rng.ts';
import type { Agent, AgentDecision, AgentFactory, AgentSpec } from '../agent.ts';
import type { AgentView } from '../agentView.ts';
import { integerParam, nullableIntegerParam, numberParam } from '../agentParams.ts';
import { delegationHotkey } from './stakeTarget.ts';
import { nullableRaoParam } from './traderParams.ts';
import { buyAmountRao, daysToBlocks, fractionOfRao } from './tradeSizing.ts';

export const WHALE_TRADER_KIND = 'trader.whale';

export interface WhaleTraderParams {
  readonly enterDay: number;
  readonly amountRao: bigint | null;
  readonly balanceFraction: number;
  readonly netuid: number | null;
  readonly holdDays: number;
  readonly repeat: number;
  readonly pauseDays: number;
}

export function readWhaleTraderParams(spec: AgentSpec): WhaleTraderParams {
  return {
    enterDay: numberParam(spec, 'enter_day', 0),
    amountRao: nullableRaoParam(spec, 'amount_tao'),
    balanceFraction: numberParam(spec, 'balance_fraction', 0, 1),
    netuid: nullableIntegerParam(spec, 'netuid', 0),
    holdDays: numberParam(spec, 'hold_days', 0),
    repeat: integerParam(spec, 'repeat', 1),
    pauseDays: numberParam(spec, 'pause_days', 0),
  };
}

export class WhaleTrader implements Agent {
  readonly spec: AgentSpec;
  /** It wakes at block 1 to turn `enter_day` into a block (blocks per day come with the view). */
  readonly firstBlock = 1;
  readonly params: WhaleTraderParams;
  /** Cycles whose entry block has been acted on. */
  #cyclesEntered = 0;
  /** The position of the current cycle (null between cycles or after a refused buy). */
  #position: { readonly netuid: number; readonly hotkey: string } | null = null;
  /** Block of the pending exit (null = none pending). */
  #exitBlock: number | null = null;

  constructor(spec: AgentSpec, _rng: Rng) {
    this.spec = spec;
    this.params = readWhaleTraderParams(spec);
  }

  act(view: AgentView): AgentDecision {
    const p = this.params;
    const enterBlock = daysToBlocks(p.enterDay, view.blocksPerDay, 1);
    const holdBlocks = daysToBlocks(p.holdDays, view.blocksPerDay, 1);
    const pauseBlocks = daysToBlocks(p.pauseDays, view.blocksPerDay);
    // Cycle k enters at enterBlock + k · (hold + pause) and exits hold blocks later.
    const entryOf = (k: number): number => enterBlock + k * (holdBlocks + pauseBlocks);

    if (this.#exitBlock !== null) {
      if (view.block < this.#exitBlock) return { actions: [], nextBlock: this.#exitBlock };
      const position = this.#position;
      this.#position = null;
      this.#exitBlock = null;
      const nextEntry = this.#cyclesEntered < p.repeat ? Math.max(view.block + 1, entryOf(this.#cyclesEntered)) : null;
      const alphaRao = position === null ? 0n : view.self.stakeRao(position.netuid, position.hotkey);
      if (position === null || alphaRao === 0n) return { actions: [], nextBlock: nextEntry };
      return { actions: [{ type: 'remove_stake', netuid: position.netuid, hotkey: position.hotkey, alphaRao }], nextBlock: nextEntry };
    }
    if (this.#cyclesEntered >= p.repeat) return { actions: [], nextBlock: null };
    const entry = entryOf(this.#cyclesEntered);
    if (view.block < entry) return { actions: [], nextBlock: entry };

    this.#cyclesEntered++;
    this.#exitBlock = view.block + holdBlocks;
    const netuid = p.netuid ?? this.spec.netuid;
    const subnet = view.subnet(netuid);
    const wantedRao = p.amountRao ?? fractionOfRao(view.self.balanceRao, p.balanceFraction);
    const amountRao = subnet === undefined ? 0n : buyAmountRao(view, wantedRao);
    if (subnet === undefined || amountRao === 0n) return { actions: [], nextBlock: this.#exitBlock };
    const hotkey = delegationHotkey(subnet);
    this.#position = { netuid, hotkey };
    return { actions: [{ type: 'add_stake', netuid, hotkey, amountRao }], nextBlock: this.#exitBlock };
  }
}

export const createWhaleTrader: AgentFactory = (spec, rng) => new WhaleTrader(spec, rng);
