/**
 * Epoch distribution on random ledgers (tokenomics.md §10 invariants 13–15, §6.4): the accounting
 * of `distributeEmission` adds up to the drained S + V + R + O exactly and matches what the ledger
 * and `SubnetAlphaOut` actually received, flooring dust stays within its bound, alpha accounting
 * holds afterwards, and childkey inheritance conserves stake within a closed family of hotkeys.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newSubnetEconomy } from '../../src/consensus/coinbase/subnetEconomy.ts';
import { setChildkeyTake, setChildren, parentsOf } from '../../src/consensus/staking/childKeys.ts';
import { distributeEmission, type DistributionResult } from '../../src/consensus/staking/distributeEmission.ts';
import { epochStakeOfHotkeys } from '../../src/consensus/staking/epochStake.ts';
import { rootClaimableRate, unclaimedRootAlpha } from '../../src/consensus/staking/rootClaimable.ts';
import { createStakeLedger, hotkeyStake, key, registerHotkey, totalStakedOnSubnet, type StakeLedger } from '../../src/consensus/staking/stakeLedger.ts';
import { increaseStakeForHotkeyAndColdkey } from '../../src/consensus/staking/stakeUpdates.ts';

const NET = 5;
const U64_MAX = (1n << 64n) - 1n;
const TWO_32 = 1n << 32n;
const COLDKEYS = ['c0', 'c1', 'c2', 'c3'];

interface HotkeyDraw {
  readonly owner: number;
  readonly alphaRao: bigint;
  readonly nominatorRao: bigint;
  readonly nominator: number;
  /** Kept below 2^32 rao so each root-claimable credit can be read back exactly from the rate. */
  readonly rootRao: bigint;
  readonly children: readonly { readonly child: number; readonly proportionRaw: bigint }[];
  readonly childkeyTakeU16: number;
  readonly delegateTakeU16: number;
  readonly incentiveWeight: number;
  readonly dividendRao: bigint;
}

const hotkeyArb: fc.Arbitrary<HotkeyDraw> = fc.record({
  owner: fc.integer({ min: 0, max: 3 }),
  alphaRao: fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 10n ** 13n })),
  nominatorRao: fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 10n ** 12n })),
  nominator: fc.integer({ min: 0, max: 3 }),
  rootRao: fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: TWO_32 - 1n })),
  children: fc.array(fc.record({ child: fc.integer({ min: 0, max: 6 }), proportionRaw: fc.bigInt({ min: 0n, max: U64_MAX / 3n }) }), { maxLength: 3 }),
  childkeyTakeU16: fc.integer({ min: 0, max: 11_796 }),
  delegateTakeU16: fc.integer({ min: 0, max: 11_796 }),
  incentiveWeight: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000 })),
  dividendRao: fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 10n ** 12n })),
});

const scenarioArb = fc.record({
  hotkeys: fc.array(hotkeyArb, { minLength: 2, maxLength: 7 }),
  /** Which hotkeys hold a uid (the rest may still be parents), and whether a hotkey-less uid exists. */
  uidMask: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
  emptyUid: fc.boolean(),
  emptyUidIncentive: fc.bigInt({ min: 0n, max: 10n ** 9n }),
  serverRao: fc.bigInt({ min: 0n, max: 10n ** 13n }),
  validatorRao: fc.bigInt({ min: 0n, max: 10n ** 13n }),
  rootRao: fc.bigInt({ min: 0n, max: 10n ** 13n }),
  ownerCutRao: fc.bigInt({ min: 0n, max: 10n ** 13n }),
  /** Share of S the epoch hands to miners, per mille (below 1000 models the epoch's flooring). */
  incentiveFillMilli: fc.integer({ min: 990, max: 1_000 }),
  taoWeightRaw: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: U64_MAX })),
  ckBurnRaw: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: U64_MAX })),
  owner: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 3 })),
  ownerHotkey: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 7 })),
  recycle: fc.boolean(),
  autoStake: fc.option(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 6 })), { nil: undefined }),
  protocolAlphaRao: fc.bigInt({ min: 0n, max: 10n ** 9n }),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

interface Built {
  readonly ledger: StakeLedger;
  readonly names: string[];
  readonly uidHotkeys: (string | null)[];
  readonly incentiveRao: bigint[];
  readonly dividendRao: bigint[];
}

