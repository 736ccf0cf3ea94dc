import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../../../src/consensus/chain/checkInvariants.ts';
import { createChain, subnetOf } from '../../../../src/consensus/chain/chainState.ts';
import { currentLockCostRao, registerNetwork, setSubnetEmissionEnabled, startCall } from '../../../../src/consensus/chain/registerNetwork.ts';
import { spotPriceU64F64 } from '../../../../src/consensus/amm/spotPrice.ts';
import { isEligibleForEmission } from '../../../../src/consensus/coinbase/subnetsToEmitTo.ts';
import { balanceOf } from '../../../../src/consensus/staking/stakeLedger.ts';
import { smallChain, TAO } from '../../../support/chainFixture.ts';

describe('registerNetwork', () => {
  it('takes the first lock at LastLock (no doubling before any registration), seeds the pool at price 1 when no subnet exists', () => {
    const state = createChain({ issuanceRao: 10_000_000n * TAO, balancesRao: { alice: 5_000n * TAO } });
    // NetworkLastLockCost 1,250 TAO, never registered: m = 1, no decay.
    expect(currentLockCostRao(state)).toBe(1_250n * TAO);
    const r = registerNetwork(state, { coldkey: 'alice', hotkey: 'alice-hk' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.netuid).toBe(1);
    expect(r.lockRao).toBe(1_250n * TAO);
    expect(r.alphaInRao).toBe(1_250n * TAO);
    const s = subnetOf(state, 1)!;
    expect(s.economy.pool.taoReserveRao).toBe(1_250n * TAO);
    expect(s.economy.alphaOutRao).toBe(0n);
    expect(s.neurons.hotkeys).toEqual(['alice-hk']);
    expect(s.economy.emissionEnabled).toBe(false);
    expect(isEligibleForEmission(s.economy)).toBe(false);
    expect(balanceOf(state.ledger, 'alice')).toBe(3_750n * TAO);
    expect(checkInvariants(state)).toEqual([]);
  });

  it('doubles the last lock right after a registration and then decays it linearly to MinLock', () => {
    const state = createChain({ issuanceRao: 10_000_000n * TAO, balancesRao: { alice: 10_000n * TAO, bob: 10_000n * TAO }, network: { rateLimitBlocks: 0 } });
    state.block = 100;
    // Before any registration the decay counts from block 0: 1,250 TAO − floor(1,250 TAO / 57,600)·100.
    const first = 1_250n * TAO - ((1_250n * TAO) / 57_600n) * 100n;
    expect(currentLockCostRao(state)).toBe(first);
    const r = registerNetwork(state, { coldkey: 'alice', hotkey: 'a' });
    expect(r.ok && r.lockRao).toBe(first);
    expect(currentLockCostRao(state)).toBe(2n * first);
    // E = 1 TAO/block below the first halving: R_eff = 57,600 blocks; the cost falls by floor(C / 57600) per block.
    state.block = 100 + 1_000;
    expect(currentLockCostRao(state)).toBe(2n * first - (first / 57_600n) * 1_000n);
    state.block = 100 + 200_000;
    expect(currentLockCostRao(state)).toBe(1_000n * TAO);
  });

  it('seeds a new pool at the median spot price of the existing subnets', () => {
    const state = smallChain({ subnets: 3, neurons: 0, chain: { network: { rateLimitBlocks: 0 } } });
    const prices = state.subnets.map((s) => spotPriceU64F64(s.economy.pool)).sort((a, b) => (a < b ? -1 : 1));
    const r = registerNetwork(state, { coldkey: 'whale', hotkey: 'whale-hk' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.netuid).toBe(4);
    expect(r.alphaInRao).toBe((r.lockRao << 64n) / prices[1]!);
    expect(checkInvariants(state)).toEqual([]);
  });

  it('enforces the rate limit, ownership and balance, changing nothing on failure', () => {
    const state = smallChain({ subnets: 1, neurons: 0 });
    state.network.lastLockBlock = 1;
    state.block = 100;
    const snapshot = structuredClone(state);
    expect(registerNetwork(state, { coldkey: 'whale', hotkey: 'w' })).toEqual({ ok: false, reason: 'NetworkTxRateLimitExceeded' });
    state.block = 1 + 28_800;
    snapshot.block = state.block;
    expect(registerNetwork(state, { coldkey: 'whale', hotkey: 'owner-hk-1' })).toEqual({ ok: false, reason: 'NonAssociatedColdKey' });
    expect(registerNetwork(state, { coldkey: 'nobody', hotkey: 'n' })).toEqual({ ok: false, reason: 'NotEnoughBalanceToStake' });
    expect(state).toEqual(snapshot);
  });

  it('at the subnet limit dissolves the prune candidate, pays its stakers and reuses its netuid', () => {
    const state = smallChain({ subnets: 2, neurons: 2, chain: { network: { subnetLimit: 2, immunityPeriodBlocks: 0, rateLimitBlocks: 0 } } });
    // Subnet 1 has the lower EMA price: make it the candidate explicitly.
    subnetOf(state, 1)!.economy.movingPriceI96F32 = 1n;
    subnetOf(state, 2)!.economy.movingPriceI96F32 = 1n << 31n;
    const before = balanceOf(state.ledger, 'ck-1-1');
    const r = registerNetwork(state, { coldkey: 'whale', hotkey: 'whale-hk' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.netuid).toBe(1);
    expect(r.dissolved?.netuid).toBe(1);
    expect(r.dissolved!.paidRao + r.dissolved!.recycledRao).toBe(r.dissolved!.potRao);
    expect(balanceOf(state.ledger, 'ck-1-1')).toBeGreaterThan(before);
    expect(subnetOf(state, 1)!.ownerColdkey).toBe('whale');
    expect([...state.ledger.stake.keys()].filter((k) => k.startsWith('1\u001f'))).toEqual([]);
    expect(checkInvariants(state)).toEqual([]);
  });

  it('fails with SubnetLimitReached when every subnet is still immune', () => {
    const state = smallChain({ subnets: 1, neurons: 0, chain: { network: { subnetLimit: 1, rateLimitBlocks: 0 } } });
    expect(registerNetwork(state, { coldkey: 'whale', hotkey: 'w' })).toEqual({ ok: false, reason: 'SubnetLimitReached' });
  });
});

describe('startCall and emission enabling', () => {
  it('makes a registered subnet eligible for emission from the next block', () => {
    const state = createChain({ issuanceRao: 10_000_000n * TAO, balancesRao: { alice: 5_000n * TAO } });
    state.block = 7;
    const r = registerNetwork(state, { coldkey: 'alice', hotkey: 'a' });
    if (!r.ok) throw new Error(r.reason);
    expect(startCall(state, { coldkey: 'mallory', netuid: r.netuid })).toEqual({ ok: false, reason: 'NotSubnetOwner' });
    expect(startCall(state, { coldkey: 'alice', netuid: 9 })).toEqual({ ok: false, reason: 'SubnetNotExists' });
    expect(startCall(state, { coldkey: 'alice', netuid: r.netuid })).toEqual({ ok: true });
    expect(startCall(state, { coldkey: 'alice', netuid: r.netuid })).toEqual({ ok: false, reason: 'FirstEmissionBlockNumberAlreadySet' });
    const e = subnetOf(state, r.netuid)!.economy;
    expect(e.firstEmissionBlock).toBe(8n);
    // Eligible for shares, but the TAO side stays off until root enables emission.
    expect(isEligibleForEmission(e)).toBe(true);
    expect(e.emissionEnabled).toBe(false);
    expect(setSubnetEmissionEnabled(state, r.netuid, true)).toEqual({ ok: true });
    expect(e.emissionEnabled).toBe(true);
  });
});
