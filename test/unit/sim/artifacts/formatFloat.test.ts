import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFloat } from '../../../../src/sim/artifacts/formatFloat.ts';

describe('formatFloat', () => {
  it('writes short decimals as they are and rounds to 9 significant digits', () => {
    expect(formatFloat(0.1)).toBe('0.1');
    expect(formatFloat(1)).toBe('1');
    expect(formatFloat(0)).toBe('0');
    expect(formatFloat(0.5)).toBe('0.5');
    expect(formatFloat(1 / 3)).toBe('0.333333333');
    expect(formatFloat(2 / 3)).toBe('0.666666667');
    // 0.1 + 0.2 = 0.30000000000000004 in float64: the noise is below the 9th digit.
    expect(formatFloat(0.1 + 0.2)).toBe('0.3');
    // 1/65535 = 0.0000152590218967…: nine significant digits, trailing digits rounded up.
    expect(formatFloat(1 / 65535)).toBe('0.0000152590219');
    expect(formatFloat(123456789012)).toBe('123456789000');
    expect(formatFloat(-2.5)).toBe('-2.5');
  });

  it('uses exponent form only where JavaScript does (below 1e-6) and never prints a signed zero', () => {
    expect(formatFloat(1.5e-7)).toBe('1.5e-7');
    expect(formatFloat(-0)).toBe('0');
  });

  it('writes non-finite values as NaN, inf and -inf', () => {
    expect(formatFloat(Number.NaN)).toBe('NaN');
    expect(formatFloat(Infinity)).toBe('inf');
    expect(formatFloat(-Infinity)).toBe('-inf');
  });

  it('reads back within half a unit of the 9th digit, keeps at most 9 significant digits, and is stable when reformatted', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = formatFloat(x);
        const back = Number(text);
        if (x === 0) return back === 0;
        expect(Math.abs(back - x)).toBeLessThanOrEqual(Math.abs(x) * 5.000001e-9);
        const mantissa = text.replace(/^-/, '').replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
        expect(mantissa.length).toBeLessThanOrEqual(9);
        expect(formatFloat(back)).toBe(text);
        return true;
      }),
      { numRuns: 2000 },
    );
  });
});
