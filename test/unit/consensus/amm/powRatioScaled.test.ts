import { describe, expect, it } from 'vitest';
import { gcd, integerRoot, powRatioScaled, powRatioScaledSeries } from '../../../../src/consensus/amm/powRatioScaled.ts';
import { AssertionError } from '../../../../src/primitives/assert.ts';

const E18 = 1_000_000_000_000_000_000n;

describe('gcd and integerRoot', () => {
  it('gcd reduces exponents like the library', () => {
    expect(gcd(500_000_000_000_000_000n, 500_000_000_000_000_000n)).toBe(500_000_000_000_000_000n);
    expect(gcd(250n, 750n)).toBe(250n);
    expect(gcd(7n, 0n)).toBe(7n);
    expect(gcd(-12n, 18n)).toBe(6n);
  });

  it('integerRoot is the floor of the k-th root', () => {
    expect(integerRoot(27n, 3n)).toBe(3n);
    expect(integerRoot(26n, 3n)).toBe(2n);
    expect(integerRoot(28n, 3n)).toBe(3n);
    expect(integerRoot(1n << 128n, 2n)).toBe(1n << 64n);
    expect(integerRoot((1n << 128n) - 1n, 2n)).toBe((1n << 64n) - 1n);
    expect(integerRoot(0n, 5n)).toBe(0n);
    expect(integerRoot(1n, 5n)).toBe(1n);
    expect(integerRoot(12345n, 1n)).toBe(12345n);
  });

  it('integerRoot satisfies r^k ≤ n < (r + 1)^k on a spread of inputs', () => {
    for (const n of [2n, 3n, 99n, 10n ** 18n + 7n, (1n << 200n) + 12345n]) {
      for (const k of [2n, 3n, 5n, 7n]) {
        const r = integerRoot(n, k);
        expect(r ** k <= n && n < (r + 1n) ** k, `n=${n} k=${k}`).toBe(true);
      }
    }
  });
});

describe('powRatioScaled', () => {
  it('computes floor(s·(a/b)^(p/q)) exactly for round exponents', () => {
    // 0.5/0.5 weights reduce to exponent 1: a plain floored ratio.
    expect(powRatioScaled(1n, 3n, 5n * 10n ** 17n, 5n * 10n ** 17n, E18)).toBe(333_333_333_333_333_333n);
    // (1/2)^(1/2) = 0.70710678118654752440…
    expect(powRatioScaled(1n, 2n, 1n, 2n, E18)).toBe(707_106_781_186_547_524n);
    // (2/1)^(1/2) = 1.41421356237309504880…
    expect(powRatioScaled(2n, 1n, 1n, 2n, E18)).toBe(1_414_213_562_373_095_048n);
    // 0.25/0.75 weights: (1/8)^(1/3) = 0.5 and (1/2)^3 = 0.125.
    expect(powRatioScaled(1n, 8n, 25n, 75n, E18)).toBe(E18 / 2n);
    expect(powRatioScaled(1n, 2n, 75n, 25n, E18)).toBe(E18 / 8n);
  });

  it('returns the library edge values: 0 for b = 0 or q = 0, s for p = 0 or a = b, 0 for a = 0', () => {
    expect(powRatioScaled(5n, 0n, 1n, 2n, E18)).toBe(0n);
    expect(powRatioScaled(5n, 3n, 1n, 0n, E18)).toBe(0n);
    expect(powRatioScaled(5n, 3n, 0n, 7n, E18)).toBe(E18);
    expect(powRatioScaled(9n, 9n, 3n, 7n, E18)).toBe(E18);
    expect(powRatioScaled(0n, 9n, 3n, 7n, E18)).toBe(0n);
    expect(powRatioScaled(4n, 9n, 3n, 7n, 0n)).toBe(0n);
  });

  it('rejects negative arguments', () => {
    expect(() => powRatioScaled(-1n, 2n, 1n, 1n, E18)).toThrow(AssertionError);
  });

  it('takes the series path for odd exponents and stays within float precision of the real value', () => {
    // A weight after an injection re-weighting: exponent 500000000000125000 / 499999999999875000.
    const p = 500_000_000_000_125_000n;
    const q = 499_999_999_999_875_000n;
    const got = Number(powRatioScaled(999n, 1000n, p, q, E18)) / 1e18;
    const want = Math.pow(0.999, Number(p) / Number(q));
    expect(Math.abs(got - want)).toBeLessThan(1e-15);
  });

  it('the series agrees with the exact path to within 1 unit on round exponents', () => {
    const cases: [bigint, bigint, bigint, bigint][] = [
      [1n, 2n, 1n, 2n],
      [2n, 1n, 1n, 2n],
      [7n, 11n, 1n, 3n],
      [1_000_000n, 1_000_003n, 3n, 1n],
    ];
    for (const [a, b, p, q] of cases) {
      const exact = powRatioScaled(a, b, p, q, E18);
      const series = powRatioScaledSeries(a, b, p, q, E18);
      const diff = exact > series ? exact - series : series - exact;
      expect(diff <= 1n, `${a}/${b}^(${p}/${q}): ${exact} vs ${series}`).toBe(true);
    }
  });
});
