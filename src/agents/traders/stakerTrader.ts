/**
 * `trader.staker`: buys and holds, following yield. At its first act it stakes `stake_fraction` of
 * its free balance on the subnet with the best validator yield (subnetYield.ts: the last epoch's
 * dividends over the permit holders' stake, per block), delegating to that subnet's top-stake
 * permit holder (stakeTarget.ts); the rest of the balance stays liquid for good. Every
 * `rebalance_every_days` it re-scores the candidate subnets — its home subnet only (`subnets:
 * home`) or every subnet (`all`) — and moves when another subnet's score beats its current one by
 * more than `switch_threshold` × |current score|: it sells the whole position (a full exit, which
 * the chain never refuses for size) and, at its next block, stakes what it got back (its balance
 * minus the liquid part) on the new subnet's top validator.
 *
 * The score of a subnet it does not hold is diluted by its own stake (it divides the dividends by
 * the permit holders' stake plus the alpha its position would buy at spot), so a large staker does
 * not chase a yield its own arrival would erase. With `yield_unit: tao` the score adds the relative
 * price change per block since its previous evaluation (alpha gained is worth more on a rising
 * subnet); the first evaluation has no history and scores alpha yield only. Before any epoch ran
 * every yield is 0, and ties go to the home subnet, then the lowest netuid.
 *
 * It draws no randomness: its decisions depend only on its views.
 */
import type { Rng } from '../../primitives/rng.ts';
import type { Action } from '../action.ts';
import type { Agent, AgentDecision, AgentFactory, AgentSpec } from '../agent.ts';
import type { AgentView, SubnetView } from '../agentView.ts';
import { numberParam } from '../agentParams.ts';
import { delegationHotkey } from './stakeTarget.ts';
import { validatorYieldPerBlock } from './subnetYield.ts';
import { enumParam } from './traderParams.ts';
import { alphaValueRao, buyAmountRao, daysToBlocks, fractionOfRao } from './tradeSizing.ts';

export const STAKER_TRADER_KIND = 'trader.staker';

export type StakerSubnets = 'home' | 'all';
export type YieldUnit = 'alpha' | 'tao';

export interface StakerTraderParams {
  readonly stakeFraction: number;
  readonly rebalanceEveryDays: number;
  readonly switchThreshold: number;
  readonly subnets: StakerSubnets;
  readonly yieldUnit: YieldUnit;
}

export function readStakerTraderParams(spec: AgentSpec): StakerTraderParams {
  return {
    stakeFraction: numberParam(spec, 'stake_fraction', 0, 1),
    rebalanceEveryDays: numberParam(spec, 'rebalance_every_days', 0),
    switchThreshold: numberParam(spec, 'switch_threshold', 0),
    subnets: enumParam(spec, 'subnets', ['home', 'all'] as const),
    yieldUnit: enumParam(spec, 'yield_unit', ['alpha', 'tao'] as const),
  };
}

/** Where its stake sits. */
export interface StakePosition {
  readonly netuid: number;
  readonly hotkey: string;
}

interface Score {
  readonly netuid: number;
  readonly perBlock: number;
}

export class StakerTrader implements Agent {
  readonly spec: AgentSpec;
  readonly firstBlock = 1;
  readonly params: StakerTraderParams;
  #position: StakePosition | null = null;
  /** A sale was sent for `from`; the proceeds go to `toNetuid` at the next act. */
  #switching: { readonly from: StakePosition; readonly toNetuid: number } | null = null;
  /** The free TAO it keeps liquid, fixed at its first buy (null before). */
  #liquidRao: bigint | null = null;
  /** Spot price per subnet at its previous evaluation, for `yield_unit: tao`. */
  readonly #lastPrice = new Map<number, { readonly priceRao: bigint; readonly block: number }>();

  constructor(spec: AgentSpec, _rng: Rng) {
    this.spec = spec;
    this.params = readStakerTraderParams(spec);
  }

  /** The position it believes it holds (null before its first buy and while switching). */
  get position(): StakePosition | null {
    return this.#position;
  }

