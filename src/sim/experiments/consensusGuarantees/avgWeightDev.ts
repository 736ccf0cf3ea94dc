/**
 * `avg_weight_dev` (spec §8.2): how much validators disagree, from the *sampled* fractions rather
 * than chain storage — stake fractions ŝ_i (ratio·x_i renormalised over all uids) and weights
 * ŵ_ij = w·y_j before the u16 conversion, renormalised per row. Per server the stake-weighted
 * mean μ_j and mean absolute deviation d_j; the result is Σ d / Σ μ. Evaluated in float64 from
 * the I32F32 samples (the chain test's I32F32 evaluation differs in the last digits only; the
 * study prints the value with 3 decimals and never plots it).
 *
 * μ_j splits into the two teams' parts, each depending on one grid weight only, so those are
 * precomputed; the deviation needs one pass over the 64 × 448 weights per point.
 */
import { gridWeightRaw } from './blockProportions.ts';
import { RETENTION_NETWORK } from './retentionParams.ts';
import type { RetentionSample } from './retentionSample.ts';
import { blockTotalsRaw } from './retentionWeightRows.ts';

/** 2^32 as a local constant (an imported binding is a getter call in hot loops under tsx). */
const TWO_32 = 4294967296;

export class AvgWeightDev {
  readonly #size: number;
  readonly #hv: number;
  readonly #stake: Float64Array;
  /** ŵ per (validator, grid index), 448 each. */
  readonly #weights: Float64Array;
  /** Σ_{i∈team} ŝ_i ŵ_ij per (grid index, server), for the major and the minor team. */
  readonly #meanMajor: Float64Array;
  readonly #meanMinor: Float64Array;
  readonly #mean = new Float64Array(RETENTION_NETWORK.servers);

  constructor(sample: RetentionSample, steps: number) {
    const { validators, servers } = RETENTION_NETWORK;
    const size = steps + 1;
    const hv = sample.teams.majorValidators;
    const hs = sample.teams.majorServers;
    this.#size = size;
    this.#hv = hv;
    let total = 0;
    for (const s of sample.stakeFraction) total += s;
    const stake = Float64Array.from(sample.stakeFraction, (s) => (total === 0 ? 0 : s / total));
    this.#stake = stake;
    const y = sample.blockProportionRaw;
    const weights = new Float64Array(validators * size * servers);
    this.#meanMajor = new Float64Array(size * servers);
    this.#meanMinor = new Float64Array(size * servers);
    for (let i = 0; i < validators; i++) {
      const mean = i < hv ? this.#meanMajor : this.#meanMinor;
      for (let g = 0; g < size; g++) {
        const [wMajor, wMinor] = blockTotalsRaw(i < hv, gridWeightRaw(g, steps));
        const base = (i * size + g) * servers;
        let sum = 0;
        const major = wMajor / TWO_32;
        const minor = wMinor / TWO_32;
        for (let k = 0; k < servers; k++) sum += weights[base + k] = (k < hs ? major : minor) * (y[i * servers + k]! / TWO_32);
        if (sum > 0) for (let k = 0; k < servers; k++) weights[base + k] = weights[base + k]! / sum;
        for (let k = 0; k < servers; k++) mean[g * servers + k] = mean[g * servers + k]! + stake[i]! * weights[base + k]!;
      }
    }
    this.#weights = weights;
  }

  /** avg_weight_dev at W_H = a/steps, W_C = b/steps. */
  at(a: number, b: number): number {
    const { validators, servers } = RETENTION_NETWORK;
    const size = this.#size;
    const w = this.#weights;
    const mu = this.#mean;
    let meanSum = 0;
    for (let k = 0; k < servers; k++) meanSum += mu[k] = this.#meanMajor[a * servers + k]! + this.#meanMinor[b * servers + k]!;
    let dev = 0;
    for (let i = 0; i < validators; i++) {
      const s = this.#stake[i]!;
      if (s === 0) continue;
      const base = (i * size + (i < this.#hv ? a : b)) * servers;
      let d = 0;
      for (let k = 0; k < servers; k++) d += Math.abs(mu[k]! - w[base + k]!);
      dev += s * d;
    }
    return meanSum === 0 ? 0 : dev / meanSum;
  }
}
