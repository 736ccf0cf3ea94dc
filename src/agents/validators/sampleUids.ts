/**
 * A validator's evaluation sample: `k` of the candidate UIDs without replacement (a partial
 * Fisher–Yates shuffle on the agent's own stream), returned ascending; all candidates when `k` is
 * 0 or at least their number. Shared by the honest and the ML validator so both draw alike.
 */
import type { Rng } from '../../primitives/rng.ts';

export function sampleUids(rng: Rng, candidates: readonly number[], k: number): number[] {
  if (k === 0 || k >= candidates.length) return candidates.slice();
  const pool = candidates.slice();
  for (let i = 0; i < k; i++) {
    const j = rng.nextInt(i, pool.length);
    const held = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = held;
  }
  return pool.slice(0, k).sort((a, b) => a - b);
}
