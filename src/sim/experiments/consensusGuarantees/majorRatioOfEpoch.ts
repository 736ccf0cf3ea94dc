/**
 * The study's measurement (spec §8.1, §9): the major team's share of one epoch's emission,
 * validators and servers together.
 *
 * - ξ = 0.5 (what the chain pays): in `chain` mode from the stored per-uid `Emission` in rao,
 *   summed exactly (the chain sums in I64F64), the quotient taken in I64F64 and floored to
 *   I32F32 — bit for bit the study's number. In `float` mode from the normalised combined
 *   emission fractions, before the floor to whole rao (which would move the ratio by up to
 *   ~5·10⁻⁷ and hide the float path's agreement with the specialised kernel).
 * - other ξ (no chain parameter; docs eq. 7): (1 − ξ)·Σ_major I + ξ·Σ_major D with the epoch's
 *   incentive and dividend vectors each normalised to sum 1, evaluated in float64 (from the
 *   I32F32 vectors in `chain` mode).
 * - Fallback (spec §7.4 item 9): when Σ(I + D) = 0 the chain pays by active stake, for every ξ;
 *   the ratio is then taken from the emission as for ξ = 0.5, and `fallback` is true.
 */
import type { EpochOutput } from '../../../consensus/epoch/types.ts';
import { RETENTION_NETWORK } from './retentionParams.ts';
import type { RetentionTeams } from './teamSizes.ts';

export interface MajorRatio {
  readonly majorRatio: number;
  readonly fallback: boolean;
}

/** Whether uid belongs to the major team (blockwise layout, spec §3.2). */
export function isMajorUid(uid: number, teams: RetentionTeams): boolean {
  const v = RETENTION_NETWORK.validators;
  return uid < v ? uid < teams.majorValidators : uid < v + teams.majorServers;
}

function emissionShare(out: EpochOutput, teams: RetentionTeams): number {
  if (out.mode === 'chain') {
    let major = 0n;
    let total = 0n;
    out.emissionRao.forEach((e, uid) => {
      total += e;
      if (isMajorUid(uid, teams)) major += e;
    });
    if (total === 0n) return 0;
    // I64F64 quotient (major << 64) / total, truncated, then floored to I32F32.
    const raw32 = ((major << 64n) / total) >> 32n;
    return Number(raw32) / 2 ** 32;
  }
  let major = 0;
  const e = out.trace.normalizedCombinedEmission;
  for (let uid = 0; uid < out.n; uid++) if (isMajorUid(uid, teams)) major += e[uid]!;
  return major;
}

/** Σ_major x / Σ x for a vector of the epoch's trace (any backend; the scale cancels). */
function majorShareOf(x: Float64Array, teams: RetentionTeams): number {
  let major = 0;
  let total = 0;
  for (let uid = 0; uid < x.length; uid++) {
    total += x[uid]!;
    if (isMajorUid(uid, teams)) major += x[uid]!;
  }
  return total === 0 ? 0 : major / total;
}

export function majorRatioOfEpoch(out: EpochOutput, teams: RetentionTeams, validatorEmissionRatio: number): MajorRatio {
  const { incentive, dividends } = out.trace;
  let total = 0;
  for (let uid = 0; uid < out.n; uid++) total += incentive[uid]! + dividends[uid]!;
  const fallback = total === 0;
  if (fallback || validatorEmissionRatio === 0.5) return { majorRatio: emissionShare(out, teams), fallback };
  const xi = validatorEmissionRatio;
  return { majorRatio: (1 - xi) * majorShareOf(incentive, teams) + xi * majorShareOf(dividends, teams), fallback };
}
