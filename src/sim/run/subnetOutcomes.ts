/**
 * What each subnet got out of a run: the TAO the coinbase put into it (injected `tao_in` plus the
 * chain's buy of the excess, per block — the quantity price-based emission shares divide), its
 * share of all subnets' TAO emission, and its alpha price at the start, at its highest and at the
 * end. Pump-for-share and emission-farming studies read these: an attack on the emission share
 * shows up as a larger `taoEmissionShare` than in the control run.
 *
 * Fed by runScenario after every block's coinbase. A subnet counts in a block only when it was
 * eligible for emission (the coinbase leaves the last values of an ineligible subnet in place).
 */
import { spotPriceTao } from '../../consensus/amm/spotPrice.ts';
import type { ChainState } from '../../consensus/chain/chainState.ts';
import { isEligibleForEmission } from '../../consensus/coinbase/subnetsToEmitTo.ts';

export interface SubnetOutcome {
  readonly netuid: number;
  /** Σ over blocks of TAO injected into the pool + TAO the chain spent buying alpha, rao. */
  readonly taoEmissionRao: bigint;
  /** taoEmissionRao / Σ over subnets (0 when nothing was emitted). */
  readonly taoEmissionShare: number;
  /** Spot price, TAO per alpha, when first seen (genesis or registration), highest seen after a block, and at the end. */
  readonly initialPriceTao: number;
  readonly maxPriceTao: number;
  readonly finalPriceTao: number;
  /** The price EMA emission shares use (`SubnetMovingPrice`), at the end. */
  readonly finalMovingPriceTao: number;
}

const TWO32 = 2 ** 32;

interface Acc {
  taoEmissionRao: bigint;
  initialPriceTao: number;
  maxPriceTao: number;
}

export class SubnetOutcomes {
  readonly #acc = new Map<number, Acc>();

  constructor(state: ChainState) {
    this.afterBlock(state, false);
  }

  /** After a block's coinbase (and anything else that block did): adds its emission, tracks prices. */
  afterBlock(state: ChainState, emitted = true): void {
    for (const s of state.subnets) {
      const e = s.economy;
      const price = spotPriceTao(e.pool);
      let a = this.#acc.get(s.netuid);
      if (a === undefined) {
        a = { taoEmissionRao: 0n, initialPriceTao: price, maxPriceTao: price };
        this.#acc.set(s.netuid, a);
      }
      if (price > a.maxPriceTao) a.maxPriceTao = price;
      if (emitted && isEligibleForEmission(e)) a.taoEmissionRao += e.taoInEmissionRao + e.excessTaoRao;
    }
  }

  /** Subnets that existed at any time, by netuid; a dissolved subnet keeps its totals with final price 0. */
  finish(state: ChainState): SubnetOutcome[] {
    let total = 0n;
    for (const a of this.#acc.values()) total += a.taoEmissionRao;
    return [...this.#acc.keys()]
      .sort((x, y) => x - y)
      .map((netuid) => {
        const a = this.#acc.get(netuid)!;
        const s = state.subnets.find((x) => x.netuid === netuid);
        return {
          netuid,
          taoEmissionRao: a.taoEmissionRao,
          taoEmissionShare: total > 0n ? Number(a.taoEmissionRao) / Number(total) : 0,
          initialPriceTao: a.initialPriceTao,
          maxPriceTao: a.maxPriceTao,
          finalPriceTao: s === undefined ? 0 : spotPriceTao(s.economy.pool),
          finalMovingPriceTao: s === undefined ? 0 : Number(s.economy.movingPriceI96F32) / TWO32,
        };
      });
  }
}
