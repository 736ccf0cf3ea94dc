/**
 * `float` numeric mode: the same epoch algorithm on plain float64 fractions. No chain rounding
 * points — use it for speed in large sweeps; `chain` mode is the reference (spec/yuma.md §3.3
 * lists what differs).
 */
import type { Arena } from '../../primitives/arena.ts';
import type { EpochArithmetic, StakeInputs } from './arithmetic.ts';

const U64_MAX_FLOAT = 18446744073709551615;

/** floor(x · 65535) clamped to [0, 65535]: a fraction stored as u16, in float mode. */
export function floatProportionToU16(x: number): number {
  if (!(x > 0)) return 0;
  const v = Math.floor(x * 65535);
  return v > 65535 ? 65535 : v;
}

/**
 * floor(x · E) in rao for a fraction x, float mode; `e` is Number(E). Exported for the fused float
 * epoch (fusedFloatEpoch.ts), which must give the same bigint for the same fraction.
 */
export function floatShareRao(x: number, e: number, emissionRao: bigint): bigint {
  if (!(x > 0)) return 0n;
  // Number(E) may round E up near 2^64, and a share never exceeds the emission itself. A
  // double below e = Number(E) is at most the double just below e, which is below E.
  const f = Math.floor(x * e);
  // BigInt of a small integer (a V8 Smi, below 2^30) is about twice as fast as of a double.
  return f >= e ? emissionRao : f < 0x40000000 ? BigInt(f | 0) : BigInt(f);
}

/**
 * The stake of each uid before normalisation (alpha + root · tao_weight, zeroed below the threshold
 * except for the owner) written into `out`; returns their sum, taken in uid order. Exported for the
 * fused float epoch, which divides by the sum in a later pass of its own.
 */
export function floatStakeBeforeNormalization(inputs: StakeInputs, out: Float64Array): number {
  const n = out.length;
  const tw = Number(inputs.taoWeightRaw) / U64_MAX_FLOAT;
  const threshold = Number(inputs.stakeThresholdRao);
  let sum = 0;
  const alphaRao = inputs.alphaStakeRao;
  const rootRao = inputs.rootStakeRao;
  for (let i = 0; i < n; i++) {
    // Number(bigint) is a runtime call even for 0n, and most uids (miners) hold no stake.
    const a = alphaRao[i];
    const alpha = a === undefined || a === 0n ? 0 : Number(a);
    let total = alpha;
    if (tw !== 0) {
      const r = rootRao[i];
      if (r !== undefined && r !== 0n) total = alpha + Number(r) * tw;
    }
    const kept = Math.floor(total) < threshold && i !== inputs.ownerUid ? 0 : total;
    out[i] = kept;
    sum += kept;
  }
  return sum;
}

function floatNormalizedStake(inputs: StakeInputs, n: number, mem: Arena): Float64Array {
  const out = mem.f64(n);
  const sum = floatStakeBeforeNormalization(inputs, out);
  if (sum === 0) return out;
  for (let i = 0; i < n; i++) out[i] = out[i]! / sum;
  return out;
}

export const floatArithmetic: EpochArithmetic = {
  mode: 'float',
  one: 1,
  mul: (a, b) => a * b,
  div: (a, b) => (b === 0 ? 0 : a / b),
  divIntegers: (x, s) => (s === 0 ? 0 : x / s),
  fromU16Proportion: (u) => u / 65535,
  toU16: floatProportionToU16,
  bondsEmaCoefficient: (bondsMovingAveragePpm) => 1 - bondsMovingAveragePpm / 1_000_000,
  normalizedStake: floatNormalizedStake,
  emissionRao(fractions: Float64Array, emissionRao: bigint): bigint[] {
    const e = Number(emissionRao);
    const out = new Array<bigint>(fractions.length);
    for (let i = 0; i < fractions.length; i++) out[i] = floatShareRao(fractions[i]!, e, emissionRao);
    return out;
  },
  alphaForDistance(d, alphaLow, alphaHigh, steepnessOverMinus100) {
    let x = steepnessOverMinus100 * (d - 0.5);
    if (x < -20) x = -20;
    else if (x > 20) x = 20;
    const sigmoid = 1 / (1 + Math.exp(x));
    const alpha = alphaLow + sigmoid * (alphaHigh - alphaLow);
    return alpha < alphaLow ? alphaLow : alpha > alphaHigh ? alphaHigh : alpha;
  },
  steepnessOverMinus100: (steepness) => steepness / -100,
  toReal: (x) => x,
};
