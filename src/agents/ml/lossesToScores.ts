/**
 * Measured losses → scores, the two rules `validator.ml` offers:
 * - `softmax`: score = exp(−(loss − min loss) / temperature), so the best miner scores 1 and a miner
 *   `temperature` worse scores 1/e. Losses are normalised (MSE / target variance), so the
 *   temperature is dimensionless.
 * - `rank`: the k-th best of n scores (n − k) / n (ties share the better rank), so only the order
 *   counts — robust to the loss scale, blind to how much better the best miner is.
 * Iteration is by UID (the map's keys sorted), so equal inputs give equal outputs.
 */
import { assert } from '../../primitives/assert.ts';

export type ScoringRule = 'softmax' | 'rank';

export function lossesToScores(losses: ReadonlyMap<number, number>, rule: ScoringRule, temperature: number): Map<number, number> {
  const uids = [...losses.keys()].sort((a, b) => a - b);
  const scores = new Map<number, number>();
  if (uids.length === 0) return scores;
  if (rule === 'softmax') {
    assert(temperature > 0, () => `softmax temperature must be positive, got ${temperature}`);
    let min = Infinity;
    for (const u of uids) min = Math.min(min, losses.get(u)!);
    for (const u of uids) scores.set(u, Math.exp(-(losses.get(u)! - min) / temperature));
    return scores;
  }
  const n = uids.length;
  for (const u of uids) {
    const l = losses.get(u)!;
    let better = 0;
    for (const v of uids) if (losses.get(v)! < l) better++;
    scores.set(u, (n - better) / n);
  }
  return scores;
}
