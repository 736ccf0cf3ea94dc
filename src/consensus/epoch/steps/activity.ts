/**
 * Activity (spec/yuma.md §2.1; subtensor `epoch/run_epoch.rs::epoch_mechanism`, commit 14bc6f9f):
 * a uid is inactive when its last weight update is older than the activity cutoff,
 * `cutoff = max(1, floor(ActivityCutoffFactorMilli · tempo / 1000))` blocks.
 */
import type { EpochStep, EpochWork } from '../types.ts';

export function activityCutoffBlocks(activityCutoffFactorMilli: number, tempoBlocks: number): number {
  return Math.max(1, Math.floor((activityCutoffFactorMilli * tempoBlocks) / 1000));
}

export const activityStep: EpochStep = {
  name: 'activity',
  description: 'inactive[i] = last_update[i] + cutoff < current_block (last_update padded with 0)',
  run(w: EpochWork): void {
    const { inputs, n } = w;
    const h = inputs.hyperparameters;
    const cutoff = activityCutoffBlocks(h.activityCutoffFactorMilli, h.tempoBlocks);
    const { lastUpdate, currentBlock } = inputs;
    const inactive = new Array<boolean>(n);
    const active = new Array<boolean>(n);
    for (let i = 0; i < n; i++) {
      const stale = (lastUpdate[i] ?? 0) + cutoff < currentBlock;
      inactive[i] = stale;
      active[i] = !stale;
    }
    w.inactive = inactive;
    w.active = active;
  },
};
