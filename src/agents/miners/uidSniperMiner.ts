/**
 * `miner.uid_sniper`: starts without a UID (its kind's `keys` say `genesisUids = 0`) and registers
 * by burn at the moment that maximises what it may inherit from the UID it takes.
 *
 * When. Right after an epoch of its subnet: an epoch due at `lastEpochBlock + tempo`
 * (coinbase/epochSchedule.ts) runs at the start of its block, before any extrinsic, so acting in
 * that block sees the epoch's fresh `Emission`/`Incentive` — exactly what the chain's pruning
 * choice reads — and a full tempo lies ahead before the next epoch. It sleeps until the predicted
 * epoch block and then looks every `check_every_blocks`; a look counts as "right after an epoch"
 * when the last epoch ran fewer than `check_every_blocks` blocks ago, i.e. it is the first look
 * since that epoch.
 *
 * Which UID. On a full subnet a registration replaces the UID `get_neuron_to_prune` picks
 * (src/consensus/subnets/neuronToPrune.ts, the chain's selection, reused here on the view's public
 * data: hotkeys, registration blocks, last-epoch emission, `ImmunityPeriod`, the owner hotkey and
 * the `Owner` of every UID). It registers only if that UID is past its immunity and — with
 * `require_positive_incentive` — earned positive incentive in the epoch that just ran: those are
 * the weights that may still reach it. On a subnet with free UIDs it would take a fresh UID and
 * inherit nothing, so with `require_positive_incentive` it waits for the subnet to fill.
 *
 * What it can inherit (DESIGN: agents propose, the chain disposes — the sniper does not decide
 * this). Registration zeroes the other validators' stored weights to the UID and sets its
 * registration block; the epoch then drops any weight set at or before that block (the
 * "outdated" mask, epoch/steps/weights.ts). With commit-reveal a commit made before the
 * registration is revealed later with the old holder's weights, and a reveal leaves LastUpdate
 * alone (weightCommits.ts) — so whether the new holder is paid on it depends on whether the
 * validator's LastUpdate moved past the registration block by a later commit, and on that later
 * commit being still unrevealed (the commit-reveal mask reads only live commits). The scenario's
 * reveal period decides which case a run is in; see scenarios/README.md.
 *
 * The prediction reads only public storage: hotkeys, registration blocks, the last epoch's
 * emission, `ImmunityPeriod`, `MinNonImmuneUids`, `ImmuneOwnerUidsLimit`, the owner's coldkey
 * and the owners of the UIDs' hotkeys (`Owner`).
 *
 * After registering it serves `quality` (drawn once) on its UID, confirmed one block later.
 * Pruned, it snipes again — up to `max_registrations` successful registrations in all (a refused
 * one is retried at the next epoch) — but only while its free balance covers the burn plus
 * `reserve_tao`; short of funds it keeps looking once per epoch, as the burn decays. If its subnet
 * is gone it retires.
 */
import { assert } from '../../primitives/assert.ts';
import type { Rng } from '../../primitives/rng.ts';
import { neuronToPrune, type PruneCandidate } from '../../consensus/subnets/neuronToPrune.ts';
import type { Action } from '../action.ts';
import type { Agent, AgentDecision, AgentFactory, AgentSpec } from '../agent.ts';
import type { AgentView, SubnetView } from '../agentView.ts';
import { integerParam, rawParam } from '../agentParams.ts';
import { asNumberDistribution, sampleNumberDistribution, type NumberDistributionShape } from '../sampleDistribution.ts';
import { clampUnit } from './clampQuality.ts';

export const UID_SNIPER_MINER_KIND = 'miner.uid_sniper';

export interface UidSniperMinerParams {
  readonly quality: NumberDistributionShape;
  readonly checkEveryBlocks: number;
  readonly requirePositiveIncentive: boolean;
  readonly maxRegistrations: number;
  readonly reserveRao: bigint;
}

export function readUidSniperMinerParams(spec: AgentSpec): UidSniperMinerParams {
  const require = rawParam(spec, 'require_positive_incentive');
  assert(typeof require === 'boolean', () => `agent ${spec.id} (${spec.kind}): params.require_positive_incentive must be a boolean, got ${String(require)}`);
  const reserve = rawParam(spec, 'reserve_tao');
  assert(typeof reserve === 'bigint' && reserve >= 0n, () => `agent ${spec.id} (${spec.kind}): params.reserve_tao must be a rao amount >= 0, got ${String(reserve)}`);
  return {
    quality: asNumberDistribution(rawParam(spec, 'quality'), `agent ${spec.id}: params.quality`),
    checkEveryBlocks: integerParam(spec, 'check_every_blocks', 1),
    requirePositiveIncentive: require,
    maxRegistrations: integerParam(spec, 'max_registrations', 1),
    reserveRao: reserve,
  };
}


/**
 * The UID a burned registration in `block` would replace on the full subnet `s`, as
 * `get_neuron_to_prune` picks it from public storage (see the file comment for what the view
 * lacks). Null when every UID is owner-immortal.
 */
