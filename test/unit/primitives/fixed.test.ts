import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AssertionError } from '../../../src/primitives/assert.ts';
import {
  I32F32,
  I64F64,
  I96F32,
  I9F23,
  U16_MAX_I32F32,
  U64F64,
  U96F32,
  add,
  checkedAdd,
  checkedDiv,
  checkedMul,
  clamp,
  convert,
  div,
  fixedProportionToU16,
  floorToInt,
  fromFloatLiteral,
  fromInt,
  fromRatio,
  inRange,
  makeFixedType,
  max,
  min,
  mul,
  roundToInt,
  safeDiv,
  saturate,
  saturatingAdd,
  saturatingConvert,
  saturatingDiv,
  saturatingFromInt,
  saturatingMul,
  saturatingSub,
  saturatingToUint,
  sub,
  toNumber,
  u16ProportionToFixed,
} from '../../../src/primitives/fixed.ts';

const ONE = 1n << 32n;
const runs = { numRuns: 1000, seed: 4242 };

/** floor(a / b) for bigints (b > 0), rounding toward −∞ unlike `/`. */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

/** Any I32F32 raw, biased toward every magnitude. */
const i32f32Raw = fc
  .tuple(fc.integer({ min: 0, max: 63 }), fc.bigInt({ min: 0n, max: (1n << 63n) - 1n }), fc.boolean())
  .map(([bits, x, neg]) => {
    const v = x % (1n << BigInt(bits));
    return neg ? -v : v;
  });

describe('fixed-point type descriptions', () => {
  it('gives I32F32, I64F64, U64F64, I96F32, U96F32 and I9F23 their substrate-fixed ranges', () => {
    expect(I32F32.minRaw).toBe(-(1n << 63n));
    expect(I32F32.maxRaw).toBe((1n << 63n) - 1n);
    expect(I32F32.oneRaw).toBe(ONE);
    expect(I64F64.maxRaw).toBe((1n << 127n) - 1n);
    expect(I64F64.oneRaw).toBe(1n << 64n);
    expect(U64F64.minRaw).toBe(0n);
    expect(U64F64.maxRaw).toBe((1n << 128n) - 1n);
    expect(I96F32.minRaw).toBe(-(1n << 127n));
    expect(U96F32.maxRaw).toBe((1n << 128n) - 1n);
    expect(I9F23.oneRaw).toBe(1n << 23n);
    expect(Object.isFrozen(makeFixedType('U8F8', 8, 8, false))).toBe(true);
  });

  it('checks and saturates raws against the type range', () => {
    expect(inRange(I32F32, I32F32.maxRaw)).toBe(true);
    expect(inRange(I32F32, I32F32.maxRaw + 1n)).toBe(false);
    expect(inRange(U64F64, -1n)).toBe(false);
    expect(saturate(I32F32, I32F32.maxRaw + 5n)).toBe(I32F32.maxRaw);
    expect(saturate(I32F32, I32F32.minRaw - 5n)).toBe(I32F32.minRaw);
    expect(saturate(U96F32, -7n)).toBe(0n);
    expect(saturate(I32F32, 12345n)).toBe(12345n);
  });
});

