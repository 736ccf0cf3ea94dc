/**
 * The random part of one retention map: stakes and weight noise of the 512-neuron network,
 * drawn ONCE per call. Every (W_H, W_C) grid point of the map reuses these draws — the chain
 * test re-seeds its generator for every sample, so all points of one stake level see the same
 * noise (common random numbers, spec §4.1) and the map is a smooth function of the weights.
 *
 * Draws come from `Rng.fromSeed(seed)` in the consumption order of spec §4.3:
 * 1. stake deviates of the major validators, then of the minor validators;
 * 2. for each major validator in uid order: its major-server block, then its minor-server block;
 * 3. the same for each minor validator.
 * All 2·64 + 64·2·448 = 57 472 uniforms are consumed whatever σ_W is, so a weight parameter never
 * shifts the stake draws. The seed does not depend on S: as in the study, the same draws land on
 * different roles at different stake levels.
 */
import { I32F32, fromFloatLiteral } from '../../../primitives/fixed.ts';
import { TWO_32 } from '../../../primitives/fixedNumber.ts';
import { Rng } from '../../../primitives/rng.ts';
import { blockProportionsRaw } from './blockProportions.ts';
import { drawNormals } from './drawNormals.ts';
import { RETENTION_NETWORK, type RetentionParams } from './retentionParams.ts';
import { retentionTeams, stakeRawI32F32, type RetentionTeams } from './teamSizes.ts';
import { teamStakes } from './teamStakes.ts';

export interface RetentionSample {
  readonly teams: RetentionTeams;
  /** Stake per uid (512), rao; servers hold none. */
  readonly stakeRao: readonly bigint[];
  /** Per validator (64): the I32F32 stake fraction ratio·x_i as a real number (spec §8.2 ŝ before renormalising). */
  readonly stakeFraction: Float64Array;
  /**
   * Per validator, per server (64 × 448, row-major, servers in uid order): the noise proportion
   * y_j normalised within its block, as an I32F32 raw. The weight the validator submits on a
   * server is `submittedWeightU16(w, y)` with w the block's total (W_H, 1 − W_H, 1 − W_C or W_C).
   */
  readonly blockProportionRaw: Float64Array;
}

/** σ as the chain test has it: a 32-bit float literal converted to I32F32 (0.4 → 0.4000000060). */
function f32LiteralRaw(x: number): number {
  return Number(fromFloatLiteral(I32F32, Math.fround(x)));
}

export function drawRetentionSample(p: Pick<RetentionParams, 'stake' | 'weightsStddev' | 'seed'>): RetentionSample {
  const { validators, servers, neurons } = RETENTION_NETWORK;
  const teams = retentionTeams(p.stake);
  const hv = teams.majorValidators;
  const hs = teams.majorServers;
  const rng = Rng.fromSeed(p.seed);
  const stakeSigmaRaw = Number(fromFloatLiteral(I32F32, RETENTION_NETWORK.stakeStddev));
  const weightSigmaRaw = f32LiteralRaw(p.weightsStddev);
  const majorRaw = stakeRawI32F32(p.stake);

  const major = teamStakes(drawNormals(rng, hv), majorRaw, stakeSigmaRaw);
  const minor = teamStakes(drawNormals(rng, validators - hv), TWO_32 - majorRaw, stakeSigmaRaw);

  const blockProportionRaw = new Float64Array(validators * servers);
  for (let i = 0; i < validators; i++) {
    blockProportionsRaw(drawNormals(rng, hs), weightSigmaRaw, blockProportionRaw, i * servers);
    blockProportionsRaw(drawNormals(rng, servers - hs), weightSigmaRaw, blockProportionRaw, i * servers + hs);
  }

  const stakeRao = new Array<bigint>(neurons).fill(0n);
  const fractions = [...major.fractionRaw, ...minor.fractionRaw];
  [...major.stakeRao, ...minor.stakeRao].forEach((s, i) => (stakeRao[i] = s));
  return {
    teams,
    stakeRao,
    stakeFraction: Float64Array.from(fractions, (raw) => raw / TWO_32),
    blockProportionRaw,
  };
}
