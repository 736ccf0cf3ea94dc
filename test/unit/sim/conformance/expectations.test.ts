import { describe, expect, it } from 'vitest';
import {
  CaseFormatError,
  arrayField,
  bigintField,
  boolField,
  decimal,
  fixedWithin,
  formatValue,
  integerWithin,
  numberField,
  objectField,
  parseTolerance,
  rowField,
  safeIntField,
  u16FractionWithin,
  type Tolerance,
} from '../../../../src/sim/conformance/expectations.ts';

const EXACT: Tolerance = { kind: 'exact' };
const abs = (x: number): Tolerance => parseTolerance({ abs: x });

describe('decimal', () => {
  it('reads plain decimal spellings exactly', () => {
    expect(decimal(0.001)).toEqual({ numerator: 1n, scale: 1000n });
    expect(decimal(2)).toEqual({ numerator: 2n, scale: 1n });
    expect(decimal(-1.25)).toEqual({ numerator: -125n, scale: 100n });
    expect(decimal('999999.8998828232')).toEqual({ numerator: 9999998998828232n, scale: 10n ** 10n });
    expect(decimal(1844674407370955)).toEqual({ numerator: 1844674407370955n, scale: 1n });
  });

  it('expands numbers JavaScript prints in exponent form', () => {
    expect(String(1e-7)).toBe('1e-7');
    expect(decimal(1e-7)).toEqual({ numerator: 1n, scale: 10n ** 7n });
    expect(decimal(2.5e-13)).toEqual({ numerator: 25n, scale: 10n ** 14n });
    expect(decimal(1e-9)).toEqual({ numerator: 1n, scale: 10n ** 9n });
    expect(decimal(1e-12)).toEqual({ numerator: 1n, scale: 10n ** 12n });
  });

  // "The exact decimal it spells" (spec/conformance.md §3), even past 20 decimal places.
  it('reads an exponent-form number whose digits reach past 20 decimal places exactly', () => {
    expect(decimal(1.234567e-15)).toEqual({ numerator: 1234567n, scale: 10n ** 21n });
  });

  it('reads a large exponent-form number such as 1e21', () => {
    expect(decimal(1e21)).toEqual({ numerator: 10n ** 21n, scale: 1n });
  });

  it('rejects text that is not a decimal and non-finite numbers', () => {
    expect(() => decimal('1/2')).toThrow(CaseFormatError);
    expect(() => decimal('')).toThrow(CaseFormatError);
    expect(() => decimal(Number.NaN)).toThrow(CaseFormatError);
    expect(() => decimal(Number.POSITIVE_INFINITY)).toThrow(CaseFormatError);
  });
});

describe('parseTolerance', () => {
  it('parses exact and absolute tolerances', () => {
    expect(parseTolerance('exact')).toEqual({ kind: 'exact' });
    expect(parseTolerance({ abs: 0.001 })).toEqual({ kind: 'abs', numerator: 1n, scale: 1000n });
    expect(parseTolerance({ abs: 2 })).toEqual({ kind: 'abs', numerator: 2n, scale: 1n });
    expect(parseTolerance({ abs: 2.5e-13 })).toEqual({ kind: 'abs', numerator: 25n, scale: 10n ** 14n });
  });

  it('rejects anything else', () => {
    for (const t of ['approx', { abs: '1' }, { rel: 0.1 }, null, undefined, 3]) expect(() => parseTolerance(t)).toThrow(CaseFormatError);
    expect(() => parseTolerance({ rel: 0.1 })).toThrow(/unknown tolerance \{"rel":0.1\}/);
  });
});

describe('integerWithin', () => {
  it('compares exactly under the exact tolerance', () => {
    expect(integerWithin(5n, 5n, EXACT)).toBe(true);
    expect(integerWithin(5n, 6n, EXACT)).toBe(false);
  });

  it('accepts a difference equal to the tolerance and rejects one more', () => {
    expect(integerWithin(98n, 100n, abs(2))).toBe(true);
    expect(integerWithin(102n, 100n, abs(2))).toBe(true);
    expect(integerWithin(103n, 100n, abs(2))).toBe(false);
    expect(integerWithin(1n, 0n, abs(0.5))).toBe(false);
    expect(integerWithin(0n, 0n, abs(0))).toBe(true);
  });

  it('compares amounts above 2^53 without rounding', () => {
    const big = 2n ** 60n;
    expect(integerWithin(big + 1n, big, EXACT)).toBe(false);
    expect(integerWithin(big + 3n, big, abs(3))).toBe(true);
    expect(integerWithin(big + 4n, big, abs(3))).toBe(false);
  });
});

