/**
 * Sparse and vector helpers of `pallets/subtensor/src/epoch/math.rs` (commit 14bc6f9f), on the
 * numeric backend of `arithmetic.ts`. Each function returns new arrays (the chain's `inplace_*`
 * variants are pure here) and keeps the chain's entry order, explicit zeros and drop rules.
 */
import type { EpochArithmetic } from './arithmetic.ts';
import { SparseMatrixBuilder, type SparseMatrix } from './sparseMatrix.ts';

/** `inplace_normalize`: x / Σx (safe_div), unchanged when the sum is 0. */
export function normalize(ar: EpochArithmetic, x: Float64Array): Float64Array {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i]!;
  if (sum === 0) return x.slice();
  return normalizeUsingSum(ar, x, sum);
}

/** `inplace_normalize_using_sum`: x / sum, unchanged when the sum is 0. */
export function normalizeUsingSum(ar: EpochArithmetic, x: Float64Array, sum: number): Float64Array {
  const out = new Float64Array(x.length);
  if (sum === 0) {
    out.set(x);
    return out;
  }
  for (let i = 0; i < x.length; i++) out[i] = ar.div(x[i]!, sum);
  return out;
}

export function isZero(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] !== 0) return false;
  return true;
}

/**
 * `is_topk` / `is_topk_nonzero`: a stable ascending sort by value, then the first n − k indices
 * lose their flag (so on ties the lower index loses). Nothing is removed when n < k.
 */
export function isTopk(values: Float64Array, k: number, nonzeroOnly: boolean): boolean[] {
  const n = values.length;
  const result: boolean[] = new Array<boolean>(n);
  for (let i = 0; i < n; i++) result[i] = nonzeroOnly ? values[i] !== 0 : true;
  if (n < k) return result;
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => values[a]! - values[b]! || a - b); // explicit tie-break = stable order
  for (let r = 0; r < n - k; r++) result[idx[r]!] = false;
  return result;
}

/** `row_sum_sparse`. */
export function rowSumSparse(m: SparseMatrix): Float64Array {
  const out = new Float64Array(m.rowCount);
  for (let i = 0; i < m.rowCount; i++) {
    let s = 0;
    for (let k = m.rowStart[i]!; k < m.rowStart[i + 1]!; k++) s += m.val[k]!;
    out[i] = s;
  }
  return out;
}

/** `col_clip_sparse`: min(w, t_j); an entry above a threshold ≤ 0 is dropped. */
export function colClipSparse(m: SparseMatrix, threshold: Float64Array): SparseMatrix {
  const b = new SparseMatrixBuilder(m.rowCount, m.val.length);
  for (let i = 0; i < m.rowCount; i++) {
    for (let k = m.rowStart[i]!; k < m.rowStart[i + 1]!; k++) {
      const j = m.col[k]!;
      const v = m.val[k]!;
      const t = threshold[j]!;
      if (t < v) {
        if (t > 0) b.push(j, t);
      } else {
        b.push(j, v);
      }
    }
    b.endRow();
  }
  return b.finish();
}

/** `matmul_sparse`: r_j = Σ_i vector_i · m_ij (floored products). */
export function matmulSparse(ar: EpochArithmetic, m: SparseMatrix, vector: Float64Array, columns: number): Float64Array {
  const out = new Float64Array(columns);
  for (let i = 0; i < m.rowCount; i++) {
    const vi = vector[i]!;
    for (let k = m.rowStart[i]!; k < m.rowStart[i + 1]!; k++) {
      const j = m.col[k]!;
      out[j] = out[j]! + ar.mul(vi, m.val[k]!);
    }
  }
  return out;
}

/** `matmul_transpose_sparse`: d_i = Σ_j vector_j · m_ij. */
export function matmulTransposeSparse(ar: EpochArithmetic, m: SparseMatrix, vector: Float64Array): Float64Array {
  const out = new Float64Array(m.rowCount);
  for (let i = 0; i < m.rowCount; i++) {
    let s = 0;
    for (let k = m.rowStart[i]!; k < m.rowStart[i + 1]!; k++) s += ar.mul(vector[m.col[k]!]!, m.val[k]!);
    out[i] = s;
  }
  return out;
}

/** `row_hadamard_sparse`: m_ij · vector_i. */
export function rowHadamardSparse(ar: EpochArithmetic, m: SparseMatrix, vector: Float64Array): SparseMatrix {
  const val = new Float64Array(m.val.length);
  for (let i = 0; i < m.rowCount; i++) {
    const vi = vector[i]!;
    for (let k = m.rowStart[i]!; k < m.rowStart[i + 1]!; k++) val[k] = ar.mul(m.val[k]!, vi);
  }
  return { rowCount: m.rowCount, rowStart: m.rowStart, col: m.col, val };
}

