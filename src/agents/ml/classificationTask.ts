/**
 * Classification: a labelled source (teacher argmax or Gaussian mixture) gives inputs and class
 * indices; miners answer one probability per class. On miners' training labels, with probability
 * `label_flip_probability`, the class is replaced by a uniformly random one (evaluation labels are
 * clean). Loss: cross-entropy over ln(classes) (crossEntropy.ts), so a uniform guess scores 1.
 */
import type { Rng } from '../../primitives/rng.ts';
import { assert } from '../../primitives/assert.ts';
import { normalisedCrossEntropy } from './crossEntropy.ts';
import type { Batch, MlTask } from './mlTask.ts';
import type { MlTaskSpec } from './mlTaskSpec.ts';

/** Where labelled examples come from: `count` inputs (row-major) and their true classes at `day`. */
export interface LabelledSource {
  draw(rng: Rng, count: number, day: number): { inputs: Float32Array; labels: Float32Array };
}

export class ClassificationTask implements MlTask {
  readonly spec: MlTaskSpec;
  readonly outputDim: number;
  readonly source: LabelledSource;

  constructor(spec: MlTaskSpec, source: LabelledSource) {
    assert(spec.kind === 'classification', () => `expected a classification task, got ${spec.kind}`);
    assert(Number.isSafeInteger(spec.classes) && spec.classes >= 2, () => `task classes must be an integer >= 2, got ${spec.classes}`);
    assert(spec.labelFlipProbability >= 0 && spec.labelFlipProbability <= 1, () => `task label_flip_probability must be in [0, 1], got ${spec.labelFlipProbability}`);
    this.spec = spec;
    this.outputDim = spec.classes;
    this.source = source;
  }

  sample(rng: Rng, count: number, day: number, noisy: boolean): Batch {
    const { inputs, labels } = this.source.draw(rng, count, day);
    const p = this.spec.labelFlipProbability;
    if (noisy && p > 0) for (let i = 0; i < count; i++) if (rng.nextBool(p)) labels[i] = rng.nextInt(0, this.spec.classes);
    return { count, inputs, targets: labels };
  }

  normalisedLoss(predictions: Float32Array, batch: Batch): number {
    return normalisedCrossEntropy(predictions, batch.targets, batch.count, this.spec.classes);
  }
}
