/**
 * A float64 port of the chain's `vec_u16_max_upscale_to_u16` (what `set_weights` stores), exact
 * to the integer: the same two code paths, I32F32 truncation and round-half-away-from-zero as
 * `vecU16MaxUpscaleToU16` in src/consensus/epoch/u16Math.ts, without bigint.
 *
 * Why a second copy: the reference allocates bigints and costs ~0.2 ms per 448-entry row; a float
 * retention map stores 64 × 51 rows per stake level, which alone would take most of the study's
 * time budget. The chain-mode map keeps using the reference itself (through `weightRow`); a test
 * checks this port against it on every row of sampled maps and on random vectors.
 *
 * Exactness: values are integers ≤ 65535 (I32F32 raw v·2^32).
 * - max > 32768: ratio raw = trunc(65535·2^32 / max) < 2^33; the product raw v·ratio < 2^49.
 * - otherwise: raw = trunc(v·65535·2^32 / max), formed as q·2^32 + trunc(r·2^32 / max) with
 *   v·65535 = q·max + r, so no intermediate exceeds 2^53.
 * A float quotient of integers below 2^53 floors correctly here: a non-integer quotient is at
 * least 1/max ≥ 2^-16 from the next integer, far more than its rounding error.
 */
const TWO_32 = 4294967296;
const TWO_31 = 2147483648;

/** Writes the upscaled `values` into `out` (same length); an all-zero vector stays zero. */
export function maxUpscaleU16(values: ArrayLike<number>, out: Uint16Array): void {
  const n = values.length;
  let max = 0;
  for (let i = 0; i < n; i++) if (values[i]! > max) max = values[i]!;
  if (max === 0) {
    for (let i = 0; i < n; i++) out[i] = values[i]!;
    return;
  }
  if (max > 32768) {
    const ratio = Math.floor((65535 * TWO_32) / max);
    for (let i = 0; i < n; i++) {
      const v = Math.floor((values[i]! * ratio + TWO_31) / TWO_32);
      out[i] = v > 65535 ? 65535 : v;
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const p = values[i]! * 65535;
    const q = Math.floor(p / max);
    const fraction = Math.floor(((p - q * max) * TWO_32) / max);
    const v = fraction >= TWO_31 ? q + 1 : q;
    out[i] = v > 65535 ? 65535 : v;
  }
}
