import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chainArithmetic } from '../../../../src/consensus/epoch/chainArithmetic.ts';
import { floatArithmetic } from '../../../../src/consensus/epoch/floatArithmetic.ts';
import { makeMathContext } from '../../../../src/consensus/epoch/math.ts';
import { sparseFromRows } from '../../../../src/consensus/epoch/sparseMatrix.ts';
import { weightedMedian, weightedMedianColSparse } from '../../../../src/consensus/epoch/weightedMedian.ts';
import { ONE, divRef } from './fixture.ts';

const f64 = (xs: readonly number[]) => Float64Array.from(xs);
const runs = { numRuns: 1000, seed: 90210 };

type Row = [number, number][];

/**
 * The definition: the smallest score v with Σ_{x ≤ v} stake > minority; else the largest score;
 * 0 when there are no elements.
 */
function medianByDefinition(stake: readonly number[], score: readonly number[], minority: number): number {
  if (score.length === 0) return 0;
  const values = [...new Set(score)].sort((a, b) => a - b);
  for (const v of values) {
    let cumulative = 0;
    score.forEach((x, i) => {
      if (x <= v) cumulative += stake[i]!;
    });
    if (cumulative > minority) return v;
  }
  return values[values.length - 1]!;
}

/**
 * The chain's `weighted_median_col_sparse` written densely: voters are the rows with stake > 0,
 * their stakes normalised (truncating I32F32 quotients), minority = Σ − majority; each column's
 * scores are the voters' entries (absent = 0, the later of duplicate entries wins), and the
 * column's median is the literal `weighted_median`.
 */
function colMedianReference(stake: readonly number[], rows: readonly Row[], columns: number, majority: number): number[] {
  const voters: number[] = [];
  stake.forEach((s, i) => {
    if (s > 0) voters.push(i);
  });
  if (voters.length === 0) return new Array<number>(columns).fill(0);
  const total = voters.reduce((a, i) => a + stake[i]!, 0);
  const useStake = voters.map((i) => divRef(stake[i]!, total));
  const stakeSum = useStake.reduce((a, b) => a + b, 0);
  const minority = stakeSum - majority;
  const out: number[] = [];
  for (let c = 0; c < columns; c++) {
    const scores = voters.map((i) => {
      let v = 0;
      for (const [col, x] of rows[i] ?? []) if (col === c) v = x;
      return v;
    });
    out.push(weightedMedian(f64(useStake), f64(scores), minority));
  }
  return out;
}

describe('weightedMedian (literal quickselect)', () => {
  it('returns 0 for no elements and the only score for one element', () => {
    expect(weightedMedian(f64([]), f64([]), 0)).toBe(0);
    expect(weightedMedian(f64([5]), f64([42]), 100)).toBe(42);
    expect(weightedMedian(f64([0]), f64([-3]), -1)).toBe(-3);
  });

  it('decides ties on cumulative stake with a strict comparison', () => {
    // Stakes 0.51 / 0.49 scoring 0.5 / 1.0 with κ = 0.51: minority 0.49, so 0.51 > 0.49 picks 0.5.
    expect(weightedMedian(f64([51, 49]), f64([50, 100]), 49)).toBe(50);
    // Swapped stakes: 0.49 is not > 0.49, so the median moves to 1.0.
    expect(weightedMedian(f64([49, 51]), f64([50, 100]), 49)).toBe(100);
  });

  it('returns the largest score when the minority reaches the total stake', () => {
    expect(weightedMedian(f64([1, 2, 3]), f64([7, 3, 5]), 6)).toBe(7);
    expect(weightedMedian(f64([1, 2, 3]), f64([7, 3, 5]), 60)).toBe(7);
  });

  it('returns the smallest score for a negative minority', () => {
    expect(weightedMedian(f64([1, 2, 3]), f64([7, 3, 5]), -1)).toBe(3);
  });

  it('agrees with the definition on random integer inputs, duplicates, zero stakes and negative scores included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: -6, max: 6 })), { maxLength: 15 }),
        fc.integer({ min: -5, max: 320 }),
        (pairs, minority) => {
          const stake = pairs.map(([s]) => s);
          const score = pairs.map(([, x]) => x);
          expect(weightedMedian(f64(stake), f64(score), minority)).toBe(medianByDefinition(stake, score, minority));
        },
      ),
      runs,
    );
  });

  it('agrees with the definition on random I32F32-sized inputs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: ONE }), fc.integer({ min: -ONE, max: ONE })), { maxLength: 12 }),
        fc.integer({ min: -ONE, max: 4 * ONE }),
        (pairs, minority) => {
          const stake = pairs.map(([s]) => s);
          const score = pairs.map(([, x]) => x);
          expect(weightedMedian(f64(stake), f64(score), minority)).toBe(medianByDefinition(stake, score, minority));
        },
      ),
      runs,
    );
  });
});

