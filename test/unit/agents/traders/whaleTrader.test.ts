import { describe, expect, it } from 'vitest';
import { WhaleTrader } from '../../../../src/agents/traders/whaleTrader.ts';
import { Rng } from '../../../../src/primitives/rng.ts';
import { fakeSubnet, fakeWorld, viewAt, type FakeWorld } from '../fakeAgentView.ts';
import { applyToy, stakeOf, TAO, traderSpec } from './fakeMarket.ts';

/** 100 blocks a day; home subnet 1 where hk2 is the top permitted stake. */
function world(balanceTao: bigint): FakeWorld {
  const w = fakeWorld(fakeSubnet(4, { stakes: [100n * TAO, 50n * TAO, 300n * TAO, 10n * TAO] }), null, 100);
  w.balanceRao = balanceTao * TAO;
  return w;
}

function whale(params: Record<string, unknown>): WhaleTrader {
  return new WhaleTrader(traderSpec('trader.whale', params), Rng.fromSeed('w'));
}

describe('trader.whale', () => {
  it('enters at enter_day, exits fully after hold_days, and repeats after pause_days', () => {
    const w = world(80n);
    const a = whale({ enter_day: 1, amount_tao: 50, hold_days: 2, pause_days: 1, repeat: 2 });
    expect(a.act(viewAt(w, 1))).toEqual({ actions: [], nextBlock: 100 });

    const enter = a.act(viewAt(w, 100));
    expect(enter).toEqual({ actions: [{ type: 'add_stake', netuid: 1, hotkey: 'hk2', amountRao: 50n * TAO }], nextBlock: 300 });
    applyToy(w, enter.actions);
    // Dividends while it holds: its alpha grows, and the exit sells all of it.
    w.selfStakes!.set('1/hk2', 53n * TAO);
    const exit = a.act(viewAt(w, 300));
    expect(exit).toEqual({ actions: [{ type: 'remove_stake', netuid: 1, hotkey: 'hk2', alphaRao: 53n * TAO }], nextBlock: 400 });
    applyToy(w, exit.actions);
    expect(w.balanceRao).toBe(83n * TAO);

    const again = a.act(viewAt(w, 400));
    expect(again).toEqual({ actions: [{ type: 'add_stake', netuid: 1, hotkey: 'hk2', amountRao: 50n * TAO }], nextBlock: 600 });
    applyToy(w, again.actions);
    expect(a.act(viewAt(w, 600))).toEqual({ actions: [{ type: 'remove_stake', netuid: 1, hotkey: 'hk2', alphaRao: 50n * TAO }], nextBlock: null });
  });

  it('caps amount_tao at its balance, or stakes balance_fraction of it when amount_tao is null', () => {
    const capped = whale({ enter_day: 0, amount_tao: 500 });
    expect(capped.act(viewAt(world(80n), 1)).actions).toEqual([{ type: 'add_stake', netuid: 1, hotkey: 'hk2', amountRao: 80n * TAO }]);
    const share = whale({ enter_day: 0, balance_fraction: 0.25 });
    expect(share.act(viewAt(world(80n), 1)).actions).toEqual([{ type: 'add_stake', netuid: 1, hotkey: 'hk2', amountRao: 20n * TAO }]);
  });

  it('trades on params.netuid instead of home, and skips a subnet that does not exist', () => {
    const w = world(10n);
    w.subnets.push(fakeSubnet(2, { netuid: 5, hotkeys: ['x0', 'x1'], stakes: [1n, 2n] }));
    expect(whale({ enter_day: 0, netuid: 5 }).act(viewAt(w, 1)).actions).toEqual([{ type: 'add_stake', netuid: 5, hotkey: 'x1', amountRao: 10n * TAO }]);
    const missing = whale({ enter_day: 0, netuid: 9, hold_days: 1 });
    expect(missing.act(viewAt(w, 1))).toEqual({ actions: [], nextBlock: 101 });
    expect(missing.act(viewAt(w, 101))).toEqual({ actions: [], nextBlock: null });
  });

  it('sends nothing it cannot afford: no buy under twice the min stake, so nothing to sell', () => {
    const w = world(0n);
    w.balanceRao = 3_000_000n;
    const a = whale({ enter_day: 0, hold_days: 1 });
    expect(a.act(viewAt(w, 1))).toEqual({ actions: [], nextBlock: 101 });
    expect(a.act(viewAt(w, 101))).toEqual({ actions: [], nextBlock: null });
    expect(stakeOf(w, 1, 'hk2')).toBe(0n);
  });
});
