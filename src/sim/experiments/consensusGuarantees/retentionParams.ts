/**
 * Parameters of one retention map of the "consensus guarantees" study
 * (shared/spec/retention-map.md), the study's fixed network constants, and the rule that turns
 * the fractional κ and β into the chain's u16 hyperparameters.
 *
 * The u16 rule (spec §9), one rule for both κ and β: `round(x · 65535)`, except that exactly 0.5
 * maps to 32 767. Why: κ = 0.5 means "the chain default", which is 32 767 (just below one half),
 * and κ = 0.4 / 0.6 are the exact multiples 26 214 / 39 321. For β the same rule gives 0 → 0,
 * 0.5 → 32 767 (what the current test and the bonds-penalty branch's other tests use) and
 * 1 → 65 535, the 2023 code's hard-coded value behind the published β = 1 figures (the current
 * test's `trunc(b · 65534)` would give 65 534, a β a hair below 1 that takes the interpolation
 * path instead of the β = 1 shortcut; its effect on major_ratio is negligible).
 */
import { assert } from '../../../primitives/assert.ts';

export interface RetentionParams {
  /** S: the major (honest) team's stake share, e.g. 0.6. Must lie strictly between 0 and 1. */
  readonly stake: number;
  /** σ_W: standard deviation of the weight noise relative to the mean weight (0.4 in the baseline). */
  readonly weightsStddev: number;
  /** κ as a fraction; the chain u16 is `u16ProportionOf(κ)` (0.5 → the chain default 32 767). */
  readonly kappa: number;
  /** β as a fraction; the chain u16 is `u16ProportionOf(β)` (1 → 65 535). */
  readonly bondsPenalty: number;
  /** ξ: validators' share of the emission (docs eq. 7); 0.5 is what the chain pays. */
  readonly validatorEmissionRatio: number;
  /** `chain`: the real epoch in bit-exact fixed point; `float`: the float64 fast path. */
  readonly mode: 'chain' | 'float';
  /** Integer ≥ 0; the published study is one draw (seed 0 of the chain's own generator). */
  readonly seed: number;
  /** Grid steps per axis: the map has (weightSteps + 1)² points; the study uses 50. */
  readonly weightSteps: number;
}

/** The study's network (spec §2): 64 validators (uids 0…63) and 448 servers (uids 64…511). */
export const RETENTION_NETWORK = Object.freeze({
  neurons: 512,
  validators: 64,
  servers: 448,
  /** σ_S, the relative stake noise (fixed in `split_graph`). */
  stakeStddev: 0.3,
  /** 21 M TAO in rao, split S : 1 − S between the teams. */
  totalStakeRao: 21_000_000_000_000_000n,
  /** Emission argument of each epoch call, rao. */
  epochEmissionRao: 1_000_000_000n,
  /** Tempo u16::MAX − 1, so no automatic epoch fires; epochs are called by hand (spec §7.1). */
  tempoBlocks: 65_534,
});

/** The 11 stake levels of the published grid (spec §8.4). */
export const RETENTION_STAKES: readonly number[] = Object.freeze([0.51, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.99]);

/** The published baseline (spec §9): σ_W = 0.4, κ = 0.5 (32 767), β = 1, ξ = 0.5, seed 0, 51 × 51. */
export function baselineRetentionParams(stake: number, mode: 'chain' | 'float' = 'float'): RetentionParams {
  return { stake, weightsStddev: 0.4, kappa: 0.5, bondsPenalty: 1, validatorEmissionRatio: 0.5, mode, seed: 0, weightSteps: 50 };
}

/** The u16 the chain stores for a proportion x ∈ [0, 1]: round(x · 65535), and 0.5 → 32 767 (see the file comment). */
export function u16ProportionOf(x: number): number {
  assert(x >= 0 && x <= 1, `a u16 proportion must lie in [0, 1], got ${x}`);
  return x === 0.5 ? 32767 : Math.round(x * 65535);
}

export function assertRetentionParams(p: RetentionParams): void {
  assert(p.stake > 0 && p.stake < 1, `retention map: stake must lie in (0, 1), got ${p.stake}`);
  assert(Number.isFinite(p.weightsStddev) && p.weightsStddev >= 0, `retention map: weightsStddev must be ≥ 0, got ${p.weightsStddev}`);
  assert(p.kappa >= 0 && p.kappa <= 1, `retention map: kappa must lie in [0, 1], got ${p.kappa}`);
  assert(p.bondsPenalty >= 0 && p.bondsPenalty <= 1, `retention map: bondsPenalty must lie in [0, 1], got ${p.bondsPenalty}`);
  assert(
    p.validatorEmissionRatio >= 0 && p.validatorEmissionRatio <= 1,
    `retention map: validatorEmissionRatio must lie in [0, 1], got ${p.validatorEmissionRatio}`,
  );
  assert(p.mode === 'chain' || p.mode === 'float', `retention map: mode must be 'chain' or 'float', got ${String(p.mode)}`);
  assert(Number.isSafeInteger(p.seed) && p.seed >= 0, `retention map: seed must be an integer ≥ 0, got ${p.seed}`);
  assert(Number.isSafeInteger(p.weightSteps) && p.weightSteps >= 1 && p.weightSteps <= 1000, `retention map: weightSteps must be an integer in [1, 1000], got ${p.weightSteps}`);
}
