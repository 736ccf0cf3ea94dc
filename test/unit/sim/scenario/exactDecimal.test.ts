import { describe, expect, it } from 'vitest';
import { parseExactDecimal, ratioToRaw, ratioToRawFloor } from '../../../../src/sim/scenario/exactDecimal.ts';

describe('parseExactDecimal', () => {
  it('reads decimal text and JS numbers as exact ratios', () => {
    expect(parseExactDecimal('0.5')).toEqual({ num: 5n, den: 10n });
    expect(parseExactDecimal(0.1)).toEqual({ num: 1n, den: 10n });
    expect(parseExactDecimal('3e-6')).toEqual({ num: 3n, den: 1_000_000n });
    expect(parseExactDecimal('12')).toEqual({ num: 12n, den: 1n });
    expect(parseExactDecimal('-1.5')).toEqual({ num: -15n, den: 10n });
  });

  it('rejects text that is not a decimal number', () => {
    for (const bad of ['', '.5', 'abc', '1.2.3', '0x10']) expect(parseExactDecimal(bad)).toBeNull();
    expect(parseExactDecimal(Number.NaN)).toBeNull();
  });
});

describe('ratio → chain integer', () => {
  it('rounds to the nearest integer, halves away from zero', () => {
    // 0.5 · 65535 = 32767.5 → 32768; 0.7 · 65535 = 45874.5 → 45875.
    expect(ratioToRaw(parseExactDecimal('0.5')!, 65535n)).toBe(32768n);
    expect(ratioToRaw(parseExactDecimal('0.7')!, 65535n)).toBe(45875n);
    expect(ratioToRaw(parseExactDecimal('0.000003')!, 1n << 32n)).toBe(12885n); // 12884.901888
    expect(ratioToRaw(parseExactDecimal('1')!, (1n << 64n) - 1n)).toBe((1n << 64n) - 1n);
  });

  it('floors when asked, like the chain reading a decimal into U64F64', () => {
    // floor(1.26 · 2^64) = floor(126 · 2^64 / 100), the value chainState.ts uses.
    expect(ratioToRawFloor(parseExactDecimal('1.26')!, 1n << 64n)).toBe((126n << 64n) / 100n);
  });
});
