/**
 * A Proof-of-Intelligence task: a seeded synthetic data source and the loss validators measure
 * answers with. Miners draw training batches from it with their own RNG substream, validators draw
 * private evaluation batches with theirs, so no evaluation input was ever in a miner's stream
 * (continuous draws from independent substreams).
 *
 * Sources are plain float64 JavaScript, not tfjs: the data the whole run is measured against must
 * be identical on every machine and backend, which float64 arithmetic in a fixed order guarantees.
 *
 * Losses are normalised so that 0 is perfect and 1 is "knows nothing" whatever the task: for
 * regression MSE over the batch's target variance (predicting the mean scores 1), for
 * classification cross-entropy over ln(classes) (a uniform guess scores 1). Quality = 1 − loss.
 */
import type { Rng } from '../../primitives/rng.ts';
import type { MlTaskSpec } from './mlTaskSpec.ts';

/**
 * `count` examples, row-major: `inputs[i·inputDim + j]`; `targets[i]` is the regression target or
 * the class index (an integer stored as float32, exact below 2^24).
 */
export interface Batch {
  readonly count: number;
  readonly inputs: Float32Array;
  readonly targets: Float32Array;
}

export interface MlTask {
  readonly spec: MlTaskSpec;
  /** Values a model answers per example: 1 for regression, one probability per class for classification. */
  readonly outputDim: number;
  /** Fresh examples from `rng` at simulated `day`; training labels carry the task's label noise when `noisy`. */
  sample(rng: Rng, count: number, day: number, noisy: boolean): Batch;
  /** The normalised loss of `predictions` (count × outputDim, row-major) on `batch`: 0 perfect, 1 uninformed. */
  normalisedLoss(predictions: Float32Array, batch: Batch): number;
}
