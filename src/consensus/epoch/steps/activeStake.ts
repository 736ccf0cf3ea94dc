/**
 * Active stake (spec/yuma.md §2.4): S with inactive uids and uids without a current permit
 * zeroed, renormalised.
 */
import { normalize } from '../math.ts';
import type { EpochStep, EpochWork } from '../types.ts';

export const activeStakeStep: EpochStep = {
  name: 'activeStake',
  description: 'A = normalize(S masked by inactivity and missing permits)',
  run(w: EpochWork): void {
    const a = w.mem.copyF64(w.stake);
    for (let i = 0; i < w.n; i++) {
      if (w.inactive[i] || (w.currentPermitMasksVectors && !w.currentPermit[i])) a[i] = 0;
    }
    w.activeStake = normalize(w, a);
  },
};
