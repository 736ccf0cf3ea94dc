import { describe, expect, it } from 'vitest';
import { addStake } from '../../../../src/consensus/staking/addStake.ts';
import { removeStake } from '../../../../src/consensus/staking/removeStake.ts';
import { rootClaimed } from '../../../../src/consensus/staking/rootClaimable.ts';
import { balanceOf, stakeOf } from '../../../../src/consensus/staking/stakeLedger.ts';
import { increaseStakeForHotkeyAndColdkey } from '../../../../src/consensus/staking/stakeUpdates.ts';
import { expectRejected, TAO, world, type World } from './stakingWorld.ts';

function staked(amountRao: bigint, netuid = 1, o: Parameters<typeof world>[0] = {}): World {
  const w = world(o);
  const r = addStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid, amountRao });
  if (!r.ok) throw new Error(r.reason);
  return w;
}

describe('removeStake', () => {
  it('sells the alpha and credits the TAO: a fee-free round trip returns every rao', () => {
    // After 100 TAO in: 200 TAO / 50 alpha, alice holds 50 alpha. Selling 50: e = 50/100, out = 100 TAO.
    const w = staked(100n * TAO);
    const r = removeStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 1, alphaRao: 50n * TAO });
    expect(r).toMatchObject({ ok: true, alphaRao: 50n * TAO, taoRao: 100n * TAO, clearedAlphaRao: 0n, totalStakeDeltaRao: -100n * TAO });
    expect(balanceOf(w.ledger, 'alice')).toBe(1000n * TAO);
    expect(stakeOf(w.ledger, 'hk-alice', 'alice', 1)).toBe(0n);
    expect(w.sn(1).pool).toMatchObject({ taoReserveRao: 100n * TAO, alphaReserveRao: 100n * TAO });
    expect(w.sn(1).alphaOutRao).toBe(0n);
    if (r.ok) expect(r.taoFlows).toEqual([{ netuid: 1, deltaRao: -100n * TAO, source: 'user' }]);
  });

  it('sells part of a position at the pool price', () => {
    // Selling 12.5 of 50 alpha against 200 TAO: e = 50/62.5 = 0.8, out = 200·0.2 = 40 TAO.
    const w = staked(100n * TAO);
    const r = removeStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 1, alphaRao: 12_500_000_000n });
    expect(r).toMatchObject({ ok: true, taoRao: 40n * TAO });
    expect(stakeOf(w.ledger, 'hk-alice', 'alice', 1)).toBe(37_500_000_000n);
  });

  it('unstakes root 1:1 and lowers RootClaimed by rate × amount', () => {
    const w = staked(4n * TAO, 0);
    w.ledger.rootClaimable.set('hk-alice', new Map([[1, 1n << 32n]]));
    w.ledger.rootClaimed.set('1\u001fhk-alice\u001falice', 4n * TAO);
    const r = removeStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 0, alphaRao: TAO });
    expect(r).toMatchObject({ ok: true, taoRao: TAO, alphaRao: TAO });
    expect(rootClaimed(w.ledger, 1, 'hk-alice', 'alice')).toBe(3n * TAO);
    expect(w.sn(0).pool.taoReserveRao).toBe(3n * TAO);
  });

  it('routes the sell fee: the fee alpha is resold fee-free and its TAO goes to the author', () => {
    const w = staked(10n * TAO, 4, { author: 'carol' });
    const before = balanceOf(w.ledger, 'carol');
    const alpha = stakeOf(w.ledger, 'hk-alice', 'alice', 4);
    const r = removeStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 4, alphaRao: alpha });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // fee = floor(alpha · 33/65535) with the rate floored in U64F64.
    expect(r.fees.feeAlphaRao).toBe((alpha * 33n) / 65535n);
    expect(r.fees.authorTaoRao).toBeGreaterThan(0n);
    expect(balanceOf(w.ledger, 'carol') - before).toBe(r.fees.authorTaoRao);
    // TAO left the pool only to alice and to the author; alpha in and out moved by the same amount.
    const pool = r.pools[0]!;
    expect(-pool.taoReserveDeltaRao).toBe(r.taoRao + r.fees.authorTaoRao);
    expect(pool.alphaReserveDeltaRao).toBe(-pool.alphaOutDeltaRao);
    expect(pool.alphaReserveDeltaRao).toBe(alpha);
  });

  it('lets a full exit below the minimum through: only a partial unstake must be worth 0.002 TAO', () => {
    const w = world();
    increaseStakeForHotkeyAndColdkey(w.ledger, 'hk-alice', 'alice', 1, 1_000_000n);
    w.sn(1).alphaOutRao = 1_000_000n;
    expectRejected(w, () => removeStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 1, alphaRao: 500_000n }), 'AmountTooLow');
    const r = removeStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 1, alphaRao: 1_000_000n });
    expect(r.ok).toBe(true);
    expect(stakeOf(w.ledger, 'hk-alice', 'alice', 1)).toBe(0n);
  });

  it('sells only down to the limit price when partial fills are allowed', () => {
    // 300 TAO into 100/100 leaves 400 TAO / 25 alpha (price 16) and alice with 75 alpha. Down to
    // price 4 sells Δx = 25·(√(16/4) − 1) = 25 alpha, which pays 400·25/50 = 200 TAO.
    const w = staked(300n * TAO);
    expect(stakeOf(w.ledger, 'hk-alice', 'alice', 1)).toBe(75n * TAO);
    const r = removeStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 1, alphaRao: 50n * TAO, limit: { priceRao: 4n * TAO, allowPartial: true } });
    expect(r).toMatchObject({ ok: true, alphaRao: 25n * TAO, taoRao: 200n * TAO });
    expect(stakeOf(w.ledger, 'hk-alice', 'alice', 1)).toBe(50n * TAO);
  });

  it('clears a nominator left under NominatorMinRequiredStake, but never the hotkey owner', () => {
    // 1000 ‰ of the 0.002 TAO minimum, at root's price of 1: positions under 2,000,000 are cleared.
    const params = { nominatorMinRequiredStakePermille: 1000n };
    const w = world({ params });
    expect(addStake(w.ctx, { coldkey: 'bob', hotkey: 'hk-alice', netuid: 0, amountRao: TAO }).ok).toBe(true);
    const r = removeStake(w.ctx, { coldkey: 'bob', hotkey: 'hk-alice', netuid: 0, alphaRao: TAO - 1_000_000n });
    expect(r).toMatchObject({ ok: true, taoRao: TAO, clearedAlphaRao: 1_000_000n });
    expect(stakeOf(w.ledger, 'hk-alice', 'bob', 0)).toBe(0n);
    expect(balanceOf(w.ledger, 'bob')).toBe(100n * TAO);

    expect(addStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 0, amountRao: TAO }).ok).toBe(true);
    const own = removeStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 0, alphaRao: TAO - 1_000_000n });
    expect(own).toMatchObject({ ok: true, clearedAlphaRao: 0n });
    expect(stakeOf(w.ledger, 'hk-alice', 'alice', 0)).toBe(1_000_000n);
  });
});