/** `inplace_col_normalize_sparse`: each column divided by its sum (columns summing to 0 untouched). */
export function colNormalizeSparse(ar: EpochArithmetic, m: SparseMatrix, columns: number): SparseMatrix {
  const colSum = new Float64Array(columns);
  for (let k = 0; k < m.val.length; k++) colSum[m.col[k]!]! += m.val[k]!;
  const val = new Float64Array(m.val.length);
  for (let k = 0; k < m.val.length; k++) {
    const s = colSum[m.col[k]!]!;
    val[k] = s === 0 ? m.val[k]! : ar.div(m.val[k]!, s);
  }
  return { rowCount: m.rowCount, rowStart: m.rowStart, col: m.col, val };
}

/**
 * `inplace_col_normalize_sparse` on a matrix of u16 integers (`I32F32::from_num(u16)`): the
 * column sums are integers that may exceed 2^21, so the quotient is taken with `divIntegers`.
 */
export function colNormalizeIntegerSparse(ar: EpochArithmetic, m: SparseMatrix, columns: number): SparseMatrix {
  const colSum = new Float64Array(columns);
  for (let k = 0; k < m.val.length; k++) colSum[m.col[k]!]! += m.val[k]!;
  const val = new Float64Array(m.val.length);
  for (let k = 0; k < m.val.length; k++) {
    const s = colSum[m.col[k]!]!;
    // A zero column holds only zeros, which are 0 in every representation.
    val[k] = s === 0 ? 0 : ar.divIntegers(m.val[k]!, s);
  }
  return { rowCount: m.rowCount, rowStart: m.rowStart, col: m.col, val };
}

/** `inplace_row_normalize_sparse` on u16 integers (weights as loaded): quotient by the row sum. */
export function rowNormalizeIntegerSparse(ar: EpochArithmetic, m: SparseMatrix): SparseMatrix {
  const val = new Float64Array(m.val.length);
  for (let i = 0; i < m.rowCount; i++) {
    const start = m.rowStart[i]!;
    const end = m.rowStart[i + 1]!;
    let sum = 0;
    for (let k = start; k < end; k++) sum += m.val[k]!;
    for (let k = start; k < end; k++) val[k] = sum > 0 ? ar.divIntegers(m.val[k]!, sum) : 0;
  }
  return { rowCount: m.rowCount, rowStart: m.rowStart, col: m.col, val };
}

/** `inplace_col_max_upscale_sparse`: each column divided by its maximum (zero maxima untouched). */
export function colMaxUpscaleSparse(ar: EpochArithmetic, m: SparseMatrix, columns: number): SparseMatrix {
  const colMax = new Float64Array(columns);
  for (let k = 0; k < m.val.length; k++) {
    const j = m.col[k]!;
    if (colMax[j]! < m.val[k]!) colMax[j] = m.val[k]!;
  }
  const val = new Float64Array(m.val.length);
  for (let k = 0; k < m.val.length; k++) {
    const mx = colMax[m.col[k]!]!;
    val[k] = mx === 0 ? m.val[k]! : ar.div(m.val[k]!, mx);
  }
  return { rowCount: m.rowCount, rowStart: m.rowStart, col: m.col, val };
}

/**
 * Scratch space for per-row dense passes: a value per column, a "touched" marker and the list of
 * touched columns, so a row costs O(entries · log entries) instead of O(columns).
 */
class RowScratch {
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly mark: Int32Array;
  touched: Int32Array;
  count = 0;
  private stamp = 0;

  constructor(columns: number) {
    this.a = new Float64Array(columns);
    this.b = new Float64Array(columns);
    this.mark = new Int32Array(columns);
    this.touched = new Int32Array(16);
  }

  beginRow(): void {
    this.stamp++;
    this.count = 0;
  }

  /** Marks column j as touched in this row, zeroing its slots the first time. */
  touch(j: number): void {
    if (this.mark[j] === this.stamp) return;
    this.mark[j] = this.stamp;
    this.a[j] = 0;
    this.b[j] = 0;
    if (this.count === this.touched.length) {
      const t = new Int32Array(this.touched.length * 2);
      t.set(this.touched);
      this.touched = t;
    }
    this.touched[this.count++] = j;
  }

  isTouched(j: number): boolean {
    return this.mark[j] === this.stamp;
  }

  /** Touched columns in ascending order (the dense loop's column order). */
  sortedTouched(): Int32Array {
    return this.touched.subarray(0, this.count).sort();
  }
}

/**
 * `interpolate_sparse`: ratio 0 → mat1, 1 → mat2; otherwise per row, densely over the columns,
 * `a + ratio·(b − a)` kept where > 0, in column order. Later duplicates overwrite earlier ones.
 */
