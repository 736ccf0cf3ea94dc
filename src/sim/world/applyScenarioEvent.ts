/**
 * Applies one timed scenario event (src/sim/scenario/scenario.ts `ScenarioEvent`) at the start of
 * its block, before the agents act. Chain-changing events go through the same extrinsics agents
 * use, so they are checked like any transaction; a refused event is recorded with its reason.
 */
import { spotPriceU64F64 } from '../../consensus/amm/spotPrice.ts';
import { burnedRegister } from '../../consensus/chain/burnedRegister.ts';
import { applyStaking } from '../../consensus/chain/chainStaking.ts';
import { subnetOf, type SubnetChain } from '../../consensus/chain/chainState.ts';
import { registerNetwork, setSubnetEmissionEnabled, startCall } from '../../consensus/chain/registerNetwork.ts';
import { emptyMechanism } from '../../consensus/chain/subnetNeurons.ts';
import { addStake } from '../../consensus/staking/addStake.ts';
import { moveStake } from '../../consensus/staking/moveStake.ts';
import { removeStake } from '../../consensus/staking/removeStake.ts';
import type { RunEvent } from '../run/records.ts';
import type { PopulationGroup, ScenarioEvent, SubnetRulesPatch } from '../scenario/scenario.ts';
import { stakeTaoForJoin } from './sampleStake.ts';
import { addPopulation, agentHotkeys } from './genesis.ts';
import { groupKey, type World } from './world.ts';

/** Writes a `set_hyperparameter` patch into a live subnet (the tempo also drives the scheduler). */
export function applyRulesToSubnet(s: SubnetChain, p: SubnetRulesPatch): void {
  if (p.hyperparameters !== undefined) {
    s.hyperparameters = { ...s.hyperparameters, ...p.hyperparameters };
    if (p.hyperparameters.tempoBlocks !== undefined) s.economy.tempoBlocks = p.hyperparameters.tempoBlocks;
  }
  if (p.registration !== undefined) Object.assign(s.registration, p.registration);
  if (p.turnover !== undefined) Object.assign(s.turnover, p.turnover);
  if (p.recycleOwnerIncentive !== undefined) s.recycleOwnerIncentive = p.recycleOwnerIncentive;
  if (p.minAllowedWeights !== undefined) s.weights.minAllowedWeights = p.minAllowedWeights;
  if (p.weightsSetRateLimitBlocks !== undefined) s.weights.weightsSetRateLimitBlocks = p.weightsSetRateLimitBlocks;
  if (p.mechanismCount !== undefined && p.mechanismCount !== s.mechanismCount) {
    // New mechanisms start empty; removed ones lose their weights and bonds, as on chain.
    while (s.neurons.mechanisms.length < p.mechanismCount) s.neurons.mechanisms.push(emptyMechanism());
    s.neurons.mechanisms.length = p.mechanismCount;
    s.mechanismCount = p.mechanismCount;
  }
}

function result(e: ScenarioEvent, r: { readonly ok: boolean; readonly reason?: string }, detail: Record<string, unknown>): RunEvent {
  return r.ok
    ? { block: e.atBlock, kind: 'scenario_event', what: e.type, detail }
    : { block: e.atBlock, kind: 'scenario_event_failed', what: e.type, reason: r.reason ?? 'unknown', detail };
}

/**
 * Registers the first `uidsPerAgent` hotkeys of each new agent by burn and stakes its drawn stake
 * on its first hotkey (TAO from its own coldkey; an alpha amount is valued at the spot price), each
 * step recorded like an agent action. Kinds that start without a UID are left to act themselves.
 */
function registerAgents(world: World, netuid: number, group: PopulationGroup, ids: readonly string[], out: RunEvent[], block: number): void {
  for (const id of ids) {
    if (group.uidsPerAgent === 0) continue;
    const hotkeys = agentHotkeys(id, group.hotkeysPerAgent);
    let firstRegistered = false;
    for (let k = 0; k < group.uidsPerAgent; k++) {
      const hotkey = hotkeys[k]!;
      const r = burnedRegister(world.state, { coldkey: id, hotkey, netuid });
      out.push(r.ok ? { block, kind: 'action', agent: id, what: 'register', detail: { netuid, hotkey, uid: r.uid, burn_rao: r.burnPaidRao } } : { block, kind: 'action_rejected', agent: id, what: 'register', reason: r.reason, detail: { netuid, hotkey } });
      if (r.ok && r.replacedHotkey !== null) world.served.stop(netuid, r.replacedHotkey);
      if (k === 0) firstRegistered = r.ok;
    }
    if (!firstRegistered) continue;
    const price = spotPriceU64F64(subnetOf(world.state, netuid)!.economy.pool);
    const taoRao = stakeTaoForJoin(group.stake, world.rng.stream(`agent/${id}`).stream('join-stake'), price);
    if (taoRao === 0n) continue;
    const s = applyStaking(world.state, (ctx) => addStake(ctx, { coldkey: id, hotkey: id, netuid, amountRao: taoRao }));
    out.push(s.ok ? { block, kind: 'action', agent: id, what: 'add_stake', detail: { netuid, amount_rao: taoRao, alpha_rao: s.alphaRao } } : { block, kind: 'action_rejected', agent: id, what: 'add_stake', reason: s.reason, detail: { netuid, amount_rao: taoRao } });
  }
}

