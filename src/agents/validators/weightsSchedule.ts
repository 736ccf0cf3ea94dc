/**
 * When a weight-setting validator acts, shared by `validator.honest` (and the kinds built on it)
 * and `validator.weight_copier`: the first act only picks a phase `offset` ∈ [1, interval] from the agent's
 * RNG; after that it acts every interval (the subnet tempo when the interval is null), skips rounds
 * while it holds no UID or no validator permit (unless it is the subnet owner), and never acts
 * before the chain's rate limit allows (`weights.rs` `check_rate_limit` at 14bc6f9:
 * `LastUpdate == 0 || block - LastUpdate >= WeightsSetRateLimit`; registration also writes
 * LastUpdate).
 */
import type { Rng } from '../../primitives/rng.ts';
import type { Action } from '../action.ts';
import type { AgentDecision } from '../agent.ts';
import type { AgentView, SubnetView } from '../agentView.ts';
import type { WeightVector } from './honestValidator.ts';

/** The agent may act now as `uid`, or must wait (`decision` says until when). */
export type ScheduleGate =
  | { readonly ready: true; readonly uid: number; readonly intervalBlocks: number }
  | { readonly ready: false; readonly decision: AgentDecision };

export class WeightsSchedule {
  readonly #rng: Rng;
  readonly #everyBlocks: number | null;
  #phased = false;
  /** Block of its last weights action (sent; the chain may still have refused it). */
  #lastActBlock: number | null = null;

  constructor(rng: Rng, everyBlocks: number | null) {
    this.#rng = rng;
    this.#everyBlocks = everyBlocks;
  }

  gate(view: AgentView, subnet: SubnetView): ScheduleGate {
    const intervalBlocks = this.#everyBlocks ?? Math.max(1, subnet.tempoBlocks);
    if (!this.#phased) {
      this.#phased = true;
      return { ready: false, decision: { actions: [], nextBlock: view.block + this.#rng.nextInt(1, intervalBlocks + 1) } };
    }
    const uid = view.self.uid;
    const isOwner = view.self.hotkey === subnet.ownerHotkey;
    if (uid === null || (!isOwner && subnet.validatorPermit[uid] !== true)) {
      return { ready: false, decision: { actions: [], nextBlock: view.block + intervalBlocks } };
    }
    const lastUpdate = Math.max(this.#lastActBlock ?? 0, subnet.blockAtRegistration[uid] ?? 0);
    const earliest = lastUpdate === 0 ? 0 : lastUpdate + subnet.weightsSetRateLimitBlocks;
    if (view.block < earliest) return { ready: false, decision: { actions: [], nextBlock: earliest } };
    return { ready: true, uid, intervalBlocks };
  }

  /** The decision after acting with `w` (nothing when it is empty), recording the act. */
  decide(view: AgentView, subnet: SubnetView, intervalBlocks: number, w: WeightVector): AgentDecision {
    if (w.uids.length === 0) return { actions: [], nextBlock: view.block + intervalBlocks };
    this.#lastActBlock = view.block;
    return {
      actions: [weightsAction(subnet, w)],
      nextBlock: view.block + Math.max(intervalBlocks, subnet.weightsSetRateLimitBlocks, 1),
    };
  }
}

/** `commit_weights` while the subnet has commit-reveal on (plain `set_weights` is refused then), else `set_weights`. */
export function weightsAction(subnet: SubnetView, w: WeightVector): Action {
  return subnet.commitRevealEnabled
    ? { type: 'commit_weights', netuid: subnet.netuid, uids: w.uids, values: w.values }
    : { type: 'set_weights', netuid: subnet.netuid, uids: w.uids, values: w.values };
}
