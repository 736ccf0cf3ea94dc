import { describe, expect, it } from 'vitest';
import { addStake } from '../../../../src/consensus/staking/addStake.ts';
import { moveStake, swapStake, transferStake } from '../../../../src/consensus/staking/moveStake.ts';
import { rootClaimed } from '../../../../src/consensus/staking/rootClaimable.ts';
import { stakeOf } from '../../../../src/consensus/staking/stakeLedger.ts';
import { increaseStakeForHotkeyAndColdkey } from '../../../../src/consensus/staking/stakeUpdates.ts';
import { expectRejected, TAO, world, type World } from './stakingWorld.ts';

function stake(w: World, netuid: number, amountRao: bigint, coldkey = 'alice', hotkey = 'hk-alice'): void {
  const r = addStake(w.ctx, { coldkey, hotkey, netuid, amountRao });
  if (!r.ok) throw new Error(r.reason);
}

describe('swapStake across subnets', () => {
  it('sells on the origin and buys on the destination', () => {
    // Origin 200 TAO / 50 alpha: 50 alpha pay 100 TAO. Destination 400/100: e = 400/500, 100·0.2 = 20 alpha.
    const w = world();
    stake(w, 1, 100n * TAO);
    const r = swapStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', originNetuid: 1, destinationNetuid: 2, alphaRao: 50n * TAO });
    expect(r).toMatchObject({ ok: true, alphaMovedRao: 50n * TAO, alphaReceivedRao: 20n * TAO, taoRao: 100n * TAO, restaked: true, strandedTaoRao: 0n });
    expect(stakeOf(w.ledger, 'hk-alice', 'alice', 1)).toBe(0n);
    expect(stakeOf(w.ledger, 'hk-alice', 'alice', 2)).toBe(20n * TAO);
    if (!r.ok) return;
    expect(r.taoFlows).toEqual([
      { netuid: 1, deltaRao: -100n * TAO, source: 'user' },
      { netuid: 2, deltaRao: 100n * TAO, source: 'user' },
    ]);
    expect(r.pools.map((p) => p.taoReserveDeltaRao)).toEqual([-100n * TAO, 100n * TAO]);
  });

  it('charges the fee on the origin side only when the origin is a dynamic subnet', () => {
    const w = world({ author: 'carol' });
    stake(w, 4, 10n * TAO);
    const alpha = stakeOf(w.ledger, 'hk-alice', 'alice', 4);
    const r = swapStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', originNetuid: 4, destinationNetuid: 5, alphaRao: alpha });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.fees.feeAlphaRao).toBe((alpha * 33n) / 65535n);
    expect(r.fees.feeTaoRao).toBe(0n);
  });

  it('charges the fee on the destination side when the origin is root', () => {
    const w = world({ author: 'carol' });
    stake(w, 0, 10n * TAO);
    const r = swapStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', originNetuid: 0, destinationNetuid: 5, alphaRao: 10n * TAO });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.fees.feeAlphaRao).toBe(0n);
    expect(r.fees.feeTaoRao).toBe((10n * TAO * 33n) / 65535n);
    expect(r.fees.authorTaoRao).toBe(r.fees.feeTaoRao);
  });

  it('moves everything held when asked for more', () => {
    const w = world();
    stake(w, 1, 100n * TAO);
    const r = swapStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', originNetuid: 1, destinationNetuid: 2, alphaRao: 1000n * TAO });
    expect(r).toMatchObject({ ok: true, alphaMovedRao: 50n * TAO });
  });

  it('requires the origin sale to pay strictly more than the minimum stake', () => {
    const w = world();
    stake(w, 0, 10n * TAO);
    expectRejected(w, () => swapStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', originNetuid: 0, destinationNetuid: 1, alphaRao: 2_000_000n }), 'AmountTooLow');
    expect(swapStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', originNetuid: 0, destinationNetuid: 1, alphaRao: 2_000_001n }).ok).toBe(true);
  });
});

describe('moves within a subnet', () => {
  it('move shares between hotkeys with no swap and no fee, leaving the pool as it was', () => {
    const w = world({ author: 'carol' });
    stake(w, 4, 10n * TAO);
    const pool = { ...w.sn(4).pool };
    const alphaOut = w.sn(4).alphaOutRao;
    const alpha = stakeOf(w.ledger, 'hk-alice', 'alice', 4);
    const r = moveStake(w.ctx, { coldkey: 'alice', originHotkey: 'hk-alice', destinationHotkey: 'hk-bob', originNetuid: 4, destinationNetuid: 4, alphaRao: alpha });
    expect(r).toMatchObject({ ok: true, alphaMovedRao: alpha, alphaReceivedRao: alpha });
    expect(w.sn(4).pool).toEqual(pool);
    expect(w.sn(4).alphaOutRao).toBe(alphaOut);
    expect(stakeOf(w.ledger, 'hk-bob', 'alice', 4)).toBe(alpha);
    if (!r.ok) return;
    expect(r.fees.feeTaoRao + r.fees.feeAlphaRao).toBe(0n);
    expect(r.pools).toEqual([{ netuid: 4, taoReserveDeltaRao: 0n, alphaReserveDeltaRao: 0n, alphaOutDeltaRao: 0n }]);
  });

  it('transfer stake to another coldkey on the same hotkey', () => {
    const w = world();
    stake(w, 1, 100n * TAO);
    const r = transferStake(w.ctx, { coldkey: 'alice', destinationColdkey: 'bob', hotkey: 'hk-alice', originNetuid: 1, destinationNetuid: 1, alphaRao: 20n * TAO });
    // Worth 20 alpha × price 4 = 80 TAO at the spot price.
    expect(r).toMatchObject({ ok: true, alphaMovedRao: 20n * TAO, taoRao: 80n * TAO });
    expect(stakeOf(w.ledger, 'hk-alice', 'alice', 1)).toBe(30n * TAO);
    expect(stakeOf(w.ledger, 'hk-alice', 'bob', 1)).toBe(20n * TAO);
  });

  it('carry root dividends already accrued neither to the receiver nor away from the sender', () => {
    const w = world();
    stake(w, 0, 10n * TAO);
    w.ledger.rootClaimable.set('hk-alice', new Map([[1, 1n << 32n]]));
    w.ledger.rootClaimed.set('1\u001fhk-alice\u001falice', 4n * TAO);
    expect(transferStake(w.ctx, { coldkey: 'alice', destinationColdkey: 'bob', hotkey: 'hk-alice', originNetuid: 0, destinationNetuid: 0, alphaRao: 3n * TAO }).ok).toBe(true);
    expect(rootClaimed(w.ledger, 1, 'hk-alice', 'alice')).toBe(TAO);
    expect(rootClaimed(w.ledger, 1, 'hk-alice', 'bob')).toBe(3n * TAO);
  });

  it('must be worth at least the minimum at the spot price (exactly the minimum passes)', () => {
    const w = world();
    stake(w, 0, 10n * TAO);
    expectRejected(w, () => moveStake(w.ctx, { coldkey: 'alice', originHotkey: 'hk-alice', destinationHotkey: 'hk-bob', originNetuid: 0, destinationNetuid: 0, alphaRao: 1_999_999n }), 'AmountTooLow');
    expect(moveStake(w.ctx, { coldkey: 'alice', originHotkey: 'hk-alice', destinationHotkey: 'hk-bob', originNetuid: 0, destinationNetuid: 0, alphaRao: 2_000_000n }).ok).toBe(true);
  });
});

describe('stake transitions reject, leaving the state untouched,', () => {
  const base = { coldkey: 'alice', originHotkey: 'hk-alice', destinationHotkey: 'hk-alice', alphaRao: 10n * TAO };
  it('a move to the very same position', () => {
    const w = world();
    stake(w, 1, 100n * TAO);
    expectRejected(w, () => moveStake(w.ctx, { ...base, originNetuid: 1, destinationNetuid: 1 }), 'SameNetuid');
  });
  it('a subnet that does not exist, on either side', () => {
    const w = world();
    stake(w, 1, 100n * TAO);
    expectRejected(w, () => moveStake(w.ctx, { ...base, originNetuid: 1, destinationNetuid: 9 }), 'SubnetNotExists');
    expectRejected(w, () => moveStake(w.ctx, { ...base, originNetuid: 9, destinationNetuid: 1 }), 'SubnetNotExists');
  });
  it('an unregistered destination hotkey', () => {
    const w = world();
    stake(w, 1, 100n * TAO);
    expectRejected(w, () => moveStake(w.ctx, { ...base, destinationHotkey: 'hk-ghost', originNetuid: 1, destinationNetuid: 1 }), 'HotKeyAccountNotExists');
  });
  it('a coldkey with nothing to move', () => {
    const w = world();
    expectRejected(w, () => moveStake(w.ctx, { ...base, destinationHotkey: 'hk-bob', originNetuid: 1, destinationNetuid: 1 }), 'ZeroMaxStakeAmount');
    expectRejected(w, () => moveStake(w.ctx, { ...base, originNetuid: 1, destinationNetuid: 2 }), 'AmountTooLow');
  });
  it('a destination whose subtoken is disabled', () => {
    const w = world();
    stake(w, 1, 100n * TAO);
    expectRejected(w, () => moveStake(w.ctx, { ...base, originNetuid: 1, destinationNetuid: 3 }), 'SubtokenDisabled');
  });
  it('an origin pool that cannot pay out', () => {
    const w = world();
    stake(w, 1, 100n * TAO);
    w.sn(1).pool = { ...w.sn(1).pool, taoReserveRao: 999_999n };
    expectRejected(w, () => moveStake(w.ctx, { ...base, originNetuid: 1, destinationNetuid: 2 }), 'InsufficientLiquidity');
  });
  it('a destination purchase that would mint no share', () => {
    const w = world();
    stake(w, 1, 100n * TAO);
    w.ledger.stake.set('2\u001fhk-bob', { totalValueRao: 1000n * TAO, totalSharesRaw: 1n, sharesRaw: new Map([['bob', 1n]]) });
    w.sn(2).alphaOutRao = 1000n * TAO;
    expectRejected(w, () => moveStake(w.ctx, { ...base, destinationHotkey: 'hk-bob', originNetuid: 1, destinationNetuid: 2 }), 'InsufficientLiquidity');
  });
  it('a position held on an unregistered origin hotkey', () => {
    const w = world();
    increaseStakeForHotkeyAndColdkey(w.ledger, 'hk-ghost', 'alice', 1, TAO);
    expectRejected(w, () => moveStake(w.ctx, { ...base, originHotkey: 'hk-ghost', originNetuid: 1, destinationNetuid: 1 }), 'HotKeyAccountNotExists');
  });
});
