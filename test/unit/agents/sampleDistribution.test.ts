import { describe, expect, it } from 'vitest';
import { asNumberDistribution, sampleNumberDistribution, type NumberDistributionShape } from '../../../src/agents/sampleDistribution.ts';
import { AssertionError } from '../../../src/primitives/assert.ts';
import { Rng } from '../../../src/primitives/rng.ts';
import { numberDistributionSchema } from '../../../src/sim/scenario/numberDistribution.ts';

function draws(d: NumberDistributionShape, count: number, seed = 'dist'): number[] {
  const rng = Rng.fromSeed(seed);
  return Array.from({ length: count }, () => sampleNumberDistribution(d, rng));
}

function meanOf(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function varianceOf(xs: readonly number[]): number {
  const m = meanOf(xs);
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
}

describe('sampleNumberDistribution', () => {
  it('returns a fixed value without drawing from the stream', () => {
    const rng = Rng.fromSeed('fixed');
    expect(sampleNumberDistribution({ distribution: 'fixed', value: 0.8 }, rng)).toBe(0.8);
    expect(rng.nextUint32()).toBe(Rng.fromSeed('fixed').nextUint32());
  });

  it('draws uniform values inside [min, max] with the uniform mean and variance', () => {
    const xs = draws({ distribution: 'uniform', min: 0.2, max: 0.6 }, 20_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0.2);
    expect(Math.max(...xs)).toBeLessThan(0.6);
    // Mean 0.4, variance 0.4² / 12; the tolerances are about 6 standard errors.
    expect(Math.abs(meanOf(xs) - 0.4)).toBeLessThan(0.005);
    expect(Math.abs(varianceOf(xs) - 0.16 / 12)).toBeLessThan(0.001);
  });

  it('returns min when a uniform distribution has min = max', () => {
    expect(draws({ distribution: 'uniform', min: 0.3, max: 0.3 }, 5)).toEqual([0.3, 0.3, 0.3, 0.3, 0.3]);
  });

  it('draws normal values with the given mean and sd, and the mean itself when sd is 0', () => {
    const xs = draws({ distribution: 'normal', mean: 0.6, sd: 0.15 }, 20_000);
    expect(Math.abs(meanOf(xs) - 0.6)).toBeLessThan(0.007);
    expect(Math.abs(Math.sqrt(varianceOf(xs)) - 0.15)).toBeLessThan(0.005);
    expect(draws({ distribution: 'normal', mean: 0.6, sd: 0 }, 3)).toEqual([0.6, 0.6, 0.6]);
  });

  it.each([
    [2, 5],
    [0.5, 0.5],
    [1, 1],
    [30, 3],
  ])('draws beta(%d, %d) values in [0, 1] with the beta mean and variance', (a, b) => {
    const xs = draws({ distribution: 'beta', a, b }, 20_000, `beta-${a}-${b}`);
    expect(xs.every((x) => x >= 0 && x <= 1)).toBe(true);
    const mean = a / (a + b);
    const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(Math.abs(meanOf(xs) - mean)).toBeLessThan(6 * Math.sqrt(variance / xs.length));
    expect(Math.abs(varianceOf(xs) - variance) / variance).toBeLessThan(0.06);
  });

  it('puts a beta with tiny shapes at its two ends in the ratio a : b', () => {
    const xs = draws({ distribution: 'beta', a: 0.003, b: 0.001 }, 4000, 'tiny');
    const nearOne = xs.filter((x) => x > 0.99).length / xs.length;
    const nearZero = xs.filter((x) => x < 0.01).length / xs.length;
    expect(nearOne + nearZero).toBeGreaterThan(0.98);
    expect(Math.abs(nearOne - 0.75)).toBeLessThan(0.05);
  });

  it('gives the same draws for the same seed and different draws for different seeds', () => {
    const d: NumberDistributionShape = { distribution: 'beta', a: 2, b: 3 };
    expect(draws(d, 50, 's1')).toEqual(draws(d, 50, 's1'));
    expect(draws(d, 50, 's1')).not.toEqual(draws(d, 50, 's2'));
  });
});

describe('asNumberDistribution', () => {
  it('accepts every shape the scenario schema produces, unchanged', () => {
    const raws = [
      { distribution: 'fixed', value: 0.8 },
      { distribution: 'uniform', min: 0.2, max: 1 },
      { distribution: 'normal', mean: 0.6, sd: 0.15 },
      { distribution: 'beta', a: 2, b: 5 },
    ];
    for (const raw of raws) {
      const parsed = numberDistributionSchema.parse(raw);
      expect(asNumberDistribution(parsed, 'q')).toEqual(parsed);
    }
  });

  it('rejects shapes the schema would reject', () => {
    const bad: unknown[] = [
      null,
      { distribution: 'lognormal', median: 1, sigma: 1 },
      { distribution: 'uniform', min: 1, max: 0 },
      { distribution: 'normal', mean: 0.5, sd: -1 },
      { distribution: 'beta', a: 0, b: 1 },
      { distribution: 'fixed', value: Number.NaN },
      { distribution: 'fixed' },
    ];
    for (const raw of bad) expect(() => asNumberDistribution(raw, 'q')).toThrow(AssertionError);
  });
});
