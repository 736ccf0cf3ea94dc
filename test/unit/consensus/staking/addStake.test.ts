import { describe, expect, it } from 'vitest';
import { newSubnetEconomy } from '../../../../src/consensus/coinbase/subnetEconomy.ts';
import { addStake } from '../../../../src/consensus/staking/addStake.ts';
import { removeStake } from '../../../../src/consensus/staking/removeStake.ts';
import { rootClaimed } from '../../../../src/consensus/staking/rootClaimable.ts';
import { stakingContext } from '../../../../src/consensus/staking/stakingContext.ts';
import { addBalance, balanceOf, stakeOf } from '../../../../src/consensus/staking/stakeLedger.ts';
import { subnetLookup } from '../../../../src/consensus/staking/stakingSubnet.ts';
import { expectRejected, TAO, world } from './stakingWorld.ts';

describe('addStake', () => {
  it('swaps TAO for alpha at the constant-product price and credits the stake', () => {
    const w = world();
    // 100 TAO into 100 TAO / 100 alpha: e = 100/200 = 0.5, so half the alpha reserve comes out.
    const r = addStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 1, amountRao: 100n * TAO });
    expect(r).toMatchObject({ ok: true, taoSpentRao: 100n * TAO, alphaRao: 50n * TAO, totalStakeDeltaRao: 100n * TAO, strandedTaoRao: 0n });
    expect(stakeOf(w.ledger, 'hk-alice', 'alice', 1)).toBe(50n * TAO);
    expect(balanceOf(w.ledger, 'alice')).toBe(900n * TAO);
    expect(w.sn(1).pool.taoReserveRao).toBe(200n * TAO);
    expect(w.sn(1).pool.alphaReserveRao).toBe(50n * TAO);
    expect(w.sn(1).alphaOutRao).toBe(50n * TAO);
    if (!r.ok) return;
    expect(r.pools).toEqual([{ netuid: 1, taoReserveDeltaRao: 100n * TAO, alphaReserveDeltaRao: -50n * TAO, alphaOutDeltaRao: 50n * TAO }]);
    expect(r.taoFlows).toEqual([{ netuid: 1, deltaRao: 100n * TAO, source: 'user' }]);
    expect(r.fees.feeTaoRao).toBe(0n);
  });

  it('pays the fee to the block author and puts only the rest into the pool', () => {
    const w = world({ author: 'carol' });
    // fee = floor(A · floor(33·2^64/65535)/2^64). With A = 65535·10^6 and 2^64 ≡ 1 (mod 65535) the
    // floored rate is (33·2^64 − 33)/65535, so the fee is 33·10^6 − 33·10^6/2^64, floored: 32,999,999.
    const amount = 65_535_000_000n;
    const r = addStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 4, amountRao: amount });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.fees).toEqual({ feeTaoRao: 32_999_999n, feeAlphaRao: 0n, authorTaoRao: 32_999_999n, burnedTaoRao: 0n, burnedAlphaRao: 0n });
    expect(balanceOf(w.ledger, 'carol')).toBe(32_999_999n);
    expect(balanceOf(w.ledger, 'alice')).toBe(1000n * TAO - amount);
    expect(w.sn(4).pool.taoReserveRao).toBe(100n * TAO + amount - 32_999_999n);
    expect(r.taoFlows).toEqual([{ netuid: 4, deltaRao: amount - 32_999_999n, source: 'user' }]);
    // §11.7: TotalStake counts the gross input, fee included.
    expect(r.totalStakeDeltaRao).toBe(amount);
    expect(w.sn(4).alphaOutRao).toBe(r.alphaRao);
    expect(100n * TAO - w.sn(4).pool.alphaReserveRao).toBe(r.alphaRao);
  });

  it('burns the fee when there is no block author', () => {
    const w = world();
    const r = addStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 4, amountRao: 65_535_000_000n });
    expect(r.ok && r.fees).toEqual({ feeTaoRao: 32_999_999n, feeAlphaRao: 0n, authorTaoRao: 0n, burnedTaoRao: 32_999_999n, burnedAlphaRao: 0n });
  });

  it('converts TAO 1:1 with no fee on root and moves RootClaimed so the new stake inherits no dividends', () => {
    const w = world();
    // A claimable rate of 1.5 alpha per root rao on subnet 1 (I96F32 raw 3·2^31).
    w.ledger.rootClaimable.set('hk-alice', new Map([[1, 3n << 31n]]));
    const r = addStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 0, amountRao: 2n * TAO });
    expect(r).toMatchObject({ ok: true, taoSpentRao: 2n * TAO, alphaRao: 2n * TAO });
    expect(stakeOf(w.ledger, 'hk-alice', 'alice', 0)).toBe(2n * TAO);
    expect(w.sn(0).pool.taoReserveRao).toBe(2n * TAO);
    expect(w.sn(0).alphaOutRao).toBe(2n * TAO);
    expect(rootClaimed(w.ledger, 1, 'hk-alice', 'alice')).toBe(3n * TAO);
  });

  it('fills a limit order up to the limit price when partial fills are allowed', () => {
    const w = world();
    // Moving the price of 100/100 from 1 to 4 takes Δy = y·(√4 − 1) = 100 TAO, which buys 50 alpha.
    const r = addStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 1, amountRao: 300n * TAO, limit: { priceRao: 4n * TAO, allowPartial: true } });
    expect(r).toMatchObject({ ok: true, taoSpentRao: 100n * TAO, alphaRao: 50n * TAO });
    expect(balanceOf(w.ledger, 'alice')).toBe(900n * TAO);
  });

  it('accepts the exact minimum: 0.002 TAO plus the fee a 0.002 TAO buy would pay', () => {
    // fee(2,000,000) = floor(2e6·33/65535) = 1007; the buy of 2,001,007 nets 2,001,007 − 1007 = 2e6.
    const w = world();
    expectRejected(w, () => addStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 4, amountRao: 2_001_006n }), 'AmountTooLow');
    expect(addStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 4, amountRao: 2_001_007n }).ok).toBe(true);
  });

  it('records the user TAO flow on a SubnetEconomy passed as the subnet', () => {
    const w = world();
    const economy = newSubnetEconomy({ netuid: 7, taoReserveRao: 100n * TAO, alphaReserveRao: 100n * TAO });
    economy.subtokenEnabled = true;
    const ctx = stakingContext({ ledger: w.ledger, subnet: subnetLookup([economy]) });
    const r = addStake(ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 7, amountRao: 10n * TAO });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(economy.userFlowBlockRao).toBe(r.pools[0]!.taoReserveDeltaRao);
    const back = removeStake(ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 7, alphaRao: r.alphaRao });
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(economy.userFlowBlockRao).toBe(r.pools[0]!.taoReserveDeltaRao - back.taoRao);
    expect(economy.protocolFlowBlockRao).toBe(0n);
  });
});

