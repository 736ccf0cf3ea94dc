/**
 * `validator.self_weighting`: a `validator.honest` (same parameters, timing and evaluation) that
 * puts `self_share` of its weight on its own UID and spreads the rest over the miners in
 * proportion to its honest weights; with `self_share` 1 (or no positive honest weight) it sets the
 * pure self-weight `[own UID] = [65535]`, which the chain accepts whatever MinAllowedWeights
 * is (`weights.rs` `is_self_weight` at 14bc6f9, ported in src/consensus/chain/setWeights.ts).
 *
 * "As the chain allows": the chain keeps a self-weight in storage, but the epoch drops it unless
 * the validator is the subnet owner (src/consensus/epoch/steps/weights.ts `weightsMaskSelfStep`),
 * so for anyone but the owner the self share is simply weight withheld from the miners, and a pure
 * self-weight earns it no bonds. Weighting "its own coldkey's miners" is not modelled: the view
 * shows hotkeys per UID but not the coldkey owning them.
 *
 * Shares become u16 weights with `scoresToWeights` (largest = 65535, padded to MinAllowedWeights,
 * its own UID last). It acts only when the honest validator would (it needs a permit or
 * ownership, and at least one serving miner).
 */
import type { Rng } from '../../primitives/rng.ts';
import type { Action } from '../action.ts';
import type { Agent, AgentDecision, AgentFactory, AgentSpec } from '../agent.ts';
import type { AgentView } from '../agentView.ts';
import { numberParam } from '../agentParams.ts';
import { HonestValidator, scoresToWeights, type WeightVector } from './honestValidator.ts';

export const SELF_WEIGHTING_VALIDATOR_KIND = 'validator.self_weighting';

/**
 * Re-weights `w` so `selfUid` holds `selfShare` of the total and the other entries share the rest
 * in proportion to their values; the pure self-weight when `selfShare` is 1 or no other value is
 * positive.
 */
export function withSelfShare(w: WeightVector, selfUid: number, selfShare: number, minEntries: number, padOrder: readonly number[]): WeightVector {
  let othersSum = 0;
  w.uids.forEach((u, i) => {
    if (u !== selfUid) othersSum += w.values[i]!;
  });
  if (selfShare >= 1 || othersSum === 0) return { uids: [selfUid], values: [65535] };
  const shares = new Map<number, number>([[selfUid, selfShare]]);
  w.uids.forEach((u, i) => {
    if (u !== selfUid && w.values[i]! > 0) shares.set(u, ((1 - selfShare) * w.values[i]!) / othersSum);
  });
  return scoresToWeights(shares, minEntries, padOrder);
}

export class SelfWeightingValidator implements Agent {
  readonly spec: AgentSpec;
  readonly firstBlock = 1;
  readonly selfShare: number;
  readonly #inner: HonestValidator;

  constructor(spec: AgentSpec, rng: Rng) {
    this.spec = spec;
    this.selfShare = numberParam(spec, 'self_share', 0, 1);
    // The inner validator reads only its own keys; `self_share` is ignored by it.
    this.#inner = new HonestValidator(spec, rng);
  }

  act(view: AgentView): AgentDecision {
    const decision = this.#inner.act(view);
    const uid = view.self.uid;
    const subnet = view.subnet(this.spec.netuid);
    if (uid === null || subnet === undefined) return decision;
    const padOrder = [...Array(subnet.n).keys()].filter((u) => u !== uid);
    padOrder.push(uid);
    const minEntries = Math.min(subnet.n, subnet.minAllowedWeights);
    const actions = decision.actions.map((a): Action => {
      if (a.type !== 'set_weights' && a.type !== 'commit_weights') return a;
      const w = withSelfShare(a, uid, this.selfShare, minEntries, padOrder);
      return { ...a, uids: w.uids, values: w.values };
    });
    return { actions, nextBlock: decision.nextBlock };
  }
}

export const createSelfWeightingValidator: AgentFactory = (spec, rng) => new SelfWeightingValidator(spec, rng);