describe('fixedWithin', () => {
  it('compares raws exactly under the exact tolerance', () => {
    expect(fixedWithin(123n, 123n, 32, EXACT)).toBe(true);
    expect(fixedWithin(124n, 123n, 32, EXACT)).toBe(false);
  });

  it('reads the tolerance in value units: 1e-9 of an I32F32 is 4.29 raw units', () => {
    const t = abs(1e-9);
    expect(fixedWithin(1004n, 1000n, 32, t)).toBe(true);
    expect(fixedWithin(996n, 1000n, 32, t)).toBe(true);
    expect(fixedWithin(1005n, 1000n, 32, t)).toBe(false);
  });

  it('scales by the fractional bits of the type', () => {
    // 0.5 value units: 2^31 raw in I32F32, 2^63 in U64F64.
    expect(fixedWithin(1n << 31n, 0n, 32, abs(0.5))).toBe(true);
    expect(fixedWithin((1n << 31n) + 1n, 0n, 32, abs(0.5))).toBe(false);
    expect(fixedWithin(1n << 63n, 0n, 64, abs(0.5))).toBe(true);
    expect(fixedWithin((1n << 63n) + 1n, 0n, 64, abs(0.5))).toBe(false);
  });
});

describe('u16FractionWithin', () => {
  it('compares u/65535 with a decimal exactly under the exact tolerance', () => {
    expect(u16FractionWithin(65535, 1, EXACT)).toBe(true);
    expect(u16FractionWithin(0, 0, EXACT)).toBe(true);
    expect(u16FractionWithin(32768, 0.5, EXACT)).toBe(false);
    expect(u16FractionWithin(32767, 0.5, EXACT)).toBe(false);
  });

  it('passes exactly on the tolerance boundary where float64 arithmetic would not', () => {
    // |1 − 0.999| is exactly 0.001, though 1 − 0.999 > 0.001 in float64.
    expect(1 - 0.999 > 0.001).toBe(true);
    expect(u16FractionWithin(65535, 0.999, abs(0.001))).toBe(true);
    expect(u16FractionWithin(65535, 0.999, abs(0.000999))).toBe(false);
    expect(u16FractionWithin(0, 0.001, abs(0.001))).toBe(true);
    expect(u16FractionWithin(0, 0.0011, abs(0.001))).toBe(false);
  });

  it('accounts for the 1/65535 scale of a u16 fraction', () => {
    // 32768/65535 − 0.5 = 1/131070 ≈ 7.63e-6.
    expect(u16FractionWithin(32768, 0.5, abs(0.0000077))).toBe(true);
    expect(u16FractionWithin(32768, 0.5, abs(0.0000076))).toBe(false);
  });
});

describe('formatValue', () => {
  it('prints bigints and strings as themselves and everything else as JSON with bigint strings', () => {
    expect(formatValue(12n)).toBe('12');
    expect(formatValue('abc')).toBe('abc');
    expect(formatValue(3)).toBe('3');
    expect(formatValue([[1, 2n]])).toBe('[[1,"2"]]');
    expect(formatValue({ a: true })).toBe('{"a":true}');
  });
});

describe('field readers', () => {
  it('reads u64 strings and safe integers with bigintField', () => {
    expect(bigintField('18446744073709551615', 'x')).toBe(18446744073709551615n);
    expect(bigintField('-5', 'x')).toBe(-5n);
    expect(bigintField(7, 'x')).toBe(7n);
    for (const bad of ['1.5', '', '0x10', 1.5, 2 ** 60, null, true]) expect(() => bigintField(bad, 'x')).toThrow(CaseFormatError);
    expect(() => bigintField('abc', 'state.block')).toThrow(/^state.block: expected an integer string, got "abc"$/);
  });

  it('reads safe non-negative integers with safeIntField', () => {
    expect(safeIntField('9007199254740991', 'x')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => safeIntField('9007199254740992', 'x')).toThrow(/out of range/);
    expect(() => safeIntField('-1', 'x')).toThrow(/out of range/);
  });

  it('checks numbers, booleans, objects, lists and rows', () => {
    expect(numberField(2.5, 'x')).toBe(2.5);
    expect(() => numberField('2', 'x')).toThrow(CaseFormatError);
    expect(() => numberField(Number.NaN, 'x')).toThrow(CaseFormatError);
    expect(boolField(false, 'x')).toBe(false);
    expect(() => boolField('true', 'x')).toThrow(CaseFormatError);
    expect(objectField({ a: 1 }, 'x')).toEqual({ a: 1 });
    expect(() => objectField([], 'x')).toThrow(CaseFormatError);
    expect(() => objectField(null, 'x')).toThrow(CaseFormatError);
    expect(arrayField([1], 'x')).toEqual([1]);
    expect(() => arrayField({}, 'x')).toThrow(CaseFormatError);
    expect(rowField([[0, '5'], [3, '7']], 'w', (v, w) => Number(bigintField(v, w)))).toEqual([[0, 5], [3, 7]]);
    expect(() => rowField([[0, 1, 2]], 'w', numberField)).toThrow(/^w\[0\]: expected \[column, value\]$/);
    expect(() => rowField([['a', 1]], 'w', numberField)).toThrow(/w\[0\]\[0\]/);
  });
});
