import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/primitives/rng.ts';
import { ClassificationTask } from '../../../../src/agents/ml/classificationTask.ts';
import { GaussianMixtureSource } from '../../../../src/agents/ml/gaussianMixtureSource.ts';
import { TeacherClassSource } from '../../../../src/agents/ml/teacherClassSource.ts';
import { argmaxRow } from '../../../../src/agents/ml/crossEntropy.ts';
import { mlTaskSpec } from '../../../../src/agents/ml/mlTaskSpec.ts';
import { mlTaskOf } from '../../../../src/agents/ml/mlTaskOf.ts';

const MIXTURE = mlTaskSpec('classification', 'gm', { classes: 4, labelFlipProbability: 0.2, driftPerDay: 0.3 });
const TEACHER = mlTaskSpec('classification', 'tc', { source: 'teacher', classes: 3 });

function oneHot(labels: Float32Array, classes: number): Float32Array {
  const p = new Float32Array(labels.length * classes);
  labels.forEach((c, i) => (p[i * classes + c] = 1));
  return p;
}

describe('ClassificationTask on a Gaussian mixture', () => {
  const task = new ClassificationTask(MIXTURE, new GaussianMixtureSource(MIXTURE));

  it('draws the same examples from the same stream, balanced over the classes', () => {
    const a = task.sample(Rng.fromSeed('s'), 4000, 0, false);
    const b = task.sample(Rng.fromSeed('s'), 4000, 0, false);
    expect(Array.from(a.inputs)).toEqual(Array.from(b.inputs));
    expect(Array.from(a.targets)).toEqual(Array.from(b.targets));
    const counts = [0, 0, 0, 0];
    for (const c of a.targets) counts[c]!++;
    for (const n of counts) expect(Math.abs(n - 1000)).toBeLessThan(120);
  });

  it('is learnable: the nearest class mean is right far more often than chance, but not always', () => {
    const source = new GaussianMixtureSource(MIXTURE);
    const b = task.sample(Rng.fromSeed('acc'), 2000, 0, false);
    const means = source.meansAt(0);
    let right = 0;
    for (let i = 0; i < b.count; i++) {
      let best = -1;
      let bestDistance = Infinity;
      for (let c = 0; c < 4; c++) {
        let d2 = 0;
        for (let j = 0; j < 8; j++) d2 += (b.inputs[i * 8 + j]! - means[c * 8 + j]!) ** 2;
        if (d2 < bestDistance) [best, bestDistance] = [c, d2];
      }
      if (best === b.targets[i]) right++;
    }
    expect(right / b.count).toBeGreaterThan(0.8);
    expect(right / b.count).toBeLessThan(1);
  });

  it('flips about p·(K−1)/K of the training labels and none of the evaluation labels', () => {
    const noisy = task.sample(Rng.fromSeed('f'), 4000, 0, true);
    const clean = new GaussianMixtureSource(MIXTURE).draw(Rng.fromSeed('f'), 4000, 0);
    // The flips draw after the inputs, so the inputs are the clean draw's.
    expect(Array.from(noisy.inputs)).toEqual(Array.from(clean.inputs));
    let changed = 0;
    for (let i = 0; i < 4000; i++) if (noisy.targets[i] !== clean.labels[i]) changed++;
    expect(changed / 4000).toBeGreaterThan(0.2 * 0.75 * 0.8);
    expect(changed / 4000).toBeLessThan(0.2 * 0.75 * 1.2);
  });

  it('drifts: the class means move with time', () => {
    const source = new GaussianMixtureSource(MIXTURE);
    const still = new GaussianMixtureSource({ ...MIXTURE, driftPerDay: 0 });
    expect(Array.from(source.meansAt(2))).not.toEqual(Array.from(source.meansAt(0)));
    expect(Array.from(still.meansAt(2))).toEqual(Array.from(still.meansAt(0)));
  });

  it('scores a uniform guess 1, the true one-hot 0, and a confident wrong answer ln(1000)/ln(K)', () => {
    const b = task.sample(Rng.fromSeed('l'), 64, 0, false);
    expect(task.normalisedLoss(new Float32Array(64 * 4).fill(0.25), b)).toBeCloseTo(1, 12);
    expect(task.normalisedLoss(oneHot(b.targets, 4), b)).toBe(0);
    const wrong = oneHot(Float32Array.from(b.targets, (c) => (c + 1) % 4), 4);
    expect(task.normalisedLoss(wrong, b)).toBeCloseTo(Math.log(1000) / Math.log(4), 12);
  });
});

describe('ClassificationTask on a teacher network', () => {
  it('labels each input with the argmax of the teacher outputs, using more than one class', () => {
    const source = new TeacherClassSource(TEACHER);
    const task = mlTaskOf(TEACHER);
    expect(task.outputDim).toBe(3);
    const b = task.sample(Rng.fromSeed('t'), 500, 0, false);
    const outputs = source.teacher.evaluate(b.inputs, 500, 0);
    for (let i = 0; i < 500; i++) expect(b.targets[i]).toBe(argmaxRow(outputs, i, 3));
    expect(new Set(b.targets).size).toBeGreaterThan(1);
  });
});
