import { describe, expect, it } from 'vitest';
import { applyPendingChildKeys, childrenOf, parentsOf, setChildkeyTake, setChildren, childkeyTakeU16Of, type SetChildrenRequest } from '../../../../src/consensus/staking/childKeys.ts';
import { createStakeLedger, key, registerHotkey, type StakeLedger } from '../../../../src/consensus/staking/stakeLedger.ts';
import { increaseStakeForHotkeyAndColdkey } from '../../../../src/consensus/staking/stakeUpdates.ts';

const NET = 2;
const U64_MAX = (1n << 64n) - 1n;

function ledgerWithParent(): StakeLedger {
  const ledger = createStakeLedger();
  registerHotkey(ledger, 'p', 'cp');
  for (const h of ['a', 'b', 'c', 'd', 'e', 'f']) registerHotkey(ledger, h, `c${h}`);
  increaseStakeForHotkeyAndColdkey(ledger, 'p', 'cp', NET, 1_000n);
  return ledger;
}

function req(over: Partial<SetChildrenRequest> = {}): SetChildrenRequest {
  return { coldkey: 'cp', hotkey: 'p', netuid: NET, children: [{ hotkey: 'a', proportionRaw: U64_MAX / 2n }], block: 1_000, subnetStarted: true, ...over };
}

describe('setChildren', () => {
  it('schedules children with a 7,200-block cooldown and applies them only at an epoch strictly after it', () => {
    const ledger = ledgerWithParent();
    expect(setChildren(ledger, req())).toEqual({ ok: true });
    expect(childrenOf(ledger, 'p', NET)).toEqual([]);
    expect(ledger.pendingChildKeys.get(key(NET, 'p'))?.cooldownBlock).toBe(8_200);
    expect(applyPendingChildKeys(ledger, NET, 8_200)).toEqual([]);
    expect(applyPendingChildKeys(ledger, NET + 1, 8_201)).toEqual([]);
    expect(applyPendingChildKeys(ledger, NET, 8_201)).toEqual(['p']);
    expect(childrenOf(ledger, 'p', NET)).toEqual([{ proportionRaw: U64_MAX / 2n, hotkey: 'a' }]);
    expect(parentsOf(ledger, 'a', NET)).toEqual([{ proportionRaw: U64_MAX / 2n, hotkey: 'p' }]);
    expect(ledger.pendingChildKeys.size).toBe(0);
  });

  it('applies children at once before start_call', () => {
    const ledger = ledgerWithParent();
    expect(setChildren(ledger, req({ subnetStarted: false }))).toEqual({ ok: true });
    expect(childrenOf(ledger, 'p', NET).map((c) => c.hotkey)).toEqual(['a']);
    expect(ledger.pendingChildKeys.size).toBe(0);
  });

  it('replacing the children removes the parent from its old children', () => {
    const ledger = ledgerWithParent();
    setChildren(ledger, req({ subnetStarted: false }));
    expect(setChildren(ledger, req({ subnetStarted: false, block: 1_150, children: [{ hotkey: 'b', proportionRaw: 5n }] }))).toEqual({ ok: true });
    expect(parentsOf(ledger, 'a', NET)).toEqual([]);
    expect(parentsOf(ledger, 'b', NET)).toEqual([{ proportionRaw: 5n, hotkey: 'p' }]);
    expect(setChildren(ledger, req({ subnetStarted: false, block: 1_300, children: [] }))).toEqual({ ok: true });
    expect(childrenOf(ledger, 'p', NET)).toEqual([]);
    expect(parentsOf(ledger, 'b', NET)).toEqual([]);
  });

  it('keeps other parents of a child when one parent leaves it', () => {
    const ledger = ledgerWithParent();
    registerHotkey(ledger, 'q', 'cq');
    setChildren(ledger, req({ subnetStarted: false }));
    setChildren(ledger, { ...req({ subnetStarted: false }), coldkey: 'cq', hotkey: 'q', children: [{ hotkey: 'a', proportionRaw: 7n }] });
    setChildren(ledger, req({ subnetStarted: false, block: 1_200, children: [] }));
    expect(parentsOf(ledger, 'a', NET)).toEqual([{ proportionRaw: 7n, hotkey: 'q' }]);
  });

  it('rate-limits a hotkey to one call per 150 blocks on a subnet', () => {
    const ledger = ledgerWithParent();
    expect(setChildren(ledger, req()).ok).toBe(true);
    expect(setChildren(ledger, req({ block: 1_149 }))).toEqual({ ok: false, reason: 'TxRateLimitExceeded' });
    expect(setChildren(ledger, req({ block: 1_150 })).ok).toBe(true);
  });

  it('rejects each invalid request with the chain’s error', () => {
    const ledger = ledgerWithParent();
    const five = ['a', 'b', 'c', 'd', 'e'].map((hotkey) => ({ hotkey, proportionRaw: 1n }));
    expect(setChildren(ledger, req({ netuid: 0 }))).toEqual({ ok: false, reason: 'RegistrationNotPermittedOnRootSubnet' });
    expect(setChildren(ledger, req({ coldkey: 'ca' }))).toEqual({ ok: false, reason: 'NonAssociatedColdKey' });
    expect(setChildren(ledger, req({ children: [...five, { hotkey: 'f', proportionRaw: 1n }] }))).toEqual({ ok: false, reason: 'TooManyChildren' });
    expect(setChildren(ledger, req({ children: [{ hotkey: 'p', proportionRaw: 1n }] }))).toEqual({ ok: false, reason: 'InvalidChild' });
    expect(setChildren(ledger, req({ children: [{ hotkey: 'a', proportionRaw: U64_MAX }, { hotkey: 'b', proportionRaw: 1n }] }))).toEqual({ ok: false, reason: 'ProportionOverflow' });
    expect(setChildren(ledger, req({ children: [{ hotkey: 'a', proportionRaw: 1n }, { hotkey: 'a', proportionRaw: 1n }] }))).toEqual({ ok: false, reason: 'DuplicateChild' });
    expect(ledger.pendingChildKeys.size).toBe(0);
    expect(ledger.lastSetChildrenBlock.size).toBe(0);
    // Exactly five children summing to u64::MAX is allowed.
    expect(setChildren(ledger, req({ children: five.map((c, i) => ({ ...c, proportionRaw: i === 0 ? U64_MAX - 4n : 1n })) })).ok).toBe(true);
  });

  it('requires the parent’s total stake to reach the threshold unless it is the subnet owner hotkey or removes all children', () => {
    const ledger = ledgerWithParent();
    increaseStakeForHotkeyAndColdkey(ledger, 'p', 'cp', 0, 500n);
    // 1000 alpha at 0.25 TAO + 500 root = 750 rao.
    const price = () => 1n << 62n;
    expect(setChildren(ledger, req({ stakeThresholdRao: 751n, alphaPriceU64F64: price }))).toEqual({ ok: false, reason: 'NotEnoughStakeToSetChildkeys' });
    expect(setChildren(ledger, req({ stakeThresholdRao: 750n, alphaPriceU64F64: price })).ok).toBe(true);
    const other = ledgerWithParent();
    expect(setChildren(other, req({ stakeThresholdRao: 10_000n, subnetOwnerHotkey: 'p' })).ok).toBe(true);
    expect(setChildren(other, req({ block: 2_000, stakeThresholdRao: 10_000n, children: [] })).ok).toBe(true);
    expect(setChildren(other, req({ block: 3_000, stakeThresholdRao: 10_000n })).ok).toBe(false);
  });
});

