/**
 * `miner.sybil`: one owner (one coldkey) running `identities` hotkeys on its subnet, every one
 * serving the same low-quality output. The owner's quality is drawn once from `quality`; each
 * identity serves it plus its own N(0, `quality_jitter`) offset drawn once (clamped to [0, 1]), so
 * the identities look alike to validators without being byte-identical. The point of the behaviour
 * is that Yuma pays per UID, not per operator: k identities of one owner collect k incentive
 * shares for one piece of work, and crowd honest miners out of the UID space.
 *
 * Registration. With `register_at_genesis` (the default) the world registers all identities at
 * genesis (or by burn when the group joins through an event): the kind's `keys` says
 * `genesisUids = identities`. Otherwise the owner registers them itself through the chain's
 * burned registration (action `register` with the identity's hotkey, paid from its coldkey), at
 * most one per `register_every_blocks`, lowest identity first, and only while its free balance
 * covers the current burn (the chain would refuse anyway; checking first keeps the event log free
 * of refusals). With `reregister`, an identity that held a UID and lost it (pruned) is registered
 * again the same way; without it, a pruned identity stays out.
 *
 * Serving is off-chain (action `serve` with the identity's hotkey) and keyed by hotkey: when a
 * UID is pruned the world stops serving its hotkey, so an identity serves again each time it is
 * seen holding a UID it has not served on yet (a new registration block). It serves only on
 * identities that hold a UID; a registration is confirmed (and served on) at the next act, one
 * block later.
 *
 * Waking: it acts at block 1 (serving its genesis identities), then every `register_every_blocks`
 * while it still has something to register or `reregister` is on; otherwise it sleeps for good.
 * If its subnet is gone it retires.
 */
import { assert } from '../../primitives/assert.ts';
import type { Rng } from '../../primitives/rng.ts';
import type { Action } from '../action.ts';
import type { Agent, AgentDecision, AgentFactory, AgentSpec } from '../agent.ts';
import type { AgentView } from '../agentView.ts';
import { integerParam, numberParam, rawParam } from '../agentParams.ts';
import { asNumberDistribution, sampleNumberDistribution, type NumberDistributionShape } from '../sampleDistribution.ts';
import { clampUnit } from './clampQuality.ts';

export const SYBIL_MINER_KIND = 'miner.sybil';

export interface SybilMinerParams {
  readonly identities: number;
  readonly registerAtGenesis: boolean;
  readonly quality: NumberDistributionShape;
  readonly qualityJitter: number;
  readonly registerEveryBlocks: number;
  readonly reregister: boolean;
}

function booleanParam(spec: AgentSpec, key: string): boolean {
  const value = rawParam(spec, key);
  assert(typeof value === 'boolean', () => `agent ${spec.id} (${spec.kind}): params.${key} must be a boolean, got ${String(value)}`);
  return value;
}

export function readSybilMinerParams(spec: AgentSpec): SybilMinerParams {
  return {
    identities: integerParam(spec, 'identities', 1),
    registerAtGenesis: booleanParam(spec, 'register_at_genesis'),
    quality: asNumberDistribution(rawParam(spec, 'quality'), `agent ${spec.id}: params.quality`),
    qualityJitter: numberParam(spec, 'quality_jitter', 0),
    registerEveryBlocks: integerParam(spec, 'register_every_blocks', 1),
    reregister: booleanParam(spec, 'reregister'),
  };
}


export class SybilMiner implements Agent {
  readonly spec: AgentSpec;
  readonly firstBlock = 1;
  readonly params: SybilMinerParams;
  /** Quality each identity serves, by identity index (= index in `spec.hotkeys`). */
  readonly qualities: readonly number[];
  /** Per identity: the registration block of the UID it last served on (null = not serving). */
  readonly #servedOnRegistration: (number | null)[];
  /** Per identity: whether it has ever been seen holding a UID (a later loss is a pruning). */
  readonly #everHeld: boolean[];
  /** Block of its last `register` action (null = none yet). */
  #lastRegisterBlock: number | null = null;

  constructor(spec: AgentSpec, rng: Rng) {
    this.spec = spec;
    this.params = readSybilMinerParams(spec);
    assert(
      spec.hotkeys.length === this.params.identities,
      () => `agent ${spec.id}: miner.sybil with ${this.params.identities} identities needs as many hotkeys, got ${spec.hotkeys.length}`,
    );
    // One draw for the owner, then one jitter draw per identity, in identity order.
    const base = sampleNumberDistribution(this.params.quality, rng);
    const jitter = this.params.qualityJitter;
    this.qualities = spec.hotkeys.map(() => clampUnit(base + (jitter > 0 ? rng.nextNormal(0, jitter) : 0)));
    this.#servedOnRegistration = spec.hotkeys.map(() => null);
    this.#everHeld = spec.hotkeys.map(() => false);
  }

  act(view: AgentView): AgentDecision {
    const netuid = this.spec.netuid;
    const subnet = view.subnet(netuid);
    if (subnet === undefined) return { actions: [], nextBlock: null };
    const actions: Action[] = [];
    const hotkeys = this.spec.hotkeys;
    for (let k = 0; k < hotkeys.length; k++) {
      const uid = view.self.uidOf(hotkeys[k]!, netuid);
      if (uid === null) {
        this.#servedOnRegistration[k] = null;
        continue;
      }
      this.#everHeld[k] = true;
      const registeredAt = subnet.blockAtRegistration[uid] ?? 0;
      if (this.#servedOnRegistration[k] === registeredAt) continue;
      actions.push({ type: 'serve', netuid, quality: this.qualities[k]!, hotkey: hotkeys[k]! });
      this.#servedOnRegistration[k] = registeredAt;
    }

    const waiting = this.#registrable(view);
    const interval = this.params.registerEveryBlocks;
    const due = this.#lastRegisterBlock === null || view.block - this.#lastRegisterBlock >= interval;
    if (waiting.length > 0 && due && view.self.balanceRao >= subnet.registrationBurnRao) {
      actions.push({ type: 'register', netuid, hotkey: hotkeys[waiting[0]!]! });
      this.#lastRegisterBlock = view.block;
      // Next block: confirm the registration and serve on it.
      return { actions, nextBlock: view.block + 1 };
    }
    const more = waiting.length > 0 || this.params.reregister;
    if (!more) return { actions, nextBlock: null };
    const nextRegistration = this.#lastRegisterBlock === null ? view.block + interval : Math.max(view.block + 1, this.#lastRegisterBlock + interval);
    return { actions, nextBlock: due ? view.block + interval : nextRegistration };
  }

  /** Identities it would register now, lowest first: never held a UID (when not registered at genesis), or pruned (with `reregister`). */
  #registrable(view: AgentView): number[] {
    const out: number[] = [];
    const hotkeys = this.spec.hotkeys;
    for (let k = 0; k < hotkeys.length; k++) {
      if (view.self.uidOf(hotkeys[k]!, this.spec.netuid) !== null) continue;
      const eligible = this.#everHeld[k] ? this.params.reregister : !this.params.registerAtGenesis;
      if (eligible) out.push(k);
    }
    return out;
  }
}

export const createSybilMiner: AgentFactory = (spec, rng) => new SybilMiner(spec, rng);
