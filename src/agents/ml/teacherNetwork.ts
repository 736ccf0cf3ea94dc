/**
 * A fixed random "teacher" network, f(x; t) = V(t)·tanh(W(t)·x) / √h with `outputs` rows in V: the
 * function regression tasks ask miners to fit and teacher classification labels with (argmax).
 *
 * Concept drift: the weights rotate between two fixed random endpoints,
 * W(t) = cos(θ)·W₀ + sin(θ)·W₁ with θ = drift_per_day · day (the same for V), so their scale stays
 * constant while the function moves; a miner that stops training falls behind. drift 0 = static.
 *
 * Draw order (W₀, W₁, V₀, V₁ from the stream `task/<seed>`) is fixed: with one output it is the
 * order the first regression task used, so runs recorded before classification existed repeat.
 */
import { Rng } from '../../primitives/rng.ts';
import { assert } from '../../primitives/assert.ts';

export interface TeacherNetworkParams {
  readonly seed: string;
  readonly inputDim: number;
  readonly hiddenUnits: number;
  readonly outputs: number;
  readonly driftPerDay: number;
}

export class TeacherNetwork {
  readonly params: TeacherNetworkParams;
  readonly #w0: Float64Array;
  readonly #w1: Float64Array;
  readonly #v0: Float64Array;
  readonly #v1: Float64Array;

  constructor(params: TeacherNetworkParams) {
    const { inputDim: d, hiddenUnits: h, outputs: k } = params;
    assert(Number.isSafeInteger(d) && d >= 1, () => `task input_dim must be a positive integer, got ${d}`);
    assert(Number.isSafeInteger(h) && h >= 1, () => `task hidden_units must be a positive integer, got ${h}`);
    assert(Number.isSafeInteger(k) && k >= 1, () => `teacher outputs must be a positive integer, got ${k}`);
    assert(Number.isFinite(params.driftPerDay), 'task drift must be finite');
    this.params = params;
    const rng = Rng.fromSeed(`task/${params.seed}`);
    // Weights ~ N(0, 1/d) keep the pre-activations O(1), so tanh is neither linear nor saturated.
    const normal = (n: number, sd: number): Float64Array => Float64Array.from({ length: n }, () => rng.nextNormal(0, sd));
    this.#w0 = normal(h * d, 1 / Math.sqrt(d));
    this.#w1 = normal(h * d, 1 / Math.sqrt(d));
    this.#v0 = normal(k * h, 1);
    this.#v1 = normal(k * h, 1);
  }

  /** Teacher outputs (count × outputs, row-major, float64) for `count` row-major inputs at `day`. */
  evaluate(inputs: Float32Array, count: number, day: number): Float64Array {
    const { inputDim: d, hiddenUnits: h, outputs: k } = this.params;
    assert(inputs.length === count * d, () => `expected ${count * d} inputs, got ${inputs.length}`);
    const theta = this.params.driftPerDay * day;
    const c = Math.cos(theta);
    const s = Math.sin(theta);
    const w = new Float64Array(h * d);
    for (let i = 0; i < w.length; i++) w[i] = c * this.#w0[i]! + s * this.#w1[i]!;
    const v = new Float64Array(k * h);
    for (let i = 0; i < v.length; i++) v[i] = c * this.#v0[i]! + s * this.#v1[i]!;
    const scale = 1 / Math.sqrt(h);
    const hidden = new Float64Array(h);
    const out = new Float64Array(count * k);
    for (let i = 0; i < count; i++) {
      for (let u = 0; u < h; u++) {
        let z = 0;
        for (let j = 0; j < d; j++) z += w[u * d + j]! * inputs[i * d + j]!;
        hidden[u] = Math.tanh(z);
      }
      for (let o = 0; o < k; o++) {
        // Summed in the order the single-output teacher always used: y += v·tanh(z), then × scale.
        let y = 0;
        for (let u = 0; u < h; u++) y += v[o * h + u]! * hidden[u]!;
        out[i * k + o] = y * scale;
      }
    }
    return out;
  }
}

/** Inputs ~ N(0, I): `count` rows of `inputDim` float32 values from `rng`. */
export function standardNormalInputs(rng: Rng, count: number, inputDim: number): Float32Array {
  const inputs = new Float32Array(count * inputDim);
  for (let k = 0; k < inputs.length; k++) inputs[k] = rng.nextNormal(0, 1);
  return inputs;
}
