import { describe, expect, it } from 'vitest';
import { StakerTrader } from '../../../../src/agents/traders/stakerTrader.ts';
import { Rng } from '../../../../src/primitives/rng.ts';
import { fakeSubnet, viewAt, type FakeWorld } from '../fakeAgentView.ts';
import { applyToy, stakeOf, TAO, traderSpec } from './fakeMarket.ts';

/**
 * Home subnet 1 (hk0 600 / hk1 400 permitted, 10 TAO of dividends a tempo) and subnet 2 (a0 300 /
 * a1 700 permitted, a2 holding 5000 without a permit, 30 TAO of dividends): subnet 2 pays 3×.
 */
function world(): FakeWorld {
  const permits = [true, true, false, false];
  return {
    blocksPerDay: 1000,
    self: { id: 'sn1.traders.0', coldkey: 'ck', hotkey: 'hk-self', netuid: 1, uid: null },
    subnets: [
      fakeSubnet(4, { netuid: 1, validatorPermit: permits, stakes: [600n * TAO, 400n * TAO, 0n, 0n], dividendRao: [6n * TAO, 4n * TAO, 0n, 0n] }),
      fakeSubnet(4, { netuid: 2, hotkeys: ['a0', 'a1', 'a2', 'a3'], validatorPermit: permits, stakes: [300n * TAO, 700n * TAO, 5000n * TAO, 0n], dividendRao: [9n * TAO, 21n * TAO, 0n, 0n] }),
    ],
    balanceRao: 100n * TAO,
  };
}

function staker(params: Record<string, unknown> = {}): StakerTrader {
  return new StakerTrader(traderSpec('trader.staker', params), Rng.fromSeed('t'));
}

const sub = (w: FakeWorld, netuid: number) => w.subnets.find((s) => s.netuid === netuid)!;

/** Buys at block 1 (on subnet 2's a1) and books it, including its stake in a1's total. */
function boughtOnSubnet2(params: Record<string, unknown> = {}): { w: FakeWorld; a: StakerTrader } {
  const w = world();
  const a = staker(params);
  const d = a.act(viewAt(w, 1));
  applyToy(w, d.actions);
  sub(w, 2).stakes![1] = 790n * TAO;
  return { w, a };
}

