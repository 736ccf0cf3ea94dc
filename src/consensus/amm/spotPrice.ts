/**
 * Spot price of a pool in TAO per alpha, as a U64F64 raw (tokenomics.md §5.2, conformance.md §7 `price`).
 * Chain: pallets/swap/src/pallet/balancer.rs `calculate_price` at 14bc6f9 — the weight ratio w1/w2 is
 * divided first, then y/x, then the two are multiplied, each step flooring in U64F64.
 */
import { baseWeightParts, type PoolState } from './poolState.ts';

export const U64F64_ONE = 1n << 64n;
const U128_MAX = (1n << 128n) - 1n;

/** U64F64 `a ÷ b` on raws: floor(a·2^64/b), 0 when b = 0, saturating at the type's maximum. */
export function divU64F64(aRaw: bigint, bRaw: bigint): bigint {
  if (bRaw === 0n) return 0n;
  const q = (aRaw << 64n) / bRaw;
  return q > U128_MAX ? U128_MAX : q;
}

/** U64F64 `a ⊗ b` on raws: floor(a·b/2^64), saturating. */
export function mulU64F64(aRaw: bigint, bRaw: bigint): bigint {
  const p = (aRaw * bRaw) >> 64n;
  return p > U128_MAX ? U128_MAX : p;
}

/** P = (w1/w2)·(y/x) as U64F64 raw; 0 if x = 0; exactly 1.0 for the stable mechanism. */
export function spotPriceU64F64(pool: Pick<PoolState, 'taoReserveRao' | 'alphaReserveRao' | 'quoteWeightParts' | 'mechanism'>): bigint {
  if (pool.mechanism === 0) return U64F64_ONE;
  if (pool.alphaReserveRao === 0n) return 0n;
  const weightRatio = divU64F64(baseWeightParts(pool) << 64n, pool.quoteWeightParts << 64n);
  const reserveRatio = divU64F64(pool.taoReserveRao << 64n, pool.alphaReserveRao << 64n);
  return mulU64F64(weightRatio, reserveRatio);
}

/** The spot price as a float64, TAO per alpha (for metrics and charts, never for accounting). */
export function spotPriceTao(pool: Pick<PoolState, 'taoReserveRao' | 'alphaReserveRao' | 'quoteWeightParts' | 'mechanism'>): number {
  return Number(spotPriceU64F64(pool)) / 2 ** 64;
}