describe('integers and float literals to fixed point', () => {
  it('converts integers exactly and refuses integers out of range', () => {
    expect(fromInt(I32F32, 3)).toBe(3n << 32n);
    expect(fromInt(I32F32, -2n)).toBe(-(2n << 32n));
    expect(() => fromInt(I32F32, 2n ** 31n)).toThrow(AssertionError);
    expect(() => fromInt(U64F64, -1)).toThrow(AssertionError);
  });

  it('saturates integers out of range with saturatingFromInt', () => {
    expect(saturatingFromInt(I32F32, 2n ** 40n)).toBe(I32F32.maxRaw);
    expect(saturatingFromInt(I32F32, -(2n ** 40n))).toBe(I32F32.minRaw);
    expect(saturatingFromInt(U96F32, -1)).toBe(0n);
    expect(saturatingFromInt(I32F32, 7)).toBe(7n << 32n);
  });

  it('rounds float literals to the nearest raw with ties to even', () => {
    const lsb = 2 ** -32;
    expect(fromFloatLiteral(I32F32, 0.5)).toBe(1n << 31n);
    expect(fromFloatLiteral(I32F32, 1)).toBe(ONE);
    // Exactly half an LSB: ties go to the even neighbour.
    expect(fromFloatLiteral(I32F32, 0.5 * lsb)).toBe(0n);
    expect(fromFloatLiteral(I32F32, 1.5 * lsb)).toBe(2n);
    expect(fromFloatLiteral(I32F32, 2.5 * lsb)).toBe(2n);
    expect(fromFloatLiteral(I32F32, 3.5 * lsb)).toBe(4n);
    expect(fromFloatLiteral(I32F32, -0.5 * lsb)).toBe(0n);
    expect(fromFloatLiteral(I32F32, -1.5 * lsb)).toBe(-2n);
    expect(fromFloatLiteral(I32F32, -2.5 * lsb)).toBe(-2n);
    // Off the tie: plain nearest.
    expect(fromFloatLiteral(I32F32, 0.25 * lsb)).toBe(0n);
    expect(fromFloatLiteral(I32F32, 0.75 * lsb)).toBe(1n);
    expect(fromFloatLiteral(I32F32, -0.75 * lsb)).toBe(-1n);
    // 0.1 is not a dyadic fraction: nearest raw of the double 0.1.
    expect(fromFloatLiteral(I32F32, 0.1)).toBe(429496730n);
  });

  it('converts float literals whose raw exceeds 2^53 exactly (every such double is an integer raw)', () => {
    expect(fromFloatLiteral(I64F64, 1)).toBe(1n << 64n);
    expect(fromFloatLiteral(I64F64, 0.5)).toBe(1n << 63n);
    expect(fromFloatLiteral(I96F32, 2 ** 40)).toBe(1n << 72n);
  });

  it('refuses non-finite float literals and literals out of range', () => {
    expect(() => fromFloatLiteral(I32F32, Number.NaN)).toThrow(AssertionError);
    expect(() => fromFloatLiteral(I32F32, Number.POSITIVE_INFINITY)).toThrow(AssertionError);
    expect(() => fromFloatLiteral(I32F32, 2 ** 31)).toThrow(AssertionError);
    expect(() => fromFloatLiteral(U64F64, -1)).toThrow(AssertionError);
  });
});

describe('multiplication', () => {
  it('floors products toward minus infinity, including negative products', () => {
    const half = 1n << 31n;
    expect(mul(I32F32, 3n, half)).toBe(1n); // 1.5 LSB → 1
    expect(mul(I32F32, -3n, half)).toBe(-2n); // −1.5 LSB → −2
    expect(mul(I32F32, 3n, -half)).toBe(-2n);
    expect(mul(I32F32, -3n, -half)).toBe(1n);
    expect(mul(I32F32, -1n, 1n)).toBe(-1n); // −2^-64 floors to −2^-32
    expect(mul(I32F32, 3n << 32n, 5n << 32n)).toBe(15n << 32n);
  });

  it('equals floor(a·b / 2^32) for any I32F32 operands whose product fits', () => {
    fc.assert(
      fc.property(i32f32Raw, i32f32Raw, (a, b) => {
        const exact = floorDiv(a * b, ONE);
        const checked = checkedMul(I32F32, a, b);
        if (inRange(I32F32, exact)) {
          expect(mul(I32F32, a, b)).toBe(exact);
          expect(checked).toBe(exact);
          expect(saturatingMul(I32F32, a, b)).toBe(exact);
        } else {
          expect(checked).toBeNull();
          expect(() => mul(I32F32, a, b)).toThrow(AssertionError);
          expect(saturatingMul(I32F32, a, b)).toBe(exact > 0n ? I32F32.maxRaw : I32F32.minRaw);
        }
      }),
      runs,
    );
  });

  it('saturates or reports overflowing products', () => {
    const big = 1n << 62n; // 2^30 in value
    expect(saturatingMul(I32F32, big, big)).toBe(I32F32.maxRaw);
    expect(saturatingMul(I32F32, big, -big)).toBe(I32F32.minRaw);
    expect(checkedMul(I32F32, big, big)).toBeNull();
    expect(() => mul(I32F32, big, big)).toThrow(AssertionError);
    expect(saturatingMul(U64F64, 1n << 64n, -(1n << 64n))).toBe(0n);
  });
});

