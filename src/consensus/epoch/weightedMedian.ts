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
import type { Arena } from '../../primitives/arena.ts';
import { divI32F32 } from '../../primitives/fixedNumber.ts';
import type { MathContext } from './math.ts';
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

/**
 * The chain's quickselect on the (score, stake) elements at [start, end) of `score`/`stake`, with
 * bounds lo = 0, hi = total. Each round partitions the current elements into a scratch pair —
 * lower part at the front, upper part at the back — and continues in one of them. `scratch` holds
 * four arrays of at least end − start entries.
 */
function selectWeighted(
  score: Float64Array,
  stake: Float64Array,
  start: number,
  end: number,
  minority: number,
  total: number,
  scratch: Float64Array[],
): number {
  let src = score;
  let srcStake = stake;
  let dst = scratch[0]!;
  let dstStake = scratch[1]!;
  let spare = scratch[2]!;
  let spareStake = scratch[3]!;
  let lo = 0;
  let hi = total;
  for (;;) {
    const n = end - start;
    if (n === 0) return 0;
    if (n === 1) return src[start]!;
    const pivot = src[start + (n >> 1)]!;
    let loStake = 0;
    let hiStake = 0;
    let lowerEnd = 0;
    let upperStart = n;
    for (let k = start; k < end; k++) {
      const x = src[k]!;
      if (x === pivot) continue;
      if (x < pivot) {
        loStake += srcStake[k]!;
        dst[lowerEnd] = x;
        dstStake[lowerEnd++] = srcStake[k]!;
      } else {
        hiStake += srcStake[k]!;
        dst[--upperStart] = x;
        dstStake[upperStart] = srcStake[k]!;
      }
    }
    if (minority < lo + loStake && lowerEnd > 0) {
      hi = lo + loStake;
      start = 0;
      end = lowerEnd;
    } else if (hi - hiStake <= minority && upperStart < n) {
      lo = hi - hiStake;
      start = upperStart;
      end = n;
    } else {
      return pivot;
    }
    // Continue in dst; the next round writes into the spare pair.
    const ps = src === score ? spare : src;
    const pk = src === score ? spareStake : srcStake;
    src = dst;
    srcStake = dstStake;
    dst = ps;
    dstStake = pk;
    spare = ps;
    spareStake = pk;
  }
}

/** A copy of the voters' rows with duplicate columns resolved as the chain does (later entry wins). */
function dedupeVoterRows(cx: MathContext, stake: Float64Array, score: SparseMatrix, rows: number, columns: number): SparseMatrix {
  const { rowStart, col, val } = score;
  const outStart = cx.mem.i32(score.rowCount + 1);
  const outCol = cx.mem.i32(val.length);
  const outVal = cx.mem.f64(val.length);
  const seenRow = cx.mem.i32(columns).fill(-1);
  const seenPos = cx.mem.i32(columns);
  let p = 0;
  for (let i = 0; i < score.rowCount; i++) {
    if (i < rows && stake[i]! > 0) {
      for (let k = rowStart[i]!, end = rowStart[i + 1]!; k < end; k++) {
        const j = col[k]!;
        if (j >= columns) continue;
        if (seenRow[j] === i) {
          outVal[seenPos[j]!] = val[k]!;
          continue;
        }
        seenRow[j] = i;
        seenPos[j] = p;
        outCol[p] = j;
        outVal[p++] = val[k]!;
      }
    }
    outStart[i + 1] = p;
  }
  return { rowCount: score.rowCount, rowStart: outStart, col: outCol, val: outVal };
}

/** `countNonZeroScores` found a row whose columns do not strictly increase. */
const UNSORTED_ROW = -1;

/**
 * Pass 1 of `weightedMedianColSparse`: per column, the number of voters with a non-zero score and
 * their total stake. Returns UNSORTED_ROW when `requireSorted` and a voter's row repeats or
 * decreases a column, else 1 when some score is negative and 0 otherwise.
 */
function countNonZeroScores(
  m: SparseMatrix,
  voterStake: Float64Array,
  rows: number,
  columns: number,
  requireSorted: boolean,
  nonZeroCount: Int32Array,
  nonZeroStake: Float64Array,
): number {
  const { rowStart, col, val } = m;
  let negative = 0;
  for (let i = 0; i < rows; i++) {
    const s = voterStake[i]!;
    if (s === 0) continue;
    const end = rowStart[i + 1]!;
    let previous = -1;
    for (let k = rowStart[i]!; k < end; k++) {
      const j = col[k]!;
      if (j <= previous && requireSorted) return UNSORTED_ROW;
      previous = j;
      const x = val[k]!;
      if (x !== 0 && j < columns) {
        nonZeroCount[j]!++;
        nonZeroStake[j]! += s;
        if (x < 0) negative = 1;
      }
    }
  }
  return negative;
}

/**
 * `weighted_median_col_sparse(stake, score, columns, majority)`: voters are the uids with stake
 * > 0 (their stakes re-normalised), `minority = Σ − majority`, absent entries score 0, and for a
 * duplicated column in one row the later entry wins.
 */
