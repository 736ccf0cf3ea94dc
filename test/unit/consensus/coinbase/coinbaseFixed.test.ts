import { describe, expect, it } from 'vitest';
import {
  mulU96F32,
  nonNegative,
  ownerCutU96F32,
  safeDivU96F32,
  saturatingSubU,
  taoWeightU96F32,
  U96F32_HALF,
  U96F32_ONE,
} from '../../../../src/consensus/coinbase/coinbaseFixed.ts';

const ONE = U96F32_ONE;

describe('U96F32 helpers', () => {
  it('multiply with a floor and divide with truncation, 0 for a zero divisor', () => {
    expect(U96F32_HALF * 2n).toBe(ONE);
    expect(mulU96F32(3n * U96F32_HALF, 2n * ONE)).toBe(3n * ONE);
    expect(mulU96F32(1n, 1n)).toBe(0n); // 2^-32 · 2^-32 floors to 0
    expect(safeDivU96F32(ONE, 3n * ONE)).toBe(ONE / 3n);
    expect(safeDivU96F32(5n * ONE, 0n)).toBe(0n);
  });

  it('saturate at 0 on subtraction and for negative raws', () => {
    expect(saturatingSubU(5n, 3n)).toBe(2n);
    expect(saturatingSubU(3n, 5n)).toBe(0n);
    expect(nonNegative(-7n)).toBe(0n);
    expect(nonNegative(7n)).toBe(7n);
  });

  it('convert the u64 tao weight and the u16 owner cut to fractions by truncating division', () => {
    expect(taoWeightU96F32((1n << 64n) - 1n)).toBe(ONE);
    expect(taoWeightU96F32(0n)).toBe(0n);
    // Default tao weight ≈ 0.05268 and owner cut 11796/65535 ≈ 0.179995.
    expect(Number(taoWeightU96F32(971_718_665_099_567_868n)) / 2 ** 32).toBeCloseTo(0.052677, 5);
    expect(ownerCutU96F32(65535)).toBe(ONE);
    expect(Number(ownerCutU96F32(11_796)) / 2 ** 32).toBeCloseTo(0.179995, 6);
    // Truncating: 2^32 ≡ 1 (mod 65535), so 1/65535 is not exact and floors below.
    expect(ownerCutU96F32(1) * 65535n).toBeLessThan(ONE);
  });
});
