/**
 * Money as integers (DESIGN.md "Numbers and units").
 *
 * The chain counts TAO in rao (1 TAO = 10^9 rao, a `u64`) and every subnet's alpha in alpha-rao
 * with the same 10^9 base (spec/tokenomics.md §0). We keep both as `bigint` so that no amount is
 * ever rounded by float64; decimals exist only at the edges (YAML in, reports out), and this file
 * is the single place where text and rao meet.
 *
 * `Rao` and `AlphaRao` are branded so the type checker refuses to add TAO to alpha by accident.
 * The brand is compile-time only: at run time both are plain bigints. Amounts may be negative
 * (deltas, net flows), so neither the constructors nor the parsers check a range; code that
 * stores a balance asserts its own bounds (e.g. against `U64_MAX`).
 */
import { assert } from './assert.ts';

export type Rao = bigint & { readonly __unit: 'rao' };
export type AlphaRao = bigint & { readonly __unit: 'alpha-rao' };

/** 1 TAO in rao. */
export const RAO_PER_TAO = 1_000_000_000n;
/** 1 alpha in alpha-rao; alpha uses the same 9-decimal base unit as TAO. */
export const ALPHA_RAO_PER_ALPHA = 1_000_000_000n;
/** Largest value of the chain's `u64` balances. */
export const U64_MAX = 2n ** 64n - 1n;

/** Both units have 9 decimals; kept as a number because it sizes strings, not amounts. */
const DECIMALS = 9;

export function rao(x: bigint): Rao {
  // Guards callers that reach here through `any` (parsed JSON, untyped test data): a number
  // slipping in would silently lose precision in later arithmetic or throw far from the cause.
  assert(typeof x === 'bigint', `rao() expects a bigint, got ${typeof x}`);
  return x as Rao;
}

export function alphaRao(x: bigint): AlphaRao {
  assert(typeof x === 'bigint', `alphaRao() expects a bigint, got ${typeof x}`);
  return x as AlphaRao;
}

/**
 * A TAO/alpha amount the user wrote could not be read. This is a user error (bad YAML, bad CLI
 * flag), not a bug, so it is its own class: callers add file/line/key and report it in one line.
 */
export class UnitParseError extends Error {
  override readonly name = 'UnitParseError';
  constructor(
    message: string,
    /** The text (or number) exactly as it was given. */
    readonly input: string | number,
    /** Which unit was being parsed: 'TAO' or 'alpha'. */
    readonly unit: UnitName,
  ) {
    super(message);
  }
}

type UnitName = 'TAO' | 'alpha';

/**
 * Parses a decimal TAO amount exactly into rao.
 *
 * Accepted text: an optional leading `-`, one or more digits, then optionally a `.` followed by
 * one to nine digits. So "1", "0.5", "21000000", "1.000000001", "-2.5" and "007" parse; ".5",
 * "5.", "+5", " 5", "1_000", "1e3", "0x10", "1.2.3" and "" are rejected. We require digits on both
 * sides of the dot because a YAML typo like "5." or ".5" is more often a cut-off value than an
 * intended one, and one strict spelling keeps scenario hashes stable.
 *
 * A JS number is converted through `String(n)`, its shortest round-trip decimal, so `0.1` becomes
 * exactly 100_000_000 rao rather than the binary fraction's 100_000_000.000000005...; numbers
 * that print in exponent form (|n| < 1e-6 or >= 1e21) or are not finite are rejected, because
 * their decimal form is not what the user wrote. Pass a string for those.
 *
 * No range check: negative amounts (deltas) and amounts above `U64_MAX` parse.
 */
export function parseTao(value: string | number): Rao {
  return rao(parseScaled(value, 'TAO'));
}

/** Parses a decimal alpha amount exactly into alpha-rao; same grammar as `parseTao`. */
export function parseAlpha(value: string | number): AlphaRao {
  return alphaRao(parseScaled(value, 'alpha'));
}

export interface FormatOptions {
  /**
   * Round half away from zero to exactly this many decimals (0–9) and keep trailing zeros.
   * Without it the output is exact with trailing zeros (and a bare dot) trimmed.
   */
  readonly decimals?: number;
}

/**
 * Formats rao as a TAO decimal string: exact by default ("1", "0.5", "-0.000000001"), or rounded
 * half away from zero to `decimals` places. A value that rounds to zero prints without a minus
 * sign ("0.00", not "-0.00"), since a signed zero in a report reads as a real negative amount.
 */
export function formatTao(x: Rao | bigint, opts?: FormatOptions): string {
  return formatScaled(x, opts?.decimals);
}

