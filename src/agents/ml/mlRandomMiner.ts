/**
 * `miner.ml_random`: trains nothing and answers noise — the baseline a validator must score below
 * any learner. Regression: N(0, answer_sd) per example. Classification: the softmax of N(0,
 * answer_sd) logits per example (a random, confidently-or-not wrong distribution). Its answers come
 * from a stream named by the query's block and size under its own seed, so answering is
 * deterministic and changes nothing.
 */
import type { Rng } from '../../primitives/rng.ts';
import type { Agent, AgentDecision, AgentFactory, AgentSpec } from '../agent.ts';
import { numberParam } from '../agentParams.ts';
import type { MlAnswer, MlResponder } from './mlResponder.ts';
import { quantise, PREDICTION_QUANTUM } from './mlp.ts';
import type { MlTask } from './mlTask.ts';
import { agentTaskOf } from './mlTaskOf.ts';

export const ML_RANDOM_MINER_KIND = 'miner.ml_random';

export class MlRandomMiner implements Agent, MlResponder {
  readonly spec: AgentSpec;
  readonly firstBlock = 1;
  readonly answerSd: number;
  readonly task: MlTask;
  readonly #rng: Rng;

  constructor(spec: AgentSpec, rng: Rng) {
    this.spec = spec;
    this.answerSd = numberParam(spec, 'answer_sd', 0);
    this.task = agentTaskOf(spec);
    this.#rng = rng;
  }

  act(): AgentDecision {
    return { actions: [], nextBlock: null };
  }

  answerQuery(inputs: Float32Array, count: number, block: number): MlAnswer {
    // The first input value tells two queries of one block apart without any state.
    const r = this.#rng.stream(`answer/${block}/${count}/${inputs[0] ?? 0}`);
    const width = this.task.outputDim;
    const values = Float64Array.from({ length: count * width }, () => r.nextNormal(0, this.answerSd));
    if (this.task.spec.kind === 'classification') softmaxRows(values, count, width);
    return { predictions: Float32Array.from(values, (v) => quantise(v, PREDICTION_QUANTUM)), late: false };
  }
}

/** Replaces each row of `width` logits by its softmax, in place (max-shifted, so exp never overflows). */
function softmaxRows(values: Float64Array, count: number, width: number): void {
  for (let i = 0; i < count; i++) {
    let max = -Infinity;
    for (let k = 0; k < width; k++) max = Math.max(max, values[i * width + k]!);
    let sum = 0;
    for (let k = 0; k < width; k++) sum += values[i * width + k] = Math.exp(values[i * width + k]! - max);
    for (let k = 0; k < width; k++) values[i * width + k] = values[i * width + k]! / sum;
  }
}

export const createMlRandomMiner: AgentFactory = (spec, rng) => new MlRandomMiner(spec, rng);
