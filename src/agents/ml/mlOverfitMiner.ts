/**
 * `miner.ml_overfit`: memorises a public batch. Every tempo it takes `steps_per_tempo` Adam steps
 * on the same `public_batch_size` examples — drawn once from the task's public stream (named by
 * the task seed, so every agent of the task sees the same batch) with labels at day 0 — instead of
 * fresh data. A large model drives the loss on that batch towards 0 while its error on fresh
 * inputs stays high, and it never follows concept drift: validators' private batches expose it.
 */
import { Rng } from '../../primitives/rng.ts';
import type { Agent, AgentDecision, AgentFactory, AgentSpec } from '../agent.ts';
import type { AgentView } from '../agentView.ts';
import { integerParam, numberParam } from '../agentParams.ts';
import type { MlAnswer, MlResponder } from './mlResponder.ts';
import { Mlp, mlpShapeFor } from './mlp.ts';
import type { Batch, MlTask } from './mlTask.ts';
import { agentTaskOf } from './mlTaskOf.ts';

export const ML_OVERFIT_MINER_KIND = 'miner.ml_overfit';

export class MlOverfitMiner implements Agent, MlResponder {
  readonly spec: AgentSpec;
  readonly firstBlock = 1;
  readonly task: MlTask;
  readonly stepsPerTempo: number;
  readonly publicBatch: Batch;
  #model: Mlp | null;
  /** Loss on the public batch after the last round. */
  lastTrainLoss: number | null = null;

  constructor(spec: AgentSpec, rng: Rng) {
    this.spec = spec;
    this.task = agentTaskOf(spec);
    this.stepsPerTempo = integerParam(spec, 'steps_per_tempo', 0);
    this.publicBatch = this.task.sample(Rng.fromSeed(`task/${this.task.spec.seed}/public`), integerParam(spec, 'public_batch_size', 1), 0, true);
    const shape = mlpShapeFor(this.task, integerParam(spec, 'hidden_layers', 0), integerParam(spec, 'hidden_units', 1));
    this.#model = new Mlp(shape, numberParam(spec, 'learning_rate', Number.MIN_VALUE), rng.stream('init'));
  }

  get trainingSteps(): number {
    return this.#model?.steps ?? 0;
  }

  act(view: AgentView): AgentDecision {
    const subnet = view.subnet(this.spec.netuid);
    if (subnet === undefined || this.#model === null) {
      this.#model?.dispose();
      this.#model = null;
      return { actions: [], nextBlock: null };
    }
    const b = this.publicBatch;
    for (let s = 0; s < this.stepsPerTempo; s++) this.lastTrainLoss = this.#model.trainStep(b.inputs, b.targets, b.count);
    return { actions: [], nextBlock: view.block + Math.max(1, subnet.tempoBlocks) };
  }

  answerQuery(inputs: Float32Array, count: number): MlAnswer | null {
    return this.#model === null ? null : { predictions: this.#model.predict(inputs, count), late: false };
  }
}

export const createMlOverfitMiner: AgentFactory = (spec, rng) => new MlOverfitMiner(spec, rng);
