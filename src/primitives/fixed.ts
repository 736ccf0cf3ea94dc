/**
 * Fixed-point numbers with the exact semantics of `substrate-fixed` v0.6.0 (the library that
 * `pallets/subtensor` pins; see shared/spec/yuma.md §3.1).
 *
 * A fixed-point value is carried as its raw integer (`bigint`): value = raw / 2^fracBits.
 * Each type below is a table of pure functions on raws, so values never allocate wrappers and
 * can be stored in plain arrays. Rounding points follow the chain:
 *   - multiply floors (arithmetic shift, rounds toward −∞);
 *   - divide truncates toward zero;
 *   - `saturating*` clamps to the type's range, `checked*` returns `null` on overflow,
 *     `safeDiv` returns 0 on division by zero or overflow (subtensor's `SafeDiv`);
 *   - conversion to a narrower fraction floors, conversion to an integer floors and saturates.
 *
 * This module is the reference: slow but exact for every input. The epoch's hot loops use
 * `fixedNumber.ts`, which is property-tested against it.
 */
import { assert } from './assert.ts';

export interface FixedType {
  readonly name: string;
  readonly intBits: number;
  readonly fracBits: number;
  readonly signed: boolean;
  /** Raw bounds (inclusive). */
  readonly minRaw: bigint;
  readonly maxRaw: bigint;
  /** Raw of 1.0. */
  readonly oneRaw: bigint;
}

/** Builds a fixed-point type description (e.g. I32F32 = 32 integer + 32 fractional bits, signed). */
export function makeFixedType(name: string, intBits: number, fracBits: number, signed: boolean): FixedType {
  const total = BigInt(intBits + fracBits);
  return Object.freeze({
    name,
    intBits,
    fracBits,
    signed,
    minRaw: signed ? -(1n << (total - 1n)) : 0n,
    maxRaw: signed ? (1n << (total - 1n)) - 1n : (1n << total) - 1n,
    oneRaw: 1n << BigInt(fracBits),
  });
}

export const I32F32 = makeFixedType('I32F32', 32, 32, true);
export const I64F64 = makeFixedType('I64F64', 64, 64, true);
export const U64F64 = makeFixedType('U64F64', 64, 64, false);
export const I96F32 = makeFixedType('I96F32', 96, 32, true);
export const U96F32 = makeFixedType('U96F32', 96, 32, false);
/** The constant type substrate-fixed uses for e (I9F23). */
export const I9F23 = makeFixedType('I9F23', 9, 23, true);

export function inRange(t: FixedType, raw: bigint): boolean {
  return raw >= t.minRaw && raw <= t.maxRaw;
}

export function saturate(t: FixedType, raw: bigint): bigint {
  if (raw < t.minRaw) return t.minRaw;
  if (raw > t.maxRaw) return t.maxRaw;
  return raw;
}

/** `from_num(integer)` with overflow checking (panics on the chain; throws here). */
export function fromInt(t: FixedType, n: bigint | number): bigint {
  const raw = BigInt(n) << BigInt(t.fracBits);
  assert(inRange(t, raw), () => `${t.name}.fromInt(${n}) overflows`);
  return raw;
}

/** `saturating_from_num(integer)`. */
export function saturatingFromInt(t: FixedType, n: bigint | number): bigint {
  return saturate(t, BigInt(n) << BigInt(t.fracBits));
}

/**
 * `from_num(f64 literal)`: rounds to the nearest representable value, ties to even. Only used for
 * constants the chain writes as float literals (0.5, 1.0, ...).
 */
export function fromFloatLiteral(t: FixedType, x: number): bigint {
  assert(Number.isFinite(x), () => `${t.name}.fromFloatLiteral(${x}) is not finite`);
  const scaled = x * 2 ** t.fracBits; // exact: scaling by a power of two
  const floor = Math.floor(scaled);
  const diff = scaled - floor;
  let rounded: bigint;
  if (Number.isSafeInteger(floor)) {
    rounded = BigInt(floor);
    if (diff > 0.5 || (diff === 0.5 && (floor & 1) === 1)) rounded += 1n;
  } else {
    rounded = BigInt(floor); // beyond 2^53 every double is an integer
  }
  assert(inRange(t, rounded), () => `${t.name}.fromFloatLiteral(${x}) overflows`);
  return rounded;
}

/** Multiplication before the range check: floor(a·b / 2^frac). */
function mulUnchecked(t: FixedType, a: bigint, b: bigint): bigint {
  return (a * b) >> BigInt(t.fracBits);
}

export function mul(t: FixedType, a: bigint, b: bigint): bigint {
  const r = mulUnchecked(t, a, b);
  assert(inRange(t, r), () => `${t.name}.mul overflows`);
  return r;
}

export function saturatingMul(t: FixedType, a: bigint, b: bigint): bigint {
  return saturate(t, mulUnchecked(t, a, b));
}

export function checkedMul(t: FixedType, a: bigint, b: bigint): bigint | null {
  const r = mulUnchecked(t, a, b);
  return inRange(t, r) ? r : null;
}

