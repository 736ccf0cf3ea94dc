/**
 * Builds the read-only view an agent decides from (src/agents/agentView.ts). Views read the live
 * state through getters and functions — nothing is copied per agent — and expose only what a
 * participant could see: stored (revealed) weights, never pending commits.
 */
import type { AgentView, RootValidatorView, SubnetView } from '../../agents/agentView.ts';
import type { Agent } from '../../agents/agent.ts';
import { isMlResponder, type MlAnswer, type MlResponder } from '../../agents/ml/mlResponder.ts';
import { spotPriceU64F64 } from '../../consensus/amm/spotPrice.ts';
import { subnetOf, type SubnetChain } from '../../consensus/chain/chainState.ts';
import { balanceOf, hotkeyOwner, hotkeyStake, hotkeysOnSubnet, stakeOf } from '../../consensus/staking/stakeLedger.ts';
import { ROOT_NETUID } from '../../consensus/staking/stakingSubnet.ts';
import type { World } from './world.ts';

const EMPTY_ROW: readonly (readonly [number, number])[] = [];

function subnetView(world: World, s: SubnetChain): SubnetView {
  const ledger = world.state.ledger;
  const nrn = s.neurons;
  return {
    netuid: s.netuid,
    tempoBlocks: s.economy.tempoBlocks,
    lastEpochBlock: Number(s.economy.lastEpochBlock),
    commitRevealEnabled: s.hyperparameters.commitRevealWeightsEnabled,
    revealPeriodEpochs: s.hyperparameters.revealPeriodEpochs,
    weightsSetRateLimitBlocks: s.weights.weightsSetRateLimitBlocks,
    minAllowedWeights: s.weights.minAllowedWeights,
    maxAllowedUids: s.turnover.maxAllowedUids,
    n: nrn.n,
    hotkeys: nrn.hotkeys,
    blockAtRegistration: nrn.blockAtRegistration,
    validatorPermit: nrn.validatorPermit,
    lastIncentiveRao: s.lastIncentiveRao,
    lastDividendRao: s.lastDividendRao,
    lastEmissionRao: s.lastEmissionRao,
    weightsOf: (uid, mechanism = 0) => nrn.mechanisms[mechanism]?.weights.get(uid) ?? EMPTY_ROW,
    coldkeyOfUid: (uid) => {
      const hk = nrn.hotkeys[uid];
      return hk === null || hk === undefined ? null : (hotkeyOwner(ledger, hk) ?? null);
    },
    immunityPeriodBlocks: s.turnover.immunityPeriodBlocks,
    minNonImmuneUids: s.turnover.minNonImmuneUids,
    immuneOwnerUidsLimit: s.turnover.immuneOwnerUidsLimit,
    ownerColdkey: s.ownerColdkey,
    stakeOfUid: (uid) => {
      const hk = nrn.hotkeys[uid];
      return hk === null || hk === undefined ? 0n : hotkeyStake(ledger, hk, s.netuid);
    },
    get priceRao() {
      return (spotPriceU64F64(s.economy.pool) * 1_000_000_000n) >> 64n;
    },
    registrationBurnRao: s.registration.burnRao,
    ownerHotkey: s.ownerHotkey,
  };
}

/** Hotkeys with root stake, largest first (ties by hotkey): a scan of the ledger, so built only on access. */
function rootValidators(world: World): RootValidatorView[] {
  const ledger = world.state.ledger;
  return hotkeysOnSubnet(ledger, ROOT_NETUID)
    .map((hotkey) => ({ hotkey, stakeRao: hotkeyStake(ledger, hotkey, ROOT_NETUID) }))
    .filter((v) => v.stakeRao > 0n)
    .sort((a, b) => (a.stakeRao === b.stakeRao ? (a.hotkey < b.hotkey ? -1 : a.hotkey > b.hotkey ? 1 : 0) : a.stakeRao > b.stakeRao ? -1 : 1));
}

/** Active responders by hotkey, rebuilt when the agent list or an agent's activity changes. */
const responderCache = new WeakMap<World, { key: string; byHotkey: Map<string, MlResponder> }>();

function respondersOf(world: World): Map<string, MlResponder> {
  let active = 0;
  for (const e of world.agents) if (e.active) active++;
  const key = `${world.agents.length}/${active}`;
  const cached = responderCache.get(world);
  if (cached !== undefined && cached.key === key) return cached.byHotkey;
  const byHotkey = new Map<string, MlResponder>();
  for (const e of world.agents) {
    if (!e.active || !isMlResponder(e.agent)) continue;
    for (const hk of e.agent.spec.hotkeys) if (!byHotkey.has(hk)) byHotkey.set(hk, e.agent);
  }
  responderCache.set(world, { key, byHotkey });
  return byHotkey;
}

/** A relay may forward once more (a copier of a copier); deeper chains answer nothing. */
const MAX_RELAY_DEPTH = 2;

/** The answer of the responder holding `uid` on `netuid` (null: empty UID, no responder, or too deep a relay). */
export function queryUid(world: World, netuid: number, uid: number, inputs: Float32Array, count: number, depth: number): MlAnswer | null {
  if (depth > MAX_RELAY_DEPTH) return null;
  const hotkey = subnetOf(world.state, netuid)?.neurons.hotkeys[uid];
  if (hotkey === null || hotkey === undefined) return null;
  const responder = respondersOf(world).get(hotkey);
  if (responder === undefined) return null;
  return responder.answerQuery(inputs, count, world.state.block, (other) => queryUid(world, netuid, other, inputs, count, depth + 1));
}

export function agentViewOf(world: World, agent: Agent): AgentView {
  const state = world.state;
  const spec = agent.spec;
  const home = subnetOf(state, spec.netuid);
  const uid = home === undefined ? -1 : home.neurons.hotkeys.indexOf(spec.hotkey);
  return {
    block: state.block,
    blocksPerDay: world.scenario.chain.blocksPerDay,
    minStakeRao: state.minStakeRao,
    root: {
      get validators() {
        return rootValidators(world);
      },
    },
    self: {
      id: spec.id,
      coldkey: spec.coldkey,
      hotkey: spec.hotkey,
      hotkeys: spec.hotkeys,
      netuid: spec.netuid,
      uid: uid < 0 ? null : uid,
      uidOf: (hotkey, netuid = spec.netuid) => {
        const u = subnetOf(state, netuid)?.neurons.hotkeys.indexOf(hotkey) ?? -1;
        return u < 0 ? null : u;
      },
      balanceRao: balanceOf(state.ledger, spec.coldkey),
      stakeRao: (netuid, hotkey = spec.hotkey) => stakeOf(state.ledger, hotkey, spec.coldkey, netuid),
    },
    netuids: state.subnets.map((s) => s.netuid),
    subnet: (netuid) => {
      const s = subnetOf(state, netuid);
      return s === undefined ? undefined : subnetView(world, s);
    },
    servedQuality: (netuid, u) => world.served.of(netuid, subnetOf(state, netuid)?.neurons.hotkeys[u]),
    query: (netuid, u, inputs, count) => queryUid(world, netuid, u, inputs, count, 0),
  };
}
