/**
 * Sparse and vector helpers of `pallets/subtensor/src/epoch/math.rs` (commit 14bc6f9f), on the
 * numeric backend of `arithmetic.ts`. Each function returns new arrays (the chain's `inplace_*`
 * variants are pure here) and keeps the chain's entry order, explicit zeros and drop rules.
 * New arrays come from the context's arena (see `primitives/arena.ts` for why).
 *
 * Hot loops branch on the numeric mode and call the exact I32F32 functions directly instead of
 * going through the `EpochArithmetic` object: V8 inlines a direct call but not a call through an
 * interface, and these loops run once per matrix entry.
 */
import { Arena } from '../../primitives/arena.ts';
import { divI32F32, divIntegersI32F32, mulI32F32 } from '../../primitives/fixedNumber.ts';
import type { EpochArithmetic } from './arithmetic.ts';
import { SparseMatrixBuilder, type SparseMatrix } from './sparseMatrix.ts';

/** The numeric backend plus the arena new arrays are taken from. */
export interface MathContext {
  readonly ar: EpochArithmetic;
  readonly mem: Arena;
}

/** A context with a private arena, for one-off calls outside an epoch. */
export function makeMathContext(ar: EpochArithmetic): MathContext {
  return { ar, mem: new Arena(1 << 12) };
}

function isChain(cx: MathContext): boolean {
  return cx.ar.mode === 'chain';
}

/** `inplace_normalize`: x / Σx (safe_div), unchanged when the sum is 0. */
export function normalize(cx: MathContext, x: Float64Array): Float64Array {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i]!;
  return normalizeUsingSum(cx, x, sum);
}

/** `inplace_normalize` writing into x itself (for arrays the caller made and owns): returns x. */
export function normalizeInPlace(cx: MathContext, x: Float64Array): Float64Array {
  const n = x.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i]!;
  if (sum === 0) return x;
  if (isChain(cx)) for (let i = 0; i < n; i++) x[i] = divI32F32(x[i]!, sum);
  else for (let i = 0; i < n; i++) x[i] = x[i]! / sum;
  return x;
}

/** `inplace_normalize_using_sum`: x / sum, unchanged when the sum is 0. */
export function normalizeUsingSum(cx: MathContext, x: Float64Array, sum: number): Float64Array {
  const n = x.length;
  const out = cx.mem.f64(n);
  if (sum === 0) {
    out.set(x);
    return out;
  }
  if (isChain(cx)) for (let i = 0; i < n; i++) out[i] = divI32F32(x[i]!, sum);
  else for (let i = 0; i < n; i++) out[i] = x[i]! / sum;
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
export function isTopk(cx: MathContext, values: Float64Array, k: number, nonzeroOnly: boolean): boolean[] {
  const n = values.length;
  const result: boolean[] = new Array<boolean>(n);
  let zeros = 0;
  let negative = false;
  if (nonzeroOnly) {
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      result[i] = v !== 0;
      if (v === 0) zeros++;
      else if (v < 0) negative = true;
    }
  } else {
    for (let i = 0; i < n; i++) result[i] = true;
  }
  if (n < k) return result;
  const drop = n - k;
  if (drop === 0) return result;
  // Zeros sort first (when nothing is negative) and are already unflagged: if they fill the
  // `drop` places, nothing else is removed.
  if (nonzeroOnly && !negative && zeros >= drop) return result;
  // The first `drop` places of a stable ascending sort: every value below the drop-th smallest,
  // then — among values equal to it — the lowest indices until `drop` places are filled.
  const threshold = cx.mem.copyF64(values).sort()[drop - 1]!;
  let removed = 0;
  for (let i = 0; i < n; i++) {
    if (values[i]! < threshold) {
      result[i] = false;
      removed++;
    }
  }
  for (let i = 0; i < n && removed < drop; i++) {
    if (values[i] === threshold) {
      result[i] = false;
      removed++;
    }
  }
  return result;
}

