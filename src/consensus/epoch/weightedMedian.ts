/**
 * Stake-weighted median consensus: subtensor `epoch/math.rs::weighted_median` and
 * `weighted_median_col_sparse` (commit 14bc6f9f), spec/yuma.md §2.6.
 *
 * The chain's result is fixed by a definition: the smallest score v with Σ_{x ≤ v} stake > m
 * (m = Σstake − κ), or the largest score if none qualifies, 0 for no voters. Its quickselect
 * reaches exactly that value because every sum is an exact fixed-point addition. The column
 * version here runs the same quickselect on each column's *non-zero* entries plus one aggregated
 * element for all zero scores, so it costs O(non-zeros) instead of O(validators × columns) and
 * returns the chain's value bit for bit in `chain` mode.
 */
import type { EpochArithmetic } from './arithmetic.ts';
import { normalize } from './math.ts';
import type { SparseMatrix } from './sparseMatrix.ts';

/**
 * Literal port of `weighted_median(stake, score, partition_idx, minority, lo, hi)` over all
 * indices with lo = 0 and hi = Σstake: mid-index pivot, equal elements go to neither side.
 */
export function weightedMedian(stake: Float64Array, score: Float64Array, minority: number): number {
  let hi = 0;
  for (let i = 0; i < stake.length; i++) hi += stake[i]!;
  const idx = Array.from({ length: stake.length }, (_, i) => i);
  return weightedMedianPartition(stake, score, idx, minority, 0, hi);
}

function weightedMedianPartition(
  stake: Float64Array,
  score: Float64Array,
  partition: number[],
  minority: number,
  lo: number,
  hi: number,
): number {
  // Iterative form of the chain's tail recursion.
  for (;;) {
    const n = partition.length;
    if (n === 0) return 0;
    if (n === 1) return score[partition[0]!]!;
    const pivot = score[partition[n >> 1]!]!;
    let loStake = 0;
    let hiStake = 0;
    const lower: number[] = [];
    const upper: number[] = [];
    for (const idx of partition) {
      const s = score[idx]!;
      if (s === pivot) continue;
      if (s < pivot) {
        loStake += stake[idx]!;
        lower.push(idx);
      } else {
        hiStake += stake[idx]!;
        upper.push(idx);
      }
    }
    if (minority < lo + loStake && lower.length > 0) {
      hi = lo + loStake;
      partition = lower;
    } else if (hi - hiStake <= minority && upper.length > 0) {
      lo = hi - hiStake;
      partition = upper;
    } else {
      return pivot;
    }
  }
}

/** Reusable buffers for the per-column selection (two ping-pong pairs). */
class SelectBuffers {
  score: Float64Array;
  stake: Float64Array;
  score2: Float64Array;
  stake2: Float64Array;

  constructor(capacity: number) {
    this.score = new Float64Array(capacity);
    this.stake = new Float64Array(capacity);
    this.score2 = new Float64Array(capacity);
    this.stake2 = new Float64Array(capacity);
  }
}

/**
 * The chain's quickselect on `count` (score, stake) elements held in `buf.score/stake`, with
 * bounds lo = 0, hi = total. Elements are partitioned into the second buffer pair, lower part at
 * the front and upper part at the back, then the pairs swap roles.
 */
function selectWeighted(buf: SelectBuffers, count: number, minority: number, total: number): number {
  let src = buf.score;
  let srcStake = buf.stake;
  let dst = buf.score2;
  let dstStake = buf.stake2;
  let start = 0;
  let end = count;
  let lo = 0;
  let hi = total;
  for (;;) {
    const n = end - start;
    if (n === 0) return 0;
    if (n === 1) return src[start]!;
    const pivot = src[start + (n >> 1)]!;
    let loStake = 0;
    let hiStake = 0;
    let lowerEnd = start;
    let upperStart = end;
    for (let k = start; k < end; k++) {
      const s = src[k]!;
      if (s === pivot) continue;
      if (s < pivot) {
        loStake += srcStake[k]!;
        dst[lowerEnd] = s;
        dstStake[lowerEnd++] = srcStake[k]!;
      } else {
        hiStake += srcStake[k]!;
        dst[--upperStart] = s;
        dstStake[upperStart] = srcStake[k]!;
      }
    }
    if (minority < lo + loStake && lowerEnd > start) {
      hi = lo + loStake;
      end = lowerEnd;
    } else if (hi - hiStake <= minority && upperStart < end) {
      lo = hi - hiStake;
      start = upperStart;
    } else {
      return pivot;
    }
    const ts = src;
    src = dst;
    dst = ts;
    const tk = srcStake;
    srcStake = dstStake;
    dstStake = tk;
  }
}

