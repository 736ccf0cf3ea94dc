import { describe, expect, it } from 'vitest';
import { assertInvariants, checkInvariants, InvariantViolation } from '../../../../src/consensus/chain/checkInvariants.ts';
import { createChain, subnetOf } from '../../../../src/consensus/chain/chainState.ts';
import { smallChain, TAO } from '../../../support/chainFixture.ts';

describe('checkInvariants', () => {
  it('accepts a fresh genesis', () => {
    expect(checkInvariants(smallChain())).toEqual([]);
  });

  it('rejects genesis holdings above the issuance', () => {
    expect(() => createChain({ issuanceRao: 10n, balancesRao: { a: 11n } })).toThrow(/exceed the issuance/);
  });

  it('catches TAO created out of nothing', () => {
    const state = smallChain();
    state.ledger.balanceRao.set('whale', state.ledger.balanceRao.get('whale')! + 1n);
    expect(checkInvariants(state)).toEqual([expect.stringMatching(/^TAO not conserved: .*off by 1\)$/)]);
  });

  it('catches alpha owned beyond SubnetAlphaOut', () => {
    const state = smallChain();
    subnetOf(state, 1)!.economy.pendingServerRao += subnetOf(state, 1)!.economy.alphaOutRao;
    expect(checkInvariants(state)).toEqual([expect.stringMatching(/^subnet 1: owned alpha \d+ > SubnetAlphaOut/)]);
  });

  it('catches a burn outside its bounds, a negative reserve, an EMA price above 1 and a hotkey on two UIDs', () => {
    const state = smallChain({ subnets: 1 });
    const s = subnetOf(state, 1)!;
    s.registration.burnRao = s.registration.maxBurnRao + 1n;
    s.economy.movingPriceI96F32 = (1n << 32n) + 1n;
    s.neurons.hotkeys[1] = s.neurons.hotkeys[2]!;
    const v = checkInvariants(state);
    expect(v).toContainEqual(expect.stringMatching(/Burn .* outside/));
    expect(v).toContainEqual(expect.stringMatching(/EMA price raw .* outside \[0, 1\]/));
    expect(v).toContainEqual('subnet 1: a hotkey holds two UIDs');
  });

  it('assertInvariants names the block', () => {
    const state = smallChain();
    state.block = 42;
    state.root.pool.taoReserveRao += TAO;
    expect(() => assertInvariants(state)).toThrow(InvariantViolation);
    expect(() => assertInvariants(state)).toThrow(/^invariant violated after block 42: /);
  });
});
