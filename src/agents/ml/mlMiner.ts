/**
 * `miner.ml`: trains a small MLP (`hidden_layers` × `hidden_units`, relu) continually on its own
 * stream of the task and answers validators' queries with its predictions.
 *
 * Each training round (every `train_every_blocks`, or the subnet tempo when null) it takes
 * `steps_per_tempo` Adam steps (learning rate `learning_rate`), each on a fresh minibatch of
 * `batch_size` labelled examples drawn from its RNG substream at the current simulated day — so
 * when the task drifts, a miner with more steps keeps up better. It never sends a chain action:
 * the simulator registers it at genesis. Once pruned (held a UID, then none) it retires and frees
 * its model; a retired miner answers nothing.
 */
import type { Rng } from '../../primitives/rng.ts';
import type { Agent, AgentDecision, AgentFactory, AgentSpec } from '../agent.ts';
import type { AgentView } from '../agentView.ts';
import { integerParam, nullableIntegerParam, numberParam } from '../agentParams.ts';
import { UidWatch } from '../miners/uidWatch.ts';
import type { MlAnswer, MlResponder } from './mlResponder.ts';
import { Mlp, mlpShapeFor } from './mlp.ts';
import type { MlTask } from './mlTask.ts';
import { agentTaskOf } from './mlTaskOf.ts';
import { taskDay } from './mlTaskSpec.ts';

export const ML_MINER_KIND = 'miner.ml';

export interface MlMinerParams {
  readonly hiddenLayers: number;
  readonly hiddenUnits: number;
  readonly learningRate: number;
  readonly stepsPerTempo: number;
  readonly batchSize: number;
  /** Blocks between training rounds; null = the subnet's tempo. */
  readonly trainEveryBlocks: number | null;
}

export function readMlMinerParams(spec: AgentSpec): MlMinerParams {
  return {
    hiddenLayers: integerParam(spec, 'hidden_layers', 0),
    hiddenUnits: integerParam(spec, 'hidden_units', 1),
    learningRate: numberParam(spec, 'learning_rate', Number.MIN_VALUE),
    stepsPerTempo: integerParam(spec, 'steps_per_tempo', 0),
    batchSize: integerParam(spec, 'batch_size', 1),
    trainEveryBlocks: nullableIntegerParam(spec, 'train_every_blocks', 1),
  };
}

export class MlMiner implements Agent, MlResponder {
  readonly spec: AgentSpec;
  readonly firstBlock = 1;
  readonly params: MlMinerParams;
  readonly task: MlTask;
  readonly #data: Rng;
  #model: Mlp | null;
  readonly #life = new UidWatch();
  /** Sum of the minibatch losses of the last round and their count (for inspection). */
  lastTrainLoss: number | null = null;

  constructor(spec: AgentSpec, rng: Rng) {
    this.spec = spec;
    this.params = readMlMinerParams(spec);
    this.task = agentTaskOf(spec);
    // Separate substreams, so changing the training budget never changes the initial weights.
    this.#data = rng.stream('data');
    this.#model = new Mlp(mlpShapeFor(this.task, this.params.hiddenLayers, this.params.hiddenUnits), this.params.learningRate, rng.stream('init'));
  }

  get trainingSteps(): number {
    return this.#model?.steps ?? 0;
  }

  act(view: AgentView): AgentDecision {
    const subnet = view.subnet(this.spec.netuid);
    if (subnet === undefined || this.#life.retiredAfter(view)) {
      this.#model?.dispose();
      this.#model = null;
      return { actions: [], nextBlock: null };
    }
    const model = this.#model!;
    const day = taskDay(view.block, view.blocksPerDay);
    let sum = 0;
    for (let s = 0; s < this.params.stepsPerTempo; s++) {
      const b = this.task.sample(this.#data, this.params.batchSize, day, true);
      sum += model.trainStep(b.inputs, b.targets, b.count);
    }
    this.lastTrainLoss = this.params.stepsPerTempo > 0 ? sum / this.params.stepsPerTempo : null;
    return { actions: [], nextBlock: view.block + (this.params.trainEveryBlocks ?? Math.max(1, subnet.tempoBlocks)) };
  }

  answerQuery(inputs: Float32Array, count: number): MlAnswer | null {
    return this.#model === null ? null : { predictions: this.#model.predict(inputs, count), late: false };
  }
}

export const createMlMiner: AgentFactory = (spec, rng) => new MlMiner(spec, rng);
