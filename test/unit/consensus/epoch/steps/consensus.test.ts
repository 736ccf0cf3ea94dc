import { describe, expect, it } from 'vitest';
import { makeMathContext } from '../../../../../src/consensus/epoch/math.ts';
import { chainArithmetic } from '../../../../../src/consensus/epoch/chainArithmetic.ts';
import { runEpoch, runEpochUpTo } from '../../../../../src/consensus/epoch/runEpoch.ts';
import { weightedMedianColSparse } from '../../../../../src/consensus/epoch/weightedMedian.ts';
import { DEFAULT_KAPPA_RAW, HALF, ONE, makeInputs, twoValidators, vec } from '../fixture.ts';

describe('consensus step', () => {
  it('takes the majority validator’s weight and 0 for a miner only a minority weights', () => {
    const w = runEpochUpTo(twoValidators(60, 40), 'consensus');
    expect(vec(w.consensus)).toEqual([0, 0, HALF, HALF]);
  });

  it('follows the stake majority when it moves to the other validator', () => {
    const w = runEpochUpTo(twoValidators(40, 60), 'consensus');
    expect(vec(w.consensus)).toEqual([0, 0, ONE, 0]);
  });

  it('equals weighted_median_col_sparse of active stake and weights at κ = kappa/65535', () => {
    for (const kappa of [32767, 13107, 52428]) {
      const w = runEpochUpTo(twoValidators(55, 45, { kappaU16: kappa }), 'consensus');
      const kappaRaw = Number((BigInt(kappa) << 32n) / 65535n);
      const direct = weightedMedianColSparse(makeMathContext(chainArithmetic), w.activeStake, w.weights, 4, kappaRaw);
      expect(vec(w.consensus)).toEqual(vec(direct));
    }
    expect(DEFAULT_KAPPA_RAW).toBe(Number((32767n << 32n) / 65535n));
  });

  it('is 0 everywhere when no validator has active stake', () => {
    const inputs = makeInputs({ n: 3, stake: [1, 1, 0], permit: [false, false, false], weights: { 0: [[2, 65535]] } });
    expect(vec(runEpochUpTo(inputs, 'consensus').consensus)).toEqual([0, 0, 0]);
  });

  it('stores consensus as floor(C · 65535)', () => {
    const out = runEpoch(twoValidators(60, 40));
    expect(Array.from(out.consensusU16)).toEqual([0, 0, 32767, 32767]);
  });

  it('agrees with chain mode in float mode on a clear majority', () => {
    const w = runEpochUpTo(twoValidators(60, 40), 'consensus', { mode: 'float' });
    expect(vec(w.consensus)).toEqual([0, 0, 0.5, 0.5]);
  });
});
