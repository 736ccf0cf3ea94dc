import { describe, expect, it } from 'vitest';
import { PumpForShareTrader } from '../../../../src/agents/traders/pumpForShareTrader.ts';
import { Rng } from '../../../../src/primitives/rng.ts';
import { fakeSubnet, fakeWorld, viewAt, type FakeWorld } from '../fakeAgentView.ts';
import { applyToy, stakeOf, TAO, traderSpec } from './fakeMarket.ts';

/** 100 blocks a day; home subnet 1, top permitted stake hk1. */
function world(balanceTao: bigint): FakeWorld {
  const w = fakeWorld(fakeSubnet(3, { stakes: [10n * TAO, 90n * TAO, 40n * TAO] }), null, 100);
  w.balanceRao = balanceTao * TAO;
  return w;
}

function pump(params: Record<string, unknown>): PumpForShareTrader {
  return new PumpForShareTrader(traderSpec('trader.pump_for_share', params), Rng.fromSeed('p'));
}

const PLAN = { amount_tao: 40, start_day: 1, tranches: 4, pump_days: 1, hold_days: 1, exit_tranches: 2, exit_days: 1 };

describe('trader.pump_for_share', () => {
  it('buys in equal tranches over pump_days, holds, then sells out in exit_tranches', () => {
    const w = world(100n);
    const a = pump(PLAN);
    expect(a.act(viewAt(w, 1))).toEqual({ actions: [], nextBlock: 100 });
    const buys: [number, number | null][] = [
      [100, 125],
      [125, 150],
      [150, 175],
      // After the last tranche it sleeps until the exit: 100 + 100 (pump) + 100 (hold).
      [175, 300],
    ];
    for (const [block, next] of buys) {
      const d = a.act(viewAt(w, block));
      expect(d).toEqual({ actions: [{ type: 'add_stake', netuid: 1, hotkey: 'hk1', amountRao: 10n * TAO }], nextBlock: next });
      applyToy(w, d.actions);
    }
    expect(stakeOf(w, 1, 'hk1')).toBe(40n * TAO);
    // The price doubled: it sells half of its alpha, then the rest.
    w.subnets[0]!.priceRao = 2n * TAO;
    const first = a.act(viewAt(w, 300));
    expect(first).toEqual({ actions: [{ type: 'remove_stake', netuid: 1, hotkey: 'hk1', alphaRao: 20n * TAO }], nextBlock: 350 });
    applyToy(w, first.actions);
    const last = a.act(viewAt(w, 350));
    expect(last).toEqual({ actions: [{ type: 'remove_stake', netuid: 1, hotkey: 'hk1', alphaRao: 20n * TAO }], nextBlock: null });
    applyToy(w, last.actions);
    expect(w.balanceRao).toBe(140n * TAO);
  });

  it('catches up tranches it slept through in one buy, and one sale', () => {
    const w = world(100n);
    const a = pump(PLAN);
    a.act(viewAt(w, 1));
    const late = a.act(viewAt(w, 160));
    // Tranches at 100, 125 and 150 are due.
    expect(late).toEqual({ actions: [{ type: 'add_stake', netuid: 1, hotkey: 'hk1', amountRao: 30n * TAO }], nextBlock: 175 });
    applyToy(w, late.actions);
    applyToy(w, a.act(viewAt(w, 175)).actions);
    const exit = a.act(viewAt(w, 400));
    expect(exit).toEqual({ actions: [{ type: 'remove_stake', netuid: 1, hotkey: 'hk1', alphaRao: 40n * TAO }], nextBlock: null });
  });

  it('carries tranches too small to trade into the next, and cuts a tranche to its balance', () => {
    const w = world(100n);
    w.minStakeRao = 3n * TAO; // trades under 6 TAO are not sent
    const a = pump({ ...PLAN, amount_tao: 20 });
    a.act(viewAt(w, 1));
    expect(a.act(viewAt(w, 100)).actions).toEqual([]);
    expect(a.act(viewAt(w, 125)).actions).toEqual([{ type: 'add_stake', netuid: 1, hotkey: 'hk1', amountRao: 10n * TAO }]);
    const poor = world(7n);
    const b = pump({ ...PLAN, tranches: 1 });
    b.act(viewAt(poor, 1));
    expect(b.act(viewAt(poor, 100)).actions).toEqual([{ type: 'add_stake', netuid: 1, hotkey: 'hk1', amountRao: 7n * TAO }]);
  });

  it('sells everything at once when a partial sale would leave less than the trade minimum', () => {
    const w = world(100n);
    w.minStakeRao = 3n * TAO;
    const a = pump({ ...PLAN, tranches: 1, amount_tao: 10 });
    a.act(viewAt(w, 1));
    applyToy(w, a.act(viewAt(w, 100)).actions);
    // Half of 10 alpha is worth 5 TAO < 6: one full exit.
    expect(a.act(viewAt(w, 300))).toEqual({ actions: [{ type: 'remove_stake', netuid: 1, hotkey: 'hk1', alphaRao: 10n * TAO }], nextBlock: null });
  });

  it('uses balance_fraction of its balance at the first tranche when amount_tao is null', () => {
    const w = world(80n);
    const a = pump({ ...PLAN, amount_tao: null, balance_fraction: 0.5 });
    a.act(viewAt(w, 1));
    const d = a.act(viewAt(w, 100));
    expect(d.actions).toEqual([{ type: 'add_stake', netuid: 1, hotkey: 'hk1', amountRao: 10n * TAO }]);
    applyToy(w, d.actions);
    // The budget (40 TAO) was fixed at the first tranche, not recomputed from the lower balance.
    expect(a.act(viewAt(w, 125)).actions).toEqual([{ type: 'add_stake', netuid: 1, hotkey: 'hk1', amountRao: 10n * TAO }]);
  });
});
