/**
 * Puts one subnet's TAO side of the coinbase into its pool (tokenomics.md §2.5, conformance.md §8
 * rule 4). Chain: pallets/subtensor/src/coinbase/run_coinbase.rs `inject_and_maybe_swap` and
 * pallets/swap/src/pallet/impls.rs `adjust_protocol_liquidity` at 14bc6f9. With the terms floored
 * to integer rao:
 *
 *   1. re-weight the pool for (tao_in, alpha_in) at the current reserves, so the spot price is
 *      unchanged once both are added; if the new weights leave [0.01, 0.99] the injection is
 *      refused and both become 0 (that TAO is recycled with the rest of the credit);
 *   2. SubnetExcessTao and SubnetTaoInEmission restart at 0;
 *   3. excess > 0 (and the credit covers it): take it from the credit and buy alpha with it, no fee,
 *      no price limit — on the old reserves with the new weights, after resetting a never-
 *      initialised pool to 0.5/0.5. The bought alpha leaves the pool as protocol-owned alpha_out;
 *   4. mint alpha_in into the pool;
 *   5. take tao_in from the credit (if it covers it) into the pool and TotalStake.
 *
 * A chain buy the pool refuses (an output that rounds to 0, reserves below the minimum) leaves the
 * TAO on the subnet account: issued, but outside the pool and TotalStake (`strandedTaoRao`).
 */
import { saturatingAddU64 } from '../amm/expScaled.ts';
import { CHAIN_POOL_MATH, type PoolMath } from '../amm/poolMath.ts';
import { applySwapStep, PRICE_LIMIT_MAX_RAO, type SwapConfig } from '../amm/swapStep.ts';
import type { CoinbaseTally } from './coinbaseTally.ts';
import type { SubnetEconomy } from './subnetEconomy.ts';

/**
 * Injects (taoInRao, alphaInRao) into `s`'s pool and chain-buys with `excessRao` (integer amounts
 * floored from the subnet's terms), spending the block credit held in `tally`. Mutates `s` (its
 * `pool` object is updated in place) and `tally`. `math` is the mode's pool arithmetic (float mode
 * passes FLOAT_POOL_MATH).
 */
export function injectAndMaybeSwap(
  s: SubnetEconomy,
  taoInRao: bigint,
  alphaInRao: bigint,
  excessRao: bigint,
  minimumReserveRao: bigint,
  tally: CoinbaseTally,
  math: PoolMath = CHAIN_POOL_MATH,
): void {
  const pool = s.pool;
  const injection = math.inject(pool, taoInRao, alphaInRao);
  if (injection.accepted) {
    pool.quoteWeightParts = injection.quoteWeightParts;
  } else {
    taoInRao = 0n;
    alphaInRao = 0n;
  }
  s.excessTaoRao = 0n;
  s.taoInEmissionRao = 0n;

  if (excessRao > 0n && tally.creditRao >= excessRao) {
    tally.creditRao -= excessRao;
    const config: SwapConfig = { feeRateU16: 0, minimumReserveRao };
    const buy = math.step(pool, { side: 'buy', amountRao: excessRao, limitPriceRao: PRICE_LIMIT_MAX_RAO, dropFees: true }, config);
    if (buy.ok) {
      const moved = applySwapStep(pool, 'buy', buy);
      pool.taoReserveRao = moved.taoReserveRao;
      pool.alphaReserveRao = moved.alphaReserveRao;
      pool.quoteWeightParts = moved.quoteWeightParts;
      pool.initialized = moved.initialized;
      const bought = buy.amountPaidOutRao;
      const spent = buy.amountPaidInRao;
      s.alphaOutRao += bought;
      s.protocolAlphaRao += bought;
      s.excessTaoRao = spent;
      s.protocolFlowBlockRao += spent;
      tally.chainBuyTaoRao += spent;
      tally.chainBoughtAlphaRao += bought;
      if (spent < excessRao) {
        s.strandedTaoRao += excessRao - spent;
        tally.strandedTaoRao += excessRao - spent;
      }
    } else {
      s.strandedTaoRao += excessRao;
      tally.strandedTaoRao += excessRao;
    }
  }

  pool.alphaReserveRao = saturatingAddU64(pool.alphaReserveRao, alphaInRao);
  s.alphaInEmissionRao = alphaInRao;
  tally.injectedAlphaRao += alphaInRao;

  if (tally.creditRao >= taoInRao) {
    tally.creditRao -= taoInRao;
    pool.taoReserveRao = saturatingAddU64(pool.taoReserveRao, taoInRao);
    s.taoInEmissionRao = taoInRao;
    s.protocolFlowBlockRao += taoInRao;
    tally.injectedTaoRao += taoInRao;
  }
}
