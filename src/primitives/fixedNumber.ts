/**
 * Exact I32F32 arithmetic on float64 numbers — the fast path of the `chain` numeric mode.
 *
 * Why: `bigint` arithmetic allocates and is 20–50× slower than float64 in V8, and the epoch runs
 * tens of thousands of fixed-point operations. Every I32F32 raw the epoch meets after
 * normalisation is an integer far below 2^53 in magnitude (values below 2^21), and integers of
 * that size are exact in a float64. The functions here compute the same raw results as the
 * bigint reference in `fixed.ts` (floor on multiply, truncation on divide), splitting operands
 * into limbs wherever an intermediate product could exceed 2^53. They are property-tested
 * against `fixed.ts` over their whole documented domain.
 *
 * Domain: integer raws with |raw| < 2^53. A result outside that range cannot be represented
 * and fails an assertion instead of silently rounding (such values never occur in the epoch,
 * whose large integers — u16 weight sums — take separate integer paths).
 */
import { AssertionError } from './assert.ts';

export const TWO_16 = 65536;
export const TWO_32 = 4294967296;
/** Raw of 1.0 in I32F32. */
export const ONE_I32F32 = TWO_32;
const TWO_53 = 9007199254740992;
const TWO_37 = 137438953472;
const TWO_42 = 4398046511104;

// Checks throw inline (not through `assert`) so these small functions stay cheap to inline.

/**
 * Set by `mulShift32NonNegative`: whether the product it floored had a non-zero remainder (needed
 * to floor negative products). A module variable instead of a returned pair, so the hot path
 * allocates nothing.
 */
let lastProductInexact = false;

/** floor(a·b / 2^32) for non-negative integers a, b < 2^53 whose result is below 2^53. */
function mulShift32NonNegative(a: number, b: number): number {
  const p = a * b;
  if (p < TWO_53) {
    const q = Math.floor(p / TWO_32);
    lastProductInexact = p !== q * TWO_32;
    return q;
  }
  // a = ah·2^32 + al, b = bh·2^32 + bl; only al·bl carries a fractional part after the shift.
  // Values up to 1.0 (raws ≤ 2^32, the common case) have ah = bh = 0.
  let ah = 0;
  let al = a;
  if (a > TWO_32) {
    ah = Math.floor(a / TWO_32);
    al = a - ah * TWO_32;
  }
  let bh = 0;
  let bl = b;
  if (b > TWO_32) {
    bh = Math.floor(b / TWO_32);
    bl = b - bh * TWO_32;
  }
  // al·bl = (al·b1)·2^16 + al·b0 with b1 ≤ 2^16 and b0 < 2^16, so both partial products are < 2^49.
  const b1 = Math.floor(bl / TWO_16);
  const b0 = bl - b1 * TWO_16;
  const u = al * b1;
  const uq = Math.floor(u / TWO_16);
  const rest = (u - uq * TWO_16) * TWO_16 + al * b0; // < 2^32 + 2^48, exact
  const restQ = Math.floor(rest / TWO_32);
  lastProductInexact = rest !== restQ * TWO_32;
  const q = ah === 0 && bh === 0 ? uq + restQ : (ah * bh) * TWO_32 + ah * bl + al * bh + uq + restQ;
  if (!(q < TWO_53)) throw new AssertionError('I32F32 multiply result exceeds 2^53');
  return q;
}

/**
 * floor(a·b / 2^32) for 0 ≤ a, b < 2^32 (fractions below 1.0, the common case) with 16-bit limbs
 * in integer registers: a·b/2^32 = a1·b1 + ((a1·b0 + a0·b1)·2^16 + a0·b0) / 2^32, where every
 * partial sum stays below 2^51.
 */
function mulFractions(a: number, b: number): number {
  const a1 = a >>> 16;
  const a0 = a & 0xffff;
  const b1 = b >>> 16;
  const b0 = b & 0xffff;
  const t = (a1 * b0 + a0 * b1) * TWO_16 + a0 * b0;
  return a1 * b1 + Math.floor(t / TWO_32);
}

/** I32F32 multiply: floor(a·b / 2^32) (the fixed crate rounds products toward −∞). */
export function mulI32F32(a: number, b: number): number {
  if (a >= 0 && b >= 0) {
    const p = a * b;
    if (p < TWO_53) return Math.floor(p / TWO_32);
    if (a < TWO_32 && b < TWO_32) return mulFractions(a, b);
    return mulShift32NonNegative(a, b);
  }
  const q = mulShift32NonNegative(a < 0 ? -a : a, b < 0 ? -b : b);
  if (a < 0 === b < 0) return q;
  // floor(−P/2^32) = −ceil(P/2^32)
  return lastProductInexact ? -(q + 1) : q === 0 ? 0 : -q;
}

/** Number of significant bits of a positive integer < 2^53. */
function bitLength(x: number): number {
  if (x < TWO_32) return 32 - Math.clz32(x);
  return 64 - Math.clz32(Math.floor(x / TWO_32));
}

