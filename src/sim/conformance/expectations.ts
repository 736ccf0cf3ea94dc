/**
 * Expectation leaves of the conformance format (shared/spec/conformance.md §3): tolerances,
 * exact comparisons in the unit of each field, and the failure records a runner reports.
 */

export class CaseFormatError extends Error {
  override readonly name = 'CaseFormatError';
}

/** One mismatch: `field, index, expected, got` as the CLI prints it. */
export interface Failure {
  readonly field: string;
  readonly index: string;
  readonly expected: string;
  readonly got: string;
}

export type Tolerance = { readonly kind: 'exact' } | { readonly kind: 'abs'; readonly numerator: bigint; readonly scale: bigint };

/** An exact decimal n / 10^k, from the shortest decimal spelling of a JSON number. */
export function decimal(x: number | string): { numerator: bigint; scale: bigint } {
  const text = typeof x === 'number' ? decimalText(x) : x;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (m === null) throw new CaseFormatError(`not a decimal number: ${text}`);
  const frac = m[3] ?? '';
  const numerator = BigInt(`${m[1]}${m[2]}${frac}`);
  return { numerator, scale: 10n ** BigInt(frac.length) };
}

/** The exact decimal a JSON number spells, expanding exponent form (`1.5e-7` → `0.00000015`). */
function decimalText(x: number): string {
  if (!Number.isFinite(x)) throw new CaseFormatError(`not a finite number: ${x}`);
  const s = String(x);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (m === null) return s;
  const sign = m[1]!;
  const digits = `${m[2]}${m[3] ?? ''}`;
  // Position of the decimal point within `digits` after applying the exponent.
  const point = m[2]!.length + Number(m[4]);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

export function parseTolerance(t: unknown): Tolerance {
  if (t === 'exact') return { kind: 'exact' };
  if (typeof t === 'object' && t !== null && 'abs' in t && typeof (t as { abs: unknown }).abs === 'number') {
    const d = decimal((t as { abs: number }).abs);
    return { kind: 'abs', numerator: d.numerator, scale: d.scale };
  }
  throw new CaseFormatError(`unknown tolerance ${JSON.stringify(t)}`);
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

/** Integers (rao, u16 units, counts): |actual − expected| ≤ tol, compared exactly. */
export function integerWithin(actual: bigint, expected: bigint, tol: Tolerance): boolean {
  if (tol.kind === 'exact') return actual === expected;
  return abs(actual - expected) * tol.scale <= tol.numerator;
}

/** Fixed-point raws with `fracBits` fractional bits; `abs` is in value units. */
export function fixedWithin(actualRaw: bigint, expectedRaw: bigint, fracBits: number, tol: Tolerance): boolean {
  if (tol.kind === 'exact') return actualRaw === expectedRaw;
  return abs(actualRaw - expectedRaw) * tol.scale <= tol.numerator << BigInt(fracBits);
}

/** A stored u16 read as a real fraction u/65535, against an expected decimal. */
export function u16FractionWithin(actualU16: number, expected: number, tol: Tolerance): boolean {
  const e = decimal(expected);
  // |u/65535 − E/s| = |u·s − E·65535| / (65535·s)
  const diff = abs(BigInt(actualU16) * e.scale - e.numerator * 65535n);
  if (tol.kind === 'exact') return diff === 0n;
  return diff * tol.scale <= tol.numerator * 65535n * e.scale;
}

export function formatValue(v: unknown): string {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'string') return v;
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
}

/** Reads a u64-as-decimal-string field. */
export function bigintField(v: unknown, what: string): bigint {
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
  throw new CaseFormatError(`${what}: expected an integer string, got ${JSON.stringify(v)}`);
}

/** Reads a block number or other u64 that must fit a JS safe integer. */
export function safeIntField(v: unknown, what: string): number {
  const b = bigintField(v, what);
  if (b > BigInt(Number.MAX_SAFE_INTEGER) || b < 0n) throw new CaseFormatError(`${what}: ${b} is out of range`);
  return Number(b);
}

export function numberField(v: unknown, what: string): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw new CaseFormatError(`${what}: expected a number, got ${JSON.stringify(v)}`);
}

export function boolField(v: unknown, what: string): boolean {
  if (typeof v === 'boolean') return v;
  throw new CaseFormatError(`${what}: expected a boolean, got ${JSON.stringify(v)}`);
}

export function objectField(v: unknown, what: string): Record<string, unknown> {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  throw new CaseFormatError(`${what}: expected an object, got ${JSON.stringify(v)}`);
}

export function arrayField(v: unknown, what: string): unknown[] {
  if (Array.isArray(v)) return v;
  throw new CaseFormatError(`${what}: expected a list, got ${JSON.stringify(v)}`);
}

/** A sparse row `[[column, value], …]`; values parsed by `parse`. */
export function rowField(v: unknown, what: string, parse: (x: unknown, what: string) => number): [number, number][] {
  return arrayField(v, what).map((e, k) => {
    const pair = arrayField(e, `${what}[${k}]`);
    if (pair.length !== 2) throw new CaseFormatError(`${what}[${k}]: expected [column, value]`);
    return [numberField(pair[0], `${what}[${k}][0]`), parse(pair[1], `${what}[${k}][1]`)];
  });
}

/** A relation `lhs op rhs` of a case (`==`, `!=`, `<`, `<=`, `>`, `>=`). */
export function compareOp(lhs: bigint, op: string, rhs: bigint): boolean {
  switch (op) {
    case '==':
      return lhs === rhs;
    case '!=':
      return lhs !== rhs;
    case '<':
      return lhs < rhs;
    case '<=':
      return lhs <= rhs;
    case '>':
      return lhs > rhs;
    case '>=':
      return lhs >= rhs;
    default:
      throw new CaseFormatError(`unknown relation operator '${op}'`);
  }
}
