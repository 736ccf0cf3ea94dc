import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chainArithmetic } from '../../../../src/consensus/epoch/chainArithmetic.ts';
import { floatArithmetic } from '../../../../src/consensus/epoch/floatArithmetic.ts';
import {
  colClipSparse,
  colMaxUpscaleSparse,
  colNormalizeSparse,
  interpolateSparse,
  isTopk,
  isZero,
  makeMathContext,
  matEmaAlphaSparse,
  matEmaSparse,
  matmulSparse,
  matmulTransposeSparse,
  normalize,
  normalizeUsingSum,
  rowHadamardSparse,
  rowNormalizeIntegerSparse,
  rowSumSparse,
} from '../../../../src/consensus/epoch/math.ts';
import { sparseFromRows, sparseToRows, type SparseMatrix } from '../../../../src/consensus/epoch/sparseMatrix.ts';
import { HALF, ONE, divRef, mulRef } from './fixture.ts';

const chain = () => makeMathContext(chainArithmetic);
const float = () => makeMathContext(floatArithmetic);
const f64 = (xs: readonly number[]) => Float64Array.from(xs);
const rowsOf = (m: SparseMatrix) => sparseToRows(m);
const runs = { numRuns: 300, seed: 777 };

type Row = [number, number][];

/** Random sparse rows over `columns` columns: unsorted, with duplicate columns and explicit zeros. */
function sparseRows(rowCount: number, columns: number, value: fc.Arbitrary<number>): fc.Arbitrary<Row[]> {
  const entry = fc.tuple(fc.integer({ min: 0, max: columns - 1 }), value).map(([c, v]) => [c, v] as [number, number]);
  return fc.array(fc.array(entry, { maxLength: columns + 2 }), { minLength: rowCount, maxLength: rowCount });
}

const rawValue = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: ONE }),
  fc.integer({ min: -(ONE / 4), max: 2 * ONE }),
);

/** Dense row of a sparse row, later duplicates overwriting earlier ones. */
function denseOverwrite(row: Row, columns: number): number[] {
  const d = new Array<number>(columns).fill(0);
  for (const [c, v] of row) if (c < columns) d[c] = v;
  return d;
}

describe('normalize and normalizeUsingSum', () => {
  it('divides by the sum with truncating I32F32 quotients in chain mode', () => {
    const cx = chain();
    expect(Array.from(normalize(cx, f64([ONE, ONE, 2 * ONE])))).toEqual([ONE / 4, ONE / 4, HALF]);
    expect(Array.from(normalize(cx, f64([ONE, ONE, ONE])))).toEqual([1431655765, 1431655765, 1431655765]);
    expect(Array.from(normalize(cx, f64([3, 0, 1])))).toEqual([divRef(3, 4), 0, divRef(1, 4)]);
  });

  it('divides by the sum in float mode', () => {
    expect(Array.from(normalize(float(), f64([1, 1, 2])))).toEqual([0.25, 0.25, 0.5]);
  });

  it('returns an unchanged copy when the sum is zero', () => {
    for (const cx of [chain(), float()]) {
      const zeros = f64([0, 0, 0]);
      const out = normalize(cx, zeros);
      expect(Array.from(out)).toEqual([0, 0, 0]);
      expect(out).not.toBe(zeros);
      const cancelling = f64([ONE, -ONE]);
      expect(Array.from(normalize(cx, cancelling))).toEqual([ONE, -ONE]);
    }
  });

  it('divides by the given sum rather than the actual one', () => {
    expect(Array.from(normalizeUsingSum(chain(), f64([ONE, HALF]), 2 * ONE))).toEqual([HALF, ONE / 4]);
    expect(Array.from(normalizeUsingSum(float(), f64([1, 0.5]), 4))).toEqual([0.25, 0.125]);
    expect(Array.from(normalizeUsingSum(chain(), f64([5, 7]), 0))).toEqual([5, 7]);
  });

  it('detects all-zero vectors with isZero', () => {
    expect(isZero(f64([]))).toBe(true);
    expect(isZero(f64([0, 0]))).toBe(true);
    expect(isZero(f64([0, -1]))).toBe(false);
  });
});

