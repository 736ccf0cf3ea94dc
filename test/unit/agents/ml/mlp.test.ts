import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/primitives/rng.ts';
import { initMlBackend } from '../../../../src/agents/ml/mlBackend.ts';
import { Mlp, mlpShapeFor, PREDICTION_QUANTUM } from '../../../../src/agents/ml/mlp.ts';
import { meanSquaredError, RegressionTask, targetVariance } from '../../../../src/agents/ml/regressionTask.ts';
import { mlTaskSpec } from '../../../../src/agents/ml/mlTaskSpec.ts';
import { mlTaskOf } from '../../../../src/agents/ml/mlTaskOf.ts';
import { accuracy } from '../../../../src/agents/ml/crossEntropy.ts';

const TASK = new RegressionTask(mlTaskSpec('regression', 't', { labelNoiseSd: 0.02 }));
const CLASSES = mlTaskOf(mlTaskSpec('classification', 'c', { source: 'teacher', classes: 3, labelFlipProbability: 0 }));

function trained(seed: string, steps: number): { mlp: Mlp; loss: number } {
  const rng = Rng.fromSeed(seed);
  const mlp = new Mlp(mlpShapeFor(TASK, 1, 32), 0.01, rng.stream('init'));
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
    const probe = TASK.sample(Rng.fromSeed('probe'), 1024, 0, false);
    expect(after.loss).toBeLessThan(0.5 * targetVariance(probe.targets, probe.count));
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

  it('learns a classification task: softmax probabilities per class, cross-entropy falls and accuracy rises', () => {
    const rng = Rng.fromSeed('cls');
    const mlp = new Mlp(mlpShapeFor(CLASSES, 1, 32), 0.01, rng.stream('init'));
    const test = CLASSES.sample(Rng.fromSeed('eval'), 512, 0, false);
    const before = mlp.predict(test.inputs, test.count);
    expect(before.length).toBe(512 * 3);
    for (let i = 0; i < 512; i++) expect(Math.abs(before[i * 3]! + before[i * 3 + 1]! + before[i * 3 + 2]! - 1)).toBeLessThan(0.002);
    const data = rng.stream('data');
    for (let s = 0; s < 400; s++) {
      const b = CLASSES.sample(data, 32, 0, true);
      mlp.trainStep(b.inputs, b.targets, b.count);
    }
    const after = mlp.predict(test.inputs, test.count);
    expect(CLASSES.normalisedLoss(after, test)).toBeLessThan(0.6 * CLASSES.normalisedLoss(before, test));
    expect(accuracy(after, test.targets, test.count, 3)).toBeGreaterThan(0.8);
    mlp.dispose();
  });
});
