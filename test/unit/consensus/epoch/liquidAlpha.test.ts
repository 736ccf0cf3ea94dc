import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EpochArithmetic } from '../../../../src/consensus/epoch/arithmetic.ts';
import { chainArithmetic } from '../../../../src/consensus/epoch/chainArithmetic.ts';
import { floatArithmetic } from '../../../../src/consensus/epoch/floatArithmetic.ts';
import { makeLiquidAlpha, type LiquidAlphaParams } from '../../../../src/consensus/epoch/liquidAlpha.ts';
import { makeMathContext } from '../../../../src/consensus/epoch/math.ts';
import { sparseFromRows, sparseGet, type SparseMatrix } from '../../../../src/consensus/epoch/sparseMatrix.ts';
import { HALF, ONE } from './fixture.ts';

const runs = { numRuns: 200, seed: 1234 };

function paramsFor(ar: EpochArithmetic): LiquidAlphaParams {
  return {
    alphaLow: ar.fromU16Proportion(45875),
    alphaHigh: ar.fromU16Proportion(58982),
    steepnessOverMinus100: ar.steepnessOverMinus100(1000),
  };
}

/** The coefficient for a cell whose weight w and bond b are known (alpha_sigmoid's distance). */
function expectedAlpha(ar: EpochArithmetic, w: number, b: number, c: number): number {
  let d = w >= b ? w - c : b - w;
  if (d < 0) d = 0;
  if (d > ar.one) d = ar.one;
  const p = paramsFor(ar);
  return ar.alphaForDistance(d, p.alphaLow, p.alphaHigh, p.steepnessOverMinus100);
}

/** Rows with strictly increasing columns < `columns` and values in [0, 1]. */
function sortedRows(rowCount: number, columns: number): fc.Arbitrary<[number, number][][]> {
  const row = fc
    .uniqueArray(fc.integer({ min: 0, max: columns - 1 }), { maxLength: columns })
    .chain((cols) =>
      fc.tuple(
        fc.constant([...cols].sort((a, b) => a - b)),
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: ONE }), fc.constant(ONE)), { minLength: cols.length, maxLength: cols.length }),
      ),
    )
    .map(([cols, vals]) => cols.map((c, k) => [c, vals[k]!] as [number, number]));
  return fc.array(row, { minLength: rowCount, maxLength: rowCount });
}

