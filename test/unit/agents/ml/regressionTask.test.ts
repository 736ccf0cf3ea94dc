import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/primitives/rng.ts';
import { meanSquaredError, RegressionTask, targetVariance } from '../../../../src/agents/ml/regressionTask.ts';
import { mlTaskSpec, type MlTaskSpec } from '../../../../src/agents/ml/mlTaskSpec.ts';

const PARAMS: MlTaskSpec = mlTaskSpec('regression', 'demo', { labelNoiseSd: 0.05, driftPerDay: 0.1 });

describe('RegressionTask', () => {
  it('is the same function for the same seed and a different one for another seed', () => {
    const x = new RegressionTask(PARAMS).sample(Rng.fromSeed('x'), 64, 0, false).inputs;
    const a = new RegressionTask(PARAMS).targetsOf(x, 64, 0);
    const b = new RegressionTask(PARAMS).targetsOf(x, 64, 0);
    const c = new RegressionTask({ ...PARAMS, seed: 'other' }).targetsOf(x, 64, 0);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(meanSquaredError(a, c)).toBeGreaterThan(0.01);
  });

  it('draws batches from the caller’s stream, so two streams give disjoint inputs', () => {
    const task = new RegressionTask(PARAMS);
    const m = task.sample(Rng.fromSeed('s').stream('miner'), 32, 0, true);
    const v = task.sample(Rng.fromSeed('s').stream('validator'), 32, 0, false);
    const again = task.sample(Rng.fromSeed('s').stream('miner'), 32, 0, true);
    expect(Array.from(m.inputs)).toEqual(Array.from(again.inputs));
    expect(Array.from(m.targets)).toEqual(Array.from(again.targets));
    const seen = new Set(Array.from(m.inputs));
    expect(Array.from(v.inputs).some((x) => seen.has(x))).toBe(false);
  });

  it('has targets of order one that are not a constant', () => {
    const probe = new RegressionTask(PARAMS).sample(Rng.fromSeed('probe'), 1024, 0, false);
    const variance = targetVariance(probe.targets, probe.count);
    expect(variance).toBeGreaterThan(0.05);
    expect(variance).toBeLessThan(5);
  });

  it('drifts: the function moves with time when drift is on and stays when it is off', () => {
    const x = new RegressionTask(PARAMS).sample(Rng.fromSeed('x'), 256, 0, false).inputs;
    const drifting = new RegressionTask(PARAMS);
    expect(meanSquaredError(drifting.targetsOf(x, 256, 0), drifting.targetsOf(x, 256, 5))).toBeGreaterThan(0.01);
    const fixed = new RegressionTask({ ...PARAMS, driftPerDay: 0 });
    expect(Array.from(fixed.targetsOf(x, 256, 0))).toEqual(Array.from(fixed.targetsOf(x, 256, 5)));
  });

  it('adds label noise only to noisy samples', () => {
    const task = new RegressionTask(PARAMS);
    const noisy = task.sample(Rng.fromSeed('n'), 512, 0, true);
    const clean = task.targetsOf(noisy.inputs, 512, 0);
    const mse = meanSquaredError(noisy.targets, clean);
    expect(mse).toBeGreaterThan(0.05 ** 2 * 0.7);
    expect(mse).toBeLessThan(0.05 ** 2 * 1.3);
  });

  it('scores the batch mean 1 and the clean targets 0 (its normalised loss)', () => {
    const task = new RegressionTask(PARAMS);
    const b = task.sample(Rng.fromSeed('l'), 256, 0, false);
    const mean = b.targets.reduce((a, y) => a + y, 0) / b.count;
    expect(task.normalisedLoss(new Float32Array(b.count).fill(mean), b)).toBeCloseTo(1, 5);
    expect(task.normalisedLoss(b.targets, b)).toBe(0);
  });
});
