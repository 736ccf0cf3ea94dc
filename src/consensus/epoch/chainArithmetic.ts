/**
 * `chain` numeric mode: I32F32 raws in float64, bit-exact with subtensor commit 14bc6f9f
 * (`pallets/subtensor/src/epoch/math.rs`, substrate-fixed v0.6.0). Stake normalisation runs in
 * I64F64 and emission products in I96F32, both on bigint where an operand can exceed 2^53.
 */
import type { Arena } from '../../primitives/arena.ts';
import { expSafe } from '../../primitives/fixedExp.ts';
import {
  ONE_I32F32,
  divI32F32,
  divIntegersI32F32,
  expI32F32Small,
  i32f32ProportionToU16,
  mulI32F32,
  mulI32F32ByInteger,
  u16ProportionToI32F32,
} from '../../primitives/fixedNumber.ts';
import type { EpochArithmetic, StakeInputs } from './arithmetic.ts';

const TWO_53 = 2 ** 53;
const U64_MAX = (1n << 64n) - 1n;

/**
 * subtensor `get_tao_weight`: `U96F32::from_num(TaoWeight) / U96F32::from_num(u64::MAX)`, i.e. the
 * fraction floored to 32 fractional bits; returned as that raw.
 */
export function taoWeightRaw32(taoWeightRaw: bigint): bigint {
  return (taoWeightRaw << 32n) / U64_MAX;
}

/**
 * Normalised stake (spec/yuma.md §2.2) exactly as `epoch_mechanism` computes it:
 * total_i = α_i + τ_i·tw in I64F64, zeroed below the stake threshold (owner exempt), normalised in
 * I64F64 (truncating), then floored to I32F32. With T_i = total_i·2^32 (an integer, since tw has
 * 32 fractional bits) this is S_i = floor(T_i·2^32 / ΣT).
 */
function chainNormalizedStake(inputs: StakeInputs, n: number, mem: Arena): Float64Array {
  const tw = taoWeightRaw32(inputs.taoWeightRaw);
  const out = mem.f64(n);
  const threshold = inputs.stakeThresholdRao;
  if (tw === 0n) {
    // Fast path: T_i = α_i·2^32, so S_i = floor(α_i·2^32 / Σα), exact in float64 while Σα < 2^53.
    const alpha = mem.f64(n);
    let sum = 0;
    let fits = true;
    for (let i = 0; i < n; i++) {
      const a = inputs.alphaStakeRao[i] ?? 0n;
      const kept = a < threshold && i !== inputs.ownerUid ? 0n : a;
      if (kept >= 9007199254740992n) fits = false;
      alpha[i] = Number(kept);
      sum += alpha[i]!;
    }
    if (fits && sum < TWO_53) {
      if (sum === 0) return out;
      for (let i = 0; i < n; i++) out[i] = divIntegersI32F32(alpha[i]!, sum);
      return out;
    }
  }
  const total: bigint[] = new Array<bigint>(n);
  let sum = 0n;
  for (let i = 0; i < n; i++) {
    const a = inputs.alphaStakeRao[i] ?? 0n;
    const r = inputs.rootStakeRao[i] ?? 0n;
    const t = (a << 32n) + r * tw; // total_i in units of 2^-32
    const kept = t >> 32n < threshold && i !== inputs.ownerUid ? 0n : t;
    total[i] = kept;
    sum += kept;
  }
  if (sum === 0n) return out;
  for (let i = 0; i < n; i++) out[i] = Number((total[i]! << 32n) / sum);
  return out;
}

/** Liquid-alpha sigmoid (subtensor `epoch/run_epoch.rs::alpha_sigmoid`) on bigint, for large |x|. */
function alphaSigmoidReference(x: bigint): bigint {
  const one = 1n << 32n;
  return (one << 32n) / (one + expSafe(x)); // one.saturating_div(one + exp_safe(x)), ≤ 1
}

export const chainArithmetic: EpochArithmetic = {
  mode: 'chain',
  one: ONE_I32F32,
  mul: mulI32F32,
  div: divI32F32,
  divIntegers: divIntegersI32F32,
  fromU16Proportion: u16ProportionToI32F32,
  toU16: i32f32ProportionToU16,
  bondsEmaCoefficient(bondsMovingAveragePpm: number): number {
    // I64F64 bma/10^6 (truncating), then floored to I32F32: floor(bma·2^32 / 10^6).
    const bma32 = (BigInt(bondsMovingAveragePpm) << 32n) / 1_000_000n;
    return ONE_I32F32 - Number(bma32);
  },
  normalizedStake: chainNormalizedStake,
  emissionRao(fractions: Float64Array, emissionRao: bigint): bigint[] {
    const out = new Array<bigint>(fractions.length);
    if (emissionRao < 9007199254740992n) {
      const e = Number(emissionRao);
      for (let i = 0; i < fractions.length; i++) {
        const x = fractions[i]!;
        out[i] = x <= 0 ? 0n : BigInt(mulI32F32ByInteger(x, e));
      }
      return out;
    }
    for (let i = 0; i < fractions.length; i++) {
      const x = fractions[i]!;
      const v = x <= 0 ? 0n : (BigInt(x) * emissionRao) >> 32n;
      out[i] = v > U64_MAX ? U64_MAX : v; // saturating_to_num::<u64>()
    }
    return out;
  },
  alphaForDistance(d, alphaLow, alphaHigh, steepnessOverMinus100) {
    const one = ONE_I32F32;
    const x = mulI32F32(steepnessOverMinus100, d - one / 2);
    let sigmoid: number;
    const e = expI32F32Small(x);
    if (e !== null) sigmoid = divI32F32(one, one + e);
    else sigmoid = Number(alphaSigmoidReference(BigInt(x)));
    const alpha = alphaLow + mulI32F32(sigmoid, alphaHigh - alphaLow);
    return alpha < alphaLow ? alphaLow : alpha > alphaHigh ? alphaHigh : alpha;
  },
  steepnessOverMinus100(steepness: number): number {
    // saturating_div of two integer-valued I32F32: trunc(k·2^32 / −100).
    const q = Math.floor((Math.abs(steepness) * ONE_I32F32) / 100);
    return steepness > 0 ? -q : q;
  },
  toReal(x: number): number {
    return x / ONE_I32F32;
  },
};
