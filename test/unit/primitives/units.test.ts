import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  ALPHA_RAO_PER_ALPHA,
  RAO_PER_TAO,
  U64_MAX,
  UnitParseError,
  alphaRao,
  alphaToNumber,
  formatAlpha,
  formatTao,
  parseAlpha,
  parseTao,
  rao,
  taoToNumber,
} from '../../../src/primitives/units.ts';
import { AssertionError } from '../../../src/primitives/assert.ts';

/** Runs `fn`, expects a UnitParseError, and returns it so the message can be checked. */
function parseErrorOf(fn: () => unknown): UnitParseError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UnitParseError);
    return error as UnitParseError;
  }
  throw new Error('expected a UnitParseError, but nothing was thrown');
}

const RANGE_2_70 = 2n ** 70n;

describe('constants', () => {
  it('one TAO is 10^9 rao and one alpha is 10^9 alpha-rao', () => {
    expect(RAO_PER_TAO).toBe(1_000_000_000n);
    expect(ALPHA_RAO_PER_ALPHA).toBe(1_000_000_000n);
  });

  it('U64_MAX is the largest u64', () => {
    expect(U64_MAX).toBe(18_446_744_073_709_551_615n);
  });
});

describe('rao and alphaRao', () => {
  it('accept any bigint, including negative deltas', () => {
    expect(rao(-5n)).toBe(-5n);
    expect(alphaRao(0n)).toBe(0n);
  });

  it('reject a number smuggled in through an untyped value', () => {
    expect(() => rao(5 as unknown as bigint)).toThrow(AssertionError);
    expect(() => alphaRao('5' as unknown as bigint)).toThrow(AssertionError);
  });
});

describe('parseTao', () => {
  it('parses exact decimal TAO amounts into rao', () => {
    expect(parseTao('1')).toBe(1_000_000_000n);
    expect(parseTao('0')).toBe(0n);
    expect(parseTao('0.5')).toBe(500_000_000n);
    expect(parseTao('0.1')).toBe(100_000_000n);
    expect(parseTao('21000000')).toBe(21_000_000_000_000_000n);
    expect(parseTao('1.000000001')).toBe(1_000_000_001n);
    expect(parseTao('0.000000001')).toBe(1n);
    expect(parseTao('-2.5')).toBe(-2_500_000_000n);
    expect(parseTao('-0.000000001')).toBe(-1n);
    expect(parseTao('-0')).toBe(0n);
    expect(parseTao('007.50')).toBe(7_500_000_000n);
  });

  it('parses amounts beyond u64, because it checks no range', () => {
    expect(parseTao('100000000000')).toBe(100_000_000_000n * RAO_PER_TAO);
    expect(parseTao('100000000000') > U64_MAX).toBe(true);
  });

  it('converts JS numbers through their shortest decimal, so 0.1 is exactly 10^8 rao', () => {
    expect(parseTao(0.1)).toBe(100_000_000n);
    expect(parseTao(0.3)).toBe(300_000_000n);
    expect(parseTao(21_000_000)).toBe(21_000_000_000_000_000n);
    expect(parseTao(1.000000001)).toBe(1_000_000_001n);
    expect(parseTao(-2.5)).toBe(-2_500_000_000n);
    expect(parseTao(-0)).toBe(0n);
    expect(parseTao(0.000001)).toBe(1_000n);
  });

  it('rejects an empty string and says it is empty', () => {
    const error = parseErrorOf(() => parseTao(''));
    expect(error.message).toContain('""');
    expect(error.message).toContain('empty');
    expect(error.input).toBe('');
    expect(error.unit).toBe('TAO');
  });

  it('rejects more than nine decimal places and says how many were given', () => {
    const error = parseErrorOf(() => parseTao('1.0000000001'));
    expect(error.message).toContain('"1.0000000001"');
    expect(error.message).toContain('10 decimal places');
    expect(error.message).toContain('at most 9');
  });

  it('rejects exponent notation in text and asks for the digits', () => {
    const error = parseErrorOf(() => parseTao('1e3'));
    expect(error.message).toContain('"1e3"');
    expect(error.message).toContain('exponent');
  });

  it('rejects numbers that print in exponent notation and suggests a string', () => {
    const tiny = parseErrorOf(() => parseTao(1e-7));
    expect(tiny.message).toContain('1e-7');
    expect(tiny.message).toContain('exponent');
    expect(tiny.message).toContain('string');
    expect(tiny.input).toBe(1e-7);
    expect(parseErrorOf(() => parseTao(1e21)).message).toContain('exponent');
  });

  it('rejects non-finite numbers', () => {
    expect(parseErrorOf(() => parseTao(Number.NaN)).message).toContain('NaN');
    expect(parseErrorOf(() => parseTao(Number.POSITIVE_INFINITY)).message).toContain('not a finite number');
  });

  it('rejects more than one decimal point', () => {
    const error = parseErrorOf(() => parseTao('1.2.3'));
    expect(error.message).toContain('"1.2.3"');
    expect(error.message).toContain('more than one decimal point');
  });

  it('rejects whitespace instead of trimming it', () => {
    expect(parseErrorOf(() => parseTao(' 1')).message).toContain('whitespace');
    expect(parseErrorOf(() => parseTao('1\n')).message).toContain('whitespace');
  });

  it('rejects non-numeric text and other spellings it does not accept', () => {
    for (const text of ['abc', '1_000', '+5', '.5', '5.', '-', '.', '0x10', '1,5', '--1', 'Infinity', 'NaN']) {
      const error = parseErrorOf(() => parseTao(text));
      expect(error.message).toContain(JSON.stringify(text));
      expect(error.message).toContain('TAO');
    }
  });
});