export function applyScenarioEvent(world: World, e: ScenarioEvent): RunEvent[] {
  const state = world.state;
  switch (e.type) {
    case 'stake': {
      const r = applyStaking(state, (ctx) => addStake(ctx, { coldkey: e.coldkey, hotkey: e.hotkey, netuid: e.netuid, amountRao: e.amountRao }));
      return [result(e, r, { netuid: e.netuid, coldkey: e.coldkey, hotkey: e.hotkey, amount_rao: e.amountRao })];
    }
    case 'unstake': {
      const r = applyStaking(state, (ctx) => removeStake(ctx, { coldkey: e.coldkey, hotkey: e.hotkey, netuid: e.netuid, alphaRao: e.alphaRao }));
      return [result(e, r, { netuid: e.netuid, coldkey: e.coldkey, hotkey: e.hotkey, alpha_rao: e.alphaRao })];
    }
    case 'move_stake': {
      const r = applyStaking(state, (ctx) => moveStake(ctx, e));
      return [result(e, r, { coldkey: e.coldkey, from: `${e.originNetuid}/${e.originHotkey}`, to: `${e.destinationNetuid}/${e.destinationHotkey}`, alpha_rao: e.alphaRao })];
    }
    case 'set_hyperparameter': {
      const s = subnetOf(state, e.netuid);
      if (s === undefined) return [result(e, { ok: false, reason: 'SubnetNotExists' }, { netuid: e.netuid, name: e.name })];
      applyRulesToSubnet(s, e.patch);
      return [result(e, { ok: true }, { netuid: e.netuid, name: e.name })];
    }
    case 'agents_join': {
      if (subnetOf(state, e.netuid) === undefined) return [result(e, { ok: false, reason: 'SubnetNotExists' }, { netuid: e.netuid, group: e.group.name })];
      const ids = addPopulation(world, e.netuid, e.group, false);
      const out = [result(e, { ok: true }, { netuid: e.netuid, group: e.group.name, count: ids.length })];
      registerAgents(world, e.netuid, e.group, ids, out, e.atBlock);
      return out;
    }
    case 'agents_leave': {
      const members = world.agents.filter((a) => a.active && a.agent.spec.netuid === e.netuid && a.agent.spec.group === e.group);
      // The last-joined leave first, so "count" removes the newest members of the group.
      const leaving = e.count === null ? members : members.slice(Math.max(0, members.length - e.count));
      for (const a of leaving) {
        a.active = false;
        for (const hk of a.agent.spec.hotkeys) world.served.stop(e.netuid, hk);
      }
      return [result(e, { ok: true }, { netuid: e.netuid, group: e.group, count: leaving.length })];
    }
    case 'register_subnet': {
      const s = e.subnet;
      const r = registerNetwork(state, { coldkey: s.ownerColdkey, hotkey: s.ownerHotkey });
      if (!r.ok) return [result(e, r, { name: s.name })];
      const sub = subnetOf(state, r.netuid)!;
      applyRulesToSubnet(sub, {
        hyperparameters: s.rules.hyperparameters,
        registration: s.rules.registration,
        turnover: s.rules.turnover,
        mechanismCount: s.rules.mechanismCount,
        recycleOwnerIncentive: s.rules.recycleOwnerIncentive,
        minAllowedWeights: s.rules.minAllowedWeights,
        weightsSetRateLimitBlocks: s.rules.weightsSetRateLimitBlocks,
      });
      if (s.started) startCall(state, { coldkey: s.ownerColdkey, netuid: r.netuid });
      if (s.emissionEnabled) setSubnetEmissionEnabled(state, r.netuid, true);
      world.groupOf.set(groupKey(r.netuid, s.ownerHotkey), 'owner');
      const out = [result(e, { ok: true }, { name: s.name, netuid: r.netuid, lock_rao: r.lockRao })];
      for (const group of s.population) registerAgents(world, r.netuid, group, addPopulation(world, r.netuid, group, false), out, e.atBlock);
      return out;
    }
  }
}
