/**
 * Properties of one Yuma Consensus epoch on random subnets (spec/yuma.md §2, §3): normalisation
 * bounds, consensus and clipping bounds, purity, and determinism with a reused workspace.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NumericMode } from '../../src/consensus/epoch/arithmetic.ts';
import { runEpoch } from '../../src/consensus/epoch/runEpoch.ts';
import type { SparseMatrix } from '../../src/consensus/epoch/sparseMatrix.ts';
import type { EpochInputs, EpochOutput } from '../../src/consensus/epoch/types.ts';
import { Arena } from '../../src/primitives/arena.ts';
import { snapshotOutput } from '../support/epochOutput.ts';
import { cellValue, epochInputsArbitrary, expectWellFormed } from './arbitraries.ts';

const TWO_32 = 2 ** 32;
const MODES: readonly NumericMode[] = ['chain', 'float'];
const VARIANTS = ['yuma2', 'yuma3'] as const;

function eachRun(inputs: EpochInputs, f: (out: EpochOutput, mode: NumericMode) => void): void {
  for (const mode of MODES) for (const variant of VARIANTS) f(runEpoch(inputs, { mode, variant }), mode);
}

/**
 * A normalised vector sums to 1 or is all 0.
 *
 * chain: `normalize` divides each entry by the sum with truncation, so each of the k non-zero
 * entries loses less than one raw unit (2^-32): the raw sum lies in [2^32 − k, 2^32], i.e. the
 * real sum in [1 − k·2^-32, 1]. (Every non-zero input gives a non-zero output here because the
 * pre-normalisation sums of ranks and dividends are ≤ 1, so x·2^32/Σ ≥ x ≥ 1 raw; hence k may be
 * counted on the output.) float: within 1e-12 of 1, or exactly 0.
 *
 * u16: floor(x·65535) per entry, so Σu16 ≤ floor(65535·Σx) ≤ 65535, and each non-zero entry loses
 * less than one unit more: Σu16 > 65535·(1 − k·2^-32) − k, hence Σu16 ≥ 65535 − k.
 */
function expectNormalised(raw: Float64Array, u16: Uint16Array, mode: NumericMode, what: string): void {
  let k = 0;
  let sum = 0;
  for (const x of raw) {
    if (x !== 0) k++;
    sum += x;
  }
  let sumU16 = 0;
  for (const x of u16) sumU16 += x;
  if (k === 0) {
    expect(sum, what).toBe(0);
    expect(sumU16, what).toBe(0);
    return;
  }
  if (mode === 'chain') {
    expect(raw.every((x) => Number.isInteger(x) && x >= 0), `${what}: raws are non-negative integers`).toBe(true);
    expect(sum, `${what}: raw sum`).toBeLessThanOrEqual(TWO_32);
    expect(sum, `${what}: raw sum`).toBeGreaterThanOrEqual(TWO_32 - k);
  } else {
    expect(Math.abs(sum - 1), `${what}: sum ${sum}`).toBeLessThanOrEqual(1e-12);
  }
  expect(sumU16, `${what}: u16 sum`).toBeLessThanOrEqual(65535);
  expect(sumU16, `${what}: u16 sum`).toBeGreaterThanOrEqual(65535 - k);
}

function columnMax(m: SparseMatrix, columns: number, rowFilter: (row: number) => boolean): Float64Array {
  const max = new Float64Array(columns);
  for (let i = 0; i < m.rowCount; i++) {
    if (!rowFilter(i)) continue;
    for (let k = m.rowStart[i]!; k < m.rowStart[i + 1]!; k++) {
      const j = m.col[k]!;
      if (m.val[k]! > max[j]!) max[j] = m.val[k]!;
    }
  }
  return max;
}

describe('epoch normalisation', () => {
  it('normalises incentive and dividends to a sum of one or zero within the documented rounding, in both modes and variants', () => {
    fc.assert(
      fc.property(epochInputsArbitrary(), (inputs) => {
        eachRun(inputs, (out, mode) => {
          expectWellFormed(out, inputs.n);
          expectNormalised(out.trace.incentive, out.incentiveU16, mode, `${mode}/${out.variant} incentive`);
          expectNormalised(out.trace.dividends, out.dividendsU16, mode, `${mode}/${out.variant} dividends`);
        });
      }),
      { seed: 0x5eed_0001, numRuns: 1000 },
    );
  });
});

