import { describe, expect, it } from 'vitest';
import { runEpoch, runEpochUpTo } from '../../../../../src/consensus/epoch/runEpoch.ts';
import { makeInputs } from '../fixture.ts';

describe('validator permits step', () => {
  it('gives new permits to the k largest stakes', () => {
    const inputs = makeInputs({ n: 4, stake: [10, 30, 20, 40], hp: { maxAllowedValidators: 2 } });
    expect(runEpochUpTo(inputs, 'validatorPermits').newValidatorPermit).toEqual([false, true, false, true]);
  });

  it('lets the lower uid lose a tie at the k-th place', () => {
    const inputs = makeInputs({ n: 3, stake: [10, 10, 10], hp: { maxAllowedValidators: 2 } });
    expect(runEpochUpTo(inputs, 'validatorPermits').newValidatorPermit).toEqual([false, true, true]);
  });

  it('gives no permit to zero stake even when there are fewer uids than permits', () => {
    const inputs = makeInputs({ n: 3, stake: [0, 5, 7], hp: { maxAllowedValidators: 64 } });
    expect(runEpochUpTo(inputs, 'validatorPermits').newValidatorPermit).toEqual([false, true, true]);
  });

  it('forces a new permit for the subnet owner, even outside the top k or without stake', () => {
    const top = makeInputs({ n: 4, stake: [10, 30, 20, 40], owner: 0, hp: { maxAllowedValidators: 2 } });
    expect(runEpochUpTo(top, 'validatorPermits').newValidatorPermit).toEqual([true, true, false, true]);
    const broke = makeInputs({ n: 3, stake: [0, 5, 7], owner: 0 });
    expect(runEpochUpTo(broke, 'validatorPermits').newValidatorPermit).toEqual([true, true, true]);
  });

  it('computes new permits before activity masking, so inactive validators keep theirs', () => {
    const inputs = makeInputs({ n: 2, stake: [10, 20], lastUpdate: [0, 999], block: 100_000 });
    const out = runEpoch(inputs);
    expect(out.active).toEqual([false, false]);
    expect(out.newValidatorPermit).toEqual([true, true]);
  });

  it('reads the current permits from the stored vector, missing entries meaning no permit', () => {
    const w = runEpochUpTo(makeInputs({ n: 3, permit: [true] }), 'validatorPermits');
    expect(w.currentPermit).toEqual([true, false, false]);
    expect(w.currentPermitMasksVectors).toBe(true);
    const long = runEpochUpTo(makeInputs({ n: 2, permit: [false, true, true, true] }), 'validatorPermits');
    expect(long.currentPermit).toEqual([false, true]);
  });

  it('forces the owner’s current permit only where the stored vector has an entry', () => {
    const inside = runEpochUpTo(makeInputs({ n: 3, permit: [false, false, false], owner: 1 }), 'validatorPermits');
    expect(inside.currentPermit).toEqual([false, true, false]);
    const beyond = runEpochUpTo(makeInputs({ n: 3, permit: [false], owner: 2 }), 'validatorPermits');
    expect(beyond.currentPermit).toEqual([false, false, false]);
  });

  it('marks an empty stored permit vector as not masking vectors while every current permit is off', () => {
    const w = runEpochUpTo(makeInputs({ n: 3, permit: [], owner: 0 }), 'validatorPermits');
    expect(w.currentPermit).toEqual([false, false, false]);
    expect(w.currentPermitMasksVectors).toBe(false);
  });
});