describe('addStake rejects, leaving every balance, stake and pool as it was,', () => {
  it('a subnet that does not exist', () => {
    const w = world();
    expectRejected(w, () => addStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 9, amountRao: TAO }), 'SubnetNotExists');
  });
  it('a subnet whose subtoken is not enabled', () => {
    const w = world();
    expectRejected(w, () => addStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 3, amountRao: TAO }), 'SubtokenDisabled');
  });
  it('less than the minimum stake on root', () => {
    const w = world();
    expectRejected(w, () => addStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 0, amountRao: 1_999_999n }), 'AmountTooLow');
  });
  it('more than the free balance', () => {
    const w = world();
    expectRejected(w, () => addStake(w.ctx, { coldkey: 'bob', hotkey: 'hk-bob', netuid: 1, amountRao: 101n * TAO }), 'NotEnoughBalanceToStake');
  });
  it('an unregistered hotkey', () => {
    const w = world();
    expectRejected(w, () => addStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-ghost', netuid: 1, amountRao: TAO }), 'HotKeyAccountNotExists');
  });
  it('an input over 1000× the TAO reserve', () => {
    const w = world();
    addBalance(w.ledger, 'alice', 200_000n * TAO);
    expectRejected(w, () => addStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 1, amountRao: 100_001n * TAO }), 'InsufficientLiquidity');
  });
  it('alpha that would mint no share in an over-valued share pool', () => {
    const w = world();
    // One 2^-64 share worth 1000 TAO: 10 TAO of alpha is far less than one share unit.
    w.ledger.stake.set('1\u001fhk-bob', { totalValueRao: 1000n * TAO, totalSharesRaw: 1n, sharesRaw: new Map([['bob', 1n]]) });
    w.sn(1).alphaOutRao = 1000n * TAO;
    expectRejected(w, () => addStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-bob', netuid: 1, amountRao: 10n * TAO }), 'InsufficientLiquidity');
  });
  it('a limit order bigger than the limit admits, without partial fills', () => {
    const w = world();
    expectRejected(w, () => addStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 1, amountRao: 300n * TAO, limit: { priceRao: 4n * TAO, allowPartial: false } }), 'SlippageTooHigh');
  });
  it('a limit below the current price', () => {
    const w = world();
    expectRejected(w, () => addStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 1, amountRao: TAO, limit: { priceRao: TAO / 2n, allowPartial: true } }), 'PriceLimitExceeded');
  });
  it('a root limit under 1 TAO per alpha (nothing can be bought)', () => {
    const w = world();
    expectRejected(w, () => addStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 0, amountRao: TAO, limit: { priceRao: TAO - 1n, allowPartial: true } }), 'ZeroMaxStakeAmount');
  });
});
