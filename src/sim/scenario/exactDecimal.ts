/**
 * Decimal values a scenario writes (fractions such as `kappa: 0.5`, multipliers such as
 * `burn_increase_mult: 1.26`) read EXACTLY as a ratio of integers, so that converting them to the
 * chain's fixed-point raws (u16 / 65535, U64F64, I96F32, …) rounds once, in bigint, instead of
 * going through float64 products whose last bit depends on the expression.
 */
import { z } from 'zod';

/** value = num / den, den > 0. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

const DECIMAL = /^(-?)([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/;

/** The exact value of decimal text ("0.5", "1.26", "3e-6") or a JS number's shortest decimal; null if not a number. */
export function parseExactDecimal(value: string | number): Ratio | null {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  const m = DECIMAL.exec(typeof value === 'number' ? String(value) : value);
  if (m === null) return null;
  const [, sign, whole, fraction = '', exponent = '0'] = m;
  const e = Number(exponent) - fraction.length;
  if (Math.abs(e) > 400) return null;
  let num = BigInt(whole! + fraction) * (e > 0 ? 10n ** BigInt(e) : 1n);
  const den = e < 0 ? 10n ** BigInt(-e) : 1n;
  if (sign === '-') num = -num;
  return { num, den };
}

/** round(r · scale), halves away from zero — the integer nearest the exact product. */
export function ratioToRaw(r: Ratio, scale: bigint): bigint {
  const n = r.num * scale;
  const twice = 2n * (n < 0n ? -n : n) + r.den;
  const magnitude = twice / (2n * r.den);
  return n < 0n ? -magnitude : magnitude;
}

/** floor(r · scale) for r ≥ 0: the chain's `from_num` truncation of a decimal literal. */
export function ratioToRawFloor(r: Ratio, scale: bigint): bigint {
  return (r.num * scale) / r.den;
}

export function compareRatio(a: Ratio, b: Ratio): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Formats a ratio whose denominator is a power of ten back to its decimal text (for messages). */
export function formatRatio(r: Ratio): string {
  let digits = 0;
  for (let d = r.den; d > 1n; d /= 10n) digits++;
  const negative = r.num < 0n;
  const s = (negative ? -r.num : r.num).toString().padStart(digits + 1, '0');
  const text = digits === 0 ? s : `${s.slice(0, -digits)}.${s.slice(-digits)}`.replace(/\.?0+$/, '');
  return negative ? `-${text}` : text;
}

/**
 * A decimal number (written as a YAML number or a string of digits) in [min, max], as an exact
 * ratio. `what` names the quantity in messages ("a fraction", "a multiplier").
 */
export function decimalSchema(what: string, min: Ratio, max: Ratio | null) {
  const range = `[${formatRatio(min)}, ${max === null ? '∞' : formatRatio(max)}${max === null ? ')' : ']'}`;
  return z.unknown().transform((v, ctx): Ratio => {
    const r = typeof v === 'string' || typeof v === 'number' ? parseExactDecimal(v) : null;
    if (r === null) {
      ctx.addIssue({ code: 'custom', message: `expected ${what} (a decimal number), got ${describeValue(v)}` });
      return z.NEVER;
    }
    if (compareRatio(r, min) < 0 || (max !== null && compareRatio(r, max) > 0)) {
      ctx.addIssue({ code: 'custom', message: `must be ${what} in ${range}, got ${typeof v === 'string' ? v : String(v)}` });
      return z.NEVER;
    }
    return r;
  });
}

/** A fraction in [0, 1]. */
export const fractionSchema = () => decimalSchema('a fraction', { num: 0n, den: 1n }, { num: 1n, den: 1n });

/** How a value of the wrong type is named in a message. */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string ${JSON.stringify(v)}`;
  return `${typeof v} ${String(v)}`;
}