describe('division', () => {
  it('truncates quotients toward zero', () => {
    const two = 2n << 32n;
    expect(div(I32F32, 3n, two)).toBe(1n); // 1.5 LSB → 1
    expect(div(I32F32, -3n, two)).toBe(-1n); // −1.5 LSB → −1 (not −2)
    expect(div(I32F32, 3n, -two)).toBe(-1n);
    expect(div(I32F32, ONE, 3n << 32n)).toBe(1431655765n);
    expect(div(I32F32, -ONE, 3n << 32n)).toBe(-1431655765n);
  });

  it('equals trunc(a·2^32 / b) for random operands', () => {
    fc.assert(
      fc.property(i32f32Raw, i32f32Raw, (a, b) => {
        fc.pre(b !== 0n);
        const exact = (a << 32n) / b; // BigInt division truncates toward zero
        if (inRange(I32F32, exact)) {
          expect(div(I32F32, a, b)).toBe(exact);
          expect(checkedDiv(I32F32, a, b)).toBe(exact);
          expect(safeDiv(I32F32, a, b)).toBe(exact);
          expect(saturatingDiv(I32F32, a, b)).toBe(exact);
        } else {
          expect(checkedDiv(I32F32, a, b)).toBeNull();
          expect(safeDiv(I32F32, a, b)).toBe(0n);
          expect(saturatingDiv(I32F32, a, b)).toBe(exact > 0n ? I32F32.maxRaw : I32F32.minRaw);
        }
      }),
      runs,
    );
  });

  it('returns 0 from safeDiv for a zero divisor and for an overflowing quotient', () => {
    expect(safeDiv(I32F32, ONE, 0n)).toBe(0n);
    expect(safeDiv(I32F32, 0n, 0n)).toBe(0n);
    expect(safeDiv(I32F32, I32F32.maxRaw, 1n)).toBe(0n);
    expect(safeDiv(I32F32, I32F32.minRaw, 1n)).toBe(0n);
    expect(safeDiv(I32F32, ONE, 2n << 32n)).toBe(1n << 31n);
  });

  it('reports a zero divisor from checkedDiv as null and refuses it in div and saturatingDiv', () => {
    expect(checkedDiv(I32F32, ONE, 0n)).toBeNull();
    expect(() => div(I32F32, ONE, 0n)).toThrow(AssertionError);
    expect(() => saturatingDiv(I32F32, ONE, 0n)).toThrow(AssertionError);
  });

  it('clamps overflowing quotients with saturatingDiv and refuses them in div', () => {
    expect(saturatingDiv(I32F32, I32F32.maxRaw, 1n)).toBe(I32F32.maxRaw);
    expect(saturatingDiv(I32F32, I32F32.maxRaw, -1n)).toBe(I32F32.minRaw);
    expect(() => div(I32F32, I32F32.maxRaw, 1n)).toThrow(AssertionError);
  });

  it('forms integer ratios as truncated quotients', () => {
    expect(fromRatio(I32F32, 1, 3)).toBe(1431655765n);
    expect(fromRatio(I32F32, 32767, 65535)).toBe((32767n << 32n) / 65535n);
    expect(fromRatio(I64F64, 900_000, 1_000_000)).toBe((900_000n << 64n) / 1_000_000n);
  });
});

