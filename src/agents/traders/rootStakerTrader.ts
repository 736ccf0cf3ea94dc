/**
 * `trader.root_staker`: a TAO holder who stakes on root (netuid 0) and holds. At its first act it
 * stakes `stake_fraction` of its free balance on root, delegated to the hotkey with the largest root
 * stake (the view's `root.validators`); with no root stake anywhere, to its home subnet's top-stake
 * permit holder (stakeTarget.ts), whose validating on that subnet is what earns root dividends.
 * With `add_every_days` set it stakes `stake_fraction` of whatever free balance it has again at
 * that interval, on the same hotkey (nothing when that is under twice the min stake).
 *
 * What it earns: root stake weighs `tao_weight` in its hotkey's validator stake on every subnet the
 * hotkey validates, and the root part of that hotkey's dividends accrues to root stakers as
 * root-claimable alpha (staking/rootClaimable.ts). The per-block auto-claim
 * (chain/autoClaimRoot.ts: 5 pseudo-random root-staking coldkeys a block) pays it out under the
 * coldkey's `RootClaimType`, default Swap: the alpha is sold in the subnet's pool (no fee) and the
 * TAO is added to its root stake. So its root stake compounds while its free balance does not grow
 * from dividends; `add_every_days` only drips in TAO it kept liquid or received otherwise. Root
 * dividends exist only while the subnets' EMA prices sum to more than 1 TAO per alpha
 * (`root_sell_flag`, coinbase/subnetEmissionShares.ts); below that the root share is recycled and
 * a root staker earns nothing.
 * Root staking is 1:1 with no fee. It draws no randomness.
 */
import { ROOT_NETUID } from '../../consensus/staking/stakingSubnet.ts';
import type { Rng } from '../../primitives/rng.ts';
import type { Agent, AgentDecision, AgentFactory, AgentSpec } from '../agent.ts';
import type { AgentView } from '../agentView.ts';
import { numberParam } from '../agentParams.ts';
import { delegationHotkey } from './stakeTarget.ts';
import { nullableNumberParam } from './traderParams.ts';
import { buyAmountRao, daysToBlocks, fractionOfRao } from './tradeSizing.ts';

export const ROOT_STAKER_TRADER_KIND = 'trader.root_staker';

export interface RootStakerTraderParams {
  readonly stakeFraction: number;
  readonly addEveryDays: number | null;
}

export function readRootStakerTraderParams(spec: AgentSpec): RootStakerTraderParams {
  return {
    stakeFraction: numberParam(spec, 'stake_fraction', 0, 1),
    addEveryDays: nullableNumberParam(spec, 'add_every_days', 0),
  };
}

export class RootStakerTrader implements Agent {
  readonly spec: AgentSpec;
  readonly firstBlock = 1;
  readonly params: RootStakerTraderParams;
  /** The hotkey it delegates to on root, chosen at its first act (null before, or when it found none). */
  #hotkey: string | null = null;

  constructor(spec: AgentSpec, _rng: Rng) {
    this.spec = spec;
    this.params = readRootStakerTraderParams(spec);
  }

  get hotkey(): string | null {
    return this.#hotkey;
  }

  act(view: AgentView): AgentDecision {
    const every = this.params.addEveryDays;
    const nextBlock = every === null ? null : view.block + daysToBlocks(every, view.blocksPerDay, 1);
    if (this.#hotkey === null) {
      const home = view.subnet(this.spec.netuid);
      this.#hotkey = view.root.validators[0]?.hotkey ?? (home === undefined ? null : delegationHotkey(home));
      if (this.#hotkey === null) return { actions: [], nextBlock: null };
    }
    const amountRao = buyAmountRao(view, fractionOfRao(view.self.balanceRao, this.params.stakeFraction));
    if (amountRao === 0n) return { actions: [], nextBlock };
    return { actions: [{ type: 'add_stake', netuid: ROOT_NETUID, hotkey: this.#hotkey, amountRao }], nextBlock };
  }
}

export const createRootStakerTrader: AgentFactory = (spec, rng) => new RootStakerTrader(spec, rng);
