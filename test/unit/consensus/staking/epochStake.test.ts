import { describe, expect, it } from 'vitest';
import { epochStakeOfHotkeys, inheritedAlphaRao, inheritedRootRao, u64RatioU96F32 } from '../../../../src/consensus/staking/epochStake.ts';
import { setChildren } from '../../../../src/consensus/staking/childKeys.ts';
import { createStakeLedger, registerHotkey, type StakeLedger } from '../../../../src/consensus/staking/stakeLedger.ts';
import { increaseStakeForHotkeyAndColdkey } from '../../../../src/consensus/staking/stakeUpdates.ts';

const NET = 3;
const U64_MAX = (1n << 64n) - 1n;
/** 2^63 / (2^64 − 1) truncates to exactly 0.5 in U96F32 (raw 2^31). */
const HALF_RAW = 1n << 63n;

function family(): StakeLedger {
  const ledger = createStakeLedger();
  registerHotkey(ledger, 'parent', 'cp');
  registerHotkey(ledger, 'child', 'cc');
  registerHotkey(ledger, 'other', 'co');
  increaseStakeForHotkeyAndColdkey(ledger, 'parent', 'cp', NET, 1_000n);
  increaseStakeForHotkeyAndColdkey(ledger, 'child', 'cc', NET, 1_000n);
  increaseStakeForHotkeyAndColdkey(ledger, 'other', 'co', NET, 7n);
  increaseStakeForHotkeyAndColdkey(ledger, 'parent', 'cp', 0, 400n);
  increaseStakeForHotkeyAndColdkey(ledger, 'child', 'cc', 0, 10n);
  const r = setChildren(ledger, { coldkey: 'cp', hotkey: 'parent', netuid: NET, children: [{ hotkey: 'child', proportionRaw: HALF_RAW }], block: 10, subnetStarted: false });
  expect(r).toEqual({ ok: true });
  return ledger;
}

describe('epochStakeOfHotkeys', () => {
  it('converts a u64 ratio the way get_tao_weight does', () => {
    expect(u64RatioU96F32(HALF_RAW)).toBe(1n << 31n);
    expect(u64RatioU96F32(U64_MAX)).toBe(1n << 32n);
    expect(u64RatioU96F32(0n)).toBe(0n);
  });

  it('gives each hotkey its own stake when there are no childkeys', () => {
    const ledger = createStakeLedger();
    registerHotkey(ledger, 'a', 'ca');
    increaseStakeForHotkeyAndColdkey(ledger, 'a', 'ca', NET, 123n);
    increaseStakeForHotkeyAndColdkey(ledger, 'a', 'ca', 0, 45n);
    expect(epochStakeOfHotkeys(ledger, NET, ['a', null, 'nobody'])).toEqual({ alphaStakeRao: [123n, 0n, 0n], rootStakeRao: [45n, 0n, 0n] });
  });

  it('moves half of a parent’s alpha and root stake to a 50% child', () => {
    const ledger = family();
    // parent: 1000 − 500 alpha, 400 − 200 root; child: 1000 + 500 alpha, 10 + 200 root.
    expect(epochStakeOfHotkeys(ledger, NET, ['parent', 'child', 'other'])).toEqual({
      alphaStakeRao: [500n, 1_500n, 7n],
      rootStakeRao: [200n, 210n, 0n],
    });
  });

  it('uses the childkey links of the subnet asked about, not of other subnets', () => {
    const ledger = family();
    increaseStakeForHotkeyAndColdkey(ledger, 'parent', 'cp', 4, 900n);
    expect(inheritedAlphaRao(ledger, 'parent', 4)).toBe(900n);
    expect(inheritedRootRao(ledger, 'parent', 4)).toBe(400n);
    expect(inheritedRootRao(ledger, 'child', 4)).toBe(10n);
  });

  it('floors each inherited amount to whole rao', () => {
    const ledger = createStakeLedger();
    registerHotkey(ledger, 'p', 'c1');
    registerHotkey(ledger, 'k', 'c2');
    increaseStakeForHotkeyAndColdkey(ledger, 'p', 'c1', NET, 3n);
    // one third of u64::MAX: π = floor(2^32/3)/2^32, so the child inherits 3π = 0.99999999977 → 0 rao,
    // while the parent keeps 3 − 3π = 2.00000000023 → 2 rao.
    setChildren(ledger, { coldkey: 'c1', hotkey: 'p', netuid: NET, children: [{ hotkey: 'k', proportionRaw: U64_MAX / 3n }], block: 1, subnetStarted: false });
    expect(epochStakeOfHotkeys(ledger, NET, ['p', 'k']).alphaStakeRao).toEqual([2n, 0n]);
  });

  it('returns the own root stake on root itself', () => {
    const ledger = family();
    expect(inheritedAlphaRao(ledger, 'parent', 0)).toBe(400n);
  });
});
