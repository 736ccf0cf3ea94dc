/**
 * The input that moves a pool's price from `current` to `target`: the partial fill of a limit
 * order (shared/spec/tokenomics.md §5.4, conformance.md §7 `limit_delta_in`). Chain:
 * pallets/swap/src/pallet/balancer.rs `calculate_quote_delta_in` / `calculate_base_delta_in` at
 * 14bc6f9.
 *
 *   buy  (TAO in):   Δy = y·((target/current)^w_base − 1)
 *   sell (alpha in): Δx = x·((current/target)^w_quote − 1)
 *
 * The power is an integer scaled by 10^18 and clamped to u64::MAX (≈ 18.4467·10^18) before it is
 * turned into U64F64, so one limited step never multiplies the price ratio term by more than
 * 18.4467…; `test_max_amount_remove_dynamic` pins the resulting 17,472 plateau. A target on the
 * wrong side of the current price gives a power below 1 and hence 0.
 */
import { U64_MAX } from '../../primitives/units.ts';
import { POW_SCALE } from './expScaled.ts';
import { baseWeightParts, type PoolState } from './poolState.ts';
import { powRatioScaled } from './powRatioScaled.ts';
import { divU64F64, mulU64F64, U64F64_ONE } from './spotPrice.ts';

export type SwapSide = 'buy' | 'sell';

/** Prices are U64F64 raws; `reserve` is the input-side reserve (TAO for a buy, alpha for a sell). */
export function limitDeltaIn(
  pool: Pick<PoolState, 'quoteWeightParts'>,
  side: SwapSide,
  currentPriceU64F64: bigint,
  targetPriceU64F64: bigint,
  reserveRao: bigint,
): bigint {
  const scaled =
    side === 'buy'
      ? powRatioScaled(targetPriceU64F64, currentPriceU64F64, baseWeightParts(pool), POW_SCALE, POW_SCALE)
      : powRatioScaled(currentPriceU64F64, targetPriceU64F64, pool.quoteWeightParts, POW_SCALE, POW_SCALE);
  const clamped = scaled > U64_MAX ? U64_MAX : scaled;
  const ratioTerm = divU64F64(clamped << 64n, POW_SCALE << 64n);
  if (ratioTerm <= U64F64_ONE) return 0n;
  const delta = mulU64F64(reserveRao << 64n, ratioTerm - U64F64_ONE) >> 64n;
  return delta > U64_MAX ? U64_MAX : delta;
}