export function interpolateSparse(
  ar: EpochArithmetic,
  mat1: SparseMatrix,
  mat2: SparseMatrix,
  columns: number,
  ratio: number,
): SparseMatrix {
  if (ratio === 0) return mat1;
  if (ratio === ar.one) return mat2;
  const rows = Math.max(mat1.rowCount, mat2.rowCount);
  const scratch = new RowScratch(columns);
  const b = new SparseMatrixBuilder(rows, Math.max(mat1.val.length, mat2.val.length));
  for (let i = 0; i < rows; i++) {
    scratch.beginRow();
    if (i < mat1.rowCount) {
      for (let k = mat1.rowStart[i]!; k < mat1.rowStart[i + 1]!; k++) {
        const j = mat1.col[k]!;
        scratch.touch(j);
        scratch.a[j] = mat1.val[k]!;
      }
    }
    if (i < mat2.rowCount) {
      for (let k = mat2.rowStart[i]!; k < mat2.rowStart[i + 1]!; k++) {
        const j = mat2.col[k]!;
        scratch.touch(j);
        scratch.b[j] = mat2.val[k]!;
      }
    }
    for (const j of scratch.sortedTouched()) {
      const x = scratch.a[j]!;
      const v = x + ar.mul(ratio, scratch.b[j]! - x);
      if (v > 0) b.push(j, v);
    }
    b.endRow();
  }
  return b.finish();
}

/**
 * `mat_ema_sparse`: per row, densely, `alpha·new + (1 − alpha)·old` over the union of entries
 * (duplicates accumulate), kept where > 0, in column order. Used by original Yuma bonds and by
 * Yuma3 without liquid alpha.
 */
export function matEmaSparse(
  ar: EpochArithmetic,
  newM: SparseMatrix,
  oldM: SparseMatrix,
  columns: number,
  alpha: number,
): SparseMatrix {
  const oneMinusAlpha = ar.one - alpha;
  const rows = newM.rowCount;
  const scratch = new RowScratch(columns);
  const b = new SparseMatrixBuilder(rows, newM.val.length + oldM.val.length);
  for (let i = 0; i < rows; i++) {
    scratch.beginRow();
    for (let k = newM.rowStart[i]!; k < newM.rowStart[i + 1]!; k++) {
      const j = newM.col[k]!;
      scratch.touch(j);
      scratch.a[j] = scratch.a[j]! + ar.mul(alpha, newM.val[k]!);
    }
    if (i < oldM.rowCount) {
      for (let k = oldM.rowStart[i]!; k < oldM.rowStart[i + 1]!; k++) {
        const j = oldM.col[k]!;
        scratch.touch(j);
        scratch.a[j] = scratch.a[j]! + ar.mul(oneMinusAlpha, oldM.val[k]!);
      }
    }
    for (const j of scratch.sortedTouched()) {
      const v = scratch.a[j]!;
      if (v > 0) b.push(j, v);
    }
    b.endRow();
  }
  return b.finish();
}

/**
 * `mat_ema_alpha_sparse`: per-cell coefficients. For each entry of `new` in stored order:
 * `min(1, (1 − α)·old_j + max(0, α·new_j))`, kept where > 0. Cells present only in `old` are
 * dropped (not decayed) — a chain behaviour spec/yuma.md §10.1 documents. `alphaAt` returns the
 * coefficient for (row, column), or `undefined` where the chain's alpha row has no such column
 * (the entry is then skipped).
 */
export function matEmaAlphaSparse(
  ar: EpochArithmetic,
  newM: SparseMatrix,
  oldM: SparseMatrix,
  columns: number,
  alphaAt: (row: number, column: number) => number | undefined,
): SparseMatrix {
  const one = ar.one;
  const scratch = new RowScratch(columns);
  const b = new SparseMatrixBuilder(newM.rowCount, newM.val.length);
  for (let i = 0; i < newM.rowCount; i++) {
    scratch.beginRow();
    if (i < oldM.rowCount) {
      for (let k = oldM.rowStart[i]!; k < oldM.rowStart[i + 1]!; k++) {
        const j = oldM.col[k]!;
        if (j >= columns) continue;
        scratch.touch(j);
        scratch.b[j] = oldM.val[k]!; // later entries overwrite earlier ones, as the chain's loop does
      }
    }
    for (let k = newM.rowStart[i]!; k < newM.rowStart[i + 1]!; k++) {
      const j = newM.col[k]!;
      const alpha = alphaAt(i, j);
      if (alpha === undefined) continue;
      const old = j < columns && scratch.isTouched(j) ? scratch.b[j]! : 0;
      const decayed = ar.mul(one - alpha, old);
      let inc = ar.mul(alpha, newM.val[k]!);
      if (inc < 0) inc = 0;
      let v = decayed + inc;
      if (v > one) v = one;
      if (v > 0) b.push(j, v);
    }
    b.endRow();
  }
  return b.finish();
}
