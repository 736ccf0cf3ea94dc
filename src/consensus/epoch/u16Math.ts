/**
 * u16 vector helpers of subtensor `epoch/math.rs` (commit 14bc6f9f) used when weights are set
 * (`subnets/weights.rs`): max-upscaling a submitted weight vector and the max-weight limit check.
 * They run once per `set_weights`, so they use the exact bigint reference types.
 */
import {
  I32F32,
  fromInt,
  fromRatio,
  roundToInt,
  saturatingDiv,
  saturatingMul,
  saturatingToUint,
  safeDiv,
} from '../../primitives/fixed.ts';

const U16_MAX = fromInt(I32F32, 65535);
const HALF_RANGE = fromInt(I32F32, 32768);

/**
 * `vec_u16_max_upscale_to_u16`: scales a weight vector so its largest entry is 65535, rounding
 * half away from zero. Two code paths as on chain: above 32768 the ratio 65535/max is formed
 * first; otherwise v·65535 is divided by max. An all-zero vector is returned unchanged.
 */
export function vecU16MaxUpscaleToU16(values: readonly number[]): number[] {
  if (values.length === 0) return [];
  const fixed = values.map((v) => fromInt(I32F32, v));
  let max = fixed[0]!;
  for (const v of fixed) if (v > max) max = v;
  if (max === 0n) return [...values];
  const scaled =
    max > HALF_RANGE
      ? fixed.map((v) => saturatingMul(I32F32, v, saturatingDiv(I32F32, U16_MAX, max)))
      : fixed.map((v) => saturatingDiv(I32F32, saturatingMul(I32F32, v, U16_MAX), max));
  return scaled.map((v) => Number(saturatingToUint(I32F32, roundToInt(I32F32, v) << 32n, 16)));
}

/**
 * `check_vec_max_limited`: true when the largest normalised entry is at most max_limit/65535
 * (always true for an empty vector).
 */
export function checkVecMaxLimited(values: readonly number[], maxLimitU16: number): boolean {
  if (values.length === 0) return true;
  const limit = fromRatio(I32F32, maxLimitU16, 65535);
  const fixed = values.map((v) => fromInt(I32F32, v));
  const sum = fixed.reduce((a, b) => a + b, 0n);
  const normalized = sum === 0n ? fixed : fixed.map((v) => safeDiv(I32F32, v, sum));
  let max = normalized[0]!;
  for (const v of normalized) if (v > max) max = v;
  return max <= limit;
}
