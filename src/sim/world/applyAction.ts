/**
 * Applies one agent action through the chain's extrinsic for it, on behalf of the agent's keys
 * (DESIGN.md habit 4: agents propose, the simulator disposes). Returns the event to record: the
 * action with what it did, or its refusal with the chain's error name.
 */
import type { Action } from '../../agents/action.ts';
import type { Agent } from '../../agents/agent.ts';
import { burnedRegister } from '../../consensus/chain/burnedRegister.ts';
import { applyStaking } from '../../consensus/chain/chainStaking.ts';
import { setWeights } from '../../consensus/chain/setWeights.ts';
import { commitWeights } from '../../consensus/chain/weightCommits.ts';
import { addStake } from '../../consensus/staking/addStake.ts';
import { removeStake } from '../../consensus/staking/removeStake.ts';
import type { RunEvent } from '../run/records.ts';
import type { World } from './world.ts';

function outcome(block: number, agent: Agent, what: string, r: { readonly ok: boolean; readonly reason?: string }, detail?: Record<string, unknown>): RunEvent {
  const base = { block, agent: agent.spec.id, what };
  if (r.ok) return { ...base, kind: 'action', ...(detail === undefined ? {} : { detail }) };
  return { ...base, kind: 'action_rejected', reason: r.reason ?? 'unknown', ...(detail === undefined ? {} : { detail }) };
}

export function applyAction(world: World, agent: Agent, action: Action): RunEvent | null {
  const state = world.state;
  const spec = agent.spec;
  const block = state.block;
  switch (action.type) {
    case 'serve': {
      const hotkey = action.hotkey ?? spec.hotkey;
      if (!spec.hotkeys.includes(hotkey)) return outcome(block, agent, 'serve', { ok: false, reason: 'NotOwnHotkey' }, { netuid: action.netuid, hotkey });
      // Off-chain: no event (miners serve continuously; the record would be noise).
      world.served.serve(action.netuid, hotkey, action.quality);
      return null;
    }
    case 'set_weights': {
      const r = setWeights(state, { hotkey: spec.hotkey, netuid: action.netuid, uids: action.uids, values: action.values });
      return outcome(block, agent, 'set_weights', r, { netuid: action.netuid, entries: action.uids.length });
    }
    case 'commit_weights': {
      const r = commitWeights(state, { hotkey: spec.hotkey, netuid: action.netuid, uids: action.uids, values: action.values });
      return outcome(block, agent, 'commit_weights', r, { netuid: action.netuid, entries: action.uids.length });
    }
    case 'add_stake': {
      const hotkey = action.hotkey ?? spec.hotkey;
      const r = applyStaking(state, (ctx) => addStake(ctx, { coldkey: spec.coldkey, hotkey, netuid: action.netuid, amountRao: action.amountRao }));
      return outcome(block, agent, 'add_stake', r, { netuid: action.netuid, hotkey, amount_rao: action.amountRao, ...(r.ok ? { alpha_rao: r.alphaRao } : {}) });
    }
    case 'remove_stake': {
      const hotkey = action.hotkey ?? spec.hotkey;
      const r = applyStaking(state, (ctx) => removeStake(ctx, { coldkey: spec.coldkey, hotkey, netuid: action.netuid, alphaRao: action.alphaRao }));
      return outcome(block, agent, 'remove_stake', r, { netuid: action.netuid, hotkey, alpha_rao: action.alphaRao, ...(r.ok ? { tao_rao: r.taoRao } : {}) });
    }
    case 'register': {
      const hotkey = action.hotkey ?? spec.hotkey;
      // An agent registers only hotkeys it controls (its coldkey becomes their `Owner`).
      if (!spec.hotkeys.includes(hotkey)) return outcome(block, agent, 'register', { ok: false, reason: 'NotOwnHotkey' }, { netuid: action.netuid, hotkey });
      const r = burnedRegister(state, { coldkey: spec.coldkey, hotkey, netuid: action.netuid });
      if (r.ok && r.replacedHotkey !== null) world.served.stop(action.netuid, r.replacedHotkey);
      return outcome(block, agent, 'register', r, { netuid: action.netuid, hotkey, ...(r.ok ? { uid: r.uid, burn_rao: r.burnPaidRao, replaced: r.replacedHotkey } : {}) });
    }
  }
}
