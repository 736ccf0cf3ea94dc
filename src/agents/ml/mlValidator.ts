/**
 * `validator.ml`: measures miners on private data and sets weights from the measurements.
 *
 * Each round (every `weights_every_blocks`, or the subnet tempo; same phase, permit and rate-limit
 * rules as `validator.honest`, via WeightsSchedule) it draws a fresh private batch of
 * `eval_batch_size` inputs from its own RNG substream — inputs no miner has seen — with clean
 * labels at the current simulated day, queries a sample of `sample_size` miners (0 = all other
 * UIDs) through `view.query`, and measures each answer's normalised loss (the subnet task's:
 * MSE / target variance for regression, cross-entropy / ln classes for classification; 0 =
 * perfect, ≈1 = no better than an uninformed guess). Optional
 * Gaussian noise (`eval_noise_sd`) is added to it, clamped at 0. A UID that does not answer is
 * not scored this round, nor is a late one (it missed the timeout) unless `accept_late` is true.
 *
 * Losses are quantised to 1e-6 before they are stored, so float rounding below that never
 * reaches the weights or the chain. The latest loss per UID is kept (forgotten when the UID's
 * hotkey changes or it stops answering), turned into scores by `scoring` (softmax with
 * `temperature`, or rank) and into u16 weights by `scoresToWeights` (best = 65535).
 */
import type { Rng } from '../../primitives/rng.ts';
import type { Agent, AgentDecision, AgentFactory, AgentSpec } from '../agent.ts';
import type { AgentView, SubnetView } from '../agentView.ts';
import { integerParam, nullableIntegerParam, numberParam, rawParam } from '../agentParams.ts';
import { assert } from '../../primitives/assert.ts';
import { scoresToWeights } from '../validators/honestValidator.ts';
import { WeightsSchedule } from '../validators/weightsSchedule.ts';
import { lossesToScores, type ScoringRule } from './lossesToScores.ts';
import { quantise } from './mlp.ts';
import type { MlTask } from './mlTask.ts';
import { agentTaskOf } from './mlTaskOf.ts';
import { taskDay } from './mlTaskSpec.ts';
import { sampleUids } from '../validators/sampleUids.ts';

export const ML_VALIDATOR_KIND = 'validator.ml';

export const LOSS_QUANTUM = 1e-6;

export interface MlValidatorParams {
  readonly evalBatchSize: number;
  readonly sampleSize: number;
  readonly evalNoiseSd: number;
  readonly scoring: ScoringRule;
  readonly temperature: number;
  readonly weightsEveryBlocks: number | null;
  /** Whether answers that missed the timeout (relayed by a copier) are still scored. */
  readonly acceptLate: boolean;
}

export function readMlValidatorParams(spec: AgentSpec): MlValidatorParams {
  const scoring = rawParam(spec, 'scoring');
  assert(scoring === 'softmax' || scoring === 'rank', () => `agent ${spec.id}: params.scoring must be softmax or rank`);
  return {
    evalBatchSize: integerParam(spec, 'eval_batch_size', 2),
    sampleSize: integerParam(spec, 'sample_size', 0),
    evalNoiseSd: numberParam(spec, 'eval_noise_sd', 0),
    scoring,
    temperature: numberParam(spec, 'temperature', Number.MIN_VALUE),
    weightsEveryBlocks: nullableIntegerParam(spec, 'weights_every_blocks', 1),
    acceptLate: rawParam(spec, 'accept_late') === true,
  };
}

interface Measured {
  readonly hotkey: string | null;
  readonly loss: number;
}

export class MlValidator implements Agent {
  readonly spec: AgentSpec;
  readonly firstBlock = 1;
  readonly params: MlValidatorParams;
  readonly task: MlTask;
  readonly #rng: Rng;
  readonly #data: Rng;
  readonly #schedule: WeightsSchedule;
  readonly #losses = new Map<number, Measured>();

  constructor(spec: AgentSpec, rng: Rng) {
    this.spec = spec;
    this.params = readMlValidatorParams(spec);
    this.task = agentTaskOf(spec);
    this.#rng = rng;
    this.#data = rng.stream('eval');
    this.#schedule = new WeightsSchedule(rng, this.params.weightsEveryBlocks);
  }

  /** The latest normalised loss per UID (ascending UIDs), for inspection and reports. */
  losses(): ReadonlyMap<number, number> {
    return new Map([...this.#losses].sort((a, b) => a[0] - b[0]).map(([u, m]) => [u, m.loss]));
  }

  act(view: AgentView): AgentDecision {
    const subnet = view.subnet(this.spec.netuid);
    if (subnet === undefined) return { actions: [], nextBlock: null };
    const gate = this.#schedule.gate(view, subnet);
    if (!gate.ready) return gate.decision;
    this.#measure(view, subnet, gate.uid);
    const losses = new Map<number, number>();
    for (const [u, m] of this.#losses) losses.set(u, m.loss);
    const scores = lossesToScores(losses, this.params.scoring, this.params.temperature);
    const padOrder = [...Array(subnet.n).keys()].filter((u) => u !== gate.uid);
    padOrder.push(gate.uid);
    const w = scoresToWeights(scores, Math.min(subnet.n, subnet.minAllowedWeights), padOrder);
    return this.#schedule.decide(view, subnet, gate.intervalBlocks, w);
  }

  #measure(view: AgentView, subnet: SubnetView, selfUid: number): void {
    const batch = this.task.sample(this.#data, this.params.evalBatchSize, taskDay(view.block, view.blocksPerDay), false);
    const candidates: number[] = [];
    for (let u = 0; u < subnet.n; u++) if (u !== selfUid && subnet.hotkeys[u] !== null) candidates.push(u);
    for (const [u, m] of [...this.#losses]) if (u >= subnet.n || u === selfUid || (subnet.hotkeys[u] ?? null) !== m.hotkey) this.#losses.delete(u);
    for (const u of sampleUids(this.#rng, candidates, this.params.sampleSize)) {
      const answer = view.query(this.spec.netuid, u, batch.inputs, batch.count);
      // A late answer missed the timeout: unless the validator waits (`accept_late`), it is no answer.
      if (answer === null || answer.predictions.length !== batch.count * this.task.outputDim || (answer.late && !this.params.acceptLate)) {
        this.#losses.delete(u);
        continue;
      }
      const noise = this.params.evalNoiseSd > 0 ? this.#rng.nextNormal(0, this.params.evalNoiseSd) : 0;
      const loss = quantise(Math.max(0, this.task.normalisedLoss(answer.predictions, batch) + noise), LOSS_QUANTUM);
      this.#losses.set(u, { hotkey: subnet.hotkeys[u] ?? null, loss });
    }
  }
}

export const createMlValidator: AgentFactory = (spec, rng) => new MlValidator(spec, rng);
