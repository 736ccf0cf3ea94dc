import { describe, expect, it } from 'vitest';
import { runEpoch, runEpochUpTo } from '../../../../../src/consensus/epoch/runEpoch.ts';
import { HALF, ONE, rows, twoValidators, vec } from '../fixture.ts';

describe('clipping step', () => {
  it('cuts weights above consensus down to it and sums each clipped row into validator trust', () => {
    const w = runEpochUpTo(twoValidators(60, 40), 'clipping');
    expect(rows(w.clippedWeights)).toEqual([[[2, HALF], [3, HALF]], [[2, HALF]], [], []]);
    expect(vec(w.validatorTrust)).toEqual([ONE, HALF, 0, 0]);
  });

  it('drops weights on a miner whose consensus is 0', () => {
    const w = runEpochUpTo(twoValidators(40, 60), 'clipping');
    expect(rows(w.clippedWeights)).toEqual([[[2, HALF]], [[2, ONE]], [], []]);
    expect(vec(w.validatorTrust)).toEqual([HALF, ONE, 0, 0]);
  });

  it('leaves the unclipped weights untouched', () => {
    const w = runEpochUpTo(twoValidators(60, 40), 'clipping');
    expect(rows(w.weights)).toEqual([[[2, HALF], [3, HALF]], [[2, ONE]], [], []]);
  });

  it('stores validator trust as floor(trust · 65535)', () => {
    expect(Array.from(runEpoch(twoValidators(60, 40)).validatorTrustU16)).toEqual([65535, 32767, 0, 0]);
  });
});