describe('addition and subtraction', () => {
  it('adds exactly inside the range and refuses overflow', () => {
    expect(add(I32F32, ONE, ONE)).toBe(2n * ONE);
    expect(() => add(I32F32, I32F32.maxRaw, 1n)).toThrow(AssertionError);
    expect(checkedAdd(I32F32, I32F32.maxRaw, 1n)).toBeNull();
    expect(checkedAdd(I32F32, 5n, -7n)).toBe(-2n);
    expect(sub(I32F32, ONE, 3n)).toBe(ONE - 3n);
    expect(() => sub(I32F32, I32F32.minRaw, 1n)).toThrow(AssertionError);
    expect(() => sub(U64F64, 0n, 1n)).toThrow(AssertionError);
  });

  it('clamps overflowing sums and differences when saturating', () => {
    expect(saturatingAdd(I32F32, I32F32.maxRaw, ONE)).toBe(I32F32.maxRaw);
    expect(saturatingAdd(I32F32, I32F32.minRaw, -ONE)).toBe(I32F32.minRaw);
    expect(saturatingSub(I32F32, I32F32.minRaw, ONE)).toBe(I32F32.minRaw);
    expect(saturatingSub(U96F32, ONE, 2n * ONE)).toBe(0n);
    expect(saturatingSub(I32F32, ONE, 2n * ONE)).toBe(-ONE);
  });
});

describe('conversions between fixed-point types', () => {
  it('floors when dropping fractional bits, also for negative values', () => {
    // I64F64 raw 2^32 + 1 = 2^-32 + 2^-64 → I32F32 raw 1.
    expect(saturatingConvert(I64F64, I32F32, (1n << 32n) + 1n)).toBe(1n);
    expect(saturatingConvert(I64F64, I32F32, (1n << 32n) - 1n)).toBe(0n);
    // −2^-64 floors to −2^-32.
    expect(saturatingConvert(I64F64, I32F32, -1n)).toBe(-1n);
    expect(convert(I64F64, I32F32, -(3n << 31n))).toBe(-2n);
    expect(convert(I9F23, I32F32, 22_802_600n)).toBe(22_802_600n << 9n);
  });

  it('appends fractional bits exactly when widening', () => {
    expect(convert(I32F32, I64F64, 5n)).toBe(5n << 32n);
    expect(saturatingConvert(I32F32, U64F64, ONE)).toBe(1n << 64n);
    expect(convert(U96F32, I96F32, 12345n)).toBe(12345n);
  });

  it('saturates values that do not fit the target type', () => {
    expect(saturatingConvert(I64F64, I32F32, 1n << 100n)).toBe(I32F32.maxRaw);
    expect(saturatingConvert(I64F64, I32F32, -(1n << 100n))).toBe(I32F32.minRaw);
    expect(saturatingConvert(I32F32, U64F64, -ONE)).toBe(0n);
    expect(saturatingConvert(U96F32, I32F32, 1n << 90n)).toBe(I32F32.maxRaw);
    expect(() => convert(I64F64, I32F32, 1n << 100n)).toThrow(AssertionError);
    expect(() => convert(I32F32, U64F64, -ONE)).toThrow(AssertionError);
  });

  it('converts like floor-then-saturate for random I64F64 raws', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(1n << 127n), max: (1n << 127n) - 1n }), (raw) => {
        const floored = floorDiv(raw, 1n << 32n);
        const expected = floored > I32F32.maxRaw ? I32F32.maxRaw : floored < I32F32.minRaw ? I32F32.minRaw : floored;
        expect(saturatingConvert(I64F64, I32F32, raw)).toBe(expected);
      }),
      runs,
    );
  });
});