describe('parseAlpha', () => {
  it('parses with the same grammar as TAO and names alpha in its errors', () => {
    expect(parseAlpha('1.000000001')).toBe(1_000_000_001n);
    expect(parseAlpha(0.1)).toBe(100_000_000n);
    const error = parseErrorOf(() => parseAlpha('1.0000000001'));
    expect(error.message).toContain('alpha');
    expect(error.unit).toBe('alpha');
  });
});

describe('formatTao', () => {
  it('prints the exact decimal with trailing zeros trimmed', () => {
    expect(formatTao(0n)).toBe('0');
    expect(formatTao(1_000_000_000n)).toBe('1');
    expect(formatTao(500_000_000n)).toBe('0.5');
    expect(formatTao(1_000_000_001n)).toBe('1.000000001');
    expect(formatTao(21_000_000_000_000_000n)).toBe('21000000');
    expect(formatTao(-1n)).toBe('-0.000000001');
    expect(formatTao(-2_500_000_000n)).toBe('-2.5');
    expect(formatTao(U64_MAX)).toBe('18446744073.709551615');
  });

  it('rounds half away from zero and keeps exactly the requested decimals', () => {
    expect(formatTao(1_000_000_000n, { decimals: 2 })).toBe('1.00');
    expect(formatTao(1_005_000_000n, { decimals: 2 })).toBe('1.01');
    expect(formatTao(1_004_999_999n, { decimals: 2 })).toBe('1.00');
    expect(formatTao(-1_005_000_000n, { decimals: 2 })).toBe('-1.01');
    expect(formatTao(-1_004_999_999n, { decimals: 2 })).toBe('-1.00');
    expect(formatTao(2_500_000_000n, { decimals: 0 })).toBe('3');
    expect(formatTao(-2_500_000_000n, { decimals: 0 })).toBe('-3');
    expect(formatTao(999_999_999n, { decimals: 3 })).toBe('1.000');
    expect(formatTao(1n, { decimals: 9 })).toBe('0.000000001');
    expect(formatTao(500_000_000n, { decimals: 9 })).toBe('0.500000000');
  });

  it('prints a value that rounds to zero without a minus sign', () => {
    expect(formatTao(-1n, { decimals: 2 })).toBe('0.00');
    expect(formatTao(-499_999_999n, { decimals: 0 })).toBe('0');
  });

  it('refuses a decimals option outside 0..9', () => {
    expect(() => formatTao(1n, { decimals: 10 })).toThrow(AssertionError);
    expect(() => formatTao(1n, { decimals: -1 })).toThrow(AssertionError);
    expect(() => formatTao(1n, { decimals: 1.5 })).toThrow(AssertionError);
  });

  it('formats alpha the same way', () => {
    expect(formatAlpha(alphaRao(1_500_000_000n))).toBe('1.5');
    expect(formatAlpha(alphaRao(1_500_000_000n), { decimals: 0 })).toBe('2');
  });

  it('round-trips through parseTao for any bigint within ±2^70', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -RANGE_2_70, max: RANGE_2_70 }), (x) => {
        expect(parseTao(formatTao(x))).toBe(x);
        expect(parseAlpha(formatAlpha(x))).toBe(x);
      }),
      { numRuns: 2_000 },
    );
  });

  it('rounds to the given decimals exactly as a bigint half-away-from-zero reference does', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -RANGE_2_70, max: RANGE_2_70 }),
        fc.integer({ min: 0, max: 9 }),
        (x, decimals) => {
          // Reference: round |x| / step half up with one floor division, then restore the sign.
          const step = 10n ** BigInt(9 - decimals);
          const magnitude = x < 0n ? -x : x;
          const roundedMagnitude = (2n * magnitude + step) / (2n * step);
          const expectedRao = (x < 0n ? -roundedMagnitude : roundedMagnitude) * step;

          const text = formatTao(x, { decimals });
          expect(parseTao(text)).toBe(expectedRao);
          const fraction = text.split('.')[1];
          expect(fraction?.length ?? 0).toBe(decimals);
          if (expectedRao === 0n) expect(text.startsWith('-')).toBe(false);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('rounds exact ties away from zero', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }),
        fc.integer({ min: 0, max: 8 }),
        (units, decimals) => {
          // units * step + step/2 lies exactly halfway between two printable values.
          const step = 10n ** BigInt(9 - decimals);
          const sign = units < 0n ? -1n : 1n;
          const tie = units * step + (sign * step) / 2n;
          expect(parseTao(formatTao(tie, { decimals }))).toBe((units + sign) * step);
        },
      ),
    );
  });
});

describe('taoToNumber', () => {
  it('gives the float nearest the exact decimal', () => {
    expect(taoToNumber(parseTao('0.1'))).toBe(0.1);
    expect(taoToNumber(21_000_000_000_000_000n)).toBe(21_000_000);
    expect(taoToNumber(-1n)).toBe(-1e-9);
    expect(alphaToNumber(alphaRao(2_500_000_000n))).toBe(2.5);
  });

  it('round-trips through parseTao for amounts with at most 15 significant digits', () => {
    // Below 1000 rao the float prints in exponent form, which parseTao rejects by design; at
    // 10^15 rao and above, 16-digit decimals no longer survive float64.
    fc.assert(
      fc.property(fc.bigInt({ min: 1_000n, max: 10n ** 15n - 1n }), fc.boolean(), (magnitude, negative) => {
        const x = negative ? -magnitude : magnitude;
        expect(parseTao(taoToNumber(x))).toBe(x);
      }),
      { numRuns: 2_000 },
    );
  });
});
