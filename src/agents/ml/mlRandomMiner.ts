/**
 * `miner.ml_random`: answers every query with N(0, answer_sd) noise and trains nothing — the
 * baseline a validator must score below any learner. Its answers come from a stream named by the
 * query's block and size under its own seed, so answering is deterministic and changes nothing.
 */
import type { Rng } from '../../primitives/rng.ts';
import type { Agent, AgentDecision, AgentFactory, AgentSpec } from '../agent.ts';
import { numberParam } from '../agentParams.ts';
import type { MlAnswer, MlResponder } from './mlResponder.ts';
import { quantise, PREDICTION_QUANTUM } from './mlp.ts';

export const ML_RANDOM_MINER_KIND = 'miner.ml_random';

export class MlRandomMiner implements Agent, MlResponder {
  readonly spec: AgentSpec;
  readonly firstBlock = 1;
  readonly answerSd: number;
  readonly #rng: Rng;

  constructor(spec: AgentSpec, rng: Rng) {
    this.spec = spec;
    this.answerSd = numberParam(spec, 'answer_sd', 0);
    this.#rng = rng;
  }

  act(): AgentDecision {
    return { actions: [], nextBlock: null };
  }

  answerQuery(inputs: Float32Array, count: number, block: number): MlAnswer {
    // The first input value tells two queries of one block apart without any state.
    const r = this.#rng.stream(`answer/${block}/${count}/${inputs[0] ?? 0}`);
    return { predictions: Float32Array.from({ length: count }, () => quantise(r.nextNormal(0, this.answerSd), PREDICTION_QUANTUM)), late: false };
  }
}

export const createMlRandomMiner: AgentFactory = (spec, rng) => new MlRandomMiner(spec, rng);
