/**
 * Incentive (spec/yuma.md §2.8): ranks R = Σ_i A_i · Wc_ij, normalised. There is no separate
 * trust factor since the 2025-10 removal of rank/trust outputs.
 */
import { matmulSparse, normalizeInPlace } from '../math.ts';
import type { EpochStep, EpochWork } from '../types.ts';

export const incentiveStep: EpochStep = {
  name: 'incentive',
  description: 'I = normalize(matmul_sparse(Wc, A))',
  run(w: EpochWork): void {
    w.incentive = normalizeInPlace(w, matmulSparse(w, w.clippedWeights, w.activeStake, w.n));
  },
};
