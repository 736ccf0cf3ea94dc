/**
 * Mean, sample standard deviation, min and max of a point's replicate values. Summed in the order
 * given (the sweep's run order), so the same summary.csv gives the same bits on every machine;
 * the sd is computed in a second pass around the mean, which stays accurate when the replicates
 * agree to many digits (as seeded replicates of a stable metric do).
 */
export interface ReplicateStats {
  readonly n: number;
  readonly mean: number;
  /** Sample sd (n − 1 in the denominator); null for a single value. */
  readonly sd: number | null;
  readonly min: number;
  readonly max: number;
}

/** Null when there is no value. */
export function replicateStats(values: readonly number[]): ReplicateStats | null {
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / n;
  if (n === 1) return { n, mean, sd: null, min, max };
  let squares = 0;
  for (const v of values) squares += (v - mean) * (v - mean);
  return { n, mean, sd: Math.sqrt(squares / (n - 1)), min, max };
}
