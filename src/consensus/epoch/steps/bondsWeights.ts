/**
 * Weights for bonds (spec/yuma.md §2.9): with the bonds penalty β = bonds_penalty / 65535,
 * W̃ = W + β·(Wc − W) — W itself at β = 0, Wc at β = 1.
 */
import { interpolateSparse } from '../math.ts';
import type { EpochStep, EpochWork } from '../types.ts';

export const bondsWeightsStep: EpochStep = {
  name: 'bondsWeights',
  description: 'W̃ = interpolate_sparse(W, Wc, n, β)',
  run(w: EpochWork): void {
    const beta = w.ar.fromU16Proportion(w.inputs.hyperparameters.bondsPenaltyU16);
    w.weightsForBonds = interpolateSparse(w, w.weights, w.clippedWeights, w.n, beta);
  },
};