describe('isTopk', () => {
  /** Stable ascending sort by value, the first n − k lose their flag. */
  function topkReference(values: number[], k: number, nonzeroOnly: boolean): boolean[] {
    const result = values.map((v) => (nonzeroOnly ? v !== 0 : true));
    if (values.length < k) return result;
    const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v || a.i - b.i);
    for (let p = 0; p < values.length - k; p++) result[order[p]!.i] = false;
    return result;
  }

  it('keeps the k largest values', () => {
    expect(isTopk(chain(), f64([3, 1, 2, 1]), 2, false)).toEqual([true, false, true, false]);
    expect(isTopk(chain(), f64([10, 30, 20, 40]), 2, true)).toEqual([false, true, false, true]);
  });

  it('drops the lower index first on ties at the k-th place', () => {
    expect(isTopk(chain(), f64([1, 1, 1]), 1, false)).toEqual([false, false, true]);
    expect(isTopk(chain(), f64([5, 2, 5, 5]), 2, false)).toEqual([false, false, true, true]);
  });

  it('removes nothing when n < k, and keeps everything non-zero when n = k', () => {
    expect(isTopk(chain(), f64([0, 1, 2]), 4, false)).toEqual([true, true, true]);
    expect(isTopk(chain(), f64([0, 1, 2]), 4, true)).toEqual([false, true, true]);
    expect(isTopk(chain(), f64([0, 1, 2]), 3, true)).toEqual([false, true, true]);
    expect(isTopk(chain(), f64([0, 1, 2]), 3, false)).toEqual([true, true, true]);
  });

  it('marks zero values false in the nonzero variant even when they rank', () => {
    expect(isTopk(chain(), f64([0, 5, 0, 3]), 3, true)).toEqual([false, true, false, true]);
  });

  it('matches a stable-sort reference on random values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -3, max: 5 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 14 }),
        fc.boolean(),
        (values, k, nonzero) => {
          expect(isTopk(chain(), f64(values), k, nonzero)).toEqual(topkReference(values, k, nonzero));
        },
      ),
      runs,
    );
  });
});

describe('rowSumSparse and colClipSparse', () => {
  it('sums each row, explicit zeros and duplicates included', () => {
    const m = sparseFromRows([[[0, 1], [0, 2], [1, 0]], [], [[2, -4]]]);
    expect(Array.from(rowSumSparse(chain(), m))).toEqual([3, 0, -4]);
  });

  it('clips entries to the column threshold and keeps entries at or below it', () => {
    const m = sparseFromRows([[[2, 5], [0, 3], [1, 4]]]);
    expect(rowsOf(colClipSparse(chain(), m, f64([4, 4, 4])))).toEqual([[[2, 4], [0, 3], [1, 4]]]);
  });

  it('drops an entry above a threshold that is not positive, in stored order otherwise', () => {
    const m = sparseFromRows([[[0, 5], [1, 3], [2, 4], [3, 0], [4, 0]], [[1, 0]]]);
    const clipped = colClipSparse(chain(), m, f64([4, 0, -1, 0, -1]));
    // (1, 3) above threshold 0 → dropped; (2, 4) above −1 → dropped; (3, 0) not above 0 → kept;
    // (4, 0) above −1 → dropped.
    expect(rowsOf(clipped)).toEqual([[[0, 4], [3, 0]], [[1, 0]]]);
  });
});

