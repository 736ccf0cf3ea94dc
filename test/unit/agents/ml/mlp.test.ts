import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/primitives/rng.ts';
import { initMlBackend } from '../../../../src/agents/ml/mlBackend.ts';
import { Mlp, PREDICTION_QUANTUM } from '../../../../src/agents/ml/mlp.ts';
import { meanSquaredError, TeacherTask } from '../../../../src/agents/ml/teacherTask.ts';

const TASK = new TeacherTask({ seed: 't', inputDim: 8, hiddenUnits: 16, labelNoiseSd: 0.02, driftPerDay: 0 });

function trained(seed: string, steps: number): { mlp: Mlp; loss: number } {
  const rng = Rng.fromSeed(seed);
  const mlp = new Mlp({ inputDim: 8, hiddenUnits: [32] }, 0.01, rng.stream('init'));
  const data = rng.stream('data');
  for (let s = 0; s < steps; s++) {
    const b = TASK.sample(data, 32, 0, true);
    mlp.trainStep(b.inputs, b.targets, b.count);
  }
  const test = TASK.sample(Rng.fromSeed('eval'), 256, 0, false);
  return { mlp, loss: meanSquaredError(mlp.predict(test.inputs, test.count), test.targets) };
}

describe('Mlp', () => {
  beforeAll(async () => {
    await initMlBackend();
  });

  it('learns the teacher: training lowers the held-out loss well below the target variance', () => {
    const before = trained('a', 0);
    const after = trained('a', 300);
    expect(after.loss).toBeLessThan(before.loss);
    expect(after.loss).toBeLessThan(0.5 * TASK.baselineVariance(0));
    before.mlp.dispose();
    after.mlp.dispose();
  });

  it('gives bit-identical parameters and predictions for the same seed', () => {
    const a = trained('same', 50);
    const b = trained('same', 50);
    expect(Array.from(a.mlp.parameters())).toEqual(Array.from(b.mlp.parameters()));
    expect(a.loss).toBe(b.loss);
    a.mlp.dispose();
    b.mlp.dispose();
  });

  it('quantises predictions and leaves the model unchanged when predicting', () => {
    const { mlp } = trained('q', 5);
    const x = TASK.sample(Rng.fromSeed('x'), 16, 0, false).inputs;
    const before = Array.from(mlp.parameters());
    const p = mlp.predict(x, 16);
    for (const v of p) expect(Math.abs(v / PREDICTION_QUANTUM - Math.round(v / PREDICTION_QUANTUM))).toBeLessThan(1e-3);
    expect(Array.from(mlp.predict(x, 16))).toEqual(Array.from(p));
    expect(Array.from(mlp.parameters())).toEqual(before);
    mlp.dispose();
  });
});