function build(s: Scenario): Built {
  const ledger = createStakeLedger();
  const names = s.hotkeys.map((_, i) => `h${i}`);
  s.hotkeys.forEach((h, i) => {
    registerHotkey(ledger, names[i]!, COLDKEYS[h.owner]!);
    increaseStakeForHotkeyAndColdkey(ledger, names[i]!, COLDKEYS[h.owner]!, NET, h.alphaRao);
    increaseStakeForHotkeyAndColdkey(ledger, names[i]!, COLDKEYS[h.nominator]!, NET, h.nominatorRao);
    increaseStakeForHotkeyAndColdkey(ledger, names[i]!, COLDKEYS[h.owner]!, 0, h.rootRao);
    ledger.delegateTakeU16.set(names[i]!, h.delegateTakeU16);
    expect(setChildkeyTake(ledger, { coldkey: COLDKEYS[h.owner]!, hotkey: names[i]!, netuid: NET, takeU16: h.childkeyTakeU16, block: 1 }).ok).toBe(true);
  });
  s.hotkeys.forEach((h, i) => {
    const seen = new Set<number>();
    const children = h.children
      .filter((c) => c.child < names.length && c.child !== i && !seen.has(c.child) && (seen.add(c.child), true))
      .map((c) => ({ hotkey: names[c.child]!, proportionRaw: c.proportionRaw }));
    const r = setChildren(ledger, { coldkey: COLDKEYS[h.owner]!, hotkey: names[i]!, netuid: NET, children, block: 10, subnetStarted: false });
    expect(r).toEqual({ ok: true });
  });
  if (s.autoStake !== undefined) ledger.autoStakeDestination.set(key(NET, COLDKEYS[s.autoStake[0]]!), names[s.autoStake[1] % names.length]!);
  const uidIdx = names.map((_, i) => i).filter((i) => s.uidMask[i]);
  const uidHotkeys: (string | null)[] = uidIdx.map((i) => names[i]!);
  const weights = uidIdx.map((i) => BigInt(s.hotkeys[i]!.incentiveWeight));
  const weightSum = weights.reduce((a, b) => a + b, 0n);
  const budget = (s.serverRao * BigInt(s.incentiveFillMilli)) / 1_000n;
  const incentiveRao = weights.map((w) => (weightSum === 0n ? 0n : (budget * w) / weightSum));
  const dividendRao = uidIdx.map((i) => s.hotkeys[i]!.dividendRao);
  if (s.emptyUid) {
    uidHotkeys.push(null);
    // A hotkey-less uid's incentive still comes out of S in the epoch.
    const room = s.serverRao - incentiveRao.reduce((a, b) => a + b, 0n);
    incentiveRao.push(s.emptyUidIncentive < room ? s.emptyUidIncentive : room);
    dividendRao.push(s.emptyUidIncentive);
  }
  return { ledger, names, uidHotkeys, incentiveRao, dividendRao };
}

function sumOfParts(r: DistributionResult): bigint {
  return (
    r.minerStakedRao + r.validatorStakedRao + r.delegateTakeRao + r.childkeyTakeRao + r.rootClaimableRao + r.rootTakeRao +
    r.ownerCutStakedRao + r.burnedRao + r.recycledRao + r.unownedRao + r.dustRao
  );
}

function run(s: Scenario) {
  const b = build(s);
  const subnet = newSubnetEconomy({ netuid: NET });
  subnet.protocolAlphaRao = s.protocolAlphaRao;
  const drainedTotal = s.serverRao + s.validatorRao + s.rootRao + s.ownerCutRao;
  subnet.alphaOutRao = totalStakedOnSubnet(b.ledger, NET) + drainedTotal + s.protocolAlphaRao;
  const alphaOutBefore = subnet.alphaOutRao;
  const stakedBefore = totalStakedOnSubnet(b.ledger, NET);
  const ratesBefore = new Map(b.names.map((h) => [h, rootClaimableRate(b.ledger, h, NET)]));
  const r = distributeEmission(
    b.ledger,
    subnet,
    { netuid: NET, serverRao: s.serverRao, validatorRao: s.validatorRao, rootRao: s.rootRao, ownerCutRao: s.ownerCutRao },
    b.uidHotkeys,
    b.incentiveRao,
    b.dividendRao,
    {
      netuid: NET,
      block: 20,
      ownerColdkey: s.owner === null ? null : COLDKEYS[s.owner]!,
      ownerHotkey: s.ownerHotkey === null ? null : s.ownerHotkey < b.names.length ? b.names[s.ownerHotkey]! : 'absent',
      taoWeightRaw: s.taoWeightRaw,
      recycleOwnerIncentive: s.recycle,
      ckBurnRaw: s.ckBurnRaw,
    },
  );
  return { b, subnet, r, drainedTotal, alphaOutBefore, stakedBefore, ratesBefore };
}

