/**
 * Stake sampling of one team (spec §5), in the chain test's I32F32 arithmetic:
 * x_i = max(0, 1 + σ_S·z_i), normalised within the team (truncating division; unchanged if the
 * sum is 0), stake_i = floor(ratio · x_i · 21·10¹⁵) rao with the products formed in I64F64.
 * The normal deviates arrive as float64 (drawNormals.ts) and enter the fixed-point arithmetic
 * rounded to the nearest I32F32, as the chain's own deviates are I32F32 values.
 */
import { divI32F32, mulI32F32, TWO_32 } from '../../../primitives/fixedNumber.ts';
import { RETENTION_NETWORK } from './retentionParams.ts';

export interface TeamStakes {
  /** Stake per team member, rao. */
  readonly stakeRao: bigint[];
  /** ratio · x_i as an I32F32 raw: the validator's stake fraction before any renormalisation (§8.2). */
  readonly fractionRaw: number[];
}

/** 1 + σ·z clamped at 0, as an I32F32 raw (the only truncation of the Gaussian). */
export function noiseFactorRaw(sigmaRaw: number, z: number): number {
  const x = TWO_32 + mulI32F32(sigmaRaw, Math.round(z * TWO_32));
  return x > 0 ? x : 0;
}

/** Normalises I32F32 raws in place by their sum (truncating), unchanged if the sum is 0. */
export function normalizeRawInPlace(x: Float64Array | number[], start = 0, end = x.length): void {
  let sum = 0;
  for (let i = start; i < end; i++) sum += x[i]!;
  if (sum === 0) return;
  for (let i = start; i < end; i++) x[i] = divI32F32(x[i]!, sum);
}

/** `ratioRaw`: the team's stake share (S or 1 − S) as an I32F32 raw; `z`: one deviate per member. */
export function teamStakes(z: Float64Array, ratioRaw: number, sigmaRaw: number): TeamStakes {
  const x = Array.from(z, (zi) => noiseFactorRaw(sigmaRaw, zi));
  normalizeRawInPlace(x);
  const ratio = BigInt(ratioRaw);
  const total = RETENTION_NETWORK.totalStakeRao;
  return {
    // (ratio·x) in I64F64 is exact (64 fractional bits); × the integer total, then floor.
    stakeRao: x.map((xi) => (ratio * BigInt(xi) * total) >> 64n),
    fractionRaw: x.map((xi) => mulI32F32(ratioRaw, xi)),
  };
}
