/**
 * A Proof-of-Intelligence regression task: a fixed random "teacher" network y = v(t)·tanh(W(t)·x) / √h
 * with inputs x ~ N(0, I). Miners sample training pairs from it with their own RNG; validators
 * sample private evaluation batches with theirs, so a validator's inputs were never in any miner's
 * stream (continuous draws from independent substreams).
 *
 * The teacher is plain float64 JavaScript, not tfjs: the data the whole run is measured against must
 * be identical on every machine and backend, which float64 arithmetic in a fixed order guarantees.
 *
 * Concept drift: the teacher's weights rotate between two fixed random matrices,
 * W(t) = cos(θ)·W₀ + sin(θ)·W₁ with θ = drift_per_day · day (the same for v), so their scale stays
 * constant while the function moves; a miner that stops training falls behind. drift 0 = static task.
 *
 * Identity: everything about the teacher comes from `seed` (a string of its own, not the run seed),
 * so miners and validators that declare the same task parameters face the same function.
 */
import { Rng } from '../../primitives/rng.ts';
import { assert } from '../../primitives/assert.ts';

export const TASK_KIND_REGRESSION = 'regression';

export interface TeacherTaskParams {
  readonly seed: string;
  readonly inputDim: number;
  readonly hiddenUnits: number;
  /** Standard deviation of the Gaussian noise on training labels (evaluation targets are noise-free). */
  readonly labelNoiseSd: number;
  /** Rotation speed of the teacher's weights, radians per simulated day. */
  readonly driftPerDay: number;
}

/** A batch of `count` examples, row-major: `inputs[i·inputDim + j]`, `targets[i]`. */
export interface Batch {
  readonly count: number;
  readonly inputs: Float32Array;
  readonly targets: Float32Array;
}

export class TeacherTask {
  readonly params: TeacherTaskParams;
  /** Two endpoints of W (hidden × input) and of v (hidden). */
  readonly #w0: Float64Array;
  readonly #w1: Float64Array;
  readonly #v0: Float64Array;
  readonly #v1: Float64Array;

  constructor(params: TeacherTaskParams) {
    assert(Number.isSafeInteger(params.inputDim) && params.inputDim >= 1, () => `task input_dim must be a positive integer, got ${params.inputDim}`);
    assert(Number.isSafeInteger(params.hiddenUnits) && params.hiddenUnits >= 1, () => `task hidden_units must be a positive integer, got ${params.hiddenUnits}`);
    assert(params.labelNoiseSd >= 0 && Number.isFinite(params.driftPerDay), 'task label noise must be >= 0 and drift finite');
    this.params = params;
    const rng = Rng.fromSeed(`task/${params.seed}`);
    const h = params.hiddenUnits;
    const d = params.inputDim;
    // Weights ~ N(0, 1/d) keep the pre-activations O(1), so tanh is neither linear nor saturated.
    const normal = (n: number, sd: number): Float64Array => Float64Array.from({ length: n }, () => rng.nextNormal(0, sd));
    this.#w0 = normal(h * d, 1 / Math.sqrt(d));
    this.#w1 = normal(h * d, 1 / Math.sqrt(d));
    this.#v0 = normal(h, 1);
    this.#v1 = normal(h, 1);
  }

  /** Noise-free teacher outputs for `count` row-major inputs at simulated time `day`. */
  targetsOf(inputs: Float32Array, count: number, day: number): Float32Array {
    const { inputDim: d, hiddenUnits: h } = this.params;
    assert(inputs.length === count * d, () => `expected ${count * d} inputs, got ${inputs.length}`);
    const theta = this.params.driftPerDay * day;
    const c = Math.cos(theta);
    const s = Math.sin(theta);
    const w = new Float64Array(h * d);
    for (let k = 0; k < w.length; k++) w[k] = c * this.#w0[k]! + s * this.#w1[k]!;
    const v = new Float64Array(h);
    for (let k = 0; k < h; k++) v[k] = c * this.#v0[k]! + s * this.#v1[k]!;
    const scale = 1 / Math.sqrt(h);
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      let y = 0;
      for (let k = 0; k < h; k++) {
        let z = 0;
        for (let j = 0; j < d; j++) z += w[k * d + j]! * inputs[i * d + j]!;
        y += v[k]! * Math.tanh(z);
      }
      out[i] = y * scale;
    }
    return out;
  }

  /** Fresh inputs ~ N(0, I) from `rng` and their targets at `day`, with label noise when `noisy`. */
  sample(rng: Rng, count: number, day: number, noisy: boolean): Batch {
    const inputs = new Float32Array(count * this.params.inputDim);
    for (let k = 0; k < inputs.length; k++) inputs[k] = rng.nextNormal(0, 1);
    const targets = this.targetsOf(inputs, count, day);
    if (noisy && this.params.labelNoiseSd > 0) for (let i = 0; i < count; i++) targets[i] = targets[i]! + rng.nextNormal(0, this.params.labelNoiseSd);
    return { count, inputs, targets };
  }

  /** Variance of the noise-free targets at `day` over a fixed probe set: the loss of always predicting the mean. */
  baselineVariance(day: number, probeCount = 1024): number {
    const probe = this.sample(Rng.fromSeed(`task/${this.params.seed}/probe`), probeCount, day, false).targets;
    let mean = 0;
    for (const y of probe) mean += y;
    mean /= probeCount;
    let v = 0;
    for (const y of probe) v += (y - mean) ** 2;
    return v / probeCount;
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
 * scores 1 however large the targets are. Used by validators and the held-out quality probe alike.
 */
export function targetVariance(targets: Float32Array, count: number): number {
  let mean = 0;
  for (const y of targets) mean += y;
  mean /= count;
  let variance = 0;
  for (const y of targets) variance += (y - mean) ** 2;
  return Math.max(variance / count, 1e-12);
}