describe('trader.staker', () => {
  it('stakes stake_fraction of its balance on the best-yield subnet’s top permitted validator', () => {
    const w = world();
    const d = staker().act(viewAt(w, 1));
    // a2 holds the most stake but no permit: the delegation goes to a1.
    expect(d.actions).toEqual([{ type: 'add_stake', netuid: 2, hotkey: 'a1', amountRao: 90n * TAO }]);
    expect(d.nextBlock).toBe(1 + 1000);
  });

  it('stays home with subnets: home, and goes home when no yield is known yet', () => {
    expect(staker({ subnets: 'home' }).act(viewAt(world(), 1)).actions).toEqual([{ type: 'add_stake', netuid: 1, hotkey: 'hk0', amountRao: 90n * TAO }]);
    const w = world();
    for (const s of w.subnets) delete s.dividendRao;
    expect(staker().act(viewAt(w, 1)).actions).toEqual([{ type: 'add_stake', netuid: 1, hotkey: 'hk0', amountRao: 90n * TAO }]);
  });

  it('holds while nothing beats its subnet, then sells out and re-stakes the proceeds where the yield moved', () => {
    const { w, a } = boughtOnSubnet2();
    expect(w.balanceRao).toBe(10n * TAO);
    expect(a.act(viewAt(w, 1001))).toEqual({ actions: [], nextBlock: 2001 });

    // Subnet 1 now pays 100 TAO a tempo: 100/(1000 + 90 joining) against its 30/(300 + 790).
    sub(w, 1).dividendRao = [60n * TAO, 40n * TAO, 0n, 0n];
    const sell = a.act(viewAt(w, 2001));
    expect(sell).toEqual({ actions: [{ type: 'remove_stake', netuid: 2, hotkey: 'a1', alphaRao: 90n * TAO }], nextBlock: 2002 });
    applyToy(w, sell.actions);
    expect(w.balanceRao).toBe(100n * TAO);
    // It keeps the 10 TAO it kept liquid at the start and stakes the rest.
    const buy = a.act(viewAt(w, 2002));
    expect(buy).toEqual({ actions: [{ type: 'add_stake', netuid: 1, hotkey: 'hk0', amountRao: 90n * TAO }], nextBlock: 3002 });
    applyToy(w, buy.actions);
    expect(stakeOf(w, 1, 'hk0')).toBe(90n * TAO);
    expect(a.position).toEqual({ netuid: 1, hotkey: 'hk0' });
  });

  it('moves only when the challenger beats its score by more than switch_threshold × |score|', () => {
    // Current: 30/1090; subnet 1 with the same denominator (1000 + 90): 35 is under 30 · 1.2 = 36, 37 is over.
    const below = boughtOnSubnet2();
    sub(below.w, 1).dividendRao = [35n * TAO, 0n, 0n, 0n];
    expect(below.a.act(viewAt(below.w, 1001)).actions).toEqual([]);
    const above = boughtOnSubnet2();
    sub(above.w, 1).dividendRao = [37n * TAO, 0n, 0n, 0n];
    expect(above.a.act(viewAt(above.w, 1001)).actions.map((x) => x.type)).toEqual(['remove_stake']);
    const looser = boughtOnSubnet2({ switch_threshold: 0.1 });
    sub(looser.w, 1).dividendRao = [35n * TAO, 0n, 0n, 0n];
    expect(looser.a.act(viewAt(looser.w, 1001)).actions.map((x) => x.type)).toEqual(['remove_stake']);
  });

  it('keeps its position when the sale was refused', () => {
    const { w, a } = boughtOnSubnet2();
    sub(w, 1).dividendRao = [60n * TAO, 40n * TAO, 0n, 0n];
    expect(a.act(viewAt(w, 1001)).actions.length).toBe(1);
    // Not applied: it still holds its alpha on subnet 2.
    expect(a.act(viewAt(w, 1002))).toEqual({ actions: [], nextBlock: 2002 });
    expect(a.position).toEqual({ netuid: 2, hotkey: 'a1' });
  });

  it('buys again when its stake is gone (a refused buy)', () => {
    const w = world();
    const a = staker();
    expect(a.act(viewAt(w, 1)).actions.length).toBe(1);
    // The buy was not applied: at the next evaluation it tries again with the same amount.
    expect(a.act(viewAt(w, 1001)).actions).toEqual([{ type: 'add_stake', netuid: 2, hotkey: 'a1', amountRao: 90n * TAO }]);
  });

  it('with yield_unit: tao, a rising price can make a subnet of equal alpha yield worth moving to', () => {
    const run = (unit: string): string[] => {
      const w = world();
      sub(w, 1).dividendRao = [20n * TAO, 0n, 0n, 0n];
      sub(w, 2).dividendRao = [20n * TAO, 0n, 0n, 0n];
      sub(w, 2).stakes = [600n * TAO, 400n * TAO, 0n, 0n];
      const a = staker({ yield_unit: unit });
      const first = a.act(viewAt(w, 1));
      expect(first.actions).toEqual([{ type: 'add_stake', netuid: 1, hotkey: 'hk0', amountRao: 90n * TAO }]);
      applyToy(w, first.actions);
      sub(w, 1).stakes![0] = 690n * TAO;
      // Subnet 2's price rose 10 % over the 1000 blocks: +1e-4 per block against an alpha yield near 1.8e-4.
      sub(w, 2).priceRao = 1_100_000_000n;
      return a.act(viewAt(w, 1001)).actions.map((x) => x.type);
    };
    expect(run('alpha')).toEqual([]);
    expect(run('tao')).toEqual(['remove_stake']);
  });

  it('skips a buy worth less than twice the min stake', () => {
    const w = world();
    w.balanceRao = 4_000_000n;
    expect(staker().act(viewAt(w, 1)).actions).toEqual([]);
  });
});
