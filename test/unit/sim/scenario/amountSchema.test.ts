import { describe, expect, it } from 'vitest';
import { alphaAmount, taoAmount } from '../../../../src/sim/scenario/amountSchema.ts';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }): string[] => r.error?.issues.map((i) => i.message) ?? [];

describe('TAO and alpha amounts', () => {
  it('turn numbers and decimal strings into rao exactly', () => {
    expect(taoAmount().parse(1)).toBe(1_000_000_000n);
    expect(taoAmount().parse(0.1)).toBe(100_000_000n);
    expect(taoAmount().parse('21000000.123456789')).toBe(21_000_000_123_456_789n);
    expect(alphaAmount().parse('0.000000001')).toBe(1n);
    expect(taoAmount().parse(0)).toBe(0n);
  });

  it('reject more than nine decimals', () => {
    const r = taoAmount().safeParse('1.0000000001');
    expect(r.success).toBe(false);
    expect(messages(r)[0]).toMatch(/10 decimal places; TAO has at most 9/);
  });

  it('reject negative amounts, and zero where a positive amount is needed', () => {
    expect(messages(alphaAmount().safeParse(-5))).toEqual(['must not be negative, got -5 alpha']);
    expect(messages(taoAmount({ positive: true }).safeParse(0))).toEqual(['must be more than 0 TAO']);
  });

  it('reject values of the wrong type with the type named', () => {
    expect(messages(taoAmount().safeParse(true))[0]).toBe('expected an amount of TAO (a number or a decimal string), got boolean true');
    expect(messages(taoAmount().safeParse([1]))[0]).toMatch(/got a list$/);
  });
});
