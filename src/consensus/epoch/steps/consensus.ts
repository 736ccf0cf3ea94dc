/**
 * Consensus (spec/yuma.md §2.6): the stake-weighted median of each column over validators with
 * active stake, at majority κ = kappa / 65535.
 */
import { weightedMedianColSparse } from '../weightedMedian.ts';
import type { EpochStep, EpochWork } from '../types.ts';

export const consensusStep: EpochStep = {
  name: 'consensus',
  description: 'C = weighted_median_col_sparse(A, W, n, κ)',
  run(w: EpochWork): void {
    const kappa = w.ar.fromU16Proportion(w.inputs.hyperparameters.kappaU16);
    w.consensus = weightedMedianColSparse(w, w.activeStake, w.weights, w.n, kappa);
  },
};
