/**
 * floor(scale · (a/b)^(p/q)) on non-negative integers: the power every balancer formula goes
 * through (shared/spec/conformance.md §7 `pow`). The chain calls safe-bigmath's
 * `SafeInt::pow_ratio_scaled` from pallets/swap/src/pallet/balancer.rs (chain commit 14bc6f9).
 *
 * After p/q is reduced by its gcd, small exponents (p, q ≤ 1024 — every "round" pool weight such
 * as 0.5 → 1/1, 0.25/0.75 → 1/3) are computed exactly with an integer q-th root, so the chain's
 * floors are reproduced bit for bit. Larger exponents only arise from odd weights after an
 * injection re-weighting (e.g. 500000000000125000/10^18); there the library approximates through
 * ln/exp series and the conformance tolerances are ≥ 2 rao, so we evaluate the real value with a
 * 192-bit BigInt ln/exp instead, which is far inside them.
 */
import { assert } from '../../primitives/assert.ts';

/** Largest reduced numerator/denominator the chain's library computes exactly. */
export const EXACT_EXPONENT_MAX = 1024n;

/**
 * floor(scale · (a/b)^(p/q)). Returns 0 where the library returns `None` (b = 0 or q = 0); every
 * caller on the chain maps that `None` to 0 as well.
 */
export function powRatioScaled(a: bigint, b: bigint, p: bigint, q: bigint, scale: bigint): bigint {
  assert(a >= 0n && b >= 0n && p >= 0n && q >= 0n && scale >= 0n, () => `powRatioScaled(${a}, ${b}, ${p}, ${q}, ${scale}): negative argument`);
  if (b === 0n || q === 0n) return 0n;
  if (p === 0n) return scale;
  if (a === 0n || scale === 0n) return 0n;
  if (a === b) return scale;
  const g = gcd(p, q);
  const pr = p / g;
  const qr = q / g;
  if (pr <= EXACT_EXPONENT_MAX && qr <= EXACT_EXPONENT_MAX) return exactPowRatioScaled(a, b, pr, qr, scale);
  return powRatioScaledSeries(a, b, pr, qr, scale);
}

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * floor(n^(1/k)) for n ≥ 0, k ≥ 1, by Newton's method from above (the iterates decrease
 * monotonically to the floor of the root).
 */
export function integerRoot(n: bigint, k: bigint): bigint {
  assert(n >= 0n && k >= 1n, () => `integerRoot(${n}, ${k})`);
  if (n < 2n || k === 1n) return n;
  const bits = BigInt(n.toString(2).length);
  let x = 1n << ((bits + k - 1n) / k); // ≥ the root
  const km1 = k - 1n;
  for (;;) {
    const y = (km1 * x + n / x ** km1) / k;
    if (y >= x) return x;
    x = y;
  }
}

/** floor(s·(a/b)^(p/q)) = floor((s^q·a^p / b^p)^(1/q)): floor inside the root is harmless for integer roots. */
function exactPowRatioScaled(a: bigint, b: bigint, p: bigint, q: bigint, scale: bigint): bigint {
  const bp = b ** p;
  if (q === 1n) return (scale * a ** p) / bp;
  return integerRoot((scale ** q * a ** p) / bp, q);
}

// ---------------------------------------------------------------------------------------------
// 192-bit fixed-point ln/exp for the odd exponents. 192 fraction bits keep the relative error near
// 2^-180, far below the 1-rao resolution of any u64 result; table-based argument reduction keeps
// each series to about 16 terms (a 128-subnet coinbase evaluates several of these per block).

const FRAC_BITS = 192n;
const ONE = 1n << FRAC_BITS;
/** Table steps: ln over [1, 2) in steps of 1/32, exp in steps of 1/64. */
const LN_STEPS = 32n;
const EXP_STEPS = 64n;

/** atanh(z) for a fixed-point 0 ≤ z ≤ 1/3, by its Taylor series (each term ≤ z² times the last). */
function atanhFixed(z: bigint): bigint {
  const z2 = (z * z) >> FRAC_BITS;
  let term = z;
  let sum = 0n;
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += term / k;
    term = (term * z2) >> FRAC_BITS;
  }
  return sum;
}