const RUNS = 150;

describe('distributeEmission on random ledgers', () => {
  it('accounts for S + V + R + O exactly, with no negative part (invariant 13)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { r, drainedTotal } = run(s);
        expect(sumOfParts(r)).toBe(drainedTotal);
        for (const [name, v] of Object.entries(r)) if (typeof v === 'bigint') expect(v, name).toBeGreaterThanOrEqual(0n);
        expect(r.incentiveCreditRao.reduce((a, x) => a + x, 0n)).toBe(r.minerStakedRao);
        expect(r.minerBurnedU96F32).toBeLessThanOrEqual(TWO_32);
      }),
      { numRuns: RUNS },
    );
  });

  it('reports what the ledger and SubnetAlphaOut actually received', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { b, subnet, r, alphaOutBefore, stakedBefore, ratesBefore } = run(s);
        expect(subnet.alphaOutRao).toBe(alphaOutBefore - r.recycledRao);
        // Each root-claimable credit a is recovered from the rate increment: floor(a·2^32/S) with S < 2^32
        // leaves exactly one integer a, ceil(Δrate·S/2^32).
        let claimable = 0n;
        for (const h of b.names) {
          const delta = rootClaimableRate(b.ledger, h, NET) - ratesBefore.get(h)!;
          const rootStake = hotkeyStake(b.ledger, h, 0);
          if (delta > 0n) claimable += (delta * rootStake + TWO_32 - 1n) / TWO_32;
        }
        const stakedDelta = totalStakedOnSubnet(b.ledger, NET) - stakedBefore;
        expect(stakedDelta + claimable).toBe(
          r.minerStakedRao + r.validatorStakedRao + r.delegateTakeRao + r.childkeyTakeRao + r.rootClaimableRao + r.rootTakeRao + r.ownerCutStakedRao,
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('loses under 1 rao per floored payout plus the 2^-32 share truncation of each dividend share', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { b, r } = run(s);
        // Dividend entries: every uid hotkey and each of its parents (a parent may also carry a CK-burn entry).
        let entries = 0n;
        for (const h of b.uidHotkeys) if (h !== null) entries += 1n + 2n * BigInt(parentsOf(b.ledger, h, NET).length);
        const incentiveSum = b.incentiveRao.reduce((a, x, i) => (b.uidHotkeys[i] === null ? a : a + x), 0n);
        const budget = (incentiveSum > 0n ? s.validatorRao : s.validatorRao + s.serverRao) + s.rootRao;
        // Per entry: up to 4 floors (take and rest, alpha and root) and a share error below (budget + 2)·2^-32.
        if (entries === 0n) expect(r.dustRao).toBe(0n);
        else expect(r.dustRao * TWO_32).toBeLessThan(entries * (4n * TWO_32 + budget + 2n));
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps staked + protocol + unclaimed root alpha within SubnetAlphaOut afterwards (invariant 15)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { subnet, b } = run(s);
        const ledger = b.ledger;
        const held = totalStakedOnSubnet(ledger, NET) + subnet.protocolAlphaRao + unclaimedRootAlpha(ledger, NET);
        expect(held).toBeLessThanOrEqual(subnet.alphaOutRao);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('childkey inheritance on random families', () => {
  it('conserves alpha and root stake over a closed family of hotkeys, up to 1 rao of flooring each', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { ledger, names } = build(s);
        const { alphaStakeRao, rootStakeRao } = epochStakeOfHotkeys(ledger, NET, names);
        const ownAlpha = names.reduce((a, h) => a + hotkeyStake(ledger, h, NET), 0n);
        const ownRoot = names.reduce((a, h) => a + hotkeyStake(ledger, h, 0), 0n);
        const k = BigInt(names.length);
        const inheritedAlpha = alphaStakeRao.reduce((a, x) => a + x, 0n);
        const inheritedRoot = rootStakeRao.reduce((a, x) => a + x, 0n);
        expect(inheritedAlpha).toBeLessThanOrEqual(ownAlpha);
        expect(inheritedAlpha).toBeGreaterThan(ownAlpha - k);
        expect(inheritedRoot).toBeLessThanOrEqual(ownRoot);
        expect(inheritedRoot).toBeGreaterThan(ownRoot - k);
      }),
      { numRuns: RUNS },
    );
  });
});
