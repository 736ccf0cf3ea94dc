/**
 * Trader unit tests: a spec built from the kind's schema (defaults filled as the loader fills them)
 * and a toy market that applies staking actions to a FakeWorld at the subnet's spot price, without
 * fees or price impact — enough to check what a trader decides from what it then sees.
 */
import type { Action } from '../../../../src/agents/action.ts';
import type { AgentSpec } from '../../../../src/agents/agent.ts';
import { AGENT_KINDS } from '../../../../src/sim/scenario/agentKinds.ts';
import { selfStakeKey, type FakeWorld } from '../fakeAgentView.ts';

export const TAO = 1_000_000_000n;

export function traderSpec(kind: string, params: Record<string, unknown> = {}, netuid = 1): AgentSpec {
  return { id: `sn${netuid}.traders.0`, kind, group: 'traders', coldkey: 'ck', hotkey: 'hk-self', hotkeys: ['hk-self'], netuid, params: AGENT_KINDS[kind]!.params.parse(params) };
}

function priceOf(world: FakeWorld, netuid: number): bigint {
  if (netuid === 0) return TAO;
  return world.subnets.find((s) => s.netuid === netuid)?.priceRao ?? TAO;
}

/** Applies add_stake / remove_stake at spot price (1:1 on root); other actions are ignored. */
export function applyToy(world: FakeWorld, actions: readonly Action[]): void {
  world.selfStakes ??= new Map();
  for (const a of actions) {
    if (a.type !== 'add_stake' && a.type !== 'remove_stake') continue;
    const k = selfStakeKey(a.netuid, a.hotkey ?? world.self.hotkey);
    const held = world.selfStakes.get(k) ?? 0n;
    const price = priceOf(world, a.netuid);
    if (a.type === 'add_stake') {
      world.balanceRao = (world.balanceRao ?? 0n) - a.amountRao;
      world.selfStakes.set(k, held + (a.amountRao * TAO) / price);
    } else {
      world.selfStakes.set(k, held - a.alphaRao);
      world.balanceRao = (world.balanceRao ?? 0n) + (a.alphaRao * price) / TAO;
    }
  }
}

export function stakeOf(world: FakeWorld, netuid: number, hotkey: string): bigint {
  return world.selfStakes?.get(selfStakeKey(netuid, hotkey)) ?? 0n;
}