/** `row_sum_sparse`. */
export function rowSumSparse(cx: MathContext, m: SparseMatrix): Float64Array {
  const { rowStart, val } = m;
  const out = cx.mem.f64(m.rowCount);
  for (let i = 0; i < m.rowCount; i++) {
    let s = 0;
    for (let k = rowStart[i]!, end = rowStart[i + 1]!; k < end; k++) s += val[k]!;
    out[i] = s;
  }
  return out;
}

/** `col_clip_sparse`: min(w, t_j); an entry above a threshold ≤ 0 is dropped. */
export function colClipSparse(cx: MathContext, m: SparseMatrix, threshold: Float64Array): SparseMatrix {
  const { rowStart, col, val } = m;
  const outStart = cx.mem.i32(m.rowCount + 1);
  const outCol = cx.mem.i32(val.length);
  const outVal = cx.mem.f64(val.length);
  let p = 0;
  for (let i = 0; i < m.rowCount; i++) {
    for (let k = rowStart[i]!, end = rowStart[i + 1]!; k < end; k++) {
      const j = col[k]!;
      const v = val[k]!;
      const t = threshold[j]!;
      if (t < v) {
        if (t > 0) {
          outCol[p] = j;
          outVal[p++] = t;
        }
      } else {
        outCol[p] = j;
        outVal[p++] = v;
      }
    }
    outStart[i + 1] = p;
  }
  return { rowCount: m.rowCount, rowStart: outStart, col: outCol.subarray(0, p), val: outVal.subarray(0, p) };
}

/** `matmul_sparse`: r_j = Σ_i vector_i · m_ij (floored products). */
export function matmulSparse(cx: MathContext, m: SparseMatrix, vector: Float64Array, columns: number): Float64Array {
  const { rowStart, col, val } = m;
  const chain = isChain(cx);
  const out = cx.mem.f64(columns);
  for (let i = 0; i < m.rowCount; i++) {
    const vi = vector[i]!;
    const end = rowStart[i + 1]!;
    if (chain) for (let k = rowStart[i]!; k < end; k++) out[col[k]!]! += mulI32F32(vi, val[k]!);
    else for (let k = rowStart[i]!; k < end; k++) out[col[k]!]! += vi * val[k]!;
  }
  return out;
}

/** `matmul_transpose_sparse`: d_i = Σ_j vector_j · m_ij. */
export function matmulTransposeSparse(cx: MathContext, m: SparseMatrix, vector: Float64Array): Float64Array {
  const { rowStart, col, val } = m;
  const chain = isChain(cx);
  const out = cx.mem.f64(m.rowCount);
  for (let i = 0; i < m.rowCount; i++) {
    let s = 0;
    const end = rowStart[i + 1]!;
    if (chain) for (let k = rowStart[i]!; k < end; k++) s += mulI32F32(vector[col[k]!]!, val[k]!);
    else for (let k = rowStart[i]!; k < end; k++) s += vector[col[k]!]! * val[k]!;
    out[i] = s;
  }
  return out;
}

/** `row_hadamard_sparse`: m_ij · vector_i. */
export function rowHadamardSparse(cx: MathContext, m: SparseMatrix, vector: Float64Array): SparseMatrix {
  const { rowStart, val } = m;
  const chain = isChain(cx);
  const out = cx.mem.f64(val.length);
  for (let i = 0; i < m.rowCount; i++) {
    const vi = vector[i]!;
    const end = rowStart[i + 1]!;
    if (chain) for (let k = rowStart[i]!; k < end; k++) out[k] = mulI32F32(val[k]!, vi);
    else for (let k = rowStart[i]!; k < end; k++) out[k] = val[k]! * vi;
  }
  return { rowCount: m.rowCount, rowStart, col: m.col, val: out };
}

