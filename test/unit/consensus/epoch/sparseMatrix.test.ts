import { describe, expect, it } from 'vitest';
import { Arena } from '../../../../src/primitives/arena.ts';
import { AssertionError } from '../../../../src/primitives/assert.ts';
import {
  SparseMatrixBuilder,
  emptySparse,
  mapValues,
  nonZeroCount,
  sparseFromRows,
  sparseGet,
  sparseToRows,
} from '../../../../src/consensus/epoch/sparseMatrix.ts';

describe('SparseMatrixBuilder', () => {
  it('packs rows in stored order into compressed sparse rows', () => {
    const b = new SparseMatrixBuilder(3, 4);
    b.push(2, 10);
    b.push(0, 0);
    b.endRow();
    b.endRow();
    b.push(1, 7);
    b.endRow();
    const m = b.finish();
    expect(m.rowCount).toBe(3);
    expect(Array.from(m.rowStart)).toEqual([0, 2, 2, 3]);
    expect(Array.from(m.col)).toEqual([2, 0, 1]);
    expect(Array.from(m.val)).toEqual([10, 0, 7]);
  });

  it('closes the remaining rows as empty on finish', () => {
    const b = new SparseMatrixBuilder(4, 2);
    b.push(3, 1);
    const m = b.finish();
    expect(Array.from(m.rowStart)).toEqual([0, 1, 1, 1, 1]);
    expect(sparseToRows(m)).toEqual([[[3, 1]], [], [], []]);
  });

  it('grows past its initial capacity without losing entries', () => {
    const b = new SparseMatrixBuilder(2, 1, new Arena(64));
    for (let k = 0; k < 100; k++) b.push(k, k * 1.5);
    b.endRow();
    b.push(5, -1);
    const m = b.finish();
    expect(nonZeroCount(m)).toBe(101);
    expect(m.col.length).toBe(101);
    expect(m.val[99]).toBe(148.5);
    expect(sparseToRows(m)[1]).toEqual([[5, -1]]);
  });

  it('refuses more rows than it was built for', () => {
    const b = new SparseMatrixBuilder(1, 1);
    b.endRow();
    expect(() => b.endRow()).toThrow(AssertionError);
  });
});

describe('sparseFromRows and sparseToRows', () => {
  it('round-trip rows with explicit zeros, duplicates and unsorted columns', () => {
    const rows: [number, number][][] = [[[2, 5], [0, 0], [2, 6]], [], [[1, 3]]];
    expect(sparseToRows(sparseFromRows(rows))).toEqual(rows);
  });

  it('treats missing rows as empty and honours an explicit row count', () => {
    const m = sparseFromRows([undefined, [[0, 1]]], 4);
    expect(m.rowCount).toBe(4);
    expect(sparseToRows(m)).toEqual([[], [[0, 1]], [], []]);
  });

  it('takes its memory from a given arena', () => {
    const arena = new Arena(1024);
    const m = sparseFromRows([[[0, 1]]], 1, arena);
    expect(m.col.buffer).toBe(arena.u8(1).buffer);
  });
});

describe('small sparse helpers', () => {
  it('builds an empty matrix with the given row count', () => {
    const m = emptySparse(3);
    expect(m.rowCount).toBe(3);
    expect(Array.from(m.rowStart)).toEqual([0, 0, 0, 0]);
    expect(nonZeroCount(m)).toBe(0);
    expect(sparseToRows(m)).toEqual([[], [], []]);
  });

  it('counts stored entries, explicit zeros included', () => {
    expect(nonZeroCount(sparseFromRows([[[0, 0], [1, 2]], [[0, 0]]]))).toBe(3);
  });

  it('maps values without changing structure or dropping zeros', () => {
    const m = sparseFromRows([[[1, 2], [0, 3]], [[2, 4]]]);
    const doubled = mapValues(m, (v) => (v === 3 ? 0 : v * 2));
    expect(sparseToRows(doubled)).toEqual([[[1, 4], [0, 0]], [[2, 8]]]);
    expect(doubled.rowStart).toBe(m.rowStart);
    expect(sparseToRows(m)).toEqual([[[1, 2], [0, 3]], [[2, 4]]]);
  });

  it('reads a cell as the last matching entry of its row, else 0', () => {
    const m = sparseFromRows([[[1, 2], [1, 9], [3, 4]], []]);
    expect(sparseGet(m, 0, 1)).toBe(9);
    expect(sparseGet(m, 0, 3)).toBe(4);
    expect(sparseGet(m, 0, 0)).toBe(0);
    expect(sparseGet(m, 1, 1)).toBe(0);
    expect(sparseGet(m, 7, 1)).toBe(0);
  });
});
