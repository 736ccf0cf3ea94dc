/**
 * Stake (spec/yuma.md §2.2): alpha + root × tao_weight in I64F64, zeroed below the global stake
 * threshold except for the subnet owner, normalised, floored to I32F32. The arithmetic lives in
 * the backend (`normalizedStake`) because `chain` mode needs 64 fractional bits here.
 */
import type { EpochStep, EpochWork } from '../types.ts';

export const stakeStep: EpochStep = {
  name: 'stake',
  description: 'S = normalize(threshold-filtered alpha + root·tao_weight)',
  run(w: EpochWork): void {
    const { inputs } = w;
    w.stake = w.ar.normalizedStake(
      {
        alphaStakeRao: inputs.alphaStakeRao,
        rootStakeRao: inputs.rootStakeRao,
        taoWeightRaw: inputs.hyperparameters.taoWeightRaw,
        stakeThresholdRao: inputs.hyperparameters.stakeThresholdRao,
        ownerUid: inputs.ownerUid,
      },
      w.n,
      w.mem,
    );
  },
};
