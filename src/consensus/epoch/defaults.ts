/**
 * Hyperparameter values a newly registered subnet gets on chain (`init_new_network`, with the
 * runtime's storage defaults for everything it does not set), spec/yuma.md §4 and
 * spec/conformance.md §14, commit 14bc6f9f.
 */
import type { EpochHyperparameters } from './types.ts';

export const NEW_SUBNET_EPOCH_HYPERPARAMETERS: EpochHyperparameters = Object.freeze({
  tempoBlocks: 360,
  kappaU16: 32767,
  bondsPenaltyU16: 65535,
  bondsMovingAveragePpm: 900_000,
  yuma3On: true,
  liquidAlphaOn: false,
  alphaLowU16: 45875,
  alphaHighU16: 58982,
  alphaSigmoidSteepness: 1000,
  activityCutoffFactorMilli: 13889,
  maxAllowedValidators: 64,
  commitRevealWeightsEnabled: true,
  revealPeriodEpochs: 1,
  stakeThresholdRao: 0n,
  /** Genesis TaoWeight ≈ 0.0527; chains that ran `migrate_rao` have ≈ 0.18 (read it from state). */
  taoWeightRaw: 971_718_665_099_567_868n,
});