export function weightedMedianColSparse(
  cx: MathContext,
  stake: Float64Array,
  scoreIn: SparseMatrix,
  columns: number,
  majority: number,
): Float64Array {
  const mem = cx.mem;
  const median = mem.f64(columns);
  const rows = Math.min(stake.length, scoreIn.rowCount);
  // Voters and their normalised stakes, in uid order as the chain collects them: `normalize` of
  // the positive stakes (the sum of the positive stakes in uid order, then each divided by it).
  let voterCount = 0;
  let positiveSum = 0;
  for (let i = 0; i < stake.length; i++) {
    const s = stake[i]!;
    if (s > 0) {
      voterCount++;
      positiveSum += s;
    }
  }
  if (voterCount === 0) return median;
  const voterStake = mem.f64(stake.length);
  let stakeSum = 0;
  if (cx.ar.mode === 'chain') {
    for (let i = 0; i < stake.length; i++) {
      const s = stake[i]!;
      if (s > 0) stakeSum += voterStake[i] = divI32F32(s, positiveSum);
    }
  } else {
    for (let i = 0; i < stake.length; i++) {
      const s = stake[i]!;
      if (s > 0) stakeSum += voterStake[i] = s / positiveSum;
    }
  }
  const minority = stakeSum - majority;

  // Pass 1: per column, the voters with a non-zero score and their stake. Rows are normally
  // sorted by column; a row that is not may repeat a column (the later entry wins), and then the
  // voters' rows are de-duplicated first and the pass is repeated.
  const nonZeroCount = mem.i32(columns);
  const nonZeroStake = mem.f64(columns);
  let score = scoreIn;
  let counted = countNonZeroScores(score, voterStake, rows, columns, true, nonZeroCount, nonZeroStake);
  if (counted === UNSORTED_ROW) {
    nonZeroCount.fill(0);
    nonZeroStake.fill(0);
    score = dedupeVoterRows(cx, stake, scoreIn, rows, columns);
    counted = countNonZeroScores(score, voterStake, rows, columns, false, nonZeroCount, nonZeroStake);
  }
  const anyNegative = counted === 1;
  const { rowStart, col, val } = score;
  // Columns whose median the zero scores decide need no selection: with every voter at 0, or —
  // when no score is negative, so 0 is the smallest — when the zero scores alone carry more than
  // the minority stake, the median is 0.
  const offset = mem.i32(columns + 1);
  for (let j = 0; j < columns; j++) {
    const count = nonZeroCount[j]!;
    const hasZero = count < voterCount;
    const zeroMass = stakeSum - nonZeroStake[j]!;
    const decidedByZeros = count === 0 || (!anyNegative && hasZero && zeroMass > minority);
    // One extra slot holds the aggregated zero-score element.
    offset[j + 1] = offset[j]! + (decidedByZeros ? 0 : count + (hasZero ? 1 : 0));
  }
  const total = offset[columns]!;
  if (total === 0) return median;
  const entryScore = mem.f64(total);
  const entryStake = mem.f64(total);
  const fill = mem.i32(columns);
  let maxCol = 1;
  for (let j = 0; j < columns; j++) {
    fill[j] = offset[j]!;
    maxCol = Math.max(maxCol, offset[j + 1]! - offset[j]!);
  }
  // Pass 2: the non-zero scores of the columns that need a selection.
  for (let i = 0; i < rows; i++) {
    const s = voterStake[i]!;
    if (s === 0) continue;
    const end = rowStart[i + 1]!;
    for (let k = rowStart[i]!; k < end; k++) {
      const j = col[k]!;
      const x = val[k]!;
      if (j >= columns || x === 0 || offset[j + 1] === offset[j]) continue;
      const p = fill[j]!++;
      entryScore[p] = x;
      entryStake[p] = s;
    }
  }
  selectColumnMedians(mem, entryScore, entryStake, offset, fill, maxCol, nonZeroStake, stakeSum, minority, median);
  return median;
}

/**
 * The last stage of the sparse median, shared with the fused float epoch: for every column with
 * entries (`offset[j]..offset[j + 1]`, the non-zero scores filled up to `fill[j]`), completes the
 * zero-score element and writes the selected median into `median[j]`; other columns keep theirs.
 */
export function selectColumnMedians(
  mem: Arena,
  entryScore: Float64Array,
  entryStake: Float64Array,
  offset: Int32Array,
  fill: Int32Array,
  maxCol: number,
  nonZeroStake: Float64Array,
  stakeSum: number,
  minority: number,
  median: Float64Array,
): void {
  const scratch = [mem.f64(maxCol), mem.f64(maxCol), mem.f64(maxCol), mem.f64(maxCol)];
  for (let j = 0; j < median.length; j++) {
    const start = offset[j]!;
    const end = offset[j + 1]!;
    if (start === end) continue;
    if (fill[j]! < end) {
      // Every voter without a non-zero entry scores 0: one element carrying their total stake.
      entryScore[fill[j]!] = 0;
      entryStake[fill[j]!] = stakeSum - nonZeroStake[j]!;
    }
    median[j] = selectWeighted(entryScore, entryStake, start, end, minority, stakeSum, scratch);
  }
}
