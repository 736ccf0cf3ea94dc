import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkVecMaxLimited, vecU16MaxUpscaleToU16 } from '../../../../src/consensus/epoch/u16Math.ts';

const runs = { numRuns: 500, seed: 65535 };

/** round-half-away-from-zero of a non-negative I32F32 raw, as an integer. */
function roundRaw(raw: bigint): bigint {
  return (raw + (1n << 31n)) >> 32n;
}

/** The chain's two code paths, written on raws: above 32768 the ratio 65535/max is formed first. */
function upscaleReference(values: number[]): number[] {
  const max = BigInt(Math.max(...values));
  if (max === 0n) return values;
  return values.map((v) => {
    const raw = max > 32768n ? BigInt(v) * ((65535n << 32n) / max) : (BigInt(v) * 65535n << 32n) / max;
    const r = roundRaw(raw);
    return Number(r > 65535n ? 65535n : r);
  });
}

describe('vecU16MaxUpscaleToU16', () => {
  it('returns an empty vector unchanged and an all-zero vector as zeros', () => {
    expect(vecU16MaxUpscaleToU16([])).toEqual([]);
    expect(vecU16MaxUpscaleToU16([0, 0])).toEqual([0, 0]);
  });

  it('scales the largest entry to 65535', () => {
    expect(vecU16MaxUpscaleToU16([1])).toEqual([65535]);
    expect(vecU16MaxUpscaleToU16([0, 1])).toEqual([0, 65535]);
    expect(vecU16MaxUpscaleToU16([65535])).toEqual([65535]);
    expect(vecU16MaxUpscaleToU16([0, 1, 65534])).toEqual([0, 1, 65535]);
    expect(vecU16MaxUpscaleToU16([0, 1, 2, 3, 4, 65533, 65535])).toEqual([0, 1, 2, 3, 4, 65533, 65535]);
  });

  it('rounds half away from zero when the maximum is at most 32768', () => {
    // 1·65535/2 = 32767.5 → 32768.
    expect(vecU16MaxUpscaleToU16([1, 2])).toEqual([32768, 65535]);
    // 3·65535/32768 = 5.9999… → 6.
    expect(vecU16MaxUpscaleToU16([3, 32768])).toEqual([6, 65535]);
  });

  it('forms the ratio 65535/max first when the maximum exceeds 32768', () => {
    // 1·(65535/32769) = 1.99990… → 2; 16384·65535/32769 = 32766.50005 → 32767.
    expect(vecU16MaxUpscaleToU16([1, 16384, 32769])).toEqual([2, 32767, 65535]);
    // 3277·65535/32770 = 6553.5 exactly would round to 6554, but the truncated ratio lands below
    // the half: the chain stores 6553.
    expect(vecU16MaxUpscaleToU16([3277, 32770])).toEqual([6553, 65535]);
  });

  it('matches the two-branch raw reference and keeps the order of entries on random vectors', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 65535 }), { minLength: 1, maxLength: 10 }), (values) => {
        const out = vecU16MaxUpscaleToU16(values);
        expect(out).toEqual(upscaleReference(values));
        const max = Math.max(...values);
        if (max > 0) {
          values.forEach((v, i) => {
            // Within one unit of the exact rational v·65535/max.
            expect(Math.abs(out[i]! - (v * 65535) / max)).toBeLessThanOrEqual(1);
            if (v === max) expect(out[i]).toBe(65535);
          });
        }
      }),
      runs,
    );
  });
});

describe('checkVecMaxLimited', () => {
  it('accepts an empty vector whatever the limit', () => {
    expect(checkVecMaxLimited([], 0)).toBe(true);
    expect(checkVecMaxLimited([], 65535)).toBe(true);
  });

  it('compares the largest normalised entry with max_limit / 65535', () => {
    expect(checkVecMaxLimited([65535], 65535)).toBe(true);
    expect(checkVecMaxLimited([65535], 65534)).toBe(false);
    expect(checkVecMaxLimited([65535], 0)).toBe(false);
    expect(checkVecMaxLimited([0, 65535], 65535)).toBe(true);
    expect(checkVecMaxLimited([0, 65535, 65535], 32767)).toBe(false);
    // Normalised 0.5 against 32767/65535 < 0.5 and 32768/65535 > 0.5.
    expect(checkVecMaxLimited([1, 1], 32767)).toBe(false);
    expect(checkVecMaxLimited([1, 1], 32768)).toBe(true);
  });

  it('accepts an all-zero vector (nothing to normalise)', () => {
    expect(checkVecMaxLimited([0, 0, 0], 0)).toBe(true);
  });
});