function columnSums(cx: MathContext, m: SparseMatrix, columns: number): Float64Array {
  const { col, val } = m;
  const sum = cx.mem.f64(columns);
  for (let k = 0; k < val.length; k++) sum[col[k]!]! += val[k]!;
  return sum;
}

/**
 * `inplace_col_normalize_sparse`: each column divided by its sum (columns summing to 0 are left
 * untouched). With `integerValued` the entries are u16 integers (`I32F32::from_num(u16)`, as
 * original-Yuma bonds are read) whose column sums may exceed 2^21, so `chain` mode takes the
 * quotient of integers instead of raws.
 */
export function colNormalizeSparse(cx: MathContext, m: SparseMatrix, columns: number, integerValued = false): SparseMatrix {
  const { col, val } = m;
  const colSum = columnSums(cx, m, columns);
  const out = cx.mem.f64(val.length);
  if (isChain(cx)) {
    for (let k = 0; k < val.length; k++) {
      const s = colSum[col[k]!]!;
      const v = val[k]!;
      out[k] = s === 0 ? v : integerValued ? divIntegersI32F32(v, s) : divI32F32(v, s);
    }
  } else {
    // float mode multiplies by the column's reciprocal (one division per column, not per entry).
    for (let j = 0; j < columns; j++) colSum[j] = colSum[j] === 0 ? 1 : 1 / colSum[j]!;
    for (let k = 0; k < val.length; k++) out[k] = val[k]! * colSum[col[k]!]!;
  }
  return { rowCount: m.rowCount, rowStart: m.rowStart, col, val: out };
}

/**
 * `inplace_row_normalize_sparse` on u16 integers (weights as loaded), over the entries whose
 * `keep` flag is set (every entry when `keep` is null): each row divided by its sum when the sum
 * is > 0. `rowSum`, when given with `keep` null, holds each row's sum already (u16 sums are exact,
 * so it equals the sum this function would take).
 */
export function rowNormalizeIntegerSparse(
  cx: MathContext,
  m: SparseMatrix,
  keep: Uint8Array | null,
  rowSum: Float64Array | null = null,
): SparseMatrix {
  const { rowStart, col, val } = m;
  const chain = isChain(cx);
  const rows = m.rowCount;
  if (keep === null) {
    // Every entry is kept: the structure is the input's (shared when it is exactly that shape).
    const shareStructure = rowStart[0] === 0 && rowStart[rows] === val.length && col.length === val.length;
    const outStart = shareStructure ? rowStart : cx.mem.i32(rows + 1);
    const outCol = shareStructure ? col : cx.mem.i32(val.length);
    const outVal = cx.mem.f64(val.length);
    let p = 0;
    for (let i = 0; i < rows; i++) {
      const start = rowStart[i]!;
      const end = rowStart[i + 1]!;
      let sum = 0;
      if (rowSum !== null) sum = rowSum[i]!;
      else for (let k = start; k < end; k++) sum += val[k]!;
      if (shareStructure) {
        if (chain) for (let k = start; k < end; k++) outVal[k] = sum > 0 ? divIntegersI32F32(val[k]!, sum) : 0;
        else {
          const inverse = sum > 0 ? 1 / sum : 0;
          for (let k = start; k < end; k++) outVal[k] = val[k]! * inverse;
        }
      } else {
        if (chain) for (let k = start; k < end; k++, p++) (outCol[p] = col[k]!), (outVal[p] = sum > 0 ? divIntegersI32F32(val[k]!, sum) : 0);
        else {
          const inverse = sum > 0 ? 1 / sum : 0;
          for (let k = start; k < end; k++, p++) (outCol[p] = col[k]!), (outVal[p] = val[k]! * inverse);
        }
        outStart[i + 1] = p;
      }
    }
    return { rowCount: rows, rowStart: outStart, col: outCol, val: outVal };
  }
  let count = 0;
  for (let k = 0; k < keep.length; k++) count += keep[k]!;
  const outStart = cx.mem.i32(rows + 1);
  const outCol = cx.mem.i32(count);
  const outVal = cx.mem.f64(count);
  let p = 0;
  for (let i = 0; i < rows; i++) {
    const start = rowStart[i]!;
    const end = rowStart[i + 1]!;
    let sum = 0;
    for (let k = start; k < end; k++) if (keep[k] === 1) sum += val[k]!;
    const inverse = sum > 0 ? 1 / sum : 0;
    for (let k = start; k < end; k++) {
      if (keep[k] !== 1) continue;
      outCol[p] = col[k]!;
      const v = val[k]!;
      outVal[p++] = sum > 0 ? (chain ? divIntegersI32F32(v, sum) : v * inverse) : 0;
    }
    outStart[i + 1] = p;
  }
  return { rowCount: rows, rowStart: outStart, col: outCol, val: outVal };
}

