/**
 * Sparse matrices in the chain's layout: one row per uid, each row a list of `(column, value)`
 * entries in *stored order* (subtensor keeps `set_weights` submissions in the order given, with
 * explicit zeros), packed as compressed sparse rows in typed arrays.
 *
 * Values are plain float64 numbers whose meaning depends on the stage: u16 integers as stored,
 * I32F32 raws in `chain` mode, or real fractions in `float` mode.
 */
import { Arena } from '../../primitives/arena.ts';
import { assert } from '../../primitives/assert.ts';

export interface SparseMatrix {
  readonly rowCount: number;
  /** Entries of row i are at indices rowStart[i] … rowStart[i+1]−1. Length rowCount + 1. */
  readonly rowStart: Int32Array;
  readonly col: Int32Array;
  readonly val: Float64Array;
}

/** A row as the chain writes it: `[column, value]` pairs in stored order. */
export type SparseRow = readonly (readonly [number, number])[];

/** Appends entries row by row; `finish` returns a compact matrix. */
export class SparseMatrixBuilder {
  private readonly rowStart: Int32Array;
  private col: Int32Array;
  private val: Float64Array;
  private size = 0;
  private row = 0;

  /** `capacity` should bound the entry count; memory comes from `mem` (a private arena if omitted). */
  constructor(
    readonly rowCount: number,
    capacity: number,
    private readonly mem: Arena = new Arena(rowCount * 4 + Math.max(1, capacity) * 12 + 64),
  ) {
    this.rowStart = mem.i32(rowCount + 1);
    const cap = Math.max(1, capacity);
    this.col = mem.i32(cap);
    this.val = mem.f64(cap);
  }

  push(column: number, value: number): void {
    if (this.size === this.col.length) this.grow();
    this.col[this.size] = column;
    this.val[this.size] = value;
    this.size++;
  }

  /** Closes the current row; rows must be closed in order, one call per row. */
  endRow(): void {
    assert(this.row < this.rowCount, 'SparseMatrixBuilder: too many rows');
    this.row++;
    this.rowStart[this.row] = this.size;
  }

  finish(): SparseMatrix {
    while (this.row < this.rowCount) this.endRow();
    return {
      rowCount: this.rowCount,
      rowStart: this.rowStart,
      // Views, not copies: the builder is discarded after finish().
      col: this.col.length === this.size ? this.col : this.col.subarray(0, this.size),
      val: this.val.length === this.size ? this.val : this.val.subarray(0, this.size),
    };
  }

  private grow(): void {
    const col = this.mem.i32(this.col.length * 2);
    col.set(this.col);
    const val = this.mem.f64(this.val.length * 2);
    val.set(this.val);
    this.col = col;
    this.val = val;
  }
}

/** Builds a matrix from rows of `[column, value]` pairs (missing rows are empty). */
export function sparseFromRows(rows: readonly (SparseRow | undefined)[], rowCount = rows.length, mem?: Arena): SparseMatrix {
  let total = 0;
  for (const r of rows) total += r?.length ?? 0;
  const b = new SparseMatrixBuilder(rowCount, total, mem);
  for (let i = 0; i < rowCount; i++) {
    for (const [c, v] of rows[i] ?? []) b.push(c, v);
    b.endRow();
  }
  return b.finish();
}

/** The rows as `[column, value]` pairs (for tests, JSON output and conformance checks). */
export function sparseToRows(m: SparseMatrix): [number, number][][] {
  const rows: [number, number][][] = [];
  for (let i = 0; i < m.rowCount; i++) {
    const row: [number, number][] = [];
    for (let k = m.rowStart[i]!; k < m.rowStart[i + 1]!; k++) row.push([m.col[k]!, m.val[k]!]);
    rows.push(row);
  }
  return rows;
}

export function emptySparse(rowCount: number): SparseMatrix {
  return {
    rowCount,
    rowStart: new Int32Array(rowCount + 1),
    col: new Int32Array(0),
    val: new Float64Array(0),
  };
}

export function nonZeroCount(m: SparseMatrix): number {
  return m.rowStart[m.rowCount]!;
}

/** Maps every value, keeping structure (no entries are dropped). */
export function mapValues(m: SparseMatrix, f: (value: number) => number): SparseMatrix {
  const val = new Float64Array(m.val.length);
  for (let k = 0; k < val.length; k++) val[k] = f(m.val[k]!);
  return { rowCount: m.rowCount, rowStart: m.rowStart, col: m.col, val };
}

/** Value stored at (row, column): the last matching entry of the row (later writes win), else 0. */
export function sparseGet(m: SparseMatrix, row: number, column: number): number {
  if (row >= m.rowCount) return 0;
  let v = 0;
  for (let k = m.rowStart[row]!; k < m.rowStart[row + 1]!; k++) if (m.col[k] === column) v = m.val[k]!;
  return v;
}
