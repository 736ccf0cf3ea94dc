/**
 * The exponential the chain's liquid alpha uses, bit for bit.
 *
 * Ports `substrate-fixed` v0.6.0 `transcendental::exp` for I32F32 and subtensor
 * `pallets/subtensor/src/epoch/math.rs::exp_safe` (commit 14bc6f9f). The library evaluates a
 * truncated Taylor series with I32F32 arithmetic (multiply floors, divide truncates), so its
 * low bits differ from `Math.exp`; liquid-alpha bonds depend on those bits (spec/yuma.md §3.3).
 */
import { I32F32, I9F23, checkedAdd, checkedDiv, checkedMul, convert } from './fixed.ts';

const ONE = I32F32.oneRaw;
/** `e` as substrate-fixed stores it: the I9F23 constant 22 802 600 / 2^23. */
const E_I32F32 = convert(I9F23, I32F32, 22_802_600n);
const EXP_SAFE_MIN = -20n << 32n;
const EXP_SAFE_MAX = 20n << 32n;

/**
 * substrate-fixed `exp` for I32F32: 1 at 0, the stored `e` at exactly 1, otherwise
 * `1 + y + Σ_{i=2}^{31} t_i` with `t_i = floor(t_{i−1}·y)/i` on `y = |x|`, and `1/result` for
 * negative x. Returns `null` where the library reports overflow.
 */
export function fixedExp(xRaw: bigint): bigint | null {
  if (xRaw === 0n) return ONE;
  if (xRaw === ONE) return E_I32F32;
  const negative = xRaw < 0n;
  const y = negative ? -xRaw : xRaw;
  let result = checkedAdd(I32F32, y, ONE);
  if (result === null) return null;
  let term = y;
  // `for i in 2..D::frac_nbits()` — 2 to 31 inclusive for I32F32.
  for (let i = 2n; i < 32n; i++) {
    const product = checkedMul(I32F32, term, y);
    if (product === null) return null;
    const next = checkedDiv(I32F32, product, i << 32n);
    if (next === null) return null;
    term = next;
    result = checkedAdd(I32F32, result, term);
    if (result === null) return null;
  }
  if (negative) {
    // ONE.checked_div(result): result ≥ 1 here, so no overflow.
    return (ONE << 32n) / result;
  }
  return result;
}

/**
 * subtensor `exp_safe`: clamps the input to [−20, 20] and maps a library overflow to 0 (x ≤ 0)
 * or I32F32::MAX.
 */
export function expSafe(xRaw: bigint): bigint {
  const x = xRaw < EXP_SAFE_MIN ? EXP_SAFE_MIN : xRaw > EXP_SAFE_MAX ? EXP_SAFE_MAX : xRaw;
  const r = fixedExp(x);
  if (r !== null) return r;
  return x <= 0n ? 0n : I32F32.maxRaw;
}