describe('setChildkeyTake', () => {
  it('sets a take within [min, max] for the hotkey’s owner', () => {
    const ledger = ledgerWithParent();
    expect(childkeyTakeU16Of(ledger, 'p', NET)).toBe(0);
    expect(setChildkeyTake(ledger, { coldkey: 'cp', hotkey: 'p', netuid: NET, takeU16: 11_796, block: 5 })).toEqual({ ok: true });
    expect(childkeyTakeU16Of(ledger, 'p', NET)).toBe(11_796);
    expect(childkeyTakeU16Of(ledger, 'p', NET + 1)).toBe(0);
    expect(setChildkeyTake(ledger, { coldkey: 'cp', hotkey: 'p', netuid: NET, takeU16: 11_797, block: 300_000 })).toEqual({ ok: false, reason: 'InvalidChildkeyTake' });
    expect(setChildkeyTake(ledger, { coldkey: 'cp', hotkey: 'p', netuid: NET, takeU16: 9, block: 300_000, minTakeU16: 10 })).toEqual({ ok: false, reason: 'InvalidChildkeyTake' });
    expect(setChildkeyTake(ledger, { coldkey: 'ca', hotkey: 'p', netuid: NET, takeU16: 1, block: 300_000 })).toEqual({ ok: false, reason: 'NonAssociatedColdKey' });
  });

  it('rate-limits raises to one per 216,000 blocks but lets the take fall at any time', () => {
    const ledger = ledgerWithParent();
    const set = (takeU16: number, block: number) => setChildkeyTake(ledger, { coldkey: 'cp', hotkey: 'p', netuid: NET, takeU16, block });
    expect(set(5_000, 100).ok).toBe(true);
    expect(set(4_000, 101).ok).toBe(true);
    expect(set(4_500, 216_100)).toEqual({ ok: false, reason: 'TxChildkeyTakeRateLimitExceeded' });
    expect(set(4_500, 216_101).ok).toBe(true);
    expect(childkeyTakeU16Of(ledger, 'p', NET)).toBe(4_500);
  });
});
