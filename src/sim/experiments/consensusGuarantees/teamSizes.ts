/**
 * Team sizes of the study (spec §3.2, `non_extreme_fixed_ratio` in subtensor
 * `tests/consensus.rs`): k = floor(S · T) with S the I32F32 value of the decimal literal, then
 * clamped so each team keeps at least one member. UID layout mode 0 (blockwise, spec §3.1):
 * validators are uids 0…63, servers 64…511; each team is a prefix of its list.
 */
import { I32F32, fromFloatLiteral } from '../../../primitives/fixed.ts';
import { TWO_32 } from '../../../primitives/fixedNumber.ts';
import { RETENTION_NETWORK } from './retentionParams.ts';

export interface RetentionTeams {
  /** Major validators are uids [0, majorValidators); the minor ones the rest of 0…63. */
  readonly majorValidators: number;
  /** Major servers are uids [64, 64 + majorServers); the minor ones the rest of 64…511. */
  readonly majorServers: number;
}

/** The I32F32 raw of S as the chain converts the decimal literal (round to nearest). */
export function stakeRawI32F32(stake: number): number {
  return Number(fromFloatLiteral(I32F32, stake));
}

/** `non_extreme_fixed_ratio(S, T)`: floor(S · T) in I32F32, clamped to [1, T − 1]. */
export function teamSize(stake: number, count: number): number {
  // raw · count < 2^32 · 2^10: exact in a float64.
  const k = Math.floor((stakeRawI32F32(stake) * count) / TWO_32);
  if (k === 0) return 1;
  if (k === count) return count - 1;
  return k;
}

export function retentionTeams(stake: number): RetentionTeams {
  return {
    majorValidators: teamSize(stake, RETENTION_NETWORK.validators),
    majorServers: teamSize(stake, RETENTION_NETWORK.servers),
  };
}
