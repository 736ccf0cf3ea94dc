/**
 * Spearman's rank correlation: the Pearson correlation of the ranks, ties sharing their average
 * rank. Used to ask whether incentive follows measured model quality in ML subnets. NaN when
 * fewer than two points or when either side is constant (no order to agree with).
 */
import { assert } from '../../primitives/assert.ts';

/** Ranks 1..n, ties get the average of the ranks they span; ties broken by nothing else (stable). */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const ranks = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]![1]] = rank;
    i = j + 1;
  }
  return ranks;
}

export function spearmanCorrelation(xs: readonly number[], ys: readonly number[]): number {
  assert(xs.length === ys.length, () => `spearman needs equal lengths, got ${xs.length} and ${ys.length}`);
  const n = xs.length;
  if (n < 2) return NaN;
  const rx = averageRanks(xs);
  const ry = averageRanks(ys);
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = rx[i]! - mean;
    const dy = ry[i]! - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
}
