/**
 * Validator permits (spec/yuma.md §2.3). The *new* permits (persisted for the next epoch) are the
 * top-k non-zero stakes with the chain's tie rule, plus the owner. The *current* permits used by
 * this epoch are the stored vector with the owner's entry forced on.
 */
import { isTopk } from '../math.ts';
import type { EpochStep, EpochWork } from '../types.ts';

export const validatorPermitsStep: EpochStep = {
  name: 'validatorPermits',
  description: 'new permits = is_topk_nonzero(S, max_allowed_validators) ∪ {owner}; current = stored ∪ {owner}',
  run(w: EpochWork): void {
    const { inputs, n } = w;
    const owner = inputs.ownerUid;
    const fresh = isTopk(w, w.stake, inputs.hyperparameters.maxAllowedValidators, true);
    if (owner !== null && owner < n) fresh[owner] = true;
    w.newValidatorPermit = fresh;

    // Stored vector of any length: entries past its end mean "no permit". The owner's entry is
    // forced on where it exists (an entry is never appended, matching a `get_mut` on chain).
    const stored = inputs.validatorPermit;
    const current = new Array<boolean>(n);
    for (let i = 0; i < n; i++) current[i] = stored[i] ?? false;
    if (owner !== null && owner < n && owner < stored.length) current[owner] = true;
    w.currentPermit = current;
    // `inplace_mask_vector` returns early on an empty mask (spec/yuma.md §7).
    w.currentPermitMasksVectors = stored.length > 0;
  },
};
