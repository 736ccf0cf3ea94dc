/**
 * Protocol liquidity injection: the coinbase adds (Δy TAO, Δx alpha) in any proportion and the
 * pool is re-weighted so that its spot price does not move (shared/spec/tokenomics.md §5.6, §2.5;
 * conformance.md §7 `inject`). Chain: pallets/swap/src/pallet/balancer.rs
 * `update_weights_for_added_liquidity` and impls.rs `adjust_protocol_liquidity` at 14bc6f9.
 *
 *   q1 = round(w_b · y · (x + Δx)),  q2 = round(w_q · x · (y + Δy))   (half up)
 *   w_q' = q2 / (q1 + q2)                                             (Perquintill, 0.5 if 0/0)
 *
 * The products are u128 on the chain (saturating), the Perquintill multiplications round half up,
 * and weights outside [0.01, 0.99] refuse the whole injection.
 */
import { saturatingAddU64 } from './expScaled.ts';
import { perquintillFromRational, weightsWithinBounds } from './initializePool.ts';
import { baseWeightParts, DEFAULT_QUOTE_WEIGHT_PARTS, PERQUINTILL_ONE, type PoolState } from './poolState.ts';

const U128_MAX = (1n << 128n) - 1n;

export interface InjectionResult {
  /** False if the new weights would leave [0.01, 0.99]: nothing is injected. */
  accepted: boolean;
  /** The quote weight after the injection (the old one when refused). */
  quoteWeightParts: bigint;
}

/** Perquintill × u128 rounded half up. */
function mulPerquintillRound(parts: bigint, value: bigint): bigint {
  return (parts * value + PERQUINTILL_ONE / 2n) / PERQUINTILL_ONE;
}

function saturatingMulU128(a: bigint, b: bigint): bigint {
  const p = a * b;
  return p > U128_MAX ? U128_MAX : p;
}

/** The weights an injection of (taoRao, alphaRao) leads to, from the reserves before it. Pure. */
export function injectLiquidity(pool: PoolState, taoRao: bigint, alphaRao: bigint): InjectionResult {
  // The stable mechanism has no weights to keep its price of 1.
  if (pool.mechanism === 0) return { accepted: true, quoteWeightParts: pool.quoteWeightParts };
  const x = pool.alphaReserveRao;
  const y = pool.taoReserveRao;
  const q1 = mulPerquintillRound(baseWeightParts(pool), saturatingMulU128(y, x + alphaRao));
  const q2 = mulPerquintillRound(pool.quoteWeightParts, saturatingMulU128(x, y + taoRao));
  const sum = q1 + q2 > U128_MAX ? U128_MAX : q1 + q2;
  const w = sum === 0n ? DEFAULT_QUOTE_WEIGHT_PARTS : perquintillFromRational(q2, sum);
  if (!weightsWithinBounds(w)) return { accepted: false, quoteWeightParts: pool.quoteWeightParts };
  return { accepted: true, quoteWeightParts: w };
}

/** The pool after an injection: re-weighted and reserves += deltas, or unchanged if refused. */
export function applyInjection(pool: PoolState, taoRao: bigint, alphaRao: bigint): { accepted: boolean; pool: PoolState } {
  const r = injectLiquidity(pool, taoRao, alphaRao);
  if (!r.accepted) return { accepted: false, pool };
  return {
    accepted: true,
    pool: {
      ...pool,
      quoteWeightParts: r.quoteWeightParts,
      taoReserveRao: saturatingAddU64(pool.taoReserveRao, taoRao),
      alphaReserveRao: saturatingAddU64(pool.alphaReserveRao, alphaRao),
    },
  };
}