describe('fixed point to integers', () => {
  it('floors the integer part toward minus infinity', () => {
    expect(floorToInt(I32F32, (5n << 32n) + 123n)).toBe(5n);
    expect(floorToInt(I32F32, -1n)).toBe(-1n);
    expect(floorToInt(I32F32, -(5n << 32n) - 1n)).toBe(-6n);
    expect(floorToInt(I64F64, (1n << 64n) - 1n)).toBe(0n);
  });

  it('floors and clamps into [0, 2^bits − 1] with saturatingToUint', () => {
    expect(saturatingToUint(I32F32, -1n, 16)).toBe(0n);
    expect(saturatingToUint(I32F32, -(5n << 32n), 64)).toBe(0n);
    expect(saturatingToUint(I32F32, (65535n << 32n) + (ONE - 1n), 16)).toBe(65535n);
    expect(saturatingToUint(I32F32, 65536n << 32n, 16)).toBe(65535n);
    expect(saturatingToUint(I96F32, (1n << 80n) << 32n, 64)).toBe((1n << 64n) - 1n);
    expect(saturatingToUint(I96F32, (1000n << 32n) + 5n, 64)).toBe(1000n);
  });

  it('rounds half away from zero with roundToInt', () => {
    const half = 1n << 31n;
    expect(roundToInt(I32F32, 2n * ONE + half)).toBe(3n);
    expect(roundToInt(I32F32, -(2n * ONE + half))).toBe(-3n);
    expect(roundToInt(I32F32, half)).toBe(1n);
    expect(roundToInt(I32F32, -half)).toBe(-1n);
    expect(roundToInt(I32F32, 2n * ONE + half - 1n)).toBe(2n);
    expect(roundToInt(I32F32, -(2n * ONE + half - 1n))).toBe(-2n);
    expect(roundToInt(I32F32, 0n)).toBe(0n);
    expect(roundToInt(I32F32, -1n)).toBe(0n);
  });

  it('approximates values as float64 for reports', () => {
    expect(toNumber(I32F32, 3n << 31n)).toBe(1.5);
    expect(toNumber(I64F64, -(1n << 62n))).toBe(-0.25);
  });
});

describe('bigint min, max and clamp', () => {
  it('picks and clamps like their number counterparts', () => {
    expect(min(3n, -2n)).toBe(-2n);
    expect(max(3n, -2n)).toBe(3n);
    expect(clamp(5n, 0n, 3n)).toBe(3n);
    expect(clamp(-5n, 0n, 3n)).toBe(0n);
    expect(clamp(2n, 0n, 3n)).toBe(2n);
  });
});

describe('u16 proportions', () => {
  it('stores fractions as floor(x·65535), saturating to [0, 65535]', () => {
    expect(U16_MAX_I32F32).toBe(65535n << 32n);
    expect(fixedProportionToU16(ONE)).toBe(65535);
    expect(fixedProportionToU16(1n << 31n)).toBe(32767); // 32767.5 floors
    expect(fixedProportionToU16(0n)).toBe(0);
    expect(fixedProportionToU16(-1n)).toBe(0);
    expect(fixedProportionToU16(-ONE)).toBe(0);
    expect(fixedProportionToU16(2n * ONE)).toBe(65535);
    expect(fixedProportionToU16(I32F32.maxRaw)).toBe(65535); // the multiply saturates
    expect(fixedProportionToU16(I32F32.minRaw)).toBe(0);
    expect(fixedProportionToU16(ONE - 1n)).toBe(65534);
  });

  it('equals floor(raw·65535 / 2^32) clamped to the u16 range for random raws', () => {
    fc.assert(
      fc.property(i32f32Raw, (x) => {
        const v = floorDiv(x * 65535n, ONE);
        const expected = v < 0n ? 0 : v > 65535n ? 65535 : Number(v);
        expect(fixedProportionToU16(x)).toBe(expected);
      }),
      runs,
    );
  });

  it('reads u16 proportions as truncated u/65535 quotients', () => {
    expect(u16ProportionToFixed(65535)).toBe(ONE);
    expect(u16ProportionToFixed(0)).toBe(0n);
    expect(u16ProportionToFixed(1)).toBe(65537n);
    expect(u16ProportionToFixed(32767)).toBe((32767n << 32n) / 65535n);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65535 }), (u) => {
        const x = u16ProportionToFixed(u);
        expect(x).toBe((BigInt(u) << 32n) / 65535n);
        // Reading and storing loses at most one unit (the quotient is truncated).
        expect(u - fixedProportionToU16(x)).toBeGreaterThanOrEqual(0);
        expect(u - fixedProportionToU16(x)).toBeLessThanOrEqual(1);
      }),
      runs,
    );
  });
});