/** `inplace_col_max_upscale_sparse`: each column divided by its maximum (zero maxima untouched). */
export function colMaxUpscaleSparse(cx: MathContext, m: SparseMatrix, columns: number): SparseMatrix {
  const { col, val } = m;
  const chain = isChain(cx);
  const colMax = cx.mem.f64(columns);
  for (let k = 0; k < val.length; k++) {
    const j = col[k]!;
    if (colMax[j]! < val[k]!) colMax[j] = val[k]!;
  }
  const out = cx.mem.f64(val.length);
  for (let k = 0; k < val.length; k++) {
    const mx = colMax[col[k]!]!;
    const v = val[k]!;
    out[k] = mx === 0 ? v : chain ? divI32F32(v, mx) : v / mx;
  }
  return { rowCount: m.rowCount, rowStart: m.rowStart, col, val: out };
}

function rowLength(m: SparseMatrix, i: number): number {
  return i < m.rowCount ? m.rowStart[i + 1]! - m.rowStart[i]! : 0;
}

/** Whether row i's columns strictly increase (no duplicates), so a merge equals the dense pass. */
function rowIsStrictlyAscending(m: SparseMatrix, i: number): boolean {
  if (i >= m.rowCount) return true;
  const { rowStart, col } = m;
  for (let k = rowStart[i]! + 1; k < rowStart[i + 1]!; k++) if (col[k]! <= col[k - 1]!) return false;
  return true;
}

/**
 * Scratch space for per-row dense passes: a value per column, a "touched" marker and the list of
 * touched columns, so a row costs O(entries · log entries) instead of O(columns). Used for rows
 * that are not sorted by column; sorted rows take a merge instead.
 */
class RowScratch {
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly mark: Int32Array;
  touched: Int32Array;
  count = 0;
  private stamp = 0;

