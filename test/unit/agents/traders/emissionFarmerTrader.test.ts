import { describe, expect, it } from 'vitest';
import { EmissionFarmerTrader } from '../../../../src/agents/traders/emissionFarmerTrader.ts';
import { Rng } from '../../../../src/primitives/rng.ts';
import { AGENT_KINDS } from '../../../../src/sim/scenario/agentKinds.ts';
import { fakeSubnet, fakeWorld, viewAt, type FakeWorld } from '../fakeAgentView.ts';
import { applyToy, TAO, traderSpec } from './fakeMarket.ts';

/** Home subnet 1 with tempo 10, last epoch at block 0; top permitted stake hk0. */
function world(): FakeWorld {
  const w = fakeWorld(fakeSubnet(3, { tempoBlocks: 10, lastEpochBlock: 0, stakes: [500n * TAO, 100n * TAO, 0n] }), null, 7200);
  w.balanceRao = 100n * TAO;
  return w;
}

function farmer(params: Record<string, unknown>): EmissionFarmerTrader {
  return new EmissionFarmerTrader(traderSpec('trader.emission_farmer', params), Rng.fromSeed('f'));
}

const epochAt = (w: FakeWorld, block: number): void => {
  w.subnets[0]!.lastEpochBlock = block;
};

describe('trader.emission_farmer', () => {
  it('buys blocks_before_epoch before the epoch, sells right after it, and skips to the epoch cycle_epochs later', () => {
    const w = world();
    const a = farmer({ amount_tao: 10, blocks_before_epoch: 2, hold_epochs: 1, cycle_epochs: 2 });
    expect(a.act(viewAt(w, 1))).toEqual({ actions: [], nextBlock: 8 });
    const buy = a.act(viewAt(w, 8));
    expect(buy).toEqual({ actions: [{ type: 'add_stake', netuid: 1, hotkey: 'hk0', amountRao: 10n * TAO }], nextBlock: 10 });
    applyToy(w, buy.actions);
    // The epoch at block 10 paid it 0.5 alpha of dividends.
    epochAt(w, 10);
    w.selfStakes!.set('1/hk0', 10_500_000_000n);
    const sell = a.act(viewAt(w, 10));
    // Its next target is the epoch at 30: it wakes at 20 to see the epoch in between pass.
    expect(sell).toEqual({ actions: [{ type: 'remove_stake', netuid: 1, hotkey: 'hk0', alphaRao: 10_500_000_000n }], nextBlock: 20 });
    applyToy(w, sell.actions);
    expect(w.balanceRao).toBe(100_500_000_000n);
    epochAt(w, 20);
    expect(a.act(viewAt(w, 20))).toEqual({ actions: [], nextBlock: 28 });
    expect(a.act(viewAt(w, 28)).actions).toEqual([{ type: 'add_stake', netuid: 1, hotkey: 'hk0', amountRao: 10n * TAO }]);
    expect(a.cycles).toBe(2);
  });

  it('holds through hold_epochs epochs, and does not count an epoch the scheduler deferred', () => {
    const w = world();
    const a = farmer({ amount_tao: 10, blocks_before_epoch: 3, hold_epochs: 2, cycle_epochs: 2 });
    a.act(viewAt(w, 1));
    const buy = a.act(viewAt(w, 7));
    expect(buy.actions.length).toBe(1);
    applyToy(w, buy.actions);
    // The epoch due at 10 was deferred: nothing changed at 10, so it looks again at 11.
    expect(a.act(viewAt(w, 10))).toEqual({ actions: [], nextBlock: 11 });
    epochAt(w, 11);
    expect(a.act(viewAt(w, 11))).toEqual({ actions: [], nextBlock: 21 });
    epochAt(w, 21);
    const sell = a.act(viewAt(w, 21));
    // cycle = hold: the very next epoch (31) is the next target.
    expect(sell).toEqual({ actions: [{ type: 'remove_stake', netuid: 1, hotkey: 'hk0', alphaRao: 10n * TAO }], nextBlock: 28 });
  });

  it('buys at once when it first looks inside the window, and buys the next block after a sale when the window is wider than the tempo', () => {
    const w = world();
    const a = farmer({ amount_tao: 10, blocks_before_epoch: 5 });
    expect(a.act(viewAt(w, 6)).actions.length).toBe(1);
    const wide = farmer({ amount_tao: 10, blocks_before_epoch: 15, cycle_epochs: 1 });
    const w2 = world();
    const first = wide.act(viewAt(w2, 1));
    expect(first.actions.length).toBe(1);
    applyToy(w2, first.actions);
    epochAt(w2, 10);
    const sell = wide.act(viewAt(w2, 10));
    expect(sell.actions.map((x) => x.type)).toEqual(['remove_stake']);
    expect(sell.nextBlock).toBe(11);
  });

  it('stakes balance_fraction when amount_tao is null, and skips buys below twice the min stake', () => {
    const w = world();
    expect(farmer({ balance_fraction: 0.3 }).act(viewAt(w, 8)).actions).toEqual([{ type: 'add_stake', netuid: 1, hotkey: 'hk0', amountRao: 30n * TAO }]);
    w.balanceRao = 1_000_000n;
    const a = farmer({});
    expect(a.act(viewAt(w, 8))).toEqual({ actions: [], nextBlock: 10 });
    expect(a.cycles).toBe(0);
  });

  it('rejects cycle_epochs < hold_epochs in the schema', () => {
    expect(AGENT_KINDS['trader.emission_farmer']!.params.safeParse({ hold_epochs: 3, cycle_epochs: 2 }).success).toBe(false);
    expect(AGENT_KINDS['trader.emission_farmer']!.params.safeParse({ hold_epochs: 3, cycle_epochs: 3 }).success).toBe(true);
  });
});
