/**
 * Weight sampling of one validator's server block (spec §6.2): y_j = max(0, 1 + σ_W·z_j),
 * normalised within the block (I32F32), and the u16 the validator submits for a block total w:
 * the integer part of (w ⊗ y_j) ⊗ 65535, i.e. rounded toward zero.
 */
import { noiseFactorRaw, normalizeRawInPlace } from './teamStakes.ts';

/**
 * 2^32, the raw of 1.0 in I32F32. A local constant, not the import from fixedNumber.ts: these
 * functions run millions of times per map, and under a CommonJS-style loader (tsx) every read of
 * an imported binding is a getter call that V8 does not fold into a constant.
 */
const TWO_32 = 4294967296;

/** Writes the block's normalised proportions (I32F32 raws) into out[start, start + z.length). */
export function blockProportionsRaw(z: Float64Array, sigmaRaw: number, out: Float64Array, start: number): void {
  for (let k = 0; k < z.length; k++) out[start + k] = noiseFactorRaw(sigmaRaw, z[k]!);
  normalizeRawInPlace(out, start, start + z.length);
}

/**
 * floor(w·y / 2^32) for I32F32 raws 0 ≤ w, y ≤ 2^32: the I32F32 product (`mulI32F32`), written
 * out for this domain with 16-bit limbs so the 64 × 51 × 448 products of a map stay cheap;
 * every partial sum is below 2^51, so the result is exact.
 */
function mulUnitRaws(w: number, y: number): number {
  if (w === TWO_32) return y;
  if (y === TWO_32) return w;
  const w1 = w >>> 16;
  const w0 = w & 0xffff;
  const y1 = y >>> 16;
  const y0 = y & 0xffff;
  return w1 * y1 + Math.floor(((w1 * y0 + w0 * y1) * 65536 + w0 * y0) / TWO_32);
}

/** The submitted u16 for proportion `yRaw` of a block whose total weight is `wRaw` (both I32F32 raws in [0, 2^32]). */
export function submittedWeightU16(wRaw: number, yRaw: number): number {
  // (w ⊗ y) ⊗ 65535 is exactly p·65535 for the I32F32 product p ≤ 2^32, so its integer part is
  // floor(p·65535 / 2^32), and p·65535 < 2^48 is exact.
  return Math.floor((mulUnitRaws(wRaw, yRaw) * 65535) / TWO_32);
}

/**
 * One validator's submitted row: servers [0, majorServers) carry block total `wMajorRaw`, the
 * rest `wMinorRaw`; `y` holds the proportions from index `from`. (The loop lives here so the
 * per-entry call stays inside this module; see TWO_32.)
 */
export function submittedRowU16(wMajorRaw: number, wMinorRaw: number, majorServers: number, y: Float64Array, from: number, out: Float64Array): void {
  for (let k = 0; k < majorServers; k++) out[k] = submittedWeightU16(wMajorRaw, y[from + k]!);
  for (let k = majorServers; k < out.length; k++) out[k] = submittedWeightU16(wMinorRaw, y[from + k]!);
}

/**
 * Grid weight g/steps as an I32F32 raw: the chain divides integers in I32F32 and truncates
 * (spec §8.4, `(50 − a)/50`), so 1 is exact and 1 − w is formed from this raw.
 */
export function gridWeightRaw(g: number, steps: number): number {
  return Math.floor((g * TWO_32) / steps);
}
