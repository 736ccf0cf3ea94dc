import { describe, expect, it } from 'vitest';
import { RootStakerTrader } from '../../../../src/agents/traders/rootStakerTrader.ts';
import { Rng } from '../../../../src/primitives/rng.ts';
import { fakeSubnet, fakeWorld, viewAt, type FakeWorld } from '../fakeAgentView.ts';
import { applyToy, stakeOf, TAO, traderSpec } from './fakeMarket.ts';

function world(): FakeWorld {
  const w = fakeWorld(fakeSubnet(3, { stakes: [5n * TAO, 50n * TAO, 20n * TAO] }), null, 100);
  w.balanceRao = 100n * TAO;
  w.rootValidators = [
    { hotkey: 'rv0', stakeRao: 1000n * TAO },
    { hotkey: 'rv1', stakeRao: 500n * TAO },
  ];
  return w;
}

function rootStaker(params: Record<string, unknown>): RootStakerTrader {
  return new RootStakerTrader(traderSpec('trader.root_staker', params), Rng.fromSeed('r'));
}

describe('trader.root_staker', () => {
  it('stakes stake_fraction of its balance on root with the largest root validator, then holds', () => {
    const w = world();
    const a = rootStaker({ stake_fraction: 0.5 });
    const d = a.act(viewAt(w, 1));
    expect(d).toEqual({ actions: [{ type: 'add_stake', netuid: 0, hotkey: 'rv0', amountRao: 50n * TAO }], nextBlock: null });
    applyToy(w, d.actions);
    expect(stakeOf(w, 0, 'rv0')).toBe(50n * TAO);
  });

  it('with add_every_days, stakes stake_fraction of its free balance again at each interval, on the same hotkey', () => {
    const w = world();
    const a = rootStaker({ stake_fraction: 0.5, add_every_days: 2 });
    const first = a.act(viewAt(w, 1));
    expect(first.nextBlock).toBe(201);
    applyToy(w, first.actions);
    // The ranking changed meanwhile; it stays with its validator.
    w.rootValidators = [{ hotkey: 'rv1', stakeRao: 5000n * TAO }];
    expect(a.act(viewAt(w, 201))).toEqual({ actions: [{ type: 'add_stake', netuid: 0, hotkey: 'rv0', amountRao: 25n * TAO }], nextBlock: 401 });
    w.balanceRao = 3_000_000n;
    expect(a.act(viewAt(w, 401))).toEqual({ actions: [], nextBlock: 601 });
  });

  it('with nobody on root, delegates to its home subnet’s top permitted validator', () => {
    const w = world();
    w.rootValidators = [];
    expect(rootStaker({}).act(viewAt(w, 1)).actions).toEqual([{ type: 'add_stake', netuid: 0, hotkey: 'hk1', amountRao: 90n * TAO }]);
  });
});