/** Formats alpha-rao as an alpha decimal string; same rules as `formatTao`. */
export function formatAlpha(x: AlphaRao | bigint, opts?: FormatOptions): string {
  return formatScaled(x, opts?.decimals);
}

/**
 * Approximate TAO as a float, for reports and charts ONLY: it is the float64 nearest the exact
 * decimal, so it loses precision above ~2^53 rao (~9 M TAO) and must never feed back into state
 * or consensus arithmetic.
 */
export function taoToNumber(x: Rao | bigint): number {
  return scaledToNumber(x);
}

/** Approximate alpha as a float, for reports and charts ONLY (see `taoToNumber`). */
export function alphaToNumber(x: AlphaRao | bigint): number {
  return scaledToNumber(x);
}

// ---------------------------------------------------------------------------------------------

const DECIMAL_PATTERN = /^-?[0-9]+(\.[0-9]+)?$/;

function parseScaled(value: string | number, unit: UnitName): bigint {
  const text = numberToText(value, unit);
  const quoted = JSON.stringify(text);
  const fail: (why: string) => never = (why) => {
    throw new UnitParseError(`cannot read ${quoted} as ${unit}: ${why}`, value, unit);
  };

  if (text.length === 0) fail('the amount is empty');
  if (/\s/.test(text)) fail('it contains whitespace');
  if (/^-?[0-9.]+[eE][+-]?[0-9]+$/.test(text)) {
    fail('exponent notation is not supported; write the digits out');
  }
  if (text.split('.').length > 2) fail('it has more than one decimal point');
  if (!DECIMAL_PATTERN.test(text)) {
    fail('expected a decimal number such as "1", "0.5" or "-2.25", with digits on both sides of any "."');
  }

  const negative = text.startsWith('-');
  const unsigned = negative ? text.slice(1) : text;
  const [wholeDigits = '', fractionDigits = ''] = unsigned.split('.');
  if (fractionDigits.length > DECIMALS) {
    fail(
      `it has ${fractionDigits.length} decimal places; ${unit} has at most ${DECIMALS} ` +
        `(the smallest unit is 0.000000001 ${unit})`,
    );
  }
  const magnitude = BigInt(wholeDigits + fractionDigits.padEnd(DECIMALS, '0'));
  return negative ? -magnitude : magnitude;
}

function numberToText(value: string | number, unit: UnitName): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'number') {
    // Reachable only through untyped input (e.g. a YAML boolean passed along as `any`).
    throw new UnitParseError(
      `cannot read ${String(value)} as ${unit}: expected a string or a number, got ${typeof value}`,
      String(value),
      unit,
    );
  }
  if (!Number.isFinite(value)) {
    throw new UnitParseError(`cannot read ${String(value)} as ${unit}: not a finite number`, value, unit);
  }
  const text = String(value);
  if (/[eE]/.test(text)) {
    throw new UnitParseError(
      `cannot read ${text} as ${unit}: the number prints in exponent notation, so its exact ` +
        `decimal is ambiguous; pass the amount as a string of digits instead`,
      value,
      unit,
    );
  }
  return text;
}

function formatScaled(x: bigint, decimals: number | undefined): string {
  assert(typeof x === 'bigint', `expected a bigint amount, got ${typeof x}`);
  const negative = x < 0n;
  let magnitude = negative ? -x : x;

  let shownDecimals = DECIMALS;
  if (decimals !== undefined) {
    assert(
      Number.isInteger(decimals) && decimals >= 0 && decimals <= DECIMALS,
      `decimals must be an integer in 0..${DECIMALS}, got ${decimals}`,
    );
    shownDecimals = decimals;
    // Round the magnitude, then reapply the sign: that is exactly "half away from zero".
    const step = 10n ** BigInt(DECIMALS - decimals);
    const remainder = magnitude % step;
    magnitude = (magnitude - remainder) / step + (2n * remainder >= step ? 1n : 0n);
  }

  const digits = magnitude.toString().padStart(shownDecimals + 1, '0');
  const whole = digits.slice(0, digits.length - shownDecimals);
  let fraction = digits.slice(digits.length - shownDecimals);
  if (decimals === undefined) fraction = fraction.replace(/0+$/, '');

  const sign = negative && magnitude !== 0n ? '-' : '';
  return fraction.length === 0 ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

function scaledToNumber(x: bigint): number {
  // Going through the exact decimal makes the result the correctly rounded float64, so
  // `taoToNumber(parseTao(0.1)) === 0.1`; dividing Number(x) by 1e9 would round twice.
  return Number(formatScaled(x, undefined));
}
