import { describe, expect, it } from 'vitest';
import { newSubnetEconomy, type SubnetEconomy } from '../../../../src/consensus/coinbase/subnetEconomy.ts';
import type { DrainedEpoch } from '../../../../src/consensus/coinbase/epochSchedule.ts';
import { setChildkeyTake, setChildren } from '../../../../src/consensus/staking/childKeys.ts';
import { distributeEmission, type DistributionContext, type DistributionResult } from '../../../../src/consensus/staking/distributeEmission.ts';
import { parentChildDividends } from '../../../../src/consensus/staking/parentChildDividends.ts';
import { rootClaimableRate } from '../../../../src/consensus/staking/rootClaimable.ts';
import { createStakeLedger, hotkeyStake, key, registerHotkey, stakeOf, type StakeLedger } from '../../../../src/consensus/staking/stakeLedger.ts';
import { increaseStakeForHotkeyAndColdkey } from '../../../../src/consensus/staking/stakeUpdates.ts';

const NET = 1;
const HALF_RAW = 1n << 63n;

function drained(s: bigint, v: bigint, r: bigint, o: bigint): DrainedEpoch {
  return { netuid: NET, serverRao: s, validatorRao: v, rootRao: r, ownerCutRao: o };
}

function ctx(over: Partial<DistributionContext> = {}): DistributionContext {
  return { netuid: NET, block: 100, ownerColdkey: 'cO', ownerHotkey: 'hO', taoWeightRaw: 0n, recycleOwnerIncentive: false, ...over };
}

function subnetWithAlphaOut(alphaOutRao: bigint): SubnetEconomy {
  const s = newSubnetEconomy({ netuid: NET });
  s.alphaOutRao = alphaOutRao;
  return s;
}

function sumOfParts(r: DistributionResult): bigint {
  return (
    r.minerStakedRao + r.validatorStakedRao + r.delegateTakeRao + r.childkeyTakeRao + r.rootClaimableRao + r.rootTakeRao +
    r.ownerCutStakedRao + r.burnedRao + r.recycledRao + r.unownedRao + r.dustRao
  );
}

function baseLedger(): StakeLedger {
  const ledger = createStakeLedger();
  registerHotkey(ledger, 'hO', 'cO');
  registerHotkey(ledger, 'vA', 'cA');
  registerHotkey(ledger, 'vB', 'cB');
  registerHotkey(ledger, 'm', 'cM');
  increaseStakeForHotkeyAndColdkey(ledger, 'vA', 'cA', NET, 300n);
  increaseStakeForHotkeyAndColdkey(ledger, 'vB', 'cB', NET, 100n);
  return ledger;
}

