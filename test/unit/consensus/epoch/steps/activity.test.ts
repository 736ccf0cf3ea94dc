import { describe, expect, it } from 'vitest';
import { runEpochUpTo } from '../../../../../src/consensus/epoch/runEpoch.ts';
import { activityCutoffBlocks, activityStep } from '../../../../../src/consensus/epoch/steps/activity.ts';
import { makeInputs } from '../fixture.ts';

describe('activityCutoffBlocks', () => {
  it('is floor(factor · tempo / 1000) blocks', () => {
    expect(activityCutoffBlocks(13889, 360)).toBe(5000);
    expect(activityCutoffBlocks(13889, 1)).toBe(13);
    expect(activityCutoffBlocks(1000, 10)).toBe(10);
    expect(activityCutoffBlocks(50000, 50400)).toBe(2_520_000);
  });

  it('is never below one block', () => {
    expect(activityCutoffBlocks(500, 1)).toBe(1);
    expect(activityCutoffBlocks(13889, 0)).toBe(1);
    expect(activityCutoffBlocks(0, 360)).toBe(1);
  });
});

describe('activity step', () => {
  it('marks a uid inactive when last_update + cutoff < current block, active at the boundary', () => {
    // tempo 10 with factor 1000 ‰: cutoff 10 blocks.
    const inputs = makeInputs({ n: 3, block: 1000, lastUpdate: [990, 989, 1000], hp: { tempoBlocks: 10, activityCutoffFactorMilli: 1000 } });
    const w = runEpochUpTo(inputs, 'activity');
    expect(w.inactive).toEqual([false, true, false]);
    expect(w.active).toEqual([true, false, true]);
  });

  it('pads a short last_update with 0 and ignores entries beyond n', () => {
    const hp = { tempoBlocks: 10, activityCutoffFactorMilli: 1000 };
    const short = runEpochUpTo(makeInputs({ n: 3, block: 5, lastUpdate: [5], hp }), 'activity');
    // Block 5: a padded 0 + 10 ≥ 5 is still active.
    expect(short.active).toEqual([true, true, true]);
    const later = runEpochUpTo(makeInputs({ n: 3, block: 100, lastUpdate: [95], hp }), 'activity');
    expect(later.active).toEqual([true, false, false]);
    const long = runEpochUpTo(makeInputs({ n: 2, block: 100, lastUpdate: [95, 50, 99, 99], hp }), 'activity');
    expect(long.active).toEqual([true, false]);
  });

  it('uses the factor-based cutoff, not a fixed 5000 blocks', () => {
    // tempo 1 with the default factor: cutoff 13 blocks.
    const inputs = makeInputs({ n: 2, block: 100, lastUpdate: [87, 86], hp: { tempoBlocks: 1, activityCutoffFactorMilli: 13889 } });
    expect(runEpochUpTo(inputs, 'activity').active).toEqual([true, false]);
  });

  it('is the first step and names itself activity', () => {
    expect(activityStep.name).toBe('activity');
    const w = runEpochUpTo(makeInputs({ n: 2 }), 'activity');
    expect(w.stake.length).toBe(0); // later steps did not run
  });
});