describe('matmulSparse and matmulTransposeSparse', () => {
  it('multiplies with each product floored separately in chain mode', () => {
    // Two products of 1 raw × 0.5 each floor to 0, so the column sum is 0 (not 1 raw).
    const m = sparseFromRows([[[0, HALF], [1, ONE]], [[0, HALF], [1, 3]]]);
    const v = f64([1, ONE]);
    expect(Array.from(matmulSparse(chain(), m, v, 2))).toEqual([HALF, 1 + 3]);
    expect(Array.from(matmulSparse(chain(), m, f64([1, 1]), 3))).toEqual([0, 1, 0]);
  });

  it('matches a bigint reference for random matrices in chain mode', () => {
    fc.assert(
      fc.property(sparseRows(4, 5, rawValue), fc.array(fc.integer({ min: 0, max: ONE }), { minLength: 5, maxLength: 5 }), (rows, v) => {
        const m = sparseFromRows(rows);
        const r = new Array<number>(5).fill(0);
        rows.forEach((row, i) => {
          for (const [c, x] of row) r[c] = r[c]! + mulRef(v[i]!, x);
        });
        expect(Array.from(matmulSparse(chain(), m, f64(v), 5))).toEqual(r);
        const d = rows.map((row) => row.reduce((s, [c, x]) => s + mulRef(v[c]!, x), 0));
        expect(Array.from(matmulTransposeSparse(chain(), m, f64(v)))).toEqual(d);
      }),
      runs,
    );
  });

  it('computes plain products in float mode', () => {
    const m = sparseFromRows([[[0, 0.5], [1, 1]], [[0, 0.25]]]);
    expect(Array.from(matmulSparse(float(), m, f64([2, 4]), 2))).toEqual([2, 2]);
    expect(Array.from(matmulTransposeSparse(float(), m, f64([2, 4])))).toEqual([5, 0.5]);
  });
});

describe('rowHadamardSparse', () => {
  it('scales each row by its vector entry and keeps the structure', () => {
    const m = sparseFromRows([[[1, ONE], [0, 3]], [[1, HALF]]]);
    const out = rowHadamardSparse(chain(), m, f64([HALF, -HALF]));
    expect(rowsOf(out)).toEqual([[[1, HALF], [0, 1]], [[1, -(ONE / 4)]]]);
    expect(out.col).toBe(m.col);
    expect(rowsOf(rowHadamardSparse(float(), sparseFromRows([[[0, 0.5]]]), f64([0.5])))).toEqual([[[0, 0.25]]]);
  });
});

describe('colNormalizeSparse', () => {
  it('divides each column by its sum with truncating quotients in chain mode', () => {
    const m = sparseFromRows([[[0, ONE], [1, ONE]], [[0, 2 * ONE]]]);
    expect(rowsOf(colNormalizeSparse(chain(), m, 2))).toEqual([[[0, 1431655765], [1, ONE]], [[0, 2863311530]]]);
  });

  it('leaves columns whose sum is zero untouched', () => {
    const m = sparseFromRows([[[0, ONE], [1, 0]], [[0, -ONE]]]);
    expect(rowsOf(colNormalizeSparse(chain(), m, 2))).toEqual([[[0, ONE], [1, 0]], [[0, -ONE]]]);
    const fm = sparseFromRows([[[0, 1], [1, 0]], [[0, -1]]]);
    expect(rowsOf(colNormalizeSparse(float(), fm, 2))).toEqual([[[0, 1], [1, 0]], [[0, -1]]]);
  });

  it('normalises columns in float mode', () => {
    const m = sparseFromRows([[[0, 1], [1, 3]], [[0, 3]]]);
    expect(rowsOf(colNormalizeSparse(float(), m, 2))).toEqual([[[0, 0.25], [1, 1]], [[0, 0.75]]]);
  });
});

describe('colNormalizeSparse on integer values', () => {
  it('divides u16 integers by column sums beyond 2^21 exactly', () => {
    const rows: Row[] = [];
    for (let i = 0; i < 40; i++) rows.push([[0, 65535], [1, i]]);
    const m = sparseFromRows(rows);
    const sum0 = 40 * 65535;
    const sum1 = (39 * 40) / 2;
    const out = rowsOf(colNormalizeSparse(chain(), m, 2, true));
    expect(out[0]).toEqual([[0, Number((65535n << 32n) / BigInt(sum0))], [1, 0]]);
    expect(out[39]).toEqual([[0, Number((65535n << 32n) / BigInt(sum0))], [1, Number((39n << 32n) / BigInt(sum1))]]);
  });

  it('maps a zero column to zeros in both modes', () => {
    const m = sparseFromRows([[[0, 0], [1, 2]], [[1, 2]]]);
    expect(rowsOf(colNormalizeSparse(chain(), m, 2, true))).toEqual([[[0, 0], [1, HALF]], [[1, HALF]]]);
    expect(rowsOf(colNormalizeSparse(float(), m, 2, true))).toEqual([[[0, 0], [1, 0.5]], [[1, 0.5]]]);
  });
});

