/**
 * The study's `normal(size)` (spec §4.2): Box–Muller, cosine branch only, from u16 uniforms in
 * [0, 65535). One call consumes 2·size uniforms: first all U1, then all U2 — the order matters
 * because every later draw of the sample depends on it (§4.3).
 *
 * Not draw-exact (spec §4.1 allows this): the uniforms come from our seeded generator, not the
 * chain test's ChaCha12 `StdRng`, and the transform runs in float64 instead of the fixed-point
 * library's log2/sqrt/CORDIC routines. The structure is kept: u = U/65535 + ε with ε = 10⁻⁶, so
 * u < 1 (the argument of the square root stays positive) and |z| ≤ ~5.26.
 */
import type { Rng } from '../../../primitives/rng.ts';

const EPSILON = 1e-6;

/** One uniform u16 in 0…65534 (the chain's `Uniform::new(0, u16::MAX)` is half-open). */
function uniformU16(rng: Rng): number {
  return rng.nextInt(0, 65535);
}

export function drawNormals(rng: Rng, size: number): Float64Array {
  const u1 = new Float64Array(size);
  for (let i = 0; i < size; i++) u1[i] = uniformU16(rng);
  const z = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const a = u1[i]! / 65535 + EPSILON;
    const b = uniformU16(rng) / 65535 + EPSILON;
    z[i] = Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * b);
  }
  return z;
}
