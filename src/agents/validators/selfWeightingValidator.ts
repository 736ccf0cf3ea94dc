/**
 * `validator.self_weighting`: a `validator.honest` (same parameters, timing and evaluation) that
 * puts `self_share` of its weight on itself — its own UID and, with `own_miners_share` > 0, its own
 * miners — and spreads the rest over the miners in proportion to its honest weights; with
 * `self_share` 1 (or no positive honest weight) and no own miners it sets the pure self-weight
 * `[own UID] = [65535]`, which the chain accepts whatever MinAllowedWeights is (`weights.rs`
 * `is_self_weight` at 14bc6f9, ported in src/consensus/chain/setWeights.ts).
 *
 * "As the chain allows": the chain keeps a self-weight in storage, but the epoch drops it unless
 * the validator is the subnet owner (src/consensus/epoch/steps/weights.ts `weightsMaskSelfStep`),
 * so for anyone but the owner the self share is simply weight withheld from the miners, and a pure
 * self-weight earns it no bonds.
 *
 * Its own miners: every other UID whose hotkey is owned by its own coldkey or by one of
 * `own_coldkeys` (e.g. a `miner.sybil` owner's id), read from the public `Owner` storage through
 * `SubnetView.coldkeyOfUid`. They take `own_miners_share` of the self share, split equally (it
 * favours them for whose they are, not for what they serve), and its own UID keeps the rest of
 * the self share; the epoch does not mask weight to a miner that shares the validator's coldkey,
 * so this share does reach them. With no own miner on the subnet the whole self share stays on its
 * own UID (today's behaviour, also what `own_miners_share` 0 gives).
 *
 * Shares become u16 weights with `scoresToWeights` (largest = 65535, padded to MinAllowedWeights,
 * its own UID last). It acts only when the honest validator would (it needs a permit or
 * ownership, and at least one serving miner).
 */
import { assert } from '../../primitives/assert.ts';
import type { Rng } from '../../primitives/rng.ts';
import type { Action } from '../action.ts';
import type { Agent, AgentDecision, AgentFactory, AgentSpec } from '../agent.ts';
import type { AgentView, SubnetView } from '../agentView.ts';
import { numberParam, rawParam } from '../agentParams.ts';
import { HonestValidator, scoresToWeights, type WeightVector } from './honestValidator.ts';

export const SELF_WEIGHTING_VALIDATOR_KIND = 'validator.self_weighting';

/**
 * Re-weights `w` so `selfUid` and `ownMinerUids` together hold `selfShare` of the total — the
 * miners `ownMinersShare` of it, split equally, `selfUid` the rest — and the other entries share
 * the remaining `1 - selfShare` in proportion to their values (an own miner also keeps its part of
 * that). When `selfShare` is 1 or no other value is positive only the self share is left: the pure
 * self-weight if no own miner takes part, else self and own miners in their ratio.
 */
export function withSelfShare(
  w: WeightVector,
  selfUid: number,
  selfShare: number,
  minEntries: number,
  padOrder: readonly number[],
  ownMinerUids: readonly number[] = [],
  ownMinersShare = 0,
): WeightVector {
  const ownMiners = ownMinerUids.filter((u) => u !== selfUid);
  const minersPart = ownMiners.length > 0 ? selfShare * ownMinersShare : 0;
  const perMiner = ownMiners.length > 0 ? minersPart / ownMiners.length : 0;
  let othersSum = 0;
  w.uids.forEach((u, i) => {
    if (u !== selfUid) othersSum += w.values[i]!;
  });
  const onlySelf = selfShare >= 1 || othersSum === 0;
  if (onlySelf && minersPart === 0) return { uids: [selfUid], values: [65535] };
  const shares = new Map<number, number>([[selfUid, selfShare - minersPart]]);
  if (!onlySelf) {
    w.uids.forEach((u, i) => {
      if (u !== selfUid && w.values[i]! > 0) shares.set(u, ((1 - selfShare) * w.values[i]!) / othersSum);
    });
  }
  for (const u of ownMiners) shares.set(u, (shares.get(u) ?? 0) + perMiner);
  return scoresToWeights(shares, minEntries, padOrder);
}

/** UIDs other than `selfUid` whose hotkey's coldkey is in `coldkeys`, ascending. */
export function ownMinerUidsOf(subnet: Pick<SubnetView, 'n' | 'coldkeyOfUid'>, selfUid: number, coldkeys: ReadonlySet<string>): number[] {
  const out: number[] = [];
  for (let u = 0; u < subnet.n; u++) {
    if (u === selfUid) continue;
    const ck = subnet.coldkeyOfUid(u);
    if (ck !== null && coldkeys.has(ck)) out.push(u);
  }
  return out;
}

function stringListParam(spec: AgentSpec, key: string): string[] {
  const value = rawParam(spec, key);
  assert(
    Array.isArray(value) && value.every((x) => typeof x === 'string'),
    () => `agent ${spec.id} (${spec.kind}): params.${key} must be a list of strings, got ${String(value)}`,
  );
  return [...(value as string[])];
}

export class SelfWeightingValidator implements Agent {
  readonly spec: AgentSpec;
  readonly firstBlock = 1;
  readonly selfShare: number;
  readonly ownMinersShare: number;
  /** Its own coldkey plus `own_coldkeys`: the owners whose miners are its own. */
  readonly ownColdkeys: ReadonlySet<string>;
  readonly #inner: HonestValidator;

  constructor(spec: AgentSpec, rng: Rng) {
    this.spec = spec;
    this.selfShare = numberParam(spec, 'self_share', 0, 1);
    this.ownMinersShare = numberParam(spec, 'own_miners_share', 0, 1);
    this.ownColdkeys = new Set([spec.coldkey, ...stringListParam(spec, 'own_coldkeys')]);
    // The inner validator reads only its own keys; the self-weighting ones are ignored by it.
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
    const ownMiners = this.ownMinersShare > 0 ? ownMinerUidsOf(subnet, uid, this.ownColdkeys) : [];
    const actions = decision.actions.map((a): Action => {
      if (a.type !== 'set_weights' && a.type !== 'commit_weights') return a;
      const w = withSelfShare(a, uid, this.selfShare, minEntries, padOrder, ownMiners, this.ownMinersShare);
      return { ...a, uids: w.uids, values: w.values };
    });
    return { actions, nextBlock: decision.nextBlock };
  }
}

export const createSelfWeightingValidator: AgentFactory = (spec, rng) => new SelfWeightingValidator(spec, rng);