describe('rowNormalizeIntegerSparse', () => {
  it('normalises only the kept entries of each row and drops the others', () => {
    const m = sparseFromRows([[[0, 10], [1, 30], [2, 60]], [[0, 5]]]);
    const keep = Uint8Array.from([1, 0, 1, 1]);
    expect(rowsOf(rowNormalizeIntegerSparse(chain(), m, keep))).toEqual([
      [[0, Number((10n << 32n) / 70n)], [2, Number((60n << 32n) / 70n)]],
      [[0, ONE]],
    ]);
    const fl = rowsOf(rowNormalizeIntegerSparse(float(), m, keep));
    expect(fl[0]![0]![1]).toBeCloseTo(1 / 7, 15);
    expect(fl[0]![1]![1]).toBeCloseTo(6 / 7, 15);
  });

  it('keeps kept zero entries of a zero-sum row as zeros and empties fully dropped rows', () => {
    const m = sparseFromRows([[[0, 0], [1, 0]], [[0, 9]], []]);
    const keep = Uint8Array.from([1, 1, 0]);
    expect(rowsOf(rowNormalizeIntegerSparse(chain(), m, keep))).toEqual([[[0, 0], [1, 0]], [], []]);
  });

  it('normalises rows with large u16 sums exactly and keeps stored order', () => {
    const m = sparseFromRows([[[3, 65535], [0, 65535], [2, 1]]]);
    const keep = Uint8Array.from([1, 1, 1]);
    const s = 131071n;
    expect(rowsOf(rowNormalizeIntegerSparse(chain(), m, keep))).toEqual([
      [[3, Number((65535n << 32n) / s)], [0, Number((65535n << 32n) / s)], [2, Number((1n << 32n) / s)]],
    ]);
  });
});

describe('colMaxUpscaleSparse', () => {
  it('divides each column by its maximum and leaves zero-maximum columns alone', () => {
    const m = sparseFromRows([[[0, HALF], [1, 0]], [[0, ONE / 4], [2, -5]]]);
    expect(rowsOf(colMaxUpscaleSparse(chain(), m, 3))).toEqual([[[0, ONE], [1, 0]], [[0, HALF], [2, -5]]]);
    const fm = sparseFromRows([[[0, 0.5]], [[0, 0.25]]]);
    expect(rowsOf(colMaxUpscaleSparse(float(), fm, 1))).toEqual([[[0, 1]], [[0, 0.5]]]);
  });
});