export function predictPrunedUid(s: SubnetView, block: number): number | null {
  const neurons: PruneCandidate[] = [];
  for (let uid = 0; uid < s.n; uid++) {
    neurons.push({
      uid,
      hotkey: s.hotkeys[uid] ?? '',
      blockAtRegistration: BigInt(s.blockAtRegistration[uid] ?? 0),
      emissionRao: s.lastEmissionRao[uid] ?? 0n,
    });
  }
  const ownerColdkeyHotkeys = neurons.filter((nrn) => s.coldkeyOfUid(nrn.uid) === s.ownerColdkey).map((nrn) => nrn.hotkey);
  return neuronToPrune({
    block: BigInt(block),
    immunityPeriodBlocks: BigInt(s.immunityPeriodBlocks),
    minNonImmuneUids: s.minNonImmuneUids,
    immuneOwnerUidsLimit: s.immuneOwnerUidsLimit,
    subnetOwnerHotkey: s.ownerHotkey,
    ownerColdkeyHotkeys,
    neurons,
  });
}

/** Why a look right after an epoch did not register (for inspection and tests). */
export type SnipeSkip = 'max_registrations' | 'funds' | 'not_full' | 'no_target' | 'target_immune' | 'no_incentive';

export interface SnipeRecord {
  readonly block: number;
  /** The UID it predicted the chain would give it (null on a subnet with free UIDs). */
  readonly predictedUid: number | null;
}

export class UidSniperMiner implements Agent {
  readonly spec: AgentSpec;
  readonly firstBlock = 1;
  readonly params: UidSniperMinerParams;
  readonly quality: number;
  /** Every registration it sent, with its prediction. */
  readonly snipes: SnipeRecord[] = [];
  /** Registrations seen to succeed (a UID with a registration block it had not served on yet). */
  registrations = 0;
  /** Why the last look right after an epoch did not register (null when it did, or before any). */
  lastSkip: SnipeSkip | null = null;
  /** Registration block of the UID it last served on (null = not serving). */
  #servedOnRegistration: number | null = null;

  constructor(spec: AgentSpec, rng: Rng) {
    this.spec = spec;
    this.params = readUidSniperMinerParams(spec);
    this.quality = clampUnit(sampleNumberDistribution(this.params.quality, rng));
  }

  act(view: AgentView): AgentDecision {
    const netuid = this.spec.netuid;
    const subnet = view.subnet(netuid);
    if (subnet === undefined) return { actions: [], nextBlock: null };
    const uid = view.self.uidOf(this.spec.hotkey, netuid);
    const nextEpochBlock = subnet.tempoBlocks > 0 ? subnet.lastEpochBlock + subnet.tempoBlocks : null;

    if (uid !== null) {
      const actions: Action[] = [];
      const registeredAt = subnet.blockAtRegistration[uid] ?? 0;
      if (this.#servedOnRegistration !== registeredAt) {
        actions.push({ type: 'serve', netuid, quality: this.quality });
        this.#servedOnRegistration = registeredAt;
        this.registrations++;
      }
      const canSnipeAgain = this.registrations < this.params.maxRegistrations;
      // Held: look again at the next epoch only if a pruning could lead to another snipe.
      return { actions, nextBlock: canSnipeAgain && nextEpochBlock !== null ? Math.max(view.block + 1, nextEpochBlock) : null };
    }
    this.#servedOnRegistration = null;
    if (this.registrations >= this.params.maxRegistrations) {
      this.lastSkip = 'max_registrations';
      return { actions: [], nextBlock: null };
    }
    if (nextEpochBlock === null) return { actions: [], nextBlock: null };

    const justAfterEpoch = view.block - subnet.lastEpochBlock < this.params.checkEveryBlocks;
    const wait = { actions: [], nextBlock: Math.max(view.block + this.params.checkEveryBlocks, nextEpochBlock) };
    if (!justAfterEpoch) return wait;
    const skip = this.#skipReason(view, subnet);
    this.lastSkip = skip.reason;
    if (skip.reason !== null) return wait;
    this.snipes.push({ block: view.block, predictedUid: skip.predictedUid });
    // Next block: confirm the UID and serve on it.
    return { actions: [{ type: 'register', netuid }], nextBlock: view.block + 1 };
  }

  #skipReason(view: AgentView, s: SubnetView): { reason: SnipeSkip | null; predictedUid: number | null } {
    if (view.self.balanceRao < s.registrationBurnRao + this.params.reserveRao) return { reason: 'funds', predictedUid: null };
    if (s.n < s.maxAllowedUids) return { reason: this.params.requirePositiveIncentive ? 'not_full' : null, predictedUid: null };
    const target = predictPrunedUid(s, view.block);
    if (target === null) return { reason: 'no_target', predictedUid: null };
    if (view.block - (s.blockAtRegistration[target] ?? 0) < s.immunityPeriodBlocks) return { reason: 'target_immune', predictedUid: target };
    if (this.params.requirePositiveIncentive && !((s.lastIncentiveRao[target] ?? 0n) > 0n)) return { reason: 'no_incentive', predictedUid: target };
    return { reason: null, predictedUid: target };
  }
}

export const createUidSniperMiner: AgentFactory = (spec, rng) => new UidSniperMiner(spec, rng);