describe('removeStake rejects, leaving the state untouched,', () => {
  it('a subnet that does not exist', () => {
    const w = staked(TAO);
    expectRejected(w, () => removeStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 9, alphaRao: 1n }), 'SubnetNotExists');
  });
  it('a subnet whose subtoken is not enabled', () => {
    const w = staked(TAO);
    expectRejected(w, () => removeStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 3, alphaRao: 1n }), 'SubtokenDisabled');
  });
  it('more alpha than the coldkey holds', () => {
    const w = staked(100n * TAO);
    expectRejected(w, () => removeStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 1, alphaRao: 50n * TAO + 1n }), 'NotEnoughStakeToWithdraw');
  });
  it('a partial unstake that pays less than the minimum stake', () => {
    const w = staked(100n * TAO);
    // 1,000,000 alpha at price 4 would pay about 0.004 TAO; 400,000 pays under 0.002.
    expectRejected(w, () => removeStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 1, alphaRao: 400_000n }), 'AmountTooLow');
  });
  it('a sale the pool cannot make (TAO reserve under MinimumReserve)', () => {
    const w = staked(100n * TAO);
    w.sn(1).pool = { ...w.sn(1).pool, taoReserveRao: 999_999n };
    expectRejected(w, () => removeStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 1, alphaRao: 50n * TAO }), 'InsufficientLiquidity');
  });
  it('a position on an unregistered hotkey', () => {
    const w = world();
    increaseStakeForHotkeyAndColdkey(w.ledger, 'hk-ghost', 'alice', 1, TAO);
    w.sn(1).alphaOutRao = TAO;
    expectRejected(w, () => removeStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-ghost', netuid: 1, alphaRao: TAO }), 'HotKeyAccountNotExists');
  });
  it('a limit order bigger than the limit admits, without partial fills', () => {
    const w = staked(300n * TAO);
    expectRejected(w, () => removeStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 1, alphaRao: 50n * TAO, limit: { priceRao: 4n * TAO, allowPartial: false } }), 'SlippageTooHigh');
  });
  it('a limit above the current price', () => {
    const w = staked(100n * TAO);
    expectRejected(w, () => removeStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 1, alphaRao: TAO, limit: { priceRao: 5n * TAO, allowPartial: true } }), 'PriceLimitExceeded');
  });
  it('a root limit above 1 TAO per alpha (nothing can be sold)', () => {
    const w = staked(TAO, 0);
    expectRejected(w, () => removeStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 0, alphaRao: TAO, limit: { priceRao: TAO + 1n, allowPartial: true } }), 'ZeroMaxStakeAmount');
  });
  it('a request for zero alpha from a coldkey that holds nothing', () => {
    const w = world();
    expectRejected(w, () => removeStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 1, alphaRao: 0n }), 'ZeroMaxStakeAmount');
  });
});
