/**
 * Regression on a teacher network (source `teacher`): inputs x ~ N(0, I), target y = f(x; day)
 * (teacherNetwork.ts), plus Gaussian label noise of `label_noise_sd` on miners' training labels —
 * evaluation targets are noise-free. Loss: MSE over the batch's target variance.
 */
import type { Rng } from '../../primitives/rng.ts';
import { assert } from '../../primitives/assert.ts';
import type { Batch, MlTask } from './mlTask.ts';
import type { MlTaskSpec } from './mlTaskSpec.ts';
import { standardNormalInputs, TeacherNetwork } from './teacherNetwork.ts';

export class RegressionTask implements MlTask {
  readonly spec: MlTaskSpec;
  readonly outputDim = 1;
  readonly teacher: TeacherNetwork;

  constructor(spec: MlTaskSpec) {
    assert(spec.kind === 'regression' && spec.source === 'teacher', () => `a regression task's source must be teacher, got ${spec.source}`);
    assert(spec.labelNoiseSd >= 0, () => `task label_noise_sd must be >= 0, got ${spec.labelNoiseSd}`);
    this.spec = spec;
    this.teacher = new TeacherNetwork({ seed: spec.seed, inputDim: spec.inputDim, hiddenUnits: spec.hiddenUnits, outputs: 1, driftPerDay: spec.driftPerDay });
  }

  /** Noise-free targets for `count` row-major inputs at simulated time `day`. */
  targetsOf(inputs: Float32Array, count: number, day: number): Float32Array {
    return Float32Array.from(this.teacher.evaluate(inputs, count, day));
  }

  sample(rng: Rng, count: number, day: number, noisy: boolean): Batch {
    const inputs = standardNormalInputs(rng, count, this.spec.inputDim);
    const targets = this.targetsOf(inputs, count, day);
    if (noisy && this.spec.labelNoiseSd > 0) for (let i = 0; i < count; i++) targets[i] = targets[i]! + rng.nextNormal(0, this.spec.labelNoiseSd);
    return { count, inputs, targets };
  }

  normalisedLoss(predictions: Float32Array, batch: Batch): number {
    return meanSquaredError(predictions, batch.targets) / targetVariance(batch.targets, batch.count);
  }
}

/** Mean squared error of `predictions` against `targets` (float64 accumulation, in index order). */
export function meanSquaredError(predictions: Float32Array, targets: Float32Array): number {
  assert(predictions.length === targets.length && targets.length > 0, () => `MSE needs equal non-empty lengths, got ${predictions.length} and ${targets.length}`);
  let sum = 0;
  for (let i = 0; i < targets.length; i++) sum += (predictions[i]! - targets[i]!) ** 2;
  return sum / targets.length;
}

/**
 * The variance of a batch's targets (population variance over its `count` values, at least
 * 1e-12): the scale that turns an MSE into a normalised loss, so a model predicting the batch mean
 * scores 1 however large the targets are.
 */
export function targetVariance(targets: Float32Array, count: number): number {
  let mean = 0;
  for (const y of targets) mean += y;
  mean /= count;
  let variance = 0;
  for (const y of targets) variance += (y - mean) ** 2;
  return Math.max(variance / count, 1e-12);
}
