import { describe, expect, it } from 'vitest';
import { burnedRegister } from '../../../../src/consensus/chain/burnedRegister.ts';
import { checkInvariants } from '../../../../src/consensus/chain/checkInvariants.ts';
import { subnetOf } from '../../../../src/consensus/chain/chainState.ts';
import { balanceOf } from '../../../../src/consensus/staking/stakeLedger.ts';
import { neuronHotkey, ownerColdkey, smallChain, TAO } from '../../../support/chainFixture.ts';

describe('burnedRegister', () => {
  it('charges the burn, recycles the alpha it buys, appends a UID and raises the burn by 1.26', () => {
    const state = smallChain({ subnets: 1, neurons: 1 });
    state.blockAuthorColdkey = 'author';
    const s = subnetOf(state, 1)!;
    const before = { tao: s.economy.pool.taoReserveRao, alphaIn: s.economy.pool.alphaReserveRao, alphaOut: s.economy.alphaOutRao, balance: balanceOf(state.ledger, 'whale') };
    const r = burnedRegister(state, { coldkey: 'whale', hotkey: 'new-hk', netuid: 1 });
    if (!r.ok) throw new Error(r.reason);
    expect(r.uid).toBe(2);
    expect(r.replacedHotkey).toBeNull();
    expect(r.burnPaidRao).toBe(TAO);
    // Fee 33/65535 of 1 TAO, floored, goes to the author; the rest enters the pool.
    expect(r.feeRao).toBe((TAO * 33n) / 65535n);
    expect(balanceOf(state.ledger, 'author')).toBe(r.feeRao);
    expect(balanceOf(state.ledger, 'whale')).toBe(before.balance - TAO);
    expect(s.economy.pool.taoReserveRao).toBe(before.tao + TAO - r.feeRao);
    // Alpha left the pool and was destroyed, not handed to anyone.
    expect(s.economy.pool.alphaReserveRao).toBe(before.alphaIn - r.recycledAlphaRao);
    expect(s.economy.alphaOutRao).toBe(before.alphaOut);
    expect(r.recycledAlphaRao).toBeGreaterThan(0n);
    expect(s.registration.burnRao).toBe((TAO * ((126n << 64n) / 100n)) >> 64n);
    expect(s.registration.raoRecycledRao).toBe(TAO);
    expect(s.neurons.hotkeys[2]).toBe('new-hk');
    expect(state.ledger.hotkeyOwner.get('new-hk')).toBe('whale');
    expect(checkInvariants(state)).toEqual([]);
  });

  it('burns the fee when there is no block author, and the books still balance', () => {
    const state = smallChain({ subnets: 1, neurons: 1 });
    const r = burnedRegister(state, { coldkey: 'whale', hotkey: 'new-hk', netuid: 1 });
    if (!r.ok) throw new Error(r.reason);
    expect(r.burnedFeeRao).toBe(r.feeRao);
    expect(state.totals.burnedTaoRao).toBe(r.feeRao);
    expect(checkInvariants(state)).toEqual([]);
  });

  it('replaces the lowest-emission non-immune UID when the subnet is full; the old hotkey keeps its stake', () => {
    const state = smallChain({ subnets: 1, neurons: 3, subnet: { turnover: { maxAllowedUids: 4, immunityPeriodBlocks: 0, minNonImmuneUids: 0 } } });
    const s = subnetOf(state, 1)!;
    s.lastEmissionRao = [0n, 50n, 10n, 30n];
    const staked = state.ledger.stake.get(`1\u001f${neuronHotkey(1, 1)}`)!.totalValueRao;
    const r = burnedRegister(state, { coldkey: 'whale', hotkey: 'newcomer', netuid: 1 });
    if (!r.ok) throw new Error(r.reason);
    // UID 0 is the owner (immortal); the lowest emission among the rest is UID 2.
    expect(r.uid).toBe(2);
    expect(r.replacedHotkey).toBe(neuronHotkey(1, 1));
    expect(s.neurons.n).toBe(4);
    expect(s.neurons.hotkeys[2]).toBe('newcomer');
    expect(s.lastEmissionRao[2]).toBe(0n);
    expect(state.ledger.stake.get(`1\u001f${neuronHotkey(1, 1)}`)!.totalValueRao).toBe(staked);
    expect(checkInvariants(state)).toEqual([]);
  });

  it('rejects without changing anything', () => {
    const state = smallChain({ subnets: 1, neurons: 1 });
    const snapshot = structuredClone(state);
    expect(burnedRegister(state, { coldkey: 'whale', hotkey: 'x', netuid: 0 })).toEqual({ ok: false, reason: 'RegistrationNotPermittedOnRootSubnet' });
    expect(burnedRegister(state, { coldkey: 'whale', hotkey: 'x', netuid: 7 })).toEqual({ ok: false, reason: 'SubnetNotExists' });
    expect(burnedRegister(state, { coldkey: 'whale', hotkey: neuronHotkey(1, 0), netuid: 1 })).toEqual({ ok: false, reason: 'HotKeyAlreadyRegisteredInSubNet' });
    expect(burnedRegister(state, { coldkey: 'whale', hotkey: 'root-validator', netuid: 1 })).toEqual({ ok: false, reason: 'NonAssociatedColdKey' });
    expect(burnedRegister(state, { coldkey: 'pauper', hotkey: 'x', netuid: 1 })).toEqual({ ok: false, reason: 'NotEnoughBalanceToStake' });
    expect(burnedRegister(state, { coldkey: 'whale', hotkey: 'x', netuid: 1, limitRao: TAO - 1n })).toEqual({ ok: false, reason: 'RegistrationBurnAboveLimit' });
    subnetOf(state, 1)!.economy.registrationAllowed = false;
    expect(burnedRegister(state, { coldkey: 'whale', hotkey: 'x', netuid: 1 })).toEqual({ ok: false, reason: 'SubNetRegistrationDisabled' });
    subnetOf(state, 1)!.economy.registrationAllowed = true;
    expect(state).toEqual(snapshot);
  });

  it('fails with NoNeuronIdAvailable when every UID of a full subnet is owner-immortal', () => {
    const state = smallChain({ subnets: 1, neurons: 0, subnet: { turnover: { maxAllowedUids: 1, immunityPeriodBlocks: 0, minNonImmuneUids: 0 } } });
    expect(burnedRegister(state, { coldkey: 'whale', hotkey: 'x', netuid: 1 })).toEqual({ ok: false, reason: 'NoNeuronIdAvailable' });
    expect(ownerColdkey(1)).toBe('owner-ck-1');
  });
});
