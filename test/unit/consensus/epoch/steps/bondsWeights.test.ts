import { describe, expect, it } from 'vitest';
import { chainArithmetic } from '../../../../../src/consensus/epoch/chainArithmetic.ts';
import { interpolateSparse } from '../../../../../src/consensus/epoch/math.ts';
import { runEpochUpTo } from '../../../../../src/consensus/epoch/runEpoch.ts';
import { HALF, ONE, mulRef, rows, twoValidators } from '../fixture.ts';

describe('bonds weights step', () => {
  it('uses the unclipped weights at bonds penalty 0', () => {
    const w = runEpochUpTo(twoValidators(40, 60, { bondsPenaltyU16: 0 }), 'bondsWeights');
    expect(w.weightsForBonds).toBe(w.weights);
  });

  it('uses the clipped weights at bonds penalty 65535', () => {
    const w = runEpochUpTo(twoValidators(40, 60, { bondsPenaltyU16: 65535 }), 'bondsWeights');
    expect(w.weightsForBonds).toBe(w.clippedWeights);
  });

  it('interpolates W + β·(Wc − W) in between, keeping cells that clipping dropped while still positive', () => {
    const w = runEpochUpTo(twoValidators(40, 60, { bondsPenaltyU16: 32768 }), 'bondsWeights');
    const beta = chainArithmetic.fromU16Proportion(32768);
    // (0,3): W = 0.5, Wc dropped (0) → 0.5 − β·0.5 ≈ 0.25; (1,2): W = 1, Wc = 1.
    expect(rows(w.weightsForBonds)).toEqual([[[2, HALF], [3, HALF + mulRef(beta, -HALF)]], [[2, ONE]], [], []]);
    expect(rows(w.weightsForBonds)).toEqual(rows(interpolateSparse(w, w.weights, w.clippedWeights, 4, beta)));
  });

  it('interpolates in float mode too', () => {
    const w = runEpochUpTo(twoValidators(40, 60, { bondsPenaltyU16: 32768 }), 'bondsWeights', { mode: 'float' });
    const beta = 32768 / 65535;
    const r = rows(w.weightsForBonds);
    expect(r[0]![1]![0]).toBe(3);
    expect(r[0]![1]![1]).toBeCloseTo(0.5 - beta * 0.5, 15);
  });
});