describe('makeLiquidAlpha', () => {
  it('equals a plain lookup of weight and bond for rows sorted by column', () => {
    const ar = chainArithmetic;
    fc.assert(
      fc.property(
        sortedRows(3, 5),
        sortedRows(3, 5),
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: ONE })), { minLength: 5, maxLength: 5 }),
        (wRows, bRows, consensus) => {
          const weights = sparseFromRows(wRows);
          const bonds = sparseFromRows(bRows);
          const alphaAt = makeLiquidAlpha(makeMathContext(ar), weights, bonds, Float64Array.from(consensus), paramsFor(ar));
          for (let i = 0; i < 3; i++) {
            for (let j = 0; j < 5; j++) {
              const want = expectedAlpha(ar, sparseGet(weights, i, j), sparseGet(bonds, i, j), consensus[j]!);
              expect(alphaAt(i, j)).toBe(want);
            }
          }
        },
      ),
      runs,
    );
  });

  it('treats a weight the forward merge-walk skips in an unsorted row as 0, changing the coefficient', () => {
    const ar = chainArithmetic;
    // Row 0 lists column 2 before column 0: looking for column 0 the walk meets column 2 first
    // and stops, so the weight 1.0 at column 0 is never found.
    const weights = sparseFromRows([[[2, HALF], [0, ONE]]]);
    const bonds = sparseFromRows([[]]);
    const consensus = Float64Array.from([0, 0, ONE / 4]);
    const alphaAt = makeLiquidAlpha(makeMathContext(ar), weights, bonds, consensus, paramsFor(ar));
    const asIfFound = expectedAlpha(ar, ONE, 0, 0); // d = 1 → near α_high
    const walked = expectedAlpha(ar, 0, 0, 0); // d = 0 → near α_low
    expect(walked).not.toBe(asIfFound);
    expect(alphaAt(0, 0)).toBe(walked);
    // Column 2 is found by the walk: d = 0.5 − 0.25.
    expect(alphaAt(0, 2)).toBe(expectedAlpha(ar, HALF, 0, ONE / 4));
  });

  it('treats a bond the merge-walk skips in an unsorted bond row as 0', () => {
    const ar = chainArithmetic;
    const weights = sparseFromRows([[[0, ONE / 8], [1, ONE / 8]]]);
    // Bond row lists column 3 before column 1, so the bond at column 1 is not found.
    const bonds = sparseFromRows([[[3, ONE / 2], [1, ONE]]]);
    const consensus = Float64Array.from([0, ONE / 8, 0, 0]);
    const alphaAt = makeLiquidAlpha(makeMathContext(ar), weights, bonds, consensus, paramsFor(ar));
    const walked = expectedAlpha(ar, ONE / 8, 0, ONE / 8); // buying at consensus: d = 0
    const lookedUp = expectedAlpha(ar, ONE / 8, ONE, ONE / 8); // selling: d = 0.875
    expect(walked).not.toBe(lookedUp);
    expect(alphaAt(0, 1)).toBe(walked);
    expect(alphaAt(0, 3)).toBe(expectedAlpha(ar, 0, ONE / 2, 0));
  });

  it('treats rows beyond the bond matrix as having no bonds', () => {
    const ar = chainArithmetic;
    const weights = sparseFromRows([[], [[0, ONE]]]);
    const bonds: SparseMatrix = sparseFromRows([[[0, ONE]]]);
    const consensus = Float64Array.from([HALF]);
    const alphaAt = makeLiquidAlpha(makeMathContext(ar), weights, bonds, consensus, paramsFor(ar));
    expect(alphaAt(1, 0)).toBe(expectedAlpha(ar, ONE, 0, HALF));
    expect(alphaAt(0, 0)).toBe(expectedAlpha(ar, 0, ONE, HALF));
  });

  it('moves fast (α near high) above consensus and slowly (α near low) at consensus', () => {
    for (const ar of [chainArithmetic, floatArithmetic]) {
      const one = ar.one;
      const weights = sparseFromRows([[[0, one], [1, one / 2]]]);
      const alphaAt = makeLiquidAlpha(makeMathContext(ar), weights, sparseFromRows([[]]), Float64Array.from([0, one / 2]), paramsFor(ar));
      const low = ar.toReal(ar.fromU16Proportion(45875));
      const high = ar.toReal(ar.fromU16Proportion(58982));
      const fast = ar.toReal(alphaAt(0, 0));
      const slow = ar.toReal(alphaAt(0, 1));
      expect(fast).toBeGreaterThan(high - 0.002);
      expect(fast).toBeLessThanOrEqual(high);
      expect(slow).toBeLessThan(low + 0.002);
      expect(slow).toBeGreaterThanOrEqual(low);
    }
  });

  it('agrees between chain and float mode to about 1e-6 on sorted rows', () => {
    const wc = sparseFromRows([[[0, Math.floor(ONE / 3)], [2, ONE]]]);
    const bc = sparseFromRows([[[1, HALF], [2, ONE / 4]]]);
    const wf = sparseFromRows([[[0, Math.floor(ONE / 3) / ONE], [2, 1]]]);
    const bf = sparseFromRows([[[1, 0.5], [2, 0.25]]]);
    const chainAt = makeLiquidAlpha(makeMathContext(chainArithmetic), wc, bc, Float64Array.from([ONE / 4, 0, HALF]), paramsFor(chainArithmetic));
    const floatAt = makeLiquidAlpha(makeMathContext(floatArithmetic), wf, bf, Float64Array.from([0.25, 0, 0.5]), paramsFor(floatArithmetic));
    for (let j = 0; j < 3; j++) expect(chainArithmetic.toReal(chainAt(0, j))).toBeCloseTo(floatAt(0, j), 6);
  });
});
