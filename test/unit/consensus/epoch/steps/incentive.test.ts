import { describe, expect, it } from 'vitest';
import { runEpoch, runEpochUpTo } from '../../../../../src/consensus/epoch/runEpoch.ts';
import { HALF, ONE, divRef, makeInputs, mulRef, share, twoValidators, vec } from '../fixture.ts';

describe('incentive step', () => {
  it('normalises the active-stake-weighted column sums of the clipped weights', () => {
    const w = runEpochUpTo(twoValidators(60, 40), 'incentive');
    const a0 = share(60, 40);
    const a1 = share(40, 60);
    expect(vec(w.activeStake)).toEqual([a0, a1, 0, 0]);
    const r2 = mulRef(a0, HALF) + mulRef(a1, HALF);
    const r3 = mulRef(a0, HALF);
    expect(vec(w.incentive)).toEqual([0, 0, divRef(r2, r2 + r3), divRef(r3, r2 + r3)]);
    // ≈ 0.625 / 0.375
    expect(w.incentive[2]! / ONE).toBeCloseTo(0.625, 9);
  });

  it('gives all incentive to the only miner with consensus', () => {
    const w = runEpochUpTo(twoValidators(40, 60), 'incentive');
    expect(vec(w.incentive)).toEqual([0, 0, ONE, 0]);
  });

  it('is all zero when no weight survives clipping', () => {
    const inputs = makeInputs({ n: 3, weights: {}, permit: [true, true, false] });
    expect(vec(runEpochUpTo(inputs, 'incentive').incentive)).toEqual([0, 0, 0]);
  });

  it('is stored per uid as floor(I · 65535) and close to chain mode in float mode', () => {
    const out = runEpoch(twoValidators(60, 40));
    expect(out.incentiveU16[2]).toBe(Math.floor((out.trace.incentive[2]! * 65535) / ONE));
    const f = runEpochUpTo(twoValidators(60, 40), 'incentive', { mode: 'float' });
    expect(f.incentive[2]).toBeCloseTo(0.625, 12);
    expect(f.incentive[3]).toBeCloseTo(0.375, 12);
  });
});