  act(view: AgentView): AgentDecision {
    const rebalanceBlocks = daysToBlocks(this.params.rebalanceEveryDays, view.blocksPerDay, 1);
    if (this.#switching !== null) return { actions: this.#completeSwitch(view), nextBlock: view.block + rebalanceBlocks };
    // A position that vanished (its subnet dissolved, or the buy was refused) is no position.
    if (this.#position !== null && (view.subnet(this.#position.netuid) === undefined || view.self.stakeRao(this.#position.netuid, this.#position.hotkey) === 0n)) {
      this.#position = null;
    }
    const scores = this.#score(view);
    if (scores.length === 0) return { actions: [], nextBlock: view.block + rebalanceBlocks };
    if (this.#position === null) {
      this.#liquidRao ??= view.self.balanceRao - fractionOfRao(view.self.balanceRao, this.params.stakeFraction);
      return { actions: this.#buy(view, best(scores).netuid), nextBlock: view.block + rebalanceBlocks };
    }
    const current = scores.find((s) => s.netuid === this.#position!.netuid);
    const others = scores.filter((s) => s.netuid !== this.#position!.netuid);
    if (current === undefined || others.length === 0) return { actions: [], nextBlock: view.block + rebalanceBlocks };
    const challenger = best(others);
    if (challenger.perBlock <= current.perBlock + this.params.switchThreshold * Math.abs(current.perBlock)) {
      return { actions: [], nextBlock: view.block + rebalanceBlocks };
    }
    const from = this.#position;
    const alphaRao = view.self.stakeRao(from.netuid, from.hotkey);
    this.#switching = { from, toNetuid: challenger.netuid };
    this.#position = null;
    // The sale's TAO is known only once it is applied: buy at the next block, from the balance.
    return { actions: [{ type: 'remove_stake', netuid: from.netuid, hotkey: from.hotkey, alphaRao }], nextBlock: view.block + 1 };
  }

  /** Scores of the candidate subnets, home first, then ascending netuid; records the prices seen. */
  #score(view: AgentView): Score[] {
    const home = this.spec.netuid;
    const netuids = this.params.subnets === 'home' ? [home] : [home, ...view.netuids.filter((n) => n !== home)];
    // The TAO its stake is (or will be) worth, to dilute the yield of subnets it would join.
    const toStakeRao = view.self.balanceRao - (this.#liquidRao ?? view.self.balanceRao - fractionOfRao(view.self.balanceRao, this.params.stakeFraction));
    const investedRao =
      this.#position === null
        ? toStakeRao > 0n
          ? toStakeRao
          : 0n
        : alphaValueRao(view.self.stakeRao(this.#position.netuid, this.#position.hotkey), view.subnet(this.#position.netuid)!.priceRao);
    const out: Score[] = [];
    for (const netuid of netuids) {
      const subnet = view.subnet(netuid);
      if (subnet === undefined) continue;
      const joiningAlphaRao = netuid === this.#position?.netuid || subnet.priceRao === 0n ? 0n : (investedRao * 1_000_000_000n) / subnet.priceRao;
      out.push({ netuid, perBlock: validatorYieldPerBlock(subnet, joiningAlphaRao) + this.#priceDriftPerBlock(subnet, view.block) });
    }
    for (const netuid of netuids) {
      const subnet = view.subnet(netuid);
      if (subnet !== undefined) this.#lastPrice.set(netuid, { priceRao: subnet.priceRao, block: view.block });
    }
    return out;
  }

  /** `yield_unit: tao`: relative price change per block since the previous evaluation (else 0). */
  #priceDriftPerBlock(subnet: SubnetView, block: number): number {
    if (this.params.yieldUnit !== 'tao') return 0;
    const last = this.#lastPrice.get(subnet.netuid);
    if (last === undefined || last.priceRao === 0n || block <= last.block) return 0;
    return (Number(subnet.priceRao) / Number(last.priceRao) - 1) / (block - last.block);
  }

  /** Stakes its balance above the liquid part on `netuid`'s top validator (nothing if too little). */
  #buy(view: AgentView, netuid: number): Action[] {
    const subnet = view.subnet(netuid);
    if (subnet === undefined) return [];
    const amountRao = buyAmountRao(view, view.self.balanceRao - (this.#liquidRao ?? 0n));
    if (amountRao === 0n) return [];
    const hotkey = delegationHotkey(subnet);
    this.#position = { netuid, hotkey };
    return [{ type: 'add_stake', netuid, hotkey, amountRao }];
  }

  #completeSwitch(view: AgentView): Action[] {
    const { from, toNetuid } = this.#switching!;
    this.#switching = null;
    // The sale was refused: it still holds the old position and stays.
    if (view.subnet(from.netuid) !== undefined && view.self.stakeRao(from.netuid, from.hotkey) > 0n) {
      this.#position = from;
      return [];
    }
    return this.#buy(view, toNetuid);
  }
}

/** The highest score; ties keep the earlier entry (home first, then ascending netuid). */
function best(scores: readonly Score[]): Score {
  let top = scores[0]!;
  for (const s of scores) if (s.perBlock > top.perBlock) top = s;
  return top;
}

export const createStakerTrader: AgentFactory = (spec, rng) => new StakerTrader(spec, rng);
