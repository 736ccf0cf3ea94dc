/**
 * `trader.pump_for_share`: pushes its home subnet's price up to win emission share, then cashes
 * out. Under `chain.emission_rule: price` each subnet's share of the block's TAO emission
 * follows the EMA of its pool price, so buying alpha raises the subnet's share for as long as the
 * EMA remembers the higher price. From day `start_day` it buys in `tranches` equal parts spread
 * evenly over `pump_days` (the budget, `amount_tao` or `balance_fraction` of its free balance, is
 * fixed at the first tranche), all delegated to the top-stake permit holder (stakeTarget.ts); it
 * holds `hold_days` after the pump window (`start_day + pump_days`), then sells everything —
 * dividends earned included — in `exit_tranches` parts spread evenly over `exit_days`, each an
 * equal share of what is left.
 *
 * Sizing keeps the chain from refusing: a tranche worth less than twice the min stake is carried
 * into the next one, a sale that would leave less than that behind sells the whole position (a full
 * exit), and a tranche larger than its free balance is cut to the balance. It reads only its own
 * balance and stake, the subnet's price and validators. It draws no randomness.
 */
import type { Rng } from '../../primitives/rng.ts';
import type { Agent, AgentDecision, AgentFactory, AgentSpec } from '../agent.ts';
import type { AgentView } from '../agentView.ts';
import { integerParam, numberParam } from '../agentParams.ts';
import { delegationHotkey } from './stakeTarget.ts';
import { nullableRaoParam } from './traderParams.ts';
import { buyAmountRao, daysToBlocks, fractionOfRao, sellAlphaRao } from './tradeSizing.ts';

export const PUMP_FOR_SHARE_TRADER_KIND = 'trader.pump_for_share';

export interface PumpForShareTraderParams {
  readonly amountRao: bigint | null;
  readonly balanceFraction: number;
  readonly startDay: number;
  readonly tranches: number;
  readonly pumpDays: number;
  readonly holdDays: number;
  readonly exitTranches: number;
  readonly exitDays: number;
}

export function readPumpForShareTraderParams(spec: AgentSpec): PumpForShareTraderParams {
  return {
    amountRao: nullableRaoParam(spec, 'amount_tao'),
    balanceFraction: numberParam(spec, 'balance_fraction', 0, 1),
    startDay: numberParam(spec, 'start_day', 0),
    tranches: integerParam(spec, 'tranches', 1),
    pumpDays: numberParam(spec, 'pump_days', 0),
    holdDays: numberParam(spec, 'hold_days', 0),
    exitTranches: integerParam(spec, 'exit_tranches', 1),
    exitDays: numberParam(spec, 'exit_days', 0),
  };
}

/** Block of step `i` of `count` steps spread evenly over `spanBlocks` from `startBlock`. */
function stepBlock(startBlock: number, spanBlocks: number, i: number, count: number): number {
  return startBlock + Math.floor((i * spanBlocks) / count);
}

export class PumpForShareTrader implements Agent {
  readonly spec: AgentSpec;
  /** It wakes at block 1 to turn days into blocks (blocks per day come with the view). */
  readonly firstBlock = 1;
  readonly params: PumpForShareTraderParams;
  /** Budget and hotkey, fixed at the first tranche (null before). */
  #plan: { readonly budgetRao: bigint; readonly hotkey: string } | null = null;
  #buysDone = 0;
  #sellsDone = 0;
  /** Budget of past tranches not yet sent (too small to trade alone). */
  #carriedRao = 0n;

  constructor(spec: AgentSpec, _rng: Rng) {
    this.spec = spec;
    this.params = readPumpForShareTraderParams(spec);
  }

  /** The hotkey it stakes on (null before its first tranche). */
  get hotkey(): string | null {
    return this.#plan?.hotkey ?? null;
  }

  act(view: AgentView): AgentDecision {
    const p = this.params;
    const netuid = this.spec.netuid;
    const subnet = view.subnet(netuid);
    if (subnet === undefined) return { actions: [], nextBlock: null };
    const startBlock = daysToBlocks(p.startDay, view.blocksPerDay, 1);
    const pumpBlocks = daysToBlocks(p.pumpDays, view.blocksPerDay);
    const exitStart = startBlock + pumpBlocks + daysToBlocks(p.holdDays, view.blocksPerDay);
    const exitBlocks = daysToBlocks(p.exitDays, view.blocksPerDay);
    const buyAt = (i: number): number => stepBlock(startBlock, pumpBlocks, i, p.tranches);
    const sellAt = (j: number): number => stepBlock(exitStart, exitBlocks, j, p.exitTranches);
    const after = (b: number): number => Math.max(view.block + 1, b);

    if (this.#buysDone < p.tranches) {
      if (view.block < buyAt(this.#buysDone)) return { actions: [], nextBlock: buyAt(this.#buysDone) };
      this.#plan ??= { budgetRao: p.amountRao ?? fractionOfRao(view.self.balanceRao, p.balanceFraction), hotkey: delegationHotkey(subnet) };
      const budget = this.#plan.budgetRao;
      const first = this.#buysDone;
      while (this.#buysDone < p.tranches && buyAt(this.#buysDone) <= view.block) this.#buysDone++;
      // Tranches i in [first, buysDone): their exact share of the budget (the parts sum to it).
      this.#carriedRao += (budget * BigInt(this.#buysDone)) / BigInt(p.tranches) - (budget * BigInt(first)) / BigInt(p.tranches);
      const amountRao = buyAmountRao(view, this.#carriedRao);
      const last = this.#buysDone === p.tranches;
      this.#carriedRao = last ? 0n : this.#carriedRao - amountRao;
      const nextBlock = last ? after(sellAt(0)) : buyAt(this.#buysDone);
      if (amountRao === 0n) return { actions: [], nextBlock };
      return { actions: [{ type: 'add_stake', netuid, hotkey: this.#plan.hotkey, amountRao }], nextBlock };
    }

    if (this.#plan === null || this.#sellsDone >= p.exitTranches) return { actions: [], nextBlock: null };
    if (view.block < sellAt(this.#sellsDone)) return { actions: [], nextBlock: sellAt(this.#sellsDone) };
    const heldRao = view.self.stakeRao(netuid, this.#plan.hotkey);
    const first = this.#sellsDone;
    let due = first;
    while (due < p.exitTranches && sellAt(due) <= view.block) due++;
    // Each exit tranche sells an equal part of what is left: (due − first) of the (exitTranches − first) remaining.
    const wantedRao = (heldRao * BigInt(due - first)) / BigInt(p.exitTranches - first);
    const alphaRao = sellAlphaRao(view, heldRao, wantedRao, subnet.priceRao);
    this.#sellsDone = alphaRao === heldRao ? p.exitTranches : due;
    const nextBlock = this.#sellsDone < p.exitTranches ? sellAt(this.#sellsDone) : null;
    if (alphaRao === 0n) return { actions: [], nextBlock };
    return { actions: [{ type: 'remove_stake', netuid, hotkey: this.#plan.hotkey, alphaRao }], nextBlock };
  }
}

export const createPumpForShareTrader: AgentFactory = (spec, rng) => new PumpForShareTrader(spec, rng);