describe('interpolateSparse', () => {
  /** The chain's dense loop: per row, later duplicates overwrite, a + ratio·(b − a) kept where > 0. */
  function interpolateReference(r1: Row[], r2: Row[], columns: number, ratio: number): Row[] {
    const rows = Math.max(r1.length, r2.length);
    const out: Row[] = [];
    for (let i = 0; i < rows; i++) {
      const a = denseOverwrite(r1[i] ?? [], columns);
      const b = denseOverwrite(r2[i] ?? [], columns);
      const row: Row = [];
      for (let j = 0; j < columns; j++) {
        const v = a[j]! + mulRef(ratio, b[j]! - a[j]!);
        if (v > 0) row.push([j, v]);
      }
      out.push(row);
    }
    return out;
  }

  it('returns mat1 itself at ratio 0 and mat2 itself at ratio 1', () => {
    const m1 = sparseFromRows([[[1, 5], [0, 0]]]);
    const m2 = sparseFromRows([[[0, 7]]]);
    expect(interpolateSparse(chain(), m1, m2, 2, 0)).toBe(m1);
    expect(interpolateSparse(chain(), m1, m2, 2, ONE)).toBe(m2);
    expect(interpolateSparse(float(), m1, m2, 2, 1)).toBe(m2);
  });

  it('interpolates between the matrices in column order and keeps only positive results', () => {
    const m1 = sparseFromRows([[[0, ONE], [2, HALF], [3, 0]]]);
    const m2 = sparseFromRows([[[1, ONE], [2, ONE]]]);
    expect(rowsOf(interpolateSparse(chain(), m1, m2, 4, HALF))).toEqual([[[0, HALF], [1, HALF], [2, 3 * (ONE / 4)]]]);
    const f1 = sparseFromRows([[[0, 1], [2, 0.5]]]);
    const f2 = sparseFromRows([[[1, 1], [2, 1]]]);
    expect(rowsOf(interpolateSparse(float(), f1, f2, 3, 0.5))).toEqual([[[0, 0.5], [1, 0.5], [2, 0.75]]]);
  });

  it('sorts unsorted rows into column order', () => {
    const m1 = sparseFromRows([[[2, ONE], [0, HALF]]]);
    const m2 = sparseFromRows([[[1, ONE]]]);
    expect(rowsOf(interpolateSparse(chain(), m1, m2, 3, HALF))).toEqual([[[0, ONE / 4], [1, HALF], [2, HALF]]]);
  });

  it('lets a later duplicate column overwrite an earlier one', () => {
    const m1 = sparseFromRows([[[1, 4 * ONE], [1, ONE]]]);
    const m2 = sparseFromRows([[[1, ONE], [1, 3 * ONE]]]);
    // a = 1, b = 3 (the later entries): 1 + 0.5·2 = 2.
    expect(rowsOf(interpolateSparse(chain(), m1, m2, 2, HALF))).toEqual([[[1, 2 * ONE]]]);
  });

  it('matches the dense reference on random matrices in chain mode', () => {
    fc.assert(
      fc.property(
        sparseRows(3, 5, rawValue),
        sparseRows(3, 5, rawValue),
        fc.integer({ min: 1, max: ONE - 1 }),
        (r1, r2, ratio) => {
          const out = interpolateSparse(chain(), sparseFromRows(r1), sparseFromRows(r2), 5, ratio);
          expect(rowsOf(out)).toEqual(interpolateReference(r1, r2, 5, ratio));
        },
      ),
      runs,
    );
  });
});

describe('matEmaSparse', () => {
  /** Dense accumulate: α·new + (1 − α)·old, every entry added separately, kept where > 0. */
  function emaReference(newRows: Row[], oldRows: Row[], columns: number, alpha: number): Row[] {
    return newRows.map((nr, i) => {
      const acc = new Array<number>(columns).fill(0);
      for (const [c, v] of nr) acc[c] = acc[c]! + mulRef(alpha, v);
      for (const [c, v] of oldRows[i] ?? []) acc[c] = acc[c]! + mulRef(ONE - alpha, v);
      const row: Row = [];
      acc.forEach((v, j) => {
        if (v > 0) row.push([j, v]);
      });
      return row;
    });
  }

  it('blends new and old over the union of entries, in column order', () => {
    const alpha = ONE / 4;
    const newM = sparseFromRows([[[2, ONE], [0, ONE]]]);
    const oldM = sparseFromRows([[[1, ONE], [2, ONE]]]);
    expect(rowsOf(matEmaSparse(chain(), newM, oldM, 3, alpha))).toEqual([[[0, ONE / 4], [1, 3 * (ONE / 4)], [2, ONE]]]);
    const fNew = sparseFromRows([[[2, 1], [0, 1]]]);
    const fOld = sparseFromRows([[[1, 1], [2, 1]]]);
    expect(rowsOf(matEmaSparse(float(), fNew, fOld, 3, 0.25))).toEqual([[[0, 0.25], [1, 0.75], [2, 1]]]);
  });

  it('accumulates duplicate columns instead of overwriting them', () => {
    const alpha = HALF;
    const newM = sparseFromRows([[[1, ONE], [1, ONE]]]);
    const oldM = sparseFromRows([[[1, ONE], [1, HALF]]]);
    // 0.5·1 + 0.5·1 + 0.5·1 + 0.5·0.5 = 1.75
    expect(rowsOf(matEmaSparse(chain(), newM, oldM, 2, alpha))).toEqual([[[1, ONE + 3 * (ONE / 4)]]]);
  });

  it('drops results that are not positive', () => {
    const newM = sparseFromRows([[[0, 0], [1, -ONE]]]);
    const oldM = sparseFromRows([[[0, 0], [1, ONE]]]);
    expect(rowsOf(matEmaSparse(chain(), newM, oldM, 2, HALF))).toEqual([[]]);
  });

  it('matches the dense accumulating reference on random matrices in chain mode', () => {
    fc.assert(
      fc.property(sparseRows(3, 5, rawValue), sparseRows(3, 5, rawValue), fc.integer({ min: 0, max: ONE }), (nr, or, alpha) => {
        const out = matEmaSparse(chain(), sparseFromRows(nr), sparseFromRows(or), 5, alpha);
        expect(rowsOf(out)).toEqual(emaReference(nr, or, 5, alpha));
      }),
      runs,
    );
  });
});