/**
 * `weighted_median_col_sparse(stake, score, columns, majority)`: voters are the uids with stake
 * > 0 (their stakes re-normalised), `minority = Σ − majority`, absent entries score 0, and for a
 * duplicated column in one row the later entry wins.
 */
export function weightedMedianColSparse(
  ar: EpochArithmetic,
  stake: Float64Array,
  score: SparseMatrix,
  columns: number,
  majority: number,
): Float64Array {
  const median = new Float64Array(columns);
  const rows = Math.min(stake.length, score.rowCount);
  // Voters and their normalised stakes, in uid order as the chain collects them.
  let voterCount = 0;
  for (let i = 0; i < stake.length; i++) if (stake[i]! > 0) voterCount++;
  if (voterCount === 0) return median;
  const positive = new Float64Array(voterCount);
  const voterStakeOfRow = new Float64Array(stake.length);
  {
    let v = 0;
    for (let i = 0; i < stake.length; i++) if (stake[i]! > 0) positive[v++] = stake[i]!;
    const normalized = normalize(ar, positive);
    v = 0;
    for (let i = 0; i < stake.length; i++) if (stake[i]! > 0) voterStakeOfRow[i] = normalized[v++]!;
  }
  let stakeSum = 0;
  for (let i = 0; i < stake.length; i++) stakeSum += voterStakeOfRow[i]!;
  const minority = stakeSum - majority;

  // Column lists of voters' non-zero scores (compressed sparse columns).
  const colCount = new Int32Array(columns + 1);
  for (let i = 0; i < rows; i++) {
    if (!(stake[i]! > 0)) continue;
    for (let k = score.rowStart[i]!; k < score.rowStart[i + 1]!; k++) {
      const j = score.col[k]!;
      if (j < columns) colCount[j + 1]!++;
    }
  }
  for (let j = 0; j < columns; j++) colCount[j + 1]! += colCount[j]!;
  const fill = colCount.slice(0, columns);
  const entryScore = new Float64Array(colCount[columns]!);
  const entryStake = new Float64Array(colCount[columns]!);
  // Where row i last wrote column j (for later-wins on duplicate columns within a row).
  const lastRow = new Int32Array(columns).fill(-1);
  const lastPos = new Int32Array(columns);
  for (let i = 0; i < rows; i++) {
    const s = voterStakeOfRow[i]!;
    if (!(stake[i]! > 0)) continue;
    for (let k = score.rowStart[i]!; k < score.rowStart[i + 1]!; k++) {
      const j = score.col[k]!;
      if (j >= columns) continue;
      if (lastRow[j] === i) {
        entryScore[lastPos[j]!] = score.val[k]!;
        continue;
      }
      const p = fill[j]!++;
      lastRow[j] = i;
      lastPos[j] = p;
      entryScore[p] = score.val[k]!;
      entryStake[p] = s;
    }
  }

  let maxCol = 1;
  for (let j = 0; j < columns; j++) maxCol = Math.max(maxCol, fill[j]! - colCount[j]! + 1);
  const buf = new SelectBuffers(maxCol);
  for (let j = 0; j < columns; j++) {
    let count = 0;
    let nonZeroStake = 0;
    let nonZeroVoters = 0;
    for (let p = colCount[j]!; p < fill[j]!; p++) {
      const sc = entryScore[p]!;
      if (sc === 0) continue;
      buf.score[count] = sc;
      buf.stake[count++] = entryStake[p]!;
      nonZeroStake += entryStake[p]!;
      nonZeroVoters++;
    }
    if (nonZeroVoters < voterCount) {
      // Every voter without a non-zero entry scores 0: one element carrying their total stake.
      buf.score[count] = 0;
      buf.stake[count++] = stakeSum - nonZeroStake;
    }
    median[j] = selectWeighted(buf, count, minority, stakeSum);
  }
  return median;
}
