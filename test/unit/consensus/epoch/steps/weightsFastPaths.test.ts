/**
 * The shortcuts the weights pipeline takes from one pass over the loaded rows (row sums, whether
 * every row is sorted by column) must give what the plain passes give: the self mask by bisection
 * on sorted rows, the row normalisation from the precomputed sums, and the u16 check.
 */
import { describe, expect, it } from 'vitest';
import { runEpochUpTo } from '../../../../../src/consensus/epoch/runEpoch.ts';
import { sparseFromRows, sparseToRows, type SparseMatrix } from '../../../../../src/consensus/epoch/sparseMatrix.ts';
import { loadStoredRows, type StoredRowsSummary } from '../../../../../src/consensus/epoch/steps/weights.ts';
import { Arena } from '../../../../../src/primitives/arena.ts';
import { AssertionError } from '../../../../../src/primitives/assert.ts';
import { makeInputs } from '../fixture.ts';

function summaryFor(stored: SparseMatrix, n: number): { loaded: SparseMatrix; summary: StoredRowsSummary } {
  const summary: StoredRowsSummary = { rowSum: new Float64Array(n), ascending: false };
  const loaded = loadStoredRows(stored, n, new Arena(), summary);
  return { loaded, summary };
}

function keptRows(inputs: ReturnType<typeof makeInputs>, step: string, mode: 'chain' | 'float' = 'chain'): [number, number][][] {
  const w = runEpochUpTo(inputs, step, { mode });
  const m = w.weightsStored;
  const out: [number, number][][] = [];
  for (let i = 0; i < m.rowCount; i++) {
    const row: [number, number][] = [];
    for (let k = m.rowStart[i]!; k < m.rowStart[i + 1]!; k++) if (w.weightsKeep === null || w.weightsKeep[k] === 1) row.push([m.col[k]!, m.val[k]!]);
    out.push(row);
  }
  return out;
}

describe('loading stored weights with a summary', () => {
  it('sums each row and sees that every row is sorted', () => {
    const stored = sparseFromRows([[[1, 5], [2, 7]], [], [[0, 65535], [2, 65535]]]);
    const { loaded, summary } = summaryFor(stored, 3);
    expect(loaded).toBe(stored);
    expect(Array.from(summary.rowSum)).toEqual([12, 0, 131070]);
    expect(summary.ascending).toBe(true);
  });

  it('sees a row that repeats or decreases a column', () => {
    expect(summaryFor(sparseFromRows([[[2, 1], [1, 1]], [], []]), 3).summary.ascending).toBe(false);
    expect(summaryFor(sparseFromRows([[[1, 1], [1, 1]], []]), 2).summary.ascending).toBe(false);
  });

  it('summarises the rows as loaded when columns or rows beyond n are dropped', () => {
    // Row 0 is unsorted only because of column 7, which is dropped; row 3 is dropped.
    const stored = sparseFromRows([[[1, 5], [7, 9], [2, 4]], [[0, 3]], [], [[0, 1]]]);
    const { loaded, summary } = summaryFor(stored, 3);
    expect(sparseToRows(loaded)).toEqual([[[1, 5], [2, 4]], [[0, 3]], []]);
    expect(Array.from(summary.rowSum)).toEqual([9, 3, 0]);
    expect(summary.ascending).toBe(true);
  });

  it('refuses every value that is not a u16 integer, reporting the first bad entry', () => {
    for (const bad of [65536, -1, 0.5, 65534.5, NaN, Infinity, -Infinity, 2 ** 32 + 5, 2 ** 31, 2 ** 53]) {
      expect(() => summaryFor(sparseFromRows([[[0, 1], [1, bad]], []]), 2)).toThrow(AssertionError);
      expect(() => summaryFor(sparseFromRows([[[0, 1], [1, bad]], []]), 2)).toThrow(`entry 1: ${bad}`);
    }
    expect(() => summaryFor(sparseFromRows([[[0, 0], [1, 65535]], []]), 2)).not.toThrow();
  });
});

describe('self mask on sorted rows', () => {
  it('drops (i, i) wherever it sits in a sorted row, and keeps the owner’s', () => {
    // Row 1 holds column 1 in the middle, row 2 at the end, row 0 at the start; row 3 has none.
    const weights = { 0: [[0, 4], [2, 5], [3, 6]], 1: [[0, 1], [1, 2], [3, 3]], 2: [[0, 7], [2, 8]], 3: [[1, 9], [2, 9]] } as const;
    const expected = [[[2, 5], [3, 6]], [[0, 1], [3, 3]], [[0, 7]], [[1, 9], [2, 9]]];
    expect(keptRows(makeInputs({ n: 4, weights }), 'weightsMaskSelf')).toEqual(expected);
    expect(keptRows(makeInputs({ n: 4, weights, owner: 1 }), 'weightsMaskSelf')).toEqual([expected[0], weights[1], expected[2], expected[3]]);
  });

  it('gives the same kept entries as on an unsorted copy of the rows', () => {
    const sorted = { 0: [[0, 4], [1, 5], [2, 6]], 1: [[0, 1], [1, 2], [2, 3]], 2: [[0, 7], [1, 8], [2, 9]] } as const;
    const reversed = { 0: [[2, 6], [1, 5], [0, 4]], 1: [[2, 3], [1, 2], [0, 1]], 2: [[2, 9], [1, 8], [0, 7]] } as const;
    const sortRows = (rows: [number, number][][]) => rows.map((r) => [...r].sort((a, b) => a[0] - b[0]));
    const a = keptRows(makeInputs({ n: 3, weights: sorted }), 'weightsMaskSelf');
    const b = keptRows(makeInputs({ n: 3, weights: reversed }), 'weightsMaskSelf');
    expect(sortRows(b)).toEqual(a);
  });
});

describe('row normalisation from the load step’s sums', () => {
  it('matches the normalisation of the same rows after a mask has run', () => {
    // Validator 0 weights itself with 0 (dropped by the self mask, which leaves the sums unchanged)
    // so the masked path sums the kept entries itself; validator 1's row is the same without it.
    const masked = makeInputs({ n: 4, weights: { 0: [[0, 0], [2, 300], [3, 100]], 1: [[2, 300], [3, 100]] } });
    const plain = makeInputs({ n: 4, weights: { 0: [[2, 300], [3, 100]], 1: [[2, 300], [3, 100]] } });
    for (const mode of ['chain', 'float'] as const) {
      const a = runEpochUpTo(masked, 'weightsRowNormalize', { mode });
      const b = runEpochUpTo(plain, 'weightsRowNormalize', { mode });
      expect(a.weightsKeep).not.toBeNull();
      expect(b.weightsKeep).toBeNull();
      expect(sparseToRows(a.weights)).toEqual(sparseToRows(b.weights));
      expect(sparseToRows(b.weights)[0]).toEqual(sparseToRows(b.weights)[1]);
    }
  });
});
