/**
 * `injectLiquidity` in numeric mode `float`: the same price-preserving re-weighting
 * (tokenomics.md §5.6; chain: pallets/swap/src/pallet/balancer.rs
 * `update_weights_for_added_liquidity` at 14bc6f9) on float64, w_q' = q2/(q1 + q2) with
 * q1 = w_b·y·(x + Δx) and q2 = w_q·x·(y + Δy), rounded to Perquintill parts. It skips the chain's
 * u128 saturation and half-up roundings, which move the weight by at most a few parts in 10^18.
 */
import { weightsWithinBounds } from './initializePool.ts';
import type { InjectionResult } from './injectLiquidity.ts';
import { DEFAULT_QUOTE_WEIGHT_PARTS, PERQUINTILL_ONE, type PoolState } from './poolState.ts';

const PARTS = Number(PERQUINTILL_ONE);

export function injectLiquidityFloat(pool: PoolState, taoRao: bigint, alphaRao: bigint): InjectionResult {
  if (pool.mechanism === 0) return { accepted: true, quoteWeightParts: pool.quoteWeightParts };
  const x = Number(pool.alphaReserveRao);
  const y = Number(pool.taoReserveRao);
  const wq = Number(pool.quoteWeightParts) / PARTS;
  const q1 = (1 - wq) * y * (x + Number(alphaRao));
  const q2 = wq * x * (y + Number(taoRao));
  const sum = q1 + q2;
  const w = sum === 0 ? DEFAULT_QUOTE_WEIGHT_PARTS : BigInt(Math.round((q2 / sum) * PARTS));
  if (!weightsWithinBounds(w)) return { accepted: false, quoteWeightParts: pool.quoteWeightParts };
  return { accepted: true, quoteWeightParts: w };
}