describe('consensus and clipping bounds', () => {
  it('never gives a column a consensus above the largest normalised, masked weight in that column', () => {
    fc.assert(
      fc.property(epochInputsArbitrary(), (inputs) => {
        eachRun(inputs, (out) => {
          const { consensus, weights, activeStake } = out.trace;
          const anyRow = columnMax(weights, inputs.n, () => true);
          // Stronger: only voters (uids with active stake) enter the median.
          const voters = columnMax(weights, inputs.n, (i) => activeStake[i]! > 0);
          const violations: string[] = [];
          for (let j = 0; j < inputs.n; j++) {
            const c = consensus[j]!;
            if (!(c >= 0 && c <= anyRow[j]! && c <= voters[j]!)) {
              violations.push(`column ${j}: consensus ${c}, column max ${anyRow[j]}, voters' max ${voters[j]}`);
            }
          }
          expect(violations, `${out.mode}/${out.variant}`).toEqual([]);
        });
      }),
      { seed: 0x5eed_0004, numRuns: 1000 },
    );
  });

  it('never lets a clipped weight exceed the raw weight in the same cell', () => {
    fc.assert(
      fc.property(epochInputsArbitrary(), (inputs) => {
        eachRun(inputs, (out) => {
          const { clippedWeights: wc, weights: w } = out.trace;
          expect(wc.rowCount).toBe(w.rowCount);
          const violations: string[] = [];
          for (let i = 0; i < wc.rowCount; i++) {
            for (let k = wc.rowStart[i]!; k < wc.rowStart[i + 1]!; k++) {
              const j = wc.col[k]!;
              const raw = cellValue(w, i, j);
              if (raw === undefined) violations.push(`clipped cell (${i}, ${j}) has no raw weight`);
              else if (!(wc.val[k]! <= raw)) violations.push(`cell (${i}, ${j}): clipped ${wc.val[k]} > raw ${raw}`);
            }
          }
          expect(violations, `${out.mode}/${out.variant}`).toEqual([]);
        });
      }),
      { seed: 0x5eed_0005, numRuns: 1000 },
    );
  });
});

describe('epoch purity and determinism', () => {
  it('never mutates its inputs in either mode or variant', () => {
    fc.assert(
      fc.property(epochInputsArbitrary(), (inputs) => {
        const before = structuredClone(inputs);
        const workspace = new Arena(1024);
        for (const mode of MODES) {
          for (const variant of VARIANTS) {
            runEpoch(inputs, { mode, variant });
            runEpoch(inputs, { mode, variant, workspace });
          }
        }
        expect(inputs).toEqual(before);
      }),
      { seed: 0x5eed_0007, numRuns: 300 },
    );
  });

  it('gives identical outputs for a fresh run and a run through a workspace reused by other epochs', () => {
    fc.assert(
      fc.property(epochInputsArbitrary(), epochInputsArbitrary(), fc.constantFrom<NumericMode>('chain', 'float'), (inputs, other, mode) => {
        const fresh = snapshotOutput(runEpoch(inputs, { mode }));
        const again = snapshotOutput(runEpoch(inputs, { mode }));
        expect(again).toEqual(fresh);
        // A small arena, so runs grow it and the reset merges chunks.
        const workspace = new Arena(256);
        runEpoch(other, { mode, workspace });
        const viaWorkspace = snapshotOutput(runEpoch(inputs, { mode, workspace }));
        runEpoch(other, { mode, workspace, variant: 'yuma3' });
        runEpoch(other, { mode, workspace, variant: 'yuma2' });
        const viaWorkspaceAgain = snapshotOutput(runEpoch(inputs, { mode, workspace }));
        expect(viaWorkspace).toEqual(fresh);
        expect(viaWorkspaceAgain).toEqual(fresh);
      }),
      { seed: 0x5eed_0009, numRuns: 300 },
    );
  });
});
