/**
 * Classification data from a Gaussian mixture (source `gaussian_mixture`): a class c drawn
 * uniformly, then x = μ_c + N(0, cluster_sd² I). Class means have coordinates
 * N(0, separation² / input_dim), so each mean lies about `separation` from the origin whatever the
 * input dimension, and the clusters overlap by an amount `separation / cluster_sd` sets — the
 * Bayes error is above zero, so even a perfect model has a positive loss.
 *
 * Drift rotates the means between two random endpoint sets, μ(t) = cos θ·μ₀ + sin θ·μ₁ with
 * θ = drift_per_day · day, keeping their spread while the clusters move.
 */
import { Rng } from '../../primitives/rng.ts';
import { assert } from '../../primitives/assert.ts';
import type { LabelledSource } from './classificationTask.ts';
import type { MlTaskSpec } from './mlTaskSpec.ts';

export class GaussianMixtureSource implements LabelledSource {
  readonly #spec: MlTaskSpec;
  readonly #mean0: Float64Array;
  readonly #mean1: Float64Array;

  constructor(spec: MlTaskSpec) {
    assert(spec.separation > 0 && spec.clusterSd > 0, () => `gaussian_mixture needs separation > 0 and cluster_sd > 0, got ${spec.separation} and ${spec.clusterSd}`);
    this.#spec = spec;
    const rng = Rng.fromSeed(`task/${spec.seed}`);
    const sd = spec.separation / Math.sqrt(spec.inputDim);
    const n = spec.classes * spec.inputDim;
    this.#mean0 = Float64Array.from({ length: n }, () => rng.nextNormal(0, sd));
    this.#mean1 = Float64Array.from({ length: n }, () => rng.nextNormal(0, sd));
  }

  /** Class means (classes × input_dim, row-major) at simulated `day`. */
  meansAt(day: number): Float64Array {
    const theta = this.#spec.driftPerDay * day;
    const c = Math.cos(theta);
    const s = Math.sin(theta);
    return this.#mean0.map((m0, i) => c * m0 + s * this.#mean1[i]!);
  }

  draw(rng: Rng, count: number, day: number): { inputs: Float32Array; labels: Float32Array } {
    const d = this.#spec.inputDim;
    const means = this.meansAt(day);
    const inputs = new Float32Array(count * d);
    const labels = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      const c = rng.nextInt(0, this.#spec.classes);
      labels[i] = c;
      for (let j = 0; j < d; j++) inputs[i * d + j] = means[c * d + j]! + rng.nextNormal(0, this.#spec.clusterSd);
    }
    return { inputs, labels };
  }
}
