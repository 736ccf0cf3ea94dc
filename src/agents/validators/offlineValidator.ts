/**
 * `validator.offline`: a `validator.honest` (same parameters, same behaviour) that goes offline for
 * good at a configured block — `stop_at_block`, or when null the first block of day `stop_at_day`
 * (`ceil(stop_at_day · blocksPerDay)`). From then on it sets no weights and is never woken again;
 * its last stored row stays on chain until the epoch's activity cutoff ignores it, which is what
 * the behaviour exists to exercise.
 */
import type { Rng } from '../../primitives/rng.ts';
import type { Agent, AgentDecision, AgentFactory, AgentSpec } from '../agent.ts';
import type { AgentView } from '../agentView.ts';
import { nullableIntegerParam, numberParam } from '../agentParams.ts';
import { HonestValidator } from './honestValidator.ts';

export const OFFLINE_VALIDATOR_KIND = 'validator.offline';

/** The first block it no longer acts in. */
export function offlineStopBlock(stopAtBlock: number | null, stopAtDay: number, blocksPerDay: number): number {
  return stopAtBlock ?? Math.ceil(stopAtDay * blocksPerDay);
}

export class OfflineValidator implements Agent {
  readonly spec: AgentSpec;
  readonly firstBlock = 1;
  readonly stopAtBlock: number | null;
  readonly stopAtDay: number;
  readonly #inner: HonestValidator;

  constructor(spec: AgentSpec, rng: Rng) {
    this.spec = spec;
    this.stopAtBlock = nullableIntegerParam(spec, 'stop_at_block', 0);
    this.stopAtDay = numberParam(spec, 'stop_at_day', 0);
    // The inner validator reads only its own keys; the extra ones are ignored.
    this.#inner = new HonestValidator(spec, rng);
  }

  act(view: AgentView): AgentDecision {
    if (view.block >= offlineStopBlock(this.stopAtBlock, this.stopAtDay, view.blocksPerDay)) return { actions: [], nextBlock: null };
    return this.#inner.act(view);
  }
}

export const createOfflineValidator: AgentFactory = (spec, rng) => new OfflineValidator(spec, rng);
