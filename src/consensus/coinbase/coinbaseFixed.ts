/**
 * The U96F32 operations of the coinbase on raw `bigint`s (value = raw / 2^32), written out once so
 * the per-block path does not go through the generic table in primitives/fixed.ts (which builds
 * shift amounts and range checks on every call). Semantics are substrate-fixed's, as the chain
 * uses them in pallets/subtensor/src/coinbase/run_coinbase.rs at 14bc6f9: multiply floors,
 * `safe_div` truncates and gives 0 for a zero divisor, `saturating_*` clamps to [0, 2^128 − 1].
 * Values in the coinbase stay far below 2^96, so the clamps never bind in practice; they are kept
 * so an absurd input saturates as on chain instead of growing without bound.
 */
export const U96F32_ONE = 1n << 32n;
export const U96F32_HALF = 1n << 31n;
const U128_MAX = (1n << 128n) - 1n;

export function mulU96F32(a: bigint, b: bigint): bigint {
  const p = (a * b) >> 32n;
  return p > U128_MAX ? U128_MAX : p;
}

/** `safe_div`: floor(a·2^32 / b), 0 when b = 0. */
export function safeDivU96F32(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  const q = (a << 32n) / b;
  return q > U128_MAX ? U128_MAX : q;
}

export function saturatingSubU(a: bigint, b: bigint): bigint {
  return a > b ? a - b : 0n;
}

/** `U96F32::from_num(TaoWeight) / U96F32::from_num(u64::MAX)` (chain: `get_tao_weight`). */
export function taoWeightU96F32(taoWeightRaw: bigint): bigint {
  return (taoWeightRaw << 32n) / 0xffff_ffff_ffff_ffffn;
}

/** `U96F32::from_num(cut) / U96F32::from_num(u16::MAX)` (chain: `get_float_subnet_owner_cut`). */
export function ownerCutU96F32(cutU16: number): bigint {
  return (BigInt(cutU16) << 32n) / 65535n;
}

/** Signed raw of a wider-fraction type narrowed to an unsigned one: negative values saturate at 0. */
export function nonNegative(raw: bigint): bigint {
  return raw < 0n ? 0n : raw;
}
