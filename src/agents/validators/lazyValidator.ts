/**
 * `validator.lazy`: a `validator.honest` that does little work — each round it evaluates only
 * `sample_size` miners (default 3) and it sets weights only every `update_every_tempos` tempos
 * (default 10). Miners it did not re-evaluate keep the score it measured when it last sampled them
 * (score EMA 1: a fresh evaluation replaces the old score), so its weights go stale between rounds
 * and between samples; with a long enough gap the chain's activity cutoff can drop its row.
 *
 * Built on the honest behaviour (same phase pick, permit and rate-limit handling, weight rounding
 * and padding): on its first act it reads the subnet tempo and builds the inner honest validator
 * with `weights_every_blocks = update_every_tempos · tempo` (fixed from then on, even if the tempo
 * changes later), on the same RNG substream.
 */
import type { Rng } from '../../primitives/rng.ts';
import type { Agent, AgentDecision, AgentFactory, AgentSpec } from '../agent.ts';
import type { AgentView } from '../agentView.ts';
import { integerParam, numberParam } from '../agentParams.ts';
import { HonestValidator } from './honestValidator.ts';

export const LAZY_VALIDATOR_KIND = 'validator.lazy';

export interface LazyValidatorParams {
  readonly noiseSd: number;
  readonly sampleSize: number;
  readonly updateEveryTempos: number;
}

export function readLazyValidatorParams(spec: AgentSpec): LazyValidatorParams {
  return {
    noiseSd: numberParam(spec, 'noise_sd', 0),
    sampleSize: integerParam(spec, 'sample_size', 1),
    updateEveryTempos: integerParam(spec, 'update_every_tempos', 1),
  };
}

export class LazyValidator implements Agent {
  readonly spec: AgentSpec;
  readonly firstBlock = 1;
  readonly params: LazyValidatorParams;
  readonly #rng: Rng;
  #inner: HonestValidator | null = null;

  constructor(spec: AgentSpec, rng: Rng) {
    this.spec = spec;
    this.params = readLazyValidatorParams(spec);
    this.#rng = rng;
  }

  /** The inner honest validator (null before the first act), for inspection. */
  get inner(): HonestValidator | null {
    return this.#inner;
  }

  act(view: AgentView): AgentDecision {
    if (this.#inner === null) {
      const subnet = view.subnet(this.spec.netuid);
      if (subnet === undefined) return { actions: [], nextBlock: null };
      const params = {
        noise_sd: this.params.noiseSd,
        sample_size: this.params.sampleSize,
        weights_every_blocks: this.params.updateEveryTempos * Math.max(1, subnet.tempoBlocks),
        score_ema: 1,
      };
      this.#inner = new HonestValidator({ ...this.spec, params }, this.#rng);
    }
    return this.#inner.act(view);
  }
}

export const createLazyValidator: AgentFactory = (spec, rng) => new LazyValidator(spec, rng);
