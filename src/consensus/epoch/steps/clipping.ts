/**
 * Clipping and validator trust (spec/yuma.md §2.7): weights above consensus are cut to it
 * (dropped where consensus is 0); a validator's trust is the sum of its clipped row.
 */
import { colClipSparse, rowSumSparse } from '../math.ts';
import type { EpochStep, EpochWork } from '../types.ts';

export const clippingStep: EpochStep = {
  name: 'clipping',
  description: 'Wc = col_clip_sparse(W, C); validator_trust = row sums of Wc',
  run(w: EpochWork): void {
    w.clippedWeights = colClipSparse(w, w.weights, w.consensus);
    w.validatorTrust = rowSumSparse(w, w.clippedWeights);
  },
};
