/**
 * Liquid alpha 2: per-cell EMA coefficients for Yuma3 bonds. Follows subtensor
 * `epoch/run_epoch.rs::{compute_liquid_alpha_values_sparse, alpha_sigmoid}` (commit 14bc6f9f),
 * spec/yuma.md §2.11a.
 *
 * The chain computes a dense n×n coefficient matrix, but `mat_ema_alpha_sparse` only reads it at
 * the cells present in the bond-weights rows, so only those cells are evaluated here. The chain
 * looks weights and bonds up with a forward merge-walk over each stored row; for rows sorted by
 * column (the usual case) that walk is a plain lookup, and for unsorted rows the walk is replayed
 * so that the entries it skips are treated as 0, as on chain.
 */
import type { MathContext } from './math.ts';
import type { SparseMatrix } from './sparseMatrix.ts';

export interface LiquidAlphaParams {
  readonly alphaLow: number;
  readonly alphaHigh: number;
  /** steepness / −100, precomputed in the backend's representation. */
  readonly steepnessOverMinus100: number;
}

function isStrictlyAscending(m: SparseMatrix, row: number): boolean {
  for (let k = m.rowStart[row]! + 1; k < m.rowStart[row + 1]!; k++) if (m.col[k]! <= m.col[k - 1]!) return false;
  return true;
}

/**
 * The values the chain's merge-walk finds for columns 0..columns−1 of one row: for each column j
 * it skips entries with column < j and takes the first entry with column ≥ j if it equals j.
 */
function walkRow(m: SparseMatrix, row: number, columns: number, out: Float64Array): void {
  let k = row < m.rowCount ? m.rowStart[row]! : 0;
  const end = row < m.rowCount ? m.rowStart[row + 1]! : 0;
  for (let j = 0; j < columns; j++) {
    let v = 0;
    while (k < end) {
      const c = m.col[k]!;
      if (c < j) k++;
      else {
        if (c === j) v = m.val[k]!;
        break;
      }
    }
    out[j] = v;
  }
}

/**
 * Returns `alphaAt(row, column)` giving the liquid-alpha coefficient the chain would use for that
 * bond cell. Rows are prepared lazily and in order, as `mat_ema_alpha_sparse` visits them.
 *
 * The chain's walk over a row keeps one pointer that only moves forward as the column grows, so
 * for cells requested in ascending column order — every row of a sorted weight matrix — the walk
 * can be advanced lazily to each requested column and gives the chain's value exactly, whatever
 * the order of the row it walks over. For a weight row that is not in ascending order the walk is
 * replayed over every column up front.
 */
export function makeLiquidAlpha(
  cx: MathContext,
  weights: SparseMatrix,
  bonds: SparseMatrix,
  consensus: Float64Array,
  params: LiquidAlphaParams,
): (row: number, column: number) => number {
  const { ar, mem } = cx;
  const columns = consensus.length;
  let currentRow = -1;
  let replayed = false;
  let walkW: Float64Array | null = null;
  let walkB: Float64Array | null = null;
  // Lazy walk pointers (ascending requests).
  let wPtr = 0;
  let wEnd = 0;
  let bPtr = 0;
  let bEnd = 0;

  function prepare(row: number): void {
    currentRow = row;
    replayed = !isStrictlyAscending(weights, row);
    wPtr = row < weights.rowCount ? weights.rowStart[row]! : 0;
    wEnd = row < weights.rowCount ? weights.rowStart[row + 1]! : 0;
    bPtr = row < bonds.rowCount ? bonds.rowStart[row]! : 0;
    bEnd = row < bonds.rowCount ? bonds.rowStart[row + 1]! : 0;
    if (replayed) {
      walkW ??= mem.f64(columns);
      walkB ??= mem.f64(columns);
      walkRow(weights, row, columns, walkW);
      walkRow(bonds, row, columns, walkB);
    }
  }

  // The coefficient depends on the cell only through the distance d, and on a subnet whose
  // weights are stable almost every cell has the same d (0: bonds have caught up with weights),
  // so each distinct d is evaluated once per epoch.
  const byDistance = new Map<number, number>();
  let lastDistance = -1;
  let lastAlpha = 0;
  const one = ar.one;
  const wCol = weights.col;
  const wVal = weights.val;
  const bCol = bonds.col;
  const bVal = bonds.val;

  return (row: number, column: number): number => {
    if (row !== currentRow) prepare(row);
    let w = 0;
    let b = 0;
    if (replayed) {
      w = walkW![column]!;
      b = walkB![column]!;
    } else {
      while (wPtr < wEnd && wCol[wPtr]! < column) wPtr++;
      if (wPtr < wEnd && wCol[wPtr] === column) w = wVal[wPtr]!;
      while (bPtr < bEnd && bCol[bPtr]! < column) bPtr++;
      if (bPtr < bEnd && bCol[bPtr] === column) b = bVal[bPtr]!;
    }
    // alpha_sigmoid's combined_diff: the distance above consensus when buying (w ≥ b), the bond
    // surplus when selling, clamped to [0, 1].
    let d = w >= b ? w - consensus[column]! : b - w;
    if (d < 0) d = 0;
    else if (d > one) d = one;
    if (d === lastDistance) return lastAlpha;
    let alpha = byDistance.get(d);
    if (alpha === undefined) {
      alpha = ar.alphaForDistance(d, params.alphaLow, params.alphaHigh, params.steepnessOverMinus100);
      byDistance.set(d, alpha);
    }
    lastDistance = d;
    lastAlpha = alpha;
    return alpha;
  };
}
