/**
 * Draws one value from a number distribution of an agent's parameters (a miner's true quality, …)
 * with the agent's own RNG substream. The scenario loader validates the shape
 * (src/sim/scenario/numberDistribution.ts); agents may not import src/sim (layering), so the shape
 * is restated here as a structural type and re-checked when an agent is built.
 *
 * Not chain code: nothing here is ported, so float64 arithmetic is fine. Draw counts are fixed per
 * shape except for the rejection loop of the beta sampler; all of it depends only on the stream.
 */
import { assert } from '../primitives/assert.ts';
import type { Rng } from '../primitives/rng.ts';

export type NumberDistributionShape =
  | { readonly distribution: 'fixed'; readonly value: number }
  | { readonly distribution: 'uniform'; readonly min: number; readonly max: number }
  | { readonly distribution: 'normal'; readonly mean: number; readonly sd: number }
  | { readonly distribution: 'beta'; readonly a: number; readonly b: number };

function finiteField(raw: Record<string, unknown>, key: string, context: string): number {
  const value = raw[key];
  assert(typeof value === 'number' && Number.isFinite(value), () => `${context}.${key} must be a finite number, got ${String(value)}`);
  return value;
}

/**
 * Checks an unknown value (an agent's validated params) against the shape and returns it typed.
 * A failure is a bug in the loader or a hand-built spec, so it asserts (never a user error).
 */
export function asNumberDistribution(raw: unknown, context: string): NumberDistributionShape {
  assert(typeof raw === 'object' && raw !== null, () => `${context} must be a number distribution object`);
  const r = raw as Record<string, unknown>;
  switch (r['distribution']) {
    case 'fixed':
      return { distribution: 'fixed', value: finiteField(r, 'value', context) };
    case 'uniform': {
      const min = finiteField(r, 'min', context);
      const max = finiteField(r, 'max', context);
      assert(min <= max, () => `${context}: uniform min ${min} exceeds max ${max}`);
      return { distribution: 'uniform', min, max };
    }
    case 'normal': {
      const sd = finiteField(r, 'sd', context);
      assert(sd >= 0, () => `${context}: normal sd must be >= 0, got ${sd}`);
      return { distribution: 'normal', mean: finiteField(r, 'mean', context), sd };
    }
    case 'beta': {
      const a = finiteField(r, 'a', context);
      const b = finiteField(r, 'b', context);
      assert(a > 0 && b > 0, () => `${context}: beta shapes must be > 0, got a=${a} b=${b}`);
      return { distribution: 'beta', a, b };
    }
    default:
      assert(false, () => `${context}: unknown distribution ${String(r['distribution'])}`);
  }
}

/** One draw. `fixed` draws nothing; `uniform` one float; `normal` one normal deviate. */
export function sampleNumberDistribution(d: NumberDistributionShape, rng: Rng): number {
  switch (d.distribution) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return d.min + (d.max - d.min) * rng.nextFloat();
    case 'normal':
      return rng.nextNormal(d.mean, d.sd);
    case 'beta':
      return sampleBeta(d.a, d.b, rng);
  }
}

/** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
function sampleBeta(a: number, b: number, rng: Rng): number {
  const x = sampleGamma(a, rng);
  const y = sampleGamma(b, rng);
  // Both gammas underflow to 0 only for tiny shapes, where the beta mass sits at the two ends:
  // pick an end with the right probability (P(X > Y) → a / (a + b) as the shapes go to 0).
  if (x + y === 0) return rng.nextBool(a / (a + b)) ? 1 : 0;
  return x / (x + y);
}

/**
 * Gamma(shape, 1) by Marsaglia & Tsang (2000), "A simple method for generating gamma variables";
 * shapes below 1 use the boost Gamma(k) = Gamma(k + 1) · U^(1/k).
 */
function sampleGamma(shape: number, rng: Rng): number {
  if (shape < 1) {
    const boosted = sampleGamma(shape + 1, rng);
    // 1 - U lies in (0, 1], so the power is finite.
    return boosted * Math.pow(1 - rng.nextFloat(), 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = rng.nextNormal();
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = 1 - rng.nextFloat();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}
