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
 * 320-bit BigInt ln/exp instead, which is far inside them.
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
// 320-bit fixed-point ln/exp for the odd exponents.

const FRAC_BITS = 320n;
const ONE = 1n << FRAC_BITS;

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

/** ln 2 = 2·atanh(1/3). */
const LN2 = 2n * atanhFixed(ONE / 3n);

/** ln(n) for an integer n ≥ 1, as a fixed-point value: n = m·2^k with m ∈ [1, 2), ln m = 2·atanh((m−1)/(m+1)). */
function lnInteger(n: bigint): bigint {
  const k = BigInt(n.toString(2).length) - 1n;
  const m = k >= FRAC_BITS ? n >> (k - FRAC_BITS) : n << (FRAC_BITS - k); // m·2^FRAC_BITS, m ∈ [1, 2)
  const z = ((m - ONE) << FRAC_BITS) / (m + ONE);
  return k * LN2 + 2n * atanhFixed(z);
}

/** exp(x) for a signed fixed-point x: x = j·ln2 + r with |r| ≤ ln2/2, Taylor series for e^r. */
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
  let term = ONE;
  let sum = ONE;
  for (let k = 1n; term !== 0n; k++) {
    term = (term * r) / (ONE * k);
    sum += term;
  }
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
