/**
 * Setting a pool's weights outside swaps and injections (shared/spec/tokenomics.md §5.1, §5.6,
 * §11.9; conformance.md §7 `initialize`). Chain: pallets/swap/src/pallet/impls.rs
 * `maybe_initialize_palswap` and the v3 → balancer migration's weight initialisation, and
 * pallets/swap/src/pallet/balancer.rs weight bounds, at 14bc6f9.
 */
import { DEFAULT_QUOTE_WEIGHT_PARTS, PERQUINTILL_ONE, type PoolState } from './poolState.ts';

/** Each weight must be at least 1 % (Perquintill parts); `Balancer::new` refuses anything else. */
export const MIN_WEIGHT_PARTS = PERQUINTILL_ONE / 100n;

export function weightsWithinBounds(quoteWeightParts: bigint): boolean {
  return quoteWeightParts >= MIN_WEIGHT_PARTS && PERQUINTILL_ONE - quoteWeightParts >= MIN_WEIGHT_PARTS;
}

/**
 * `Perquintill::from_rational(n, d)` for 0 ≤ n ≤ d, d > 0: nearest parts, ties rounded down
 * (substrate's `Rounding::NearestPrefDown`).
 */
export function perquintillFromRational(n: bigint, d: bigint): bigint {
  const num = n * PERQUINTILL_ONE;
  const q = num / d;
  const twiceRem = 2n * (num % d);
  return twiceRem > d ? q + 1n : q;
}

/**
 * The first user swap (or chain buy) on a pool that was never initialised resets it to 0.5/0.5
 * and marks it initialised, discarding the injections' re-weighting (§11.9). Returns the pool
 * itself when there is nothing to reset; never mutates.
 */
export function resetUninitializedPool(pool: PoolState): PoolState {
  if (pool.initialized || pool.mechanism === 0) return pool;
  return { ...pool, quoteWeightParts: DEFAULT_QUOTE_WEIGHT_PARTS, initialized: true };
}

/**
 * Weights that give the pool the spot price `price` (U64F64 raw) at its current reserves:
 * w_q = y / (price·x + y), with price·x = int(price)·x + floor(x·frac(price)) as the chain
 * multiplies a U64F64 by an integer. Returns null where the chain refuses the weights (outside
 * [0.01, 0.99], or an empty pool whose denominator is 0); the caller then keeps the old weights.
 */
export function initializeWeightsForPrice(pool: Pick<PoolState, 'taoReserveRao' | 'alphaReserveRao'>, priceU64F64: bigint): bigint | null {
  const x = pool.alphaReserveRao;
  const y = pool.taoReserveRao;
  const priceTimesX = (priceU64F64 >> 64n) * x + ((x * (priceU64F64 & ((1n << 64n) - 1n))) >> 64n);
  const denominator = priceTimesX + y;
  if (denominator === 0n) return null;
  const w = perquintillFromRational(y, denominator);
  return weightsWithinBounds(w) ? w : null;
}