describe('distributeEmission', () => {
  it('pays miners, validators with their delegate take, and the owner cut when there are no childkeys', () => {
    const ledger = baseLedger();
    const subnet = subnetWithAlphaOut(10_000n);
    const r = distributeEmission(ledger, subnet, drained(1_000n, 1_000n, 0n, 360n), ['vA', 'vB', 'm'], [0n, 0n, 1_000n], [750n, 250n, 0n], ctx());
    // vA: 750 × 0.179995 = 134.996 → take 134, rest 615.004 → 615; vB: 44.999 → 44, 205.001 → 205.
    // TotalHotkeyAlpha; a single holder's value may read up to 1 rao lower (share-pool rounding).
    expect(hotkeyStake(ledger, 'vA', NET)).toBe(300n + 134n + 615n);
    expect(hotkeyStake(ledger, 'vB', NET)).toBe(100n + 44n + 205n);
    expect(stakeOf(ledger, 'm', 'cM', NET)).toBe(1_000n);
    expect(stakeOf(ledger, 'hO', 'cO', NET)).toBe(360n);
    expect(r).toMatchObject({
      minerStakedRao: 1_000n, validatorStakedRao: 820n, delegateTakeRao: 178n, childkeyTakeRao: 0n, rootClaimableRao: 0n, rootTakeRao: 0n,
      ownerCutStakedRao: 360n, burnedRao: 0n, recycledRao: 0n, unownedRao: 0n, dustRao: 2n, minerBurnedU96F32: 0n,
    });
    expect(r.incentiveCreditRao).toEqual([0n, 0n, 1_000n]);
    expect(r.dividendCreditRao).toEqual([749n, 249n, 0n]);
    expect(sumOfParts(r)).toBe(2_360n);
    expect(subnet.alphaOutRao).toBe(10_000n);
  });

  it('splits a child’s dividend with a 50% parent of another coldkey and pays the child its childkey take', () => {
    const ledger = createStakeLedger();
    registerHotkey(ledger, 'P', 'cP');
    registerHotkey(ledger, 'C', 'cC');
    increaseStakeForHotkeyAndColdkey(ledger, 'P', 'cP', NET, 1_000n);
    increaseStakeForHotkeyAndColdkey(ledger, 'C', 'cC', NET, 1_000n);
    expect(setChildren(ledger, { coldkey: 'cP', hotkey: 'P', netuid: NET, children: [{ hotkey: 'C', proportionRaw: HALF_RAW }], block: 1, subnetStarted: false }).ok).toBe(true);
    expect(setChildkeyTake(ledger, { coldkey: 'cC', hotkey: 'C', netuid: NET, takeU16: 11_796, block: 1 }).ok).toBe(true);
    ledger.delegateTakeU16.set('P', 0);
    ledger.delegateTakeU16.set('C', 0);
    // Contributions: C keeps all of its own 1000, P lends 500 → P's share e = D/3 = 333.333;
    // childkey take 333.333 × 0.179995 = 59.998 → P gets 273.33 → 273, C gets 666.667 + 59.998 → 726.
    const split = parentChildDividends(ledger, 'C', NET, 1_000n, 0n, 0n);
    expect(split.shares).toEqual([{ hotkey: 'P', dividendRao: 273n }, { hotkey: 'C', dividendRao: 726n }]);

    const subnet = subnetWithAlphaOut(5_000_000n);
    const r = distributeEmission(ledger, subnet, drained(1_000_000n, 1_000_000n, 0n, 0n), ['C', 'm'], [0n, 1_000_000n], [1_000n, 0n], ctx({ ownerColdkey: null, ownerHotkey: null }));
    // V rescaled over 273 : 726 → 273273.27 → 273273 and 726726.73 → 726726 (1 rao of dust).
    expect(hotkeyStake(ledger, 'P', NET)).toBe(1_000n + 273_273n);
    expect(hotkeyStake(ledger, 'C', NET)).toBe(1_000n + 726_726n);
    // Of C's 726726, the childkey-take part is 726726 × 59.998/726 = 60058.47 → 60058.
    expect(r.childkeyTakeRao).toBe(60_058n);
    expect(r.validatorStakedRao).toBe(273_273n + 726_726n - 60_058n);
    expect(r.dustRao).toBe(1n);
    // The incentive of the uid without an owner coldkey ('m' is unregistered here) is unowned.
    expect(r.minerStakedRao).toBe(0n);
    expect(r.unownedRao).toBe(1_000_000n);
    expect(r.dividendCreditRao).toEqual([726_726n, 0n]);
    expect(sumOfParts(r)).toBe(2_000_000n);
  });

  it('pays no childkey take between hotkeys of the same coldkey', () => {
    const ledger = createStakeLedger();
    registerHotkey(ledger, 'P', 'c');
    registerHotkey(ledger, 'C', 'c');
    increaseStakeForHotkeyAndColdkey(ledger, 'P', 'c', NET, 1_000n);
    increaseStakeForHotkeyAndColdkey(ledger, 'C', 'c', NET, 1_000n);
    setChildren(ledger, { coldkey: 'c', hotkey: 'P', netuid: NET, children: [{ hotkey: 'C', proportionRaw: HALF_RAW }], block: 1, subnetStarted: false });
    setChildkeyTake(ledger, { coldkey: 'c', hotkey: 'C', netuid: NET, takeU16: 11_796, block: 1 });
    // e_P = 1000/3 = 333.33 → 333, C keeps 666.67 → 666.
    expect(parentChildDividends(ledger, 'C', NET, 1_000n, 0n, (1n << 32n) - 1n).shares).toEqual([{ hotkey: 'P', dividendRao: 333n }, { hotkey: 'C', dividendRao: 666n }]);
  });

  it('gives the validators S + V when every incentive is 0 (invariant 14)', () => {
    const ledger = baseLedger();
    ledger.delegateTakeU16.set('vA', 0);
    const subnet = subnetWithAlphaOut(10_000n);
    const r = distributeEmission(ledger, subnet, drained(500n, 300n, 0n, 0n), ['vA', 'm'], [0n, 0n], [100n, 0n], ctx());
    expect(hotkeyStake(ledger, 'vA', NET)).toBe(300n + 800n);
    expect(r).toMatchObject({ minerStakedRao: 0n, validatorStakedRao: 800n, unownedRao: 0n, dustRao: 0n, minerBurnedU96F32: 0n });
  });

  it('leaves R unowned when no dividend hotkey holds root stake, and V′ when nobody has a dividend', () => {
    const ledger = baseLedger();
    ledger.delegateTakeU16.set('vA', 0);
    const subnet = subnetWithAlphaOut(10_000n);
    const r = distributeEmission(ledger, subnet, drained(400n, 300n, 200n, 0n), ['vA', 'm'], [0n, 400n], [100n, 0n], ctx({ taoWeightRaw: HALF_RAW }));
    expect(r).toMatchObject({ minerStakedRao: 400n, validatorStakedRao: 300n, rootClaimableRao: 0n, unownedRao: 200n, dustRao: 0n });
    const none = distributeEmission(baseLedger(), subnetWithAlphaOut(10_000n), drained(400n, 300n, 200n, 0n), ['vA', 'm'], [0n, 400n], [0n, 0n], ctx());
    expect(none).toMatchObject({ minerStakedRao: 400n, validatorStakedRao: 0n, unownedRao: 500n, dustRao: 0n });
  });

  it('splits a dividend into alpha and root parts by the hotkey’s own stakes and credits root-claimable', () => {
    const ledger = baseLedger();
    increaseStakeForHotkeyAndColdkey(ledger, 'vA', 'cA', 0, 600n);
    // τ = 0.5: root weighs 300 against alpha 300, so each half of the dividend goes one way; as the
    // only dividend hotkey vA receives all of V′ = 1000 and all of R = 400.
    const r = distributeEmission(ledger, subnetWithAlphaOut(10_000n), drained(1_000n, 1_000n, 400n, 0n), ['vA', 'm'], [0n, 1_000n], [10n, 0n], ctx({ taoWeightRaw: HALF_RAW }));
    // Alpha: take 179.995 → 179, rest 820.005 → 820. Root: take 71.998 → 71 staked as alpha, rest 328.002 → 328 claimable.
    expect(r).toMatchObject({ delegateTakeRao: 179n, validatorStakedRao: 820n, rootTakeRao: 71n, rootClaimableRao: 328n, dustRao: 2n, unownedRao: 0n });
    expect(hotkeyStake(ledger, 'vA', NET)).toBe(300n + 179n + 820n + 71n);
    expect(rootClaimableRate(ledger, 'vA', NET)).toBe((328n << 32n) / 600n);
    expect(sumOfParts(r)).toBe(2_400n);
  });

  it('burns owner-held hotkeys’ incentive by default and recycles it under Recycle, setting MinerBurned', () => {
    for (const recycle of [false, true]) {
      const ledger = baseLedger();
      registerHotkey(ledger, 'hO2', 'cO');
      const subnet = subnetWithAlphaOut(10_000n);
      const r = distributeEmission(ledger, subnet, drained(1_000n, 0n, 0n, 0n), ['hO', 'hO2', 'm'], [300n, 100n, 600n], [0n, 0n, 0n], ctx({ recycleOwnerIncentive: recycle }));
      expect(r.burnedRao).toBe(recycle ? 0n : 400n);
      expect(r.recycledRao).toBe(recycle ? 400n : 0n);
      expect(subnet.alphaOutRao).toBe(recycle ? 9_600n : 10_000n);
      expect(r.minerStakedRao).toBe(600n);
      expect(stakeOf(ledger, 'hO', 'cO', NET)).toBe(0n);
      // 400/1000 = 0.4 → floor(0.4 · 2^32).
      expect(r.minerBurnedU96F32).toBe(1_717_986_918n);
      expect(subnet.minerBurnedU96F32).toBe(1_717_986_918n);
      expect(r.incentiveCreditRao).toEqual([0n, 0n, 600n]);
    }
  });

  it('stakes a miner’s incentive on its coldkey’s AutoStakeDestination', () => {
    const ledger = baseLedger();
    ledger.autoStakeDestination.set(key(NET, 'cM'), 'vA');
    distributeEmission(ledger, subnetWithAlphaOut(10_000n), drained(1_000n, 0n, 0n, 0n), ['m'], [1_000n], [0n], ctx());
    expect(stakeOf(ledger, 'vA', 'cM', NET)).toBe(1_000n);
    expect(stakeOf(ledger, 'm', 'cM', NET)).toBe(0n);
  });

  it('recycles the CK burn out of V′ for a parent of another coldkey', () => {
    const ledger = createStakeLedger();
    registerHotkey(ledger, 'P', 'cP');
    registerHotkey(ledger, 'C', 'cC');
    increaseStakeForHotkeyAndColdkey(ledger, 'P', 'cP', NET, 1_000n);
    setChildren(ledger, { coldkey: 'cP', hotkey: 'P', netuid: NET, children: [{ hotkey: 'C', proportionRaw: (1n << 64n) - 1n }], block: 1, subnetStarted: false });
    ledger.delegateTakeU16.set('P', 0);
    const subnet = subnetWithAlphaOut(10_000n);
    // C has no own stake: P's share is the whole dividend; half of it (CK burn 0.5) is recycled.
    const r = distributeEmission(ledger, subnet, drained(0n, 1_000n, 0n, 0n), ['C'], [0n], [100n], ctx({ ckBurnRaw: HALF_RAW, ownerColdkey: null, ownerHotkey: null }));
    expect(r.recycledRao).toBe(500n);
    expect(r.validatorStakedRao).toBe(500n);
    expect(hotkeyStake(ledger, 'P', NET)).toBe(1_500n);
    expect(subnet.alphaOutRao).toBe(9_500n);
    expect(sumOfParts(r)).toBe(1_000n);
  });

  it('counts the miners’ budget not handed out as unowned, and the owner cut without an owner', () => {
    const ledger = baseLedger();
    const r = distributeEmission(ledger, subnetWithAlphaOut(10_000n), drained(1_000n, 0n, 0n, 50n), ['m', null], [990n, 7n], [0n, 0n], ctx({ ownerHotkey: null }));
    expect(r).toMatchObject({ minerStakedRao: 990n, unownedRao: 10n + 50n, ownerCutStakedRao: 0n });
    expect(sumOfParts(r)).toBe(1_050n);
  });
});
