/**
 * The classification loss validators measure: mean cross-entropy of the answered class
 * probabilities against the true labels, divided by ln(classes) so a uniform guess scores 1.
 *
 * Answers are whatever a miner sends, so each row is made a distribution first: negative values
 * count as 0 and the row is divided by its sum; a row with no positive mass (or a non-finite one)
 * counts as a uniform guess. The probability of the true class is floored at
 * `PROBABILITY_FLOOR` — the clipped log loss of most benchmarks — so one confidently wrong answer
 * costs at most ln(1000) ≈ 6.9 nats instead of infinity, and answers quantised to 1/4096 that
 * round a small probability to 0 stay finite.
 */
import { assert } from '../../primitives/assert.ts';

export const PROBABILITY_FLOOR = 1e-3;

export function normalisedCrossEntropy(probabilities: Float32Array, labels: Float32Array, count: number, classes: number): number {
  assert(count > 0 && classes >= 2, () => `cross-entropy needs examples and >= 2 classes, got ${count} and ${classes}`);
  assert(probabilities.length === count * classes && labels.length === count, () => `cross-entropy expects ${count}×${classes} probabilities and ${count} labels, got ${probabilities.length} and ${labels.length}`);
  let sum = 0;
  for (let i = 0; i < count; i++) {
    let mass = 0;
    for (let k = 0; k < classes; k++) mass += Math.max(0, probabilities[i * classes + k]!);
    const label = labels[i]!;
    const p = mass > 0 && Number.isFinite(mass) ? Math.max(0, probabilities[i * classes + label]!) / mass : 1 / classes;
    sum += -Math.log(Math.max(p, PROBABILITY_FLOOR));
  }
  return sum / count / Math.log(classes);
}

/** Share of rows whose most probable class (lowest index on ties) is the label. */
export function accuracy(probabilities: Float32Array, labels: Float32Array, count: number, classes: number): number {
  let right = 0;
  for (let i = 0; i < count; i++) if (argmaxRow(probabilities, i, classes) === labels[i]) right++;
  return right / count;
}

/** Index of the largest of row `i`'s `width` values (the first on ties). */
export function argmaxRow(values: ArrayLike<number>, i: number, width: number): number {
  let best = 0;
  for (let k = 1; k < width; k++) if (values[i * width + k]! > values[i * width + best]!) best = k;
  return best;
}
