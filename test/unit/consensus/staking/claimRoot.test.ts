import { describe, expect, it } from 'vitest';
import { swapStep } from '../../../../src/consensus/amm/swapStep.ts';
import { addStake } from '../../../../src/consensus/staking/addStake.ts';
import { claimRoot, rootClaimTypeOf, setRootClaimType } from '../../../../src/consensus/staking/claimRoot.ts';
import { increaseRootClaimable, rootClaimed, rootOwed } from '../../../../src/consensus/staking/rootClaimable.ts';
import { stakeOf } from '../../../../src/consensus/staking/stakeLedger.ts';
import { expectRejected, TAO, world, type World } from './stakingWorld.ts';

/** Alice 10 TAO and bob 30 TAO of root stake on hk-alice; 4 alpha of subnet 1 credited as root dividends. */
function credited(o: Parameters<typeof world>[0] = {}): World {
  const w = world(o);
  for (const [coldkey, amount] of [['alice', 10n * TAO], ['bob', 30n * TAO]] as const) {
    const r = addStake(w.ctx, { coldkey, hotkey: 'hk-alice', netuid: 0, amountRao: amount });
    if (!r.ok) throw new Error(r.reason);
  }
  expect(increaseRootClaimable(w.ledger, 'hk-alice', 1, 4n * TAO)).toBe(true);
  w.sn(1).alphaOutRao += 4n * TAO; // the emission minted it
  return w;
}

// rate = floor(4 alpha · 2^32 / 40 TAO of root stake) (I96F32); owed = floor(rate · stake / 2^32).
const RATE = ((4n * TAO) << 32n) / (40n * TAO);
const OWED_ALICE = (RATE * 10n * TAO) >> 32n;
const OWED_BOB = (RATE * 30n * TAO) >> 32n;

