/**
 * TAO and alpha amounts in a scenario: a YAML number (`1000`, `0.5`) or a decimal string
 * (`"1000.000000001"`), read exactly into rao / alpha-rao by `primitives/units.ts` (at most 9
 * decimals, no exponent). Amounts here are never negative: balances, stakes, reserves and prices
 * are all ≥ 0 on chain, so a minus sign is a user error reported at the key.
 *
 * YAML numbers with more significant digits than a float64 holds are handed over as their source
 * text by the loader (see `loadScenario.ts`), so `21000000.123456789` stays exact too.
 */
import { z } from 'zod';
import { UnitParseError, parseAlpha, parseTao } from '../../primitives/units.ts';
import { describeValue } from './exactDecimal.ts';

export type AmountUnit = 'TAO' | 'alpha';

export function amountSchema(unit: AmountUnit, opts: { positive?: boolean } = {}) {
  return z.unknown().transform((v, ctx): bigint => {
    if (typeof v !== 'string' && typeof v !== 'number') {
      ctx.addIssue({ code: 'custom', message: `expected an amount of ${unit} (a number or a decimal string), got ${describeValue(v)}` });
      return z.NEVER;
    }
    let amount: bigint;
    try {
      amount = unit === 'TAO' ? parseTao(v) : parseAlpha(v);
    } catch (e) {
      if (!(e instanceof UnitParseError)) throw e;
      ctx.addIssue({ code: 'custom', message: e.message });
      return z.NEVER;
    }
    if (amount < 0n) {
      ctx.addIssue({ code: 'custom', message: `must not be negative, got ${String(v)} ${unit}` });
      return z.NEVER;
    }
    if (opts.positive === true && amount === 0n) {
      ctx.addIssue({ code: 'custom', message: `must be more than 0 ${unit}` });
      return z.NEVER;
    }
    return amount;
  });
}

export const taoAmount = (opts?: { positive?: boolean }) => amountSchema('TAO', opts);
export const alphaAmount = (opts?: { positive?: boolean }) => amountSchema('alpha', opts);