/** Division before the range check: (a·2^frac) / b truncated toward zero. */
function divUnchecked(t: FixedType, a: bigint, b: bigint): bigint {
  return (a << BigInt(t.fracBits)) / b;
}

export function div(t: FixedType, a: bigint, b: bigint): bigint {
  assert(b !== 0n, () => `${t.name}.div by zero`);
  const r = divUnchecked(t, a, b);
  assert(inRange(t, r), () => `${t.name}.div overflows`);
  return r;
}

export function checkedDiv(t: FixedType, a: bigint, b: bigint): bigint | null {
  if (b === 0n) return null;
  const r = divUnchecked(t, a, b);
  return inRange(t, r) ? r : null;
}

/** subtensor `SafeDiv::safe_div`: 0 when the divisor is 0 or the quotient overflows. */
export function safeDiv(t: FixedType, a: bigint, b: bigint): bigint {
  return checkedDiv(t, a, b) ?? 0n;
}

/** `saturating_div`; like the fixed crate it refuses a zero divisor. */
export function saturatingDiv(t: FixedType, a: bigint, b: bigint): bigint {
  assert(b !== 0n, () => `${t.name}.saturatingDiv by zero`);
  return saturate(t, divUnchecked(t, a, b));
}

export function add(t: FixedType, a: bigint, b: bigint): bigint {
  const r = a + b;
  assert(inRange(t, r), () => `${t.name}.add overflows`);
  return r;
}

export function checkedAdd(t: FixedType, a: bigint, b: bigint): bigint | null {
  const r = a + b;
  return inRange(t, r) ? r : null;
}

export function saturatingAdd(t: FixedType, a: bigint, b: bigint): bigint {
  return saturate(t, a + b);
}

export function sub(t: FixedType, a: bigint, b: bigint): bigint {
  const r = a - b;
  assert(inRange(t, r), () => `${t.name}.sub overflows`);
  return r;
}

export function saturatingSub(t: FixedType, a: bigint, b: bigint): bigint {
  return saturate(t, a - b);
}

/**
 * Converts a raw of type `from` into type `to`: drops (floors) or appends fractional bits, then
 * saturates — `to::saturating_from_num(from_value)`.
 */
export function saturatingConvert(from: FixedType, to: FixedType, raw: bigint): bigint {
  return saturate(to, shiftFraction(from, to, raw));
}

/** `to::from_num(from_value)`, asserting the value fits. */
export function convert(from: FixedType, to: FixedType, raw: bigint): bigint {
  const r = shiftFraction(from, to, raw);
  assert(inRange(to, r), () => `${from.name} → ${to.name} overflows`);
  return r;
}

function shiftFraction(from: FixedType, to: FixedType, raw: bigint): bigint {
  const d = to.fracBits - from.fracBits;
  return d >= 0 ? raw << BigInt(d) : raw >> BigInt(-d);
}

/** Integer part, floored (`to_num::<iN or uN>()` discards fractional bits toward −∞). */
export function floorToInt(t: FixedType, raw: bigint): bigint {
  return raw >> BigInt(t.fracBits);
}

/** `saturating_to_num::<uN>()`: floor, then clamp to [0, 2^bits − 1]. */
export function saturatingToUint(t: FixedType, raw: bigint, bits: number): bigint {
  const v = floorToInt(t, raw);
  const max = (1n << BigInt(bits)) - 1n;
  if (v < 0n) return 0n;
  return v > max ? max : v;
}

/** Rounds half away from zero to an integer (`fixed::round`), returned as an integer. */
export function roundToInt(t: FixedType, raw: bigint): bigint {
  const half = 1n << BigInt(t.fracBits - 1);
  const f = BigInt(t.fracBits);
  return raw >= 0n ? (raw + half) >> f : -((-raw + half) >> f);
}

/** Approximate value as a float64 (reports, float mode, debugging — never for chain math). */
export function toNumber(t: FixedType, raw: bigint): number {
  return Number(raw) / 2 ** t.fracBits;
}

/** `I32F32::from_num(a) / I32F32::from_num(b)` style quotient of two integers (truncating). */
export function fromRatio(t: FixedType, numerator: bigint | number, denominator: bigint | number): bigint {
  return div(t, fromInt(t, numerator), fromInt(t, denominator));
}

export function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

export function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

export function clamp(x: bigint, lo: bigint, hi: bigint): bigint {
  return x < lo ? lo : x > hi ? hi : x;
}

/** 65535 as an I32F32 raw, the scale of every stored u16 proportion. */
export const U16_MAX_I32F32 = 65535n << 32n;

/**
 * subtensor `epoch/math.rs::fixed_proportion_to_u16`: `floor(x · 65535)` in I32F32 (saturating
 * multiply), then saturating conversion to u16.
 */
export function fixedProportionToU16(xRaw: bigint): number {
  return Number(saturatingToUint(I32F32, saturatingMul(I32F32, xRaw, U16_MAX_I32F32), 16));
}

/** subtensor `fixed_proportion_from_u16` style read of a u16 proportion: u16 / 65535 (truncating). */
export function u16ProportionToFixed(u16: number): bigint {
  return fromRatio(I32F32, u16, 65535);
}
