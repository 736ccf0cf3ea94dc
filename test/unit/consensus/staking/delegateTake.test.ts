import { describe, expect, it } from 'vitest';
import { decreaseTake, delegateTakeU16, increaseTake, setDelegateTake } from '../../../../src/consensus/staking/delegateTake.ts';
import { stakingContext } from '../../../../src/consensus/staking/stakingContext.ts';
import { expectRejected, world, type World } from './stakingWorld.ts';

/** The same world seen at another block. */
function at(w: World, block: number): World {
  return { ...w, ctx: stakingContext({ ledger: w.ledger, subnet: w.ctx.subnet, block }) };
}

describe('delegate take', () => {
  it('reads as the default 11,796 until it is set', () => {
    expect(delegateTakeU16(world().ctx, 'hk-alice')).toBe(11_796);
  });

  it('can be lowered at any time, down to the minimum of 0', () => {
    const w = at(world(), 100);
    expect(decreaseTake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', takeU16: 5000 })).toEqual({ ok: true, takeU16: 5000 });
    expect(decreaseTake(at(w, 101).ctx, { coldkey: 'alice', hotkey: 'hk-alice', takeU16: 0 })).toEqual({ ok: true, takeU16: 0 });
    expect(delegateTakeU16(w.ctx, 'hk-alice')).toBe(0);
  });

  it('can be raised up to 11,796 once more than 216,000 blocks have passed since the last change', () => {
    const w = at(world(), 1000);
    expect(setDelegateTake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', takeU16: 1000 }).ok).toBe(true);
    const early = at(w, 1000 + 216_000);
    expectRejected(early, () => setDelegateTake(early.ctx, { coldkey: 'alice', hotkey: 'hk-alice', takeU16: 2000 }), 'DelegateTxRateLimitExceeded');
    const late = at(w, 1000 + 216_001);
    expect(setDelegateTake(late.ctx, { coldkey: 'alice', hotkey: 'hk-alice', takeU16: 11_796 })).toEqual({ ok: true, takeU16: 11_796 });
  });

  it('may be raised straight away by a hotkey that never changed it', () => {
    const w = at(world(), 5);
    w.ledger.delegateTakeU16.set('hk-alice', 100);
    expect(increaseTake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', takeU16: 200 }).ok).toBe(true);
  });
});

describe('take changes are rejected, leaving the take and its clock untouched,', () => {
  it('for a hotkey that does not exist', () => {
    const w = world();
    expectRejected(w, () => setDelegateTake(w.ctx, { coldkey: 'alice', hotkey: 'hk-ghost', takeU16: 0 }), 'HotKeyAccountNotExists');
  });
  it('for a coldkey that does not own the hotkey', () => {
    const w = world();
    expectRejected(w, () => setDelegateTake(w.ctx, { coldkey: 'bob', hotkey: 'hk-alice', takeU16: 0 }), 'NonAssociatedColdKey');
  });
  it('above the maximum', () => {
    const w = world();
    w.ledger.delegateTakeU16.set('hk-alice', 0);
    expectRejected(w, () => increaseTake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', takeU16: 11_797 }), 'DelegateTakeTooHigh');
  });
  it('below a raised minimum', () => {
    const w = world({ params: { minDelegateTakeU16: 1000 } });
    expectRejected(w, () => decreaseTake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', takeU16: 999 }), 'DelegateTakeTooLow');
  });
  it('a "decrease" that is not below the stored take, or an "increase" that is not above it', () => {
    const w = world();
    w.ledger.delegateTakeU16.set('hk-alice', 500);
    expectRejected(w, () => decreaseTake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', takeU16: 500 }), 'DelegateTakeTooLow');
    expectRejected(w, () => increaseTake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', takeU16: 500 }), 'DelegateTakeTooLow');
    expectRejected(w, () => setDelegateTake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', takeU16: 500 }), 'DelegateTakeTooLow');
  });
});