describe('matEmaAlphaSparse', () => {
  it('updates only the cells of new, in new’s stored order, dropping cells present only in old', () => {
    const alpha = HALF;
    const newM = sparseFromRows([[[2, ONE], [0, HALF]]]);
    const oldM = sparseFromRows([[[0, ONE], [1, ONE]]]);
    const out = matEmaAlphaSparse(chain(), newM, oldM, 3, () => alpha);
    // (2): 0.5·0 + 0.5·1 = 0.5; (0): 0.5·1 + 0.5·0.5 = 0.75; (1) only in old → dropped.
    expect(rowsOf(out)).toEqual([[[2, HALF], [0, 3 * (ONE / 4)]]]);
  });

  it('clamps results to 1 and floors a negative increment at 0', () => {
    const newM = sparseFromRows([[[0, 4 * ONE], [1, -ONE]]]);
    const oldM = sparseFromRows([[[0, ONE], [1, ONE]]]);
    const out = matEmaAlphaSparse(chain(), newM, oldM, 2, () => HALF);
    expect(rowsOf(out)).toEqual([[[0, ONE], [1, HALF]]]);
    const fNew = sparseFromRows([[[0, 4], [1, -1]]]);
    const fOld = sparseFromRows([[[0, 1], [1, 1]]]);
    expect(rowsOf(matEmaAlphaSparse(float(), fNew, fOld, 2, () => 0.5))).toEqual([[[0, 1], [1, 0.5]]]);
  });

  it('uses a per-cell coefficient and skips cells without one', () => {
    const newM = sparseFromRows([[[0, ONE], [1, ONE]], [[0, ONE]]]);
    const oldM = sparseFromRows([[], [[0, ONE]]]);
    const alphaAt = (i: number, j: number): number | undefined => (i === 0 && j === 1 ? undefined : i === 0 ? ONE / 4 : ONE / 8);
    expect(rowsOf(matEmaAlphaSparse(chain(), newM, oldM, 2, alphaAt))).toEqual([[[0, ONE / 4]], [[0, ONE]]]);
  });

  it('reads a duplicated old column as its later entry and drops zero results', () => {
    const newM = sparseFromRows([[[0, 0], [1, 0]]]);
    const oldM = sparseFromRows([[[0, ONE], [0, HALF]]]);
    expect(rowsOf(matEmaAlphaSparse(chain(), newM, oldM, 2, () => HALF))).toEqual([[[0, ONE / 4]]]);
  });

  it('ignores old entries at columns beyond the column count', () => {
    const newM = sparseFromRows([[[0, ONE]]]);
    const oldM = sparseFromRows([[[5, ONE], [0, 0]]]);
    expect(rowsOf(matEmaAlphaSparse(chain(), newM, oldM, 2, () => HALF))).toEqual([[[0, HALF]]]);
  });
});