/** ln(m) for a fixed-point m ≥ 1 near 1, as 2·atanh((m − 1)/(m + 1)). */
function lnNearOne(m: bigint): bigint {
  return 2n * atanhFixed(((m - ONE) << FRAC_BITS) / (m + ONE));
}

/** ln 2 = 2·atanh(1/3). */
const LN2 = 2n * atanhFixed(ONE / 3n);

/** LN_TABLE[i] = ln(1 + i/32), i = 0 … 31. */
const LN_TABLE: readonly bigint[] = Array.from({ length: Number(LN_STEPS) }, (_, i) => lnNearOne(ONE + (BigInt(i) << FRAC_BITS) / LN_STEPS));

/**
 * ln(n) for an integer n ≥ 1, as a fixed-point value: n = m·2^k with m ∈ [1, 2); m = c·(m/c) with
 * c = 1 + i/32 the table point below m, so ln m = ln c + 2·atanh(z) with z ≤ 1/65.
 */
function lnInteger(n: bigint): bigint {
  const k = BigInt(n.toString(2).length) - 1n;
  const m = k >= FRAC_BITS ? n >> (k - FRAC_BITS) : n << (FRAC_BITS - k); // m·2^FRAC_BITS, m ∈ [1, 2)
  const i = ((m - ONE) * LN_STEPS) >> FRAC_BITS;
  const c = ONE + (i << FRAC_BITS) / LN_STEPS;
  return k * LN2 + LN_TABLE[Number(i)]! + lnNearOne((m << FRAC_BITS) / c);
}

/** EXP_TABLE[j + 23] = exp(j/64), j = −23 … 23 (covers |r| ≤ ln2/2 < 23/64 after rounding). */
const EXP_TABLE_HALF = 23;
const EXP_TABLE: readonly bigint[] = Array.from({ length: 2 * EXP_TABLE_HALF + 1 }, (_, idx) => expSeries((BigInt(idx - EXP_TABLE_HALF) << FRAC_BITS) / EXP_STEPS));

/** e^r by its Taylor series, for a small fixed-point r. */
function expSeries(r: bigint): bigint {
  let term = ONE;
  let sum = ONE;
  for (let k = 1n; term !== 0n; k++) {
    term = ((term * r) >> FRAC_BITS) / k;
    sum += term;
  }
  return sum;
}

/** exp(x) for a signed fixed-point x: x = j·ln2 + t/64 + r' with |r'| ≤ 1/128; e^x = 2^j·e^(t/64)·e^(r'). */
function expFixed(x: bigint): bigint {
  let j = x / LN2;
  let r = x - j * LN2;
  if (2n * r > LN2) {
    r -= LN2;
    j += 1n;
  } else if (2n * r < -LN2) {
    r += LN2;
    j -= 1n;
  }
  // t = round(r·64): |t| ≤ 23 since |r| ≤ ln2/2 ≈ 0.3466.
  const t = (r * EXP_STEPS + (r >= 0n ? ONE / 2n : -ONE / 2n)) >> FRAC_BITS;
  const rest = r - (t << FRAC_BITS) / EXP_STEPS;
  const sum = (EXP_TABLE[Number(t) + EXP_TABLE_HALF]! * expSeries(rest)) >> FRAC_BITS;
  return j >= 0n ? sum << j : sum >> -j;
}

/**
 * s·exp((p/q)·(ln a − ln b)), floored; a, b, scale ≥ 1. Exported so tests can hold it against the
 * exact path on small exponents.
 */
export function powRatioScaledSeries(a: bigint, b: bigint, p: bigint, q: bigint, scale: bigint): bigint {
  const lnRatio = lnInteger(a) - lnInteger(b);
  const exponent = (lnRatio * p) / q;
  return expFixed(exponent + lnInteger(scale)) >> FRAC_BITS;
}
