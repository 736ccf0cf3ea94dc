import { describe, expect, it } from 'vitest';
import { runEpochUpTo } from '../../../../../src/consensus/epoch/runEpoch.ts';
import { HALF, ONE, makeInputs, vec } from '../fixture.ts';

describe('active stake step', () => {
  it('zeroes inactive uids and renormalises', () => {
    const hp = { tempoBlocks: 10, activityCutoffFactorMilli: 1000 };
    const inputs = makeInputs({ n: 3, stake: [1, 1, 2], block: 5000, lastUpdate: [4999, 4999, 0], hp });
    const w = runEpochUpTo(inputs, 'activeStake');
    expect(vec(w.stake)).toEqual([ONE / 4, ONE / 4, HALF]);
    expect(vec(w.activeStake)).toEqual([HALF, HALF, 0]);
  });

  it('zeroes uids without a current permit, missing stored entries included', () => {
    const w = runEpochUpTo(makeInputs({ n: 4, stake: [1, 1, 1, 1], permit: [true, false, true] }), 'activeStake');
    expect(vec(w.activeStake)).toEqual([HALF, 0, HALF, 0]);
  });

  it('stays all zero when every uid is masked', () => {
    const w = runEpochUpTo(makeInputs({ n: 2, stake: [1, 3], permit: [false, false] }), 'activeStake');
    expect(vec(w.activeStake)).toEqual([0, 0]);
    expect(vec(w.stake)).toEqual([ONE / 4, 3 * (ONE / 4)]);
  });

  it('does not permit-mask active stake when the stored permit vector is empty', () => {
    const w = runEpochUpTo(makeInputs({ n: 2, stake: [1, 3], permit: [] }), 'activeStake');
    expect(vec(w.activeStake)).toEqual([ONE / 4, 3 * (ONE / 4)]);
  });

  it('renormalises with truncating quotients in chain mode and plain division in float mode', () => {
    const inputs = makeInputs({ n: 4, stake: [1, 1, 1, 3], permit: [true, true, true, false] });
    const chain = runEpochUpTo(inputs, 'activeStake');
    const third = Number((1n << 32n) / 6n); // stake 1/6 each
    const expected = Number((BigInt(third) << 32n) / BigInt(3 * third));
    expect(vec(chain.activeStake)).toEqual([expected, expected, expected, 0]);
    const float = runEpochUpTo(inputs, 'activeStake', { mode: 'float' });
    for (const x of float.activeStake.subarray(0, 3)) expect(x).toBeCloseTo(1 / 3, 15);
  });
});