describe('claimRoot', () => {
  it('Keep stakes the owed alpha on the subnet and marks it claimed', () => {
    const w = credited();
    expect(setRootClaimType(w.ctx, { coldkey: 'alice', type: { kind: 'keep' } })).toEqual({ ok: true });
    const pool = { ...w.sn(1).pool };
    const r = claimRoot(w.ctx, { coldkey: 'alice', subnets: [1] });
    expect(r).toMatchObject({ ok: true, claims: [{ hotkey: 'hk-alice', netuid: 1, alphaRao: OWED_ALICE, paidAs: 'keep', taoRao: 0n }] });
    expect(stakeOf(w.ledger, 'hk-alice', 'alice', 1)).toBe(OWED_ALICE);
    expect(rootClaimed(w.ledger, 1, 'hk-alice', 'alice')).toBe(OWED_ALICE);
    expect(w.sn(1).pool).toEqual(pool);
    // Nothing is owed any more: a second claim claims nothing.
    expect(claimRoot(w.ctx, { coldkey: 'alice', subnets: [1] })).toMatchObject({ ok: true, claims: [] });
  });

  it('Swap (the default) sells the alpha fee-free and restakes the TAO on root', () => {
    const w = credited({ author: 'carol' });
    const expected = swapStep(w.sn(1).pool, { side: 'sell', amountRao: OWED_BOB, limitPriceRao: 1000n, dropFees: true }, { feeRateU16: 0, minimumReserveRao: 1_000_000n });
    if (!expected.ok) throw new Error(expected.error);
    const tao = expected.amountPaidOutRao;
    const rootBefore = w.sn(0).pool.taoReserveRao;
    const r = claimRoot(w.ctx, { coldkey: 'bob' });
    expect(r).toMatchObject({ ok: true, claims: [{ hotkey: 'hk-alice', netuid: 1, alphaRao: OWED_BOB, paidAs: 'swap', taoRao: tao }] });
    if (!r.ok) return;
    expect(stakeOf(w.ledger, 'hk-alice', 'bob', 0)).toBe(30n * TAO + tao);
    expect(w.sn(0).pool.taoReserveRao).toBe(rootBefore + tao);
    expect(r.fees).toMatchObject({ feeAlphaRao: 0n, feeTaoRao: 0n, authorTaoRao: 0n });
    expect(r.taoFlows).toEqual([{ netuid: 1, deltaRao: -tao, source: 'protocol' }]);
    expect(r.pools).toEqual([
      { netuid: 0, taoReserveDeltaRao: tao, alphaReserveDeltaRao: 0n, alphaOutDeltaRao: tao },
      { netuid: 1, taoReserveDeltaRao: -tao, alphaReserveDeltaRao: OWED_BOB, alphaOutDeltaRao: -OWED_BOB },
    ]);
    // The TAO restaked on root does not earn a share of dividends credited before it existed.
    expect(rootOwed(w.ledger, 'hk-alice', 'bob', 1)).toBeLessThanOrEqual(1n);
  });

  it('KeepSubnets keeps on the listed subnets and swaps elsewhere', () => {
    const w = credited();
    setRootClaimType(w.ctx, { coldkey: 'alice', type: { kind: 'keepSubnets', subnets: [2] } });
    expect(rootClaimTypeOf(w.ctx, 'alice')).toEqual({ kind: 'keepSubnets', subnets: [2] });
    const r = claimRoot(w.ctx, { coldkey: 'alice', subnets: [1] });
    expect(r).toMatchObject({ ok: true, claims: [{ netuid: 1, paidAs: 'swap' }] });
  });

  it('skips amounts under RootClaimableThreshold unless forced', () => {
    const w = world();
    expect(addStake(w.ctx, { coldkey: 'bob', hotkey: 'hk-bob', netuid: 0, amountRao: TAO }).ok).toBe(true);
    increaseRootClaimable(w.ledger, 'hk-bob', 2, 400_000n);
    w.sn(2).alphaOutRao += 400_000n;
    expect(claimRoot(w.ctx, { coldkey: 'bob', subnets: [2] })).toMatchObject({ ok: true, claims: [] });
    expect(rootClaimed(w.ledger, 2, 'hk-bob', 'bob')).toBe(0n);
    const forced = claimRoot(w.ctx, { coldkey: 'bob', subnets: [2], force: true });
    // The rate floors: floor(floor(400,000 · 2^32 / 10^9) · 10^9 / 2^32) = 399,999.
    expect(forced).toMatchObject({ ok: true, claims: [{ netuid: 2, alphaRao: 399_999n }] });
  });

  it('claims only the subnets named', () => {
    const w = credited();
    expect(claimRoot(w.ctx, { coldkey: 'alice', subnets: [2] })).toMatchObject({ ok: true, claims: [] });
    expect(rootOwed(w.ledger, 'hk-alice', 'alice', 1)).toBe(OWED_ALICE);
  });

  it('skips a swap the pool cannot make, leaving the dividend owed', () => {
    const w = credited();
    w.sn(1).pool = { ...w.sn(1).pool, taoReserveRao: 999_999n };
    expect(claimRoot(w.ctx, { coldkey: 'bob', subnets: [1] })).toMatchObject({ ok: true, claims: [] });
    expect(rootOwed(w.ledger, 'hk-alice', 'bob', 1)).toBe(OWED_BOB);
  });

  it('gives new root stake no share of dividends credited before it (up to 1 rao of flooring)', () => {
    const w = credited();
    const expectedOwed = rootOwed(w.ledger, 'hk-alice', 'alice', 1);
    expect(addStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 0, amountRao: 10n * TAO }).ok).toBe(true);
    const after = rootOwed(w.ledger, 'hk-alice', 'alice', 1);
    expect(after - expectedOwed).toBeGreaterThanOrEqual(0n);
    expect(after - expectedOwed).toBeLessThanOrEqual(1n);
  });

  it('rejects an empty subnet list or more than five subnets', () => {
    const w = credited();
    expectRejected(w, () => claimRoot(w.ctx, { coldkey: 'alice', subnets: [] }), 'InvalidSubnetNumber');
    expectRejected(w, () => claimRoot(w.ctx, { coldkey: 'alice', subnets: [1, 2, 3, 4, 5, 6] }), 'InvalidSubnetNumber');
  });

  it('rejects a KeepSubnets type without subnets', () => {
    const w = world();
    expectRejected(w, () => setRootClaimType(w.ctx, { coldkey: 'alice', type: { kind: 'keepSubnets', subnets: [] } }), 'InvalidSubnetNumber');
  });
});
