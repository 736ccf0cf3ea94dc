import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { I32F32 } from '../../../src/primitives/fixed.ts';
import { expSafe, fixedExp } from '../../../src/primitives/fixedExp.ts';

const ONE = 1n << 32n;
const E_I9F23 = 22_802_600n << 9n;
const runs = { numRuns: 500, seed: 31337 };

function toReal(raw: bigint): number {
  return Number(raw) / 2 ** 32;
}

/** I32F32 raws in [−limit, limit] (value units). */
function xInRange(limit: number): fc.Arbitrary<bigint> {
  return fc.bigInt({ min: -BigInt(limit) * ONE, max: BigInt(limit) * ONE });
}

describe('fixedExp', () => {
  it('returns exactly 1 at x = 0', () => {
    expect(fixedExp(0n)).toBe(ONE);
  });

  it('returns the stored I9F23 constant for e at exactly x = 1', () => {
    expect(fixedExp(ONE)).toBe(E_I9F23);
    expect(toReal(E_I9F23)).toBeCloseTo(Math.E, 6);
  });

  it('reports overflow as null where e^x exceeds I32F32', () => {
    expect(fixedExp(40n * ONE)).toBeNull();
    expect(fixedExp(I32F32.maxRaw)).toBeNull();
  });
});

describe('expSafe', () => {
  it('returns 1 at x = 0 and the I9F23 constant at x = 1', () => {
    expect(expSafe(0n)).toBe(ONE);
    expect(expSafe(ONE)).toBe(E_I9F23);
  });

  it('clamps its input to [−20, 20]', () => {
    const at20 = expSafe(20n * ONE);
    const atMinus20 = expSafe(-20n * ONE);
    expect(expSafe(25n * ONE)).toBe(at20);
    expect(expSafe(I32F32.maxRaw)).toBe(at20);
    expect(expSafe(-25n * ONE)).toBe(atMinus20);
    expect(expSafe(I32F32.minRaw)).toBe(atMinus20);
    // Inside the clamp the value still moves.
    expect(expSafe(19n * ONE)).toBeLessThan(at20);
    expect(atMinus20).toBeGreaterThan(0n);
  });

  it('computes negative arguments as the truncated reciprocal of the positive series', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 20n * ONE }), (y) => {
        fc.pre(y !== ONE); // at +1 the library returns its constant instead of the series
        expect(expSafe(-y)).toBe((ONE << 32n) / expSafe(y));
      }),
      runs,
    );
  });

  it('evaluates x = −1 with the Taylor series, not as the reciprocal of the stored constant', () => {
    const minusOne = expSafe(-ONE);
    expect(Math.abs(toReal(minusOne) - Math.exp(-1))).toBeLessThan(1e-9);
    expect(minusOne).not.toBe((ONE << 32n) / E_I9F23);
  });

  it('is non-decreasing on a sorted sample that avoids the special case at exactly 1', () => {
    fc.assert(
      fc.property(fc.array(xInRange(20), { minLength: 2, maxLength: 60 }), (xs) => {
        const sorted = xs.filter((x) => x !== ONE).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        for (let k = 1; k < sorted.length; k++) expect(expSafe(sorted[k]!)).toBeGreaterThanOrEqual(expSafe(sorted[k - 1]!));
      }),
      { ...runs, numRuns: 200 },
    );
    // The stored constant for e is slightly below the series' value just under 1 — a chain quirk.
    expect(expSafe(ONE - 1n)).toBeGreaterThan(expSafe(ONE));
  });

  it('is within a relative 1e-6 of Math.exp for |x| ≤ 10 (plus two raw units of quantisation)', () => {
    fc.assert(
      fc.property(xInRange(10), (x) => {
        const got = toReal(expSafe(x));
        const want = Math.exp(toReal(x));
        expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-6 * want + 2 * 2 ** -32);
      }),
      runs,
    );
    for (const v of [-10, -5, -1, -0.5, 0.5, 2, 5, 10]) {
      const got = toReal(expSafe(BigInt(Math.round(v * 2 ** 32))));
      expect(Math.abs(got - Math.exp(v)) / Math.exp(v)).toBeLessThan(1e-6 + 2 ** -31 / Math.exp(v));
    }
  });
});
