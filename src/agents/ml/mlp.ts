/**
 * A small multilayer perceptron (relu hidden layers, linear output layer) trained with Adam — the
 * model of `miner.ml`. Objective `mse`: one linear output, mean squared error (regression).
 * Objective `cross_entropy`: one logit per class, softmax cross-entropy against the class index;
 * it answers softmax probabilities (classification).
 *
 * Determinism. Initial weights are drawn in JavaScript from the agent's own RNG substream (Glorot
 * uniform, biases 0), not by tfjs initializers; minibatches are drawn by the caller from its
 * stream, never shuffled by tfjs. Everything is synchronous (`optimizer.minimize`, `dataSync`).
 * Variables are built directly (no tf.layers model) so nothing registers global layer names, whose
 * counters would make one agent's model depend on how many were built before it.
 *
 * Predictions are quantised to `PREDICTION_QUANTUM` before they leave the model, so the last bits
 * of float32 op order never reach a validator's loss, the chain or an artifact.
 */
import type * as Tf from '@tensorflow/tfjs';
import { tfjs } from './tfjs.ts';
import type { Rng } from '../../primitives/rng.ts';
import { assert } from '../../primitives/assert.ts';
import { assertMlBackend } from './mlBackend.ts';
import type { MlTask } from './mlTask.ts';

export const PREDICTION_QUANTUM = 1 / 4096;

export interface MlpShape {
  readonly inputDim: number;
  /** Units per hidden layer, e.g. [32, 32]; empty = a linear model. */
  readonly hiddenUnits: readonly number[];
  /** Outputs per example: 1 for `mse`, the number of classes for `cross_entropy`. */
  readonly outputDim: number;
  readonly objective: MlpObjective;
}

export type MlpObjective = 'mse' | 'cross_entropy';

/** The model shape a task asks for. */
export function mlpShapeFor(task: MlTask, hiddenLayers: number, hiddenUnits: number): MlpShape {
  return {
    inputDim: task.spec.inputDim,
    hiddenUnits: Array.from({ length: hiddenLayers }, () => hiddenUnits),
    outputDim: task.outputDim,
    objective: task.spec.kind === 'regression' ? 'mse' : 'cross_entropy',
  };
}

export function quantise(x: number, quantum: number): number {
  return Math.round(x / quantum) * quantum;
}

export class Mlp {
  readonly shape: MlpShape;
  readonly #weights: Tf.Variable[] = [];
  readonly #biases: Tf.Variable[] = [];
  readonly #optimizer: Tf.Optimizer;
  #disposed = false;
  /** Optimiser steps taken so far. */
  steps = 0;

  constructor(shape: MlpShape, learningRate: number, rng: Rng) {
    assertMlBackend();
    assert(learningRate > 0 && Number.isFinite(learningRate), () => `learning rate must be positive, got ${learningRate}`);
    assert(shape.objective === 'mse' ? shape.outputDim === 1 : shape.outputDim >= 2, () => `an ${shape.objective} model cannot have ${shape.outputDim} outputs`);
    this.shape = shape;
    const tf = tfjs();
    const sizes = [shape.inputDim, ...shape.hiddenUnits, shape.outputDim];
    for (let l = 0; l + 1 < sizes.length; l++) {
      const fanIn = sizes[l]!;
      const fanOut = sizes[l + 1]!;
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      const w = Float32Array.from({ length: fanIn * fanOut }, () => (rng.nextFloat() * 2 - 1) * limit);
      this.#weights.push(tf.variable(tf.tensor2d(w, [fanIn, fanOut]), true));
      this.#biases.push(tf.variable(tf.zeros([fanOut]), true));
    }
    this.#optimizer = tf.train.adam(learningRate);
  }

  #forward(x: Tf.Tensor2D): Tf.Tensor2D {
    const tf = tfjs();
    let h: Tf.Tensor2D = x;
    const last = this.#weights.length - 1;
    for (let l = 0; l <= last; l++) {
      const z = tf.add(tf.matMul(h, this.#weights[l]!), this.#biases[l]!) as Tf.Tensor2D;
      h = l === last ? z : tf.relu(z);
    }
    return h;
  }

  /**
   * One Adam step on the batch (`count` rows; `targets` are values for `mse`, class indices for
   * `cross_entropy`); returns the batch loss before the step.
   */
  trainStep(inputs: Float32Array, targets: Float32Array, count: number): number {
    const tf = tfjs();
    assert(!this.#disposed, 'Mlp used after dispose');
    const loss = tf.tidy(() => {
      const x = tf.tensor2d(inputs, [count, this.shape.inputDim]);
      const varList = [...this.#weights, ...this.#biases];
      if (this.shape.objective === 'mse') {
        const y = tf.tensor2d(targets, [count, 1]);
        return this.#optimizer.minimize(() => tf.losses.meanSquaredError(y, this.#forward(x)) as Tf.Scalar, true, varList)!;
      }
      const y = tf.oneHot(tf.tensor1d(Int32Array.from(targets), 'int32'), this.shape.outputDim);
      return this.#optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, this.#forward(x)) as Tf.Scalar, true, varList)!;
    });
    const value = loss.dataSync()[0]!;
    loss.dispose();
    this.steps++;
    return value;
  }

  /**
   * Predictions for `count` row-major inputs, quantised: count values (`mse`) or count × classes
   * softmax probabilities, row-major (`cross_entropy`). No side effect on the model.
   */
  predict(inputs: Float32Array, count: number): Float32Array {
    const tf = tfjs();
    assert(!this.#disposed, 'Mlp used after dispose');
    const out = tf.tidy(() => {
      const z = this.#forward(tf.tensor2d(inputs, [count, this.shape.inputDim]));
      return this.shape.objective === 'mse' ? z : tf.softmax(z);
    });
    const values = out.dataSync() as Float32Array;
    out.dispose();
    const result = new Float32Array(count * this.shape.outputDim);
    for (let i = 0; i < result.length; i++) result[i] = quantise(values[i]!, PREDICTION_QUANTUM);
    return result;
  }

  /** The parameter values, flattened layer by layer (for tests and checksums). */
  parameters(): Float32Array {
    const parts = [...this.#weights, ...this.#biases].map((v) => v.dataSync() as Float32Array);
    const all = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) {
      all.set(p, o);
      o += p.length;
    }
    return all;
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const v of [...this.#weights, ...this.#biases]) v.dispose();
    this.#optimizer.dispose();
  }
}
