/**
 * A subnet that starts from a chain snapshot (`subnets[].state`, resolved into `SubnetState`):
 * at genesis its neuron table is the snapshot's — UIDs, keys, stakes, weights, bonds, permits,
 * registration and LastUpdate blocks (addGenesisNeuronTable.ts) — and every UID is then driven by
 * an agent bound to that UID's own hotkey and coldkey: `validators` (permit holders in the
 * snapshot) and `miners` (the others), of the kinds `state_agents` names. Nothing about the agents
 * is drawn from the snapshot: a miner's quality, for one, comes from its kind's parameters.
 */
import type { AgentSpec } from '../../agents/agent.ts';
import { createAgent } from '../../agents/registry.ts';
import { addGenesisNeuronTable } from '../../consensus/chain/genesisNeuronTable.ts';
import type { ScenarioSubnet, SubnetState } from '../scenario/scenario.ts';
import { groupKey, scheduleAgent, type World } from './world.ts';

/** Lays out the snapshot's neuron table on genesis subnet `s` (just created) and creates its agents. */
export function addStateNeurons(world: World, s: ScenarioSubnet, st: SubnetState): void {
  const state = world.state;
  addGenesisNeuronTable(state, s.netuid, st.neurons);
  const byUid = new Map<number, { group: SubnetState['groups'][number]; id: string }>();
  for (const group of st.groups) group.uids.forEach((uid, k) => byUid.set(uid, { group, id: group.agentIds[k]! }));
  // Agents in UID order, so the order in which they act follows the table.
  st.neurons.forEach((x, uid) => {
    const entry = byUid.get(uid);
    if (entry === undefined) return;
    const { group, id } = entry;
    world.groupOf.set(groupKey(s.netuid, x.hotkey), group.name);
    const spec: AgentSpec = {
      id,
      kind: group.kind,
      group: group.name,
      coldkey: x.coldkey,
      hotkey: x.hotkey,
      hotkeys: [x.hotkey],
      netuid: s.netuid,
      params: group.params,
      ...(group.task === null ? {} : { task: group.task }),
    };
    const agent = createAgent(spec, world.rng.stream(`agent/${id}`));
    const index = world.agents.length;
    world.agents.push({ agent, index, active: true });
    scheduleAgent(world, index, Math.max(agent.firstBlock, state.block + 1), state.block);
  });
}
