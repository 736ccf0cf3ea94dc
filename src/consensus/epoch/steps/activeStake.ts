/**
 * Active stake (spec/yuma.md §2.4): S with inactive uids and uids without a current permit
 * zeroed, renormalised.
 */
import { normalizeInPlace } from '../math.ts';
import type { EpochStep, EpochWork } from '../types.ts';

export const activeStakeStep: EpochStep = {
  name: 'activeStake',
  description: 'A = normalize(S masked by inactivity and missing permits)',
  run(w: EpochWork): void {
    const a = w.mem.copyF64(w.stake);
    const { inactive, currentPermit } = w;
    const masksPermits = w.currentPermitMasksVectors;
    for (let i = 0; i < w.n; i++) {
      if (inactive[i] || (masksPermits && !currentPermit[i])) a[i] = 0;
    }
    w.activeStake = normalizeInPlace(w, a);
  },
};
