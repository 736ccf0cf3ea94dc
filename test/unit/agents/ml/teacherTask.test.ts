import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/primitives/rng.ts';
import { meanSquaredError, TeacherTask, type TeacherTaskParams } from '../../../../src/agents/ml/teacherTask.ts';

const PARAMS: TeacherTaskParams = { seed: 'demo', inputDim: 8, hiddenUnits: 16, labelNoiseSd: 0.05, driftPerDay: 0.1 };

describe('TeacherTask', () => {
  it('is the same function for the same seed and a different one for another seed', () => {
    const x = new TeacherTask(PARAMS).sample(Rng.fromSeed('x'), 64, 0, false).inputs;
    const a = new TeacherTask(PARAMS).targetsOf(x, 64, 0);
    const b = new TeacherTask(PARAMS).targetsOf(x, 64, 0);
    const c = new TeacherTask({ ...PARAMS, seed: 'other' }).targetsOf(x, 64, 0);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(meanSquaredError(a, c)).toBeGreaterThan(0.01);
  });

  it('draws batches from the caller’s stream, so two streams give disjoint inputs', () => {
    const task = new TeacherTask(PARAMS);
    const m = task.sample(Rng.fromSeed('s').stream('miner'), 32, 0, true);
    const v = task.sample(Rng.fromSeed('s').stream('validator'), 32, 0, false);
    const again = task.sample(Rng.fromSeed('s').stream('miner'), 32, 0, true);
    expect(Array.from(m.inputs)).toEqual(Array.from(again.inputs));
    expect(Array.from(m.targets)).toEqual(Array.from(again.targets));
    const seen = new Set(Array.from(m.inputs));
    expect(Array.from(v.inputs).some((x) => seen.has(x))).toBe(false);
  });

  it('has targets of order one that are not a constant', () => {
    const task = new TeacherTask(PARAMS);
    const variance = task.baselineVariance(0);
    expect(variance).toBeGreaterThan(0.05);
    expect(variance).toBeLessThan(5);
  });

  it('drifts: the function moves with time when drift is on and stays when it is off', () => {
    const x = new TeacherTask(PARAMS).sample(Rng.fromSeed('x'), 256, 0, false).inputs;
    const drifting = new TeacherTask(PARAMS);
    expect(meanSquaredError(drifting.targetsOf(x, 256, 0), drifting.targetsOf(x, 256, 5))).toBeGreaterThan(0.01);
    const fixed = new TeacherTask({ ...PARAMS, driftPerDay: 0 });
    expect(Array.from(fixed.targetsOf(x, 256, 0))).toEqual(Array.from(fixed.targetsOf(x, 256, 5)));
  });

  it('adds label noise only to noisy samples', () => {
    const task = new TeacherTask(PARAMS);
    const noisy = task.sample(Rng.fromSeed('n'), 512, 0, true);
    const clean = task.targetsOf(noisy.inputs, 512, 0);
    const mse = meanSquaredError(noisy.targets, clean);
    expect(mse).toBeGreaterThan(0.05 ** 2 * 0.7);
    expect(mse).toBeLessThan(0.05 ** 2 * 1.3);
  });
});
