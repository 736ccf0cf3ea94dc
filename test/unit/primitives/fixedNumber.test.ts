import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  I32F32,
  fixedProportionToU16,
  fromRatio,
  safeDiv,
  saturatingMul,
  u16ProportionToFixed,
} from '../../../src/primitives/fixed.ts';
import { expSafe } from '../../../src/primitives/fixedExp.ts';
import {
  divI32F32,
  divIntegersI32F32,
  expI32F32Small,
  i32f32ProportionToU16,
  mulI32F32,
  mulI32F32ByInteger,
  u16ProportionToI32F32,
} from '../../../src/primitives/fixedNumber.ts';

const TWO_53 = 2 ** 53;
const TWO_32 = 2 ** 32;

/** Integers spread over every magnitude below 2^bits (uniform draws would almost never be small). */
function anyMagnitude(bits: number, signed: boolean): fc.Arbitrary<number> {
  return fc
    .tuple(fc.integer({ min: 0, max: bits }), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean())
    .map(([b, f, neg]) => {
      const v = Math.min(Math.floor(f * 2 ** b), 2 ** bits - 1);
      return signed && neg && v > 0 ? -v : v;
    });
}

const runs = { numRuns: 2000, seed: 20261125 };

describe('exact I32F32 arithmetic on float64', () => {
  it('multiplies exactly like the bigint reference wherever the result fits below 2^53', () => {
    fc.assert(
      fc.property(anyMagnitude(52, true), anyMagnitude(52, true), (a, b) => {
        const ref = saturatingMul(I32F32, BigInt(a), BigInt(b));
        fc.pre(ref > -BigInt(TWO_53) && ref < BigInt(TWO_53) && Math.abs(a * b) < 2 ** 100);
        expect(mulI32F32(a, b)).toBe(Number(ref));
      }),
      runs,
    );
  });

  it('multiplies values in [−2, 2] exactly, including negative products that must floor', () => {
    fc.assert(
      fc.property(anyMagnitude(33, true), anyMagnitude(33, true), (a, b) => {
        expect(mulI32F32(a, b)).toBe(Number((BigInt(a) * BigInt(b)) >> 32n));
      }),
      runs,
    );
  });

  it('divides exactly like safe_div (truncating toward zero, 0 for a zero divisor)', () => {
    fc.assert(
      fc.property(anyMagnitude(52, true), anyMagnitude(52, true), (a, b) => {
        const exact = b === 0 ? 0n : (BigInt(a) << 32n) / BigInt(b);
        fc.pre(exact > -BigInt(TWO_53) && exact < BigInt(TWO_53));
        const ref = safeDiv(I32F32, BigInt(a), BigInt(b));
        expect(divI32F32(a, b)).toBe(Number(ref));
      }),
      runs,
    );
  });

  it('divides integer-valued operands exactly even when their raws exceed 2^53', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (x, s) => {
        fc.pre(x <= s);
        expect(divIntegersI32F32(x, s)).toBe(Number(fromRatio(I32F32, x, s)));
      }),
      runs,
    );
  });

  it('converts u16 proportions both ways like the chain', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65535 }), (u) => {
        expect(u16ProportionToI32F32(u)).toBe(Number(u16ProportionToFixed(u)));
      }),
      runs,
    );
    fc.assert(
      fc.property(anyMagnitude(52, true), (x) => {
        expect(i32f32ProportionToU16(x)).toBe(fixedProportionToU16(BigInt(x)));
      }),
      runs,
    );
  });

  it('multiplies a fraction by a rao amount exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: TWO_32 }), anyMagnitude(52, false), (x, e) => {
        expect(mulI32F32ByInteger(x, e)).toBe(Number((BigInt(x) * BigInt(e)) >> 32n));
      }),
      runs,
    );
  });

  it('evaluates the library exp exactly for |x| ≤ 14 and declines beyond', () => {
    fc.assert(
      fc.property(fc.integer({ min: -14 * TWO_32, max: 14 * TWO_32 }), (x) => {
        expect(expI32F32Small(x)).toBe(Number(expSafe(BigInt(x))));
      }),
      { ...runs, numRuns: 500 },
    );
    expect(expI32F32Small(15 * TWO_32)).toBeNull();
    expect(expI32F32Small(TWO_32)).toBe(Number(expSafe(BigInt(TWO_32))));
  });
});
