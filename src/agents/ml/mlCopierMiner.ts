/**
 * `miner.ml_copier`: trains nothing. When a validator queries it, it forwards the same inputs to
 * another miner — `target_uid`, or (when null) the UID other than its own with the highest
 * incentive in the last epoch, re-chosen at each of its tempo acts (ties: lowest UID) — and relays
 * that miner's predictions. The relay costs a second round trip, so the answer is marked `late`:
 * a validator with a timeout (`validator.ml` `accept_late: false`, the default) drops it and the
 * copier is caught; one that waits (`accept_late: true`) scores it exactly like the original, and
 * Yuma — which sees only weights — cannot tell the two apart.
 */
import type { Rng } from '../../primitives/rng.ts';
import type { Agent, AgentDecision, AgentFactory, AgentSpec } from '../agent.ts';
import type { AgentView } from '../agentView.ts';
import { nullableIntegerParam } from '../agentParams.ts';
import type { MlAnswer, MlRelay, MlResponder } from './mlResponder.ts';

export const ML_COPIER_MINER_KIND = 'miner.ml_copier';

export class MlCopierMiner implements Agent, MlResponder {
  readonly spec: AgentSpec;
  readonly firstBlock = 1;
  readonly fixedTarget: number | null;
  #target: number | null;

  constructor(spec: AgentSpec, _rng: Rng) {
    this.spec = spec;
    this.fixedTarget = nullableIntegerParam(spec, 'target_uid', 0);
    this.#target = this.fixedTarget;
  }

  /** The UID it relays now (null before it has chosen one). */
  get target(): number | null {
    return this.#target;
  }

  act(view: AgentView): AgentDecision {
    const subnet = view.subnet(this.spec.netuid);
    if (subnet === undefined) return { actions: [], nextBlock: null };
    if (this.fixedTarget === null) {
      let best: number | null = null;
      for (let u = 0; u < subnet.n; u++) {
        if (u === view.self.uid) continue;
        const inc = subnet.lastIncentiveRao[u] ?? 0n;
        if (inc > 0n && (best === null || inc > (subnet.lastIncentiveRao[best] ?? 0n))) best = u;
      }
      this.#target = best;
    }
    return { actions: [], nextBlock: view.block + Math.max(1, subnet.tempoBlocks) };
  }

  answerQuery(_inputs: Float32Array, _count: number, _block: number, relay: MlRelay): MlAnswer | null {
    if (this.#target === null) return null;
    const answer = relay(this.#target);
    return answer === null ? null : { predictions: answer.predictions, late: true };
  }
}

export const createMlCopierMiner: AgentFactory = (spec, rng) => new MlCopierMiner(spec, rng);