/** trunc(a·2^32 / b) for non-negative integers a, b < 2^53 (b > 0), by long division in float64. */
function divShift32NonNegative(a: number, b: number): number {
  const direct = a * TWO_32;
  if (direct < TWO_53) return Math.floor(direct / b);
  // The integer part, then the 32 fractional bits as digits small enough that each partial
  // dividend (remainder < divisor, shifted by the digit size) stays below 2^53, where float64
  // division floors exactly. Divisors below 32.0 take two 16-bit digits, below 1024.0 (any sum
  // of up to 1024 fractions) 11-, 11- and 10-bit digits.
  if (b < TWO_37) {
    const q0 = Math.floor(a / b);
    const n1 = (a - q0 * b) * TWO_16;
    const d1 = Math.floor(n1 / b);
    const n2 = (n1 - d1 * b) * TWO_16;
    const q = q0 * TWO_32 + d1 * TWO_16 + Math.floor(n2 / b);
    if (!(q < TWO_53)) throw new AssertionError('I32F32 divide result exceeds 2^53');
    return q;
  }
  if (b <= TWO_42) {
    const q0 = Math.floor(a / b);
    const n1 = (a - q0 * b) * 2048;
    const d1 = Math.floor(n1 / b);
    const n2 = (n1 - d1 * b) * 2048;
    const d2 = Math.floor(n2 / b);
    const n3 = (n2 - d2 * b) * 1024;
    const q = q0 * TWO_32 + d1 * 2097152 + d2 * 1024 + Math.floor(n3 / b);
    if (!(q < TWO_53)) throw new AssertionError('I32F32 divide result exceeds 2^53');
    return q;
  }
  // Integer part first (exact: a < 2^53), then 32 fractional bits in chunks small enough that
  // every partial dividend stays below 2^53, where float64 division floors exactly.
  let q = Math.floor(a / b);
  let r = a - q * b;
  const chunk = 53 - bitLength(b);
  let remaining = 32;
  if (chunk < 1) {
    // b ≥ 2^52: one bit at a time; 2r < 2^54 is exact and the digit is a comparison.
    while (remaining-- > 0) {
      const r2 = r * 2;
      const d = r2 >= b ? 1 : 0;
      r = r2 - d * b;
      q = q * 2 + d;
    }
  } else {
    while (remaining > 0) {
      const c = chunk < remaining ? chunk : remaining;
      const scale = 2 ** c;
      const r2 = r * scale;
      const d = Math.floor(r2 / b);
      r = r2 - d * b;
      q = q * scale + d;
      remaining -= c;
    }
  }
  if (!(q < TWO_53)) throw new AssertionError('I32F32 divide result exceeds 2^53');
  return q;
}

/**
 * I32F32 `safe_div`: (a·2^32)/b truncated toward zero, 0 when b is 0 (subtensor `SafeDiv`).
 * Overflow cannot happen within the domain: |result| < 2^53 is asserted.
 */
export function divI32F32(a: number, b: number): number {
  if (b === 0) return 0;
  const negative = a < 0 !== b < 0;
  const aa = Math.abs(a);
  const bb = Math.abs(b);
  if (!(bb < TWO_53)) throw new AssertionError('I32F32 divisor exceeds 2^53');
  const q = divShift32NonNegative(aa, bb);
  return negative && q !== 0 ? -q : q;
}

/**
 * I32F32 quotient of two integer-valued fixed numbers, `from_num(x) / from_num(s)`:
 * raw = trunc(x·2^32 / s). Used where the chain normalises rows of u16 integers, whose sums can
 * exceed 2^21 and so have no exact raw in a float64 — while the quotient always does.
 */
export function divIntegersI32F32(x: number, s: number): number {
  if (s === 0) return 0;
  if (!(x >= 0 && s > 0)) throw new AssertionError('divIntegersI32F32 expects non-negative operands');
  if (!(s < TWO_53)) throw new AssertionError('divIntegersI32F32 divisor exceeds 2^53');
  return divShift32NonNegative(x, s);
}

/** `I32F32::from_num(u) / I32F32::from_num(65535)`: a stored u16 read as a proportion. */
export function u16ProportionToI32F32(u: number): number {
  return Math.floor((u * TWO_32) / 65535);
}

/**
 * subtensor `fixed_proportion_to_u16`: floor(x·65535) with the multiply saturating in I32F32 and
 * the conversion saturating to [0, 65535].
 */
export function i32f32ProportionToU16(xRaw: number): number {
  if (xRaw <= 0) return 0;
  if (xRaw >= 2 * TWO_32) return 65535;
  const v = Math.floor((xRaw * 65535) / TWO_32);
  return v > 65535 ? 65535 : v;
}

/** floor(xRaw · amount / 2^32) for a non-negative I32F32 raw and integer amount (both < 2^53). */
export function mulI32F32ByInteger(xRaw: number, amount: number): number {
  return mulShift32NonNegative(xRaw, amount);
}

/**
 * substrate-fixed `exp` evaluated on float64 raws, exact while every term stays below 2^53:
 * guaranteed for |x| ≤ 14 (e^14·2^32 < 2^53). Returns `null` outside that range so callers fall
 * back to the bigint reference (`fixedExp.ts`).
 */
export function expI32F32Small(xRaw: number): number | null {
  if (xRaw === 0) return ONE_I32F32;
  if (xRaw === ONE_I32F32) return E_I32F32_RAW;
  const y = Math.abs(xRaw);
  if (y > 14 * TWO_32) return null;
  let result = y + ONE_I32F32;
  let term = y;
  for (let i = 2; i < 32; i++) {
    // term·y floors, then the division by the integer i truncates (term ≥ 0).
    term = Math.floor(mulI32F32(term, y) / i);
    if (term === 0) break; // every later term is 0 as well
    result += term;
  }
  if (!(result < TWO_53)) throw new AssertionError('exp result exceeds 2^53');
  return xRaw < 0 ? divI32F32(ONE_I32F32, result) : result;
}

/** `e` as substrate-fixed stores it (I9F23 22 802 600 / 2^23) as an I32F32 raw. */
export const E_I32F32_RAW = 22_802_600 * 512;
