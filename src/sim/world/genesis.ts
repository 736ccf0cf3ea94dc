/**
 * Genesis of a run: the chain at block 0 as the qualified scenario describes it — balances, root
 * stakes, every genesis subnet with its pool, owner (UID 0, owner stake) and population (one UID
 * per agent, in group order, genesis stake drawn from each agent's own RNG substream) — and the
 * agents themselves, each built from its kind's factory with the substream `agent/<id>`. A state
 * subnet starts from its snapshot's neuron table instead of the owner alone (stateSubnet.ts); its
 * population, if any, joins after the snapshot's UIDs.
 *
 * Agents are keyed by their id: coldkey = hotkey = id (scenarios/README.md).
 */
import type { AgentSpec } from '../../agents/agent.ts';
import { createAgent } from '../../agents/registry.ts';
import { spotPriceU64F64 } from '../../consensus/amm/spotPrice.ts';
import { createChain } from '../../consensus/chain/chainState.ts';
import { addGenesisNeuron, addGenesisStake, addGenesisSubnet } from '../../consensus/chain/genesisSubnet.ts';
import type { Rng } from '../../primitives/rng.ts';
import type { PopulationGroup, Scenario, ScenarioSubnet } from '../scenario/scenario.ts';
import { loadReplayFile } from '../scenario/replayFile.ts';
import { epochVariantKeyOf } from '../scenario/scenarioMechanism.ts';
import { replayHotkey } from './replaySubnet.ts';
import { sampleStakeRao } from './sampleStake.ts';
import { addStateNeurons } from './stateSubnet.ts';
import { ServedQuality } from './servedQuality.ts';
import { groupKey, scheduleAgent, type World } from './world.ts';

export function buildWorld(scenario: Scenario, rng: Rng): World {
  const c = scenario.chain;
  const state = createChain({
    mode: c.mode,
    epochVariant: epochVariantKeyOf(c.mechanism),
    issuanceRao: c.issuanceRao,
    balancesRao: c.balancesRao,
    rootStakes: c.rootStakes,
    globals: c.globals,
    network: c.network,
    minStakeRao: c.minStakeRao,
    ...(c.blockAuthorColdkey === null ? {} : { blockAuthorColdkey: c.blockAuthorColdkey }),
  });
  const world: World = { scenario, state, rng, agents: [], wake: new Map(), served: new ServedQuality(), groupOf: new Map(), replays: new Map() };
  for (const subnet of scenario.subnets) {
    if (subnet.pool === null) continue; // registered later by an event
    addScenarioSubnet(world, subnet);
  }
  return world;
}

/** Adds a genesis subnet with its owner and population to the world. */
function addScenarioSubnet(world: World, s: ScenarioSubnet): void {
  const state = world.state;
  const r = s.rules;
  const replay = s.replayFile === null ? null : loadReplayFile(s.replayFile);
  // A replay subnet's UIDs line up with its file: UID 0 (the owner hotkey) is validator 0.
  const ownerHotkey = replay === null ? s.ownerHotkey : replayHotkey(s.name, 0);
  addGenesisSubnet(state, {
    netuid: s.netuid,
    ownerColdkey: s.ownerColdkey,
    ownerHotkey,
    taoReserveRao: s.pool!.taoRao,
    alphaReserveRao: s.pool!.alphaRao,
    hyperparameters: r.hyperparameters,
    registration: r.registration,
    turnover: r.turnover,
    weights: { minAllowedWeights: r.minAllowedWeights, weightsSetRateLimitBlocks: r.weightsSetRateLimitBlocks },
    mechanismCount: r.mechanismCount,
    started: s.started,
    emissionEnabled: s.emissionEnabled,
    recycleOwnerIncentive: r.recycleOwnerIncentive,
  });
  if (replay !== null) {
    const uids = replay.validators + replay.miners;
    if (uids > r.turnover.maxAllowedUids) throw new RangeError(`${s.replayFile}: ${uids} UIDs exceed max_allowed_uids = ${r.turnover.maxAllowedUids} of subnet ${s.name}`);
    for (let uid = 1; uid < uids; uid++) addGenesisNeuron(state, s.netuid, replayHotkey(s.name, uid), replayHotkey(s.name, uid));
    for (let uid = 0; uid < uids; uid++) world.groupOf.set(groupKey(s.netuid, replayHotkey(s.name, uid)), uid < replay.validators ? 'replay-validators' : 'replay-miners');
    world.replays.set(s.netuid, { data: replay, next: 0 });
    return;
  }
  // A state subnet's owner hotkey is one of its UIDs, driven by that UID's agent.
  if (s.state !== null) addStateNeurons(world, s, s.state);
  else world.groupOf.set(groupKey(s.netuid, s.ownerHotkey), 'owner');
  if (s.ownerStakeAlphaRao > 0n) addGenesisStake(state, s.netuid, s.ownerHotkey, s.ownerColdkey, s.ownerStakeAlphaRao);
  for (const group of s.population) addPopulation(world, s.netuid, group, true);
}

/** The hotkeys of agent `id`: the id itself, then `<id>.h1`, `<id>.h2`, … (one coldkey = the id owns them all). */
export function agentHotkeys(id: string, count: number): string[] {
  return Array.from({ length: Math.max(1, count) }, (_v, k) => (k === 0 ? id : `${id}.h${k}`));
}

/**
 * Creates the agents of a group on `netuid`. At genesis the first `uidsPerAgent` hotkeys of each
 * agent are registered and its genesis stake goes on its first hotkey; agents that join later
 * (`agents_join`, `register_subnet`) go through the chain: the world applies a burned registration
 * for each such hotkey and then an `add_stake` of the drawn amount, paid from its coldkey
 * (applyScenarioEvent.ts). Kinds that hold no UID at first (traders, UID snipers) only get their
 * accounts; they act through the chain themselves.
 */
export function addPopulation(world: World, netuid: number, group: PopulationGroup, genesis: boolean): string[] {
  const state = world.state;
  const subnet = state.subnets.find((x) => x.netuid === netuid)!;
  const priceU64F64 = spotPriceU64F64(subnet.economy.pool);
  const ids: string[] = [];
  for (const id of group.agentIds) {
    const agentRng = world.rng.stream(`agent/${id}`);
    const hotkeys = agentHotkeys(id, group.hotkeysPerAgent);
    if (genesis) {
      for (let k = 0; k < group.uidsPerAgent; k++) addGenesisNeuron(state, netuid, hotkeys[k]!, id);
      if (group.uidsPerAgent > 0) {
        const stake = sampleStakeRao(group.stake, agentRng.stream('genesis-stake'), priceU64F64);
        if (stake > 0n) addGenesisStake(state, netuid, id, id, stake);
      }
    }
    for (const hk of hotkeys) world.groupOf.set(groupKey(netuid, hk), group.name);
    const spec: AgentSpec = { id, kind: group.kind, group: group.name, coldkey: id, hotkey: id, hotkeys, netuid, params: group.params, ...(group.task === null ? {} : { task: group.task }) };
    const agent = createAgent(spec, agentRng);
    const index = world.agents.length;
    world.agents.push({ agent, index, active: true });
    scheduleAgent(world, index, Math.max(agent.firstBlock, state.block + 1), state.block);
    ids.push(id);
  }
  return ids;
}