describe('weightedMedianColSparse', () => {
  const cx = () => makeMathContext(chainArithmetic);

  it('returns zeros when no row has positive stake', () => {
    const m = sparseFromRows([[[0, ONE]], [[1, ONE]]]);
    expect(Array.from(weightedMedianColSparse(cx(), f64([0, -5]), m, 3, ONE / 2))).toEqual([0, 0, 0]);
  });

  it('takes the majority holder’s score and 0 where only a minority votes', () => {
    // Voter 0 holds 60 %, voter 1 40 %; κ ≈ 0.5.
    const m = sparseFromRows([[[2, ONE / 2], [3, ONE / 2]], [[2, ONE]], [], []]);
    const kappa = Number((32767n << 32n) / 65535n);
    const c = weightedMedianColSparse(cx(), f64([60, 40, 0, 0]), m, 4, kappa);
    expect(Array.from(c)).toEqual([0, 0, ONE / 2, ONE / 2]);
    const swapped = weightedMedianColSparse(cx(), f64([40, 60, 0, 0]), m, 4, kappa);
    expect(Array.from(swapped)).toEqual([0, 0, ONE, 0]);
  });

  it('lets the later of two entries for the same column win', () => {
    const m = sparseFromRows([[[1, ONE], [1, ONE / 4]]]);
    expect(Array.from(weightedMedianColSparse(cx(), f64([ONE]), m, 2, ONE / 2))).toEqual([0, ONE / 4]);
  });

  it('ignores rows without positive stake even when they hold duplicates or large scores', () => {
    const m = sparseFromRows([[[0, ONE / 8]], [[0, ONE], [0, ONE]]]);
    expect(Array.from(weightedMedianColSparse(cx(), f64([ONE, 0]), m, 1, ONE / 2))).toEqual([ONE / 8]);
  });

  it('ignores entries at columns beyond the column count', () => {
    const m = sparseFromRows([[[5, ONE], [0, ONE / 2]]]);
    expect(Array.from(weightedMedianColSparse(cx(), f64([ONE]), m, 2, ONE / 2))).toEqual([ONE / 2, 0]);
  });

  it('equals a dense per-column application of weightedMedian on random sparse matrices', () => {
    const entry = fc
      .tuple(
        fc.integer({ min: 0, max: 6 }),
        fc.oneof(fc.constant(0), fc.integer({ min: 1, max: ONE }), fc.integer({ min: -ONE / 2, max: ONE }), fc.constantFrom(ONE / 4, ONE / 2)),
      )
      .map(([c, v]) => [c, v] as [number, number]);
    const rowsArb = fc.array(fc.array(entry, { maxLength: 7 }), { minLength: 1, maxLength: 8 });
    const stakeFor = (n: number) =>
      fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: ONE }), fc.integer({ min: -ONE, max: 0 }), fc.constant(Math.floor(ONE / 3))), {
        minLength: n,
        maxLength: n,
      });
    fc.assert(
      fc.property(
        rowsArb.chain((rows) => fc.tuple(fc.constant(rows), stakeFor(rows.length))),
        fc.integer({ min: 1, max: 7 }),
        fc.oneof(fc.integer({ min: 0, max: ONE }), fc.constant(Number((32767n << 32n) / 65535n)), fc.constant(ONE / 2)),
        ([rows, stake], columns, majority) => {
          const got = weightedMedianColSparse(cx(), f64(stake), sparseFromRows(rows), columns, majority);
          expect(Array.from(got)).toEqual(colMedianReference(stake, rows, columns, majority));
        },
      ),
      runs,
    );
  });

  it('computes the same medians in float mode on non-degenerate inputs', () => {
    const m = sparseFromRows([[[0, 0.5], [1, 0.25]], [[0, 1]], [[1, 1]]]);
    const c = weightedMedianColSparse(makeMathContext(floatArithmetic), f64([0.5, 0.3, 0.2]), m, 2, 0.5);
    expect(Array.from(c)).toEqual([0.5, 0.25]);
  });
});
