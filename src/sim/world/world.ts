/**
 * The simulated world: the chain state, the agents with the block each next wants to act in, the
 * off-chain served qualities, and which agent group every hotkey belongs to (for metrics). Built by
 * genesis.ts from a qualified scenario; advanced by runScenario.
 */
import type { Agent } from '../../agents/agent.ts';
import type { ChainState } from '../../consensus/chain/chainState.ts';
import type { Rng } from '../../primitives/rng.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { ReplayCursor } from './replaySubnet.ts';
import type { ServedQuality } from './servedQuality.ts';

export interface AgentEntry {
  readonly agent: Agent;
  /** Position in the world's agent list: the tie-break when several agents act in one block. */
  readonly index: number;
  /** False once the agent left (an `agents_leave` event); it is never woken again. */
  active: boolean;
}

export interface World {
  readonly scenario: Scenario;
  readonly state: ChainState;
  readonly rng: Rng;
  readonly agents: AgentEntry[];
  /** block → indices of the agents that act in it. */
  readonly wake: Map<number, number[]>;
  readonly served: ServedQuality;
  /** `netuid/hotkey` → group name (owner hotkeys: `owner`). */
  readonly groupOf: Map<string, string>;
  /** Subnets driven by a replay file, by netuid. */
  readonly replays: Map<number, ReplayCursor>;
}

export function groupKey(netuid: number, hotkey: string): string {
  return `${netuid}/${hotkey}`;
}

/** Schedules agent `index` to act in `block` (ignored when null or not in the future of `now`). */
export function scheduleAgent(world: World, index: number, block: number | null, now: number): void {
  if (block === null || block <= now) return;
  const list = world.wake.get(block);
  if (list === undefined) world.wake.set(block, [index]);
  else list.push(index);
}
