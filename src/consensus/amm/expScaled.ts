/**
 * The balancer power term e = (r/(r+Δ))^(w_in/w_out) as a U64F64 raw, the fraction of the output
 * reserve a swap leaves in the pool (shared/spec/tokenomics.md §5.3, conformance.md §7
 * `exp_scaled`). Chain: pallets/swap/src/pallet/balancer.rs `exp_scaled` at 14bc6f9.
 *
 * The chain computes the power as an integer scaled by 10^18 (so it is floored at 10^-18) and only
 * then converts it to U64F64 by a fixed-point division; both floors are kept so swap outputs match
 * to the rao.
 */
import { U64_MAX } from '../../primitives/units.ts';
import { baseWeightParts, type PoolState } from './poolState.ts';
import { powRatioScaled } from './powRatioScaled.ts';
import { divU64F64, U64F64_ONE } from './spotPrice.ts';

/** The integer scale of the chain's power terms (Perquintill accuracy). */
export const POW_SCALE = 1_000_000_000_000_000_000n;

/** u64 `saturating_add`: reserves and amounts are u64 on the chain. */
export function saturatingAddU64(a: bigint, b: bigint): bigint {
  const s = a + b;
  return s > U64_MAX ? U64_MAX : s;
}

/**
 * `baseQuote` true: (r/(r+Δ))^(w_base/w_quote), the sell side (alpha in, r = alpha reserve);
 * false: (r/(r+Δ))^(w_quote/w_base), the buy side (TAO in, r = TAO reserve).
 * 0 if r + Δ = 0 or the scaled power does not fit a u64; capped at 1.0.
 */
export function expScaled(pool: Pick<PoolState, 'quoteWeightParts'>, reserve: bigint, delta: bigint, baseQuote: boolean): bigint {
  const sum = saturatingAddU64(reserve, delta);
  if (sum === 0n) return 0n;
  const wQuote = pool.quoteWeightParts;
  const wBase = baseWeightParts(pool);
  const scaled = baseQuote ? powRatioScaled(reserve, sum, wBase, wQuote, POW_SCALE) : powRatioScaled(reserve, sum, wQuote, wBase, POW_SCALE);
  if (scaled > U64_MAX) return 0n;
  const e = divU64F64(scaled << 64n, POW_SCALE << 64n);
  return e > U64F64_ONE ? U64F64_ONE : e;
}