  constructor(
    columns: number,
    private readonly mem: Arena,
  ) {
    this.a = mem.f64(columns);
    this.b = mem.f64(columns);
    this.mark = mem.i32(columns);
    this.touched = mem.i32(64);
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
      const t = this.mem.i32(this.touched.length * 2);
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
 * Visits the union of two rows in ascending column order, as the chain's dense per-row loops do:
 * `visit(column, valueInFirst, valueInSecond)` with 0 for a missing entry. Sorted rows are merged
 * directly; otherwise a scratch pass reproduces the dense loop (later duplicates overwrite).
 */
function forEachUnionColumn(
  first: SparseMatrix,
  second: SparseMatrix,
  i: number,
  scratch: RowScratch,
  visit: (column: number, a: number, b: number) => void,
): void {
  if (rowIsStrictlyAscending(first, i) && rowIsStrictlyAscending(second, i)) {
    let p = i < first.rowCount ? first.rowStart[i]! : 0;
    const pe = i < first.rowCount ? first.rowStart[i + 1]! : 0;
    let q = i < second.rowCount ? second.rowStart[i]! : 0;
    const qe = i < second.rowCount ? second.rowStart[i + 1]! : 0;
    while (p < pe || q < qe) {
      const cp = p < pe ? first.col[p]! : Infinity;
      const cq = q < qe ? second.col[q]! : Infinity;
      if (cp === cq) visit(cp, first.val[p++]!, second.val[q++]!);
      else if (cp < cq) visit(cp, first.val[p++]!, 0);
      else visit(cq, 0, second.val[q++]!);
    }
    return;
  }
  scratch.beginRow();
  if (i < first.rowCount) {
    for (let k = first.rowStart[i]!, end = first.rowStart[i + 1]!; k < end; k++) {
      const j = first.col[k]!;
      scratch.touch(j);
      scratch.a[j] = first.val[k]!;
    }
  }
  if (i < second.rowCount) {
    for (let k = second.rowStart[i]!, end = second.rowStart[i + 1]!; k < end; k++) {
      const j = second.col[k]!;
      scratch.touch(j);
      scratch.b[j] = second.val[k]!;
    }
  }
  for (const j of scratch.sortedTouched()) visit(j, scratch.a[j]!, scratch.b[j]!);
}

/**
 * `interpolate_sparse`: ratio 0 → mat1, 1 → mat2; otherwise per row, densely over the columns,
 * `a + ratio·(b − a)` kept where > 0, in column order. Later duplicates overwrite earlier ones.
 */
export function interpolateSparse(
  cx: MathContext,
  mat1: SparseMatrix,
  mat2: SparseMatrix,
  columns: number,
  ratio: number,
): SparseMatrix {
  if (ratio === 0) return mat1;
  if (ratio === cx.ar.one) return mat2;
  const chain = isChain(cx);
  const rows = Math.max(mat1.rowCount, mat2.rowCount);
  const scratch = new RowScratch(columns, cx.mem);
  const b = new SparseMatrixBuilder(rows, mat1.val.length + mat2.val.length, cx.mem);
  const visit = (j: number, x: number, y: number): void => {
    const v = x + (chain ? mulI32F32(ratio, y - x) : ratio * (y - x));
    if (v > 0) b.push(j, v);
  };
  for (let i = 0; i < rows; i++) {
    if (rowLength(mat1, i) > 0 || rowLength(mat2, i) > 0) forEachUnionColumn(mat1, mat2, i, scratch, visit);
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
  cx: MathContext,
  newM: SparseMatrix,
  oldM: SparseMatrix,
  columns: number,
  alpha: number,
): SparseMatrix {
  const chain = isChain(cx);
  const oneMinusAlpha = cx.ar.one - alpha;
  const rows = newM.rowCount;
  // A row's union never has more entries than the two rows together.
  const capacity = newM.val.length + oldM.val.length;
  const outStart = cx.mem.i32(rows + 1);
  const outCol = cx.mem.i32(capacity);
  const outVal = cx.mem.f64(capacity);
  const { col: newCol, val: newVal } = newM;
  const { col: oldCol, val: oldVal } = oldM;
  let scratch: RowScratch | null = null;
  let p = 0;
  for (let i = 0; i < rows; i++) {
    const a0 = newM.rowStart[i]!;
    const a1 = newM.rowStart[i + 1]!;
    const b0 = i < oldM.rowCount ? oldM.rowStart[i]! : 0;
    const b1 = i < oldM.rowCount ? oldM.rowStart[i + 1]! : 0;
    // Most rows (every miner's) are empty in both matrices.
    if (a0 < a1 || b0 < b1) {
      if (rowIsStrictlyAscending(newM, i) && rowIsStrictlyAscending(oldM, i)) {
        // Merge in column order; a column missing from one row counts as 0 there.
        let a = a0;
        let b = b0;
        while (a < a1 || b < b1) {
          let j: number;
          let x = 0;
          let y = 0;
          if (b === b1 || (a < a1 && newCol[a]! < oldCol[b]!)) {
            j = newCol[a]!;
            x = newVal[a++]!;
          } else if (a === a1 || oldCol[b]! < newCol[a]!) {
            j = oldCol[b]!;
            y = oldVal[b++]!;
          } else {
            j = newCol[a]!;
            x = newVal[a++]!;
            y = oldVal[b++]!;
          }
          // alpha·new + (1 − alpha)·old, each product floored separately as on chain.
          const v = chain ? mulI32F32(alpha, x) + mulI32F32(oneMinusAlpha, y) : alpha * x + oneMinusAlpha * y;
          if (v > 0) {
            outCol[p] = j;
            outVal[p++] = v;
          }
        }
      } else {
        // Duplicate columns accumulate here (the chain adds into the dense row), so the generic
        // union, where later duplicates overwrite, does not apply.
        const s = scratch ?? (scratch = new RowScratch(columns, cx.mem));
        s.beginRow();
        for (let k = a0; k < a1; k++) {
          const j = newCol[k]!;
          s.touch(j);
          s.a[j] = s.a[j]! + (chain ? mulI32F32(alpha, newVal[k]!) : alpha * newVal[k]!);
        }
        for (let k = b0; k < b1; k++) {
          const j = oldCol[k]!;
          s.touch(j);
          s.a[j] = s.a[j]! + (chain ? mulI32F32(oneMinusAlpha, oldVal[k]!) : oneMinusAlpha * oldVal[k]!);
        }
        for (const j of s.sortedTouched()) {
          const v = s.a[j]!;
          if (v > 0) {
            outCol[p] = j;
            outVal[p++] = v;
          }
        }
      }
    }
    outStart[i + 1] = p;
  }
  return { rowCount: rows, rowStart: outStart, col: outCol.subarray(0, p), val: outVal.subarray(0, p) };
}

/**
 * `mat_ema_alpha_sparse`: per-cell coefficients. For each entry of `new` in stored order:
 * `min(1, (1 − α)·old_j + max(0, α·new_j))`, kept where > 0. Cells present only in `old` are
 * dropped (not decayed) — a chain behaviour spec/yuma.md §10.1 documents. `alphaAt` returns the
 * coefficient for (row, column), or `undefined` where the chain's alpha row has no such column
 * (the entry is then skipped).
 */
export function matEmaAlphaSparse(
  cx: MathContext,
  newM: SparseMatrix,
  oldM: SparseMatrix,
  columns: number,
  alphaAt: (row: number, column: number) => number | undefined,
): SparseMatrix {
  const chain = isChain(cx);
  const one = cx.ar.one;
  const scratch = new RowScratch(columns, cx.mem);
  const b = new SparseMatrixBuilder(newM.rowCount, newM.val.length, cx.mem);
  for (let i = 0; i < newM.rowCount; i++) {
    scratch.beginRow();
    if (i < oldM.rowCount) {
      for (let k = oldM.rowStart[i]!, end = oldM.rowStart[i + 1]!; k < end; k++) {
        const j = oldM.col[k]!;
        if (j >= columns) continue;
        scratch.touch(j);
        scratch.b[j] = oldM.val[k]!; // later entries overwrite earlier ones, as the chain's loop does
      }
    }
    for (let k = newM.rowStart[i]!, end = newM.rowStart[i + 1]!; k < end; k++) {
      const j = newM.col[k]!;
      const alpha = alphaAt(i, j);
      if (alpha === undefined) continue;
      const old = j < columns && scratch.isTouched(j) ? scratch.b[j]! : 0;
      const decayed = chain ? mulI32F32(one - alpha, old) : (one - alpha) * old;
      let inc = chain ? mulI32F32(alpha, newM.val[k]!) : alpha * newM.val[k]!;
      if (inc < 0) inc = 0;
      let v = decayed + inc;
      if (v > one) v = one;
      if (v > 0) b.push(j, v);
    }
    b.endRow();
  }
  return b.finish();
}
