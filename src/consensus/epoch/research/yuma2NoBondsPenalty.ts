/**
 * Research variant `yuma2_no_bonds_penalty`: original Yuma whose bonds are computed from the raw
 * (masked, row-normalised) weights whatever `bonds_penalty` says.
 *
 * What it changes against the chain: only the `bondsWeights` step. Subtensor
 * (`epoch/run_epoch.rs::epoch_mechanism`, commit 14bc6f9f; spec/yuma.md §2.9) builds the weights
 * the bonds follow as W̃ = W + β·(Wc − W) with β = bonds_penalty / 65535, so a validator that
 * weights a miner above consensus earns bonds only up to the clipped weight when β = 1. Here
 * W̃ = W for every β: bonds follow what the validator said, clipped or not. With bonds_penalty = 0
 * the chain computes exactly this, and the variant equals `yuma2`. Consensus, incentive (which
 * use the clipped weights) and everything after the bonds' inputs are the chain's own.
 *
 * Why study it: the penalty is the chain's answer to validators that over-weight their own miners
 * (the cabal attack, scenarios/attacks/cabal.yaml); this variant isolates what it buys.
 */
import { YUMA2, type EpochVariant } from '../chainVariants.ts';
import { deriveEpochVariant } from '../deriveEpochVariant.ts';
import type { EpochStep, EpochWork } from '../types.ts';

export const rawWeightsForBondsStep: EpochStep = {
  name: 'bondsWeights',
  description: 'W̃ = W: bonds follow the masked, row-normalised weights, unclipped, whatever bonds_penalty is',
  run(w: EpochWork): void {
    // The chain's interpolation returns W itself at β = 0; so does this step, for every β.
    w.weightsForBonds = w.weights;
  },
};

export const YUMA2_NO_BONDS_PENALTY: EpochVariant = deriveEpochVariant(YUMA2, {
  name: 'yuma2_no_bonds_penalty',
  description: 'Research: Yuma2 with bonds from the unclipped weights (W̃ = W, bonds_penalty ignored); equals yuma2 when bonds_penalty = 0.',
  replace: { bondsWeights: rawWeightsForBondsStep },
});
