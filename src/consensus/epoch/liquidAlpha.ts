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
  let walked = false;
  const walkW = mem.f64(columns);
  const walkB = mem.f64(columns);
  // Sorted-row path: weight and bond values of the current row by column.
  const weightOfCol = mem.f64(columns);
  const weightMark = mem.i32(columns);
  const bondOfCol = mem.f64(columns);
  const bondMark = mem.i32(columns);
  let stamp = 0;

  function prepare(row: number): void {
    currentRow = row;
    const sorted = isStrictlyAscending(weights, row) && (row >= bonds.rowCount || isStrictlyAscending(bonds, row));
    walked = !sorted;
    if (walked) {
      walkRow(weights, row, columns, walkW);
      walkRow(bonds, row, columns, walkB);
    } else {
      stamp++;
      for (let k = weights.rowStart[row]!; k < weights.rowStart[row + 1]!; k++) {
        const c = weights.col[k]!;
        if (c < columns) {
          weightOfCol[c] = weights.val[k]!;
          weightMark[c] = stamp;
        }
      }
      if (row < bonds.rowCount) {
        for (let k = bonds.rowStart[row]!; k < bonds.rowStart[row + 1]!; k++) {
          const c = bonds.col[k]!;
          if (c < columns) {
            bondOfCol[c] = bonds.val[k]!;
            bondMark[c] = stamp;
          }
        }
      }
    }
  }

  // The coefficient depends on the cell only through the distance d, and on a subnet whose
  // weights are stable almost every cell has the same d (0: bonds have caught up with weights),
  // so each distinct d is evaluated once per epoch.
  const byDistance = new Map<number, number>();
  const one = ar.one;

  return (row: number, column: number): number => {
    if (row !== currentRow) prepare(row);
    let w: number;
    let b: number;
    if (walked) {
      w = walkW[column]!;
      b = walkB[column]!;
    } else {
      // Strictly ascending rows: the walk finds exactly the entry of this column.
      w = weightMark[column] === stamp ? weightOfCol[column]! : 0;
      b = bondMark[column] === stamp ? bondOfCol[column]! : 0;
    }
    // alpha_sigmoid's combined_diff: the distance above consensus when buying (w ≥ b), the bond
    // surplus when selling, clamped to [0, 1].
    let d = w >= b ? w - consensus[column]! : b - w;
    if (d < 0) d = 0;
    else if (d > one) d = one;
    let alpha = byDistance.get(d);
    if (alpha === undefined) {
      alpha = ar.alphaForDistance(d, params.alphaLow, params.alphaHigh, params.steepnessOverMinus100);
      byDistance.set(d, alpha);
    }
    return alpha;
  };
}
