/**
 * Staking invariants (tokenomics.md §10 items 17–21 and 26) over random sequences of staking
 * operations — stake, unstake (with and without limits), unstake-all, move / transfer / swap,
 * take changes, root claims and claim-type changes, interleaved with root-dividend credits — on
 * root plus three dynamic subnets (one tiny, to reach the reserve floor). After every operation:
 *
 *   - a rejected operation changed nothing at all;
 *   - TAO is conserved: Σ free balances + Σ pool TAO + burned TAO fees + stranded TAO is constant
 *     (author fees are credited to a balance, so they are inside the first sum);
 *   - the pool changes an operation reports are exactly what happened to the subnets;
 *   - per subnet, Σ TotalHotkeyAlpha + unclaimed root-claimable alpha ≤ SubnetAlphaOut (15, 20);
 *   - every share pool is consistent (Σ shares = denominator) and Σ holder values ≤ its value, short
 *     by at most one rao per holder (20);
 *   - a stake raises the price and an unstake lowers it; swaps only run on output reserves at or
 *     above MinimumReserve (17);
 *   - on dynamic subnets ΔSubnetAlphaIn = −ΔSubnetAlphaOut, the fee-alpha resale included (18);
 *   - moves within a subnet leave its pool and SubnetAlphaOut unchanged (21);
 *   - every root claim is > 0, and the total claimed per (hotkey, subnet) never exceeds what was
 *     credited to that hotkey's root-claimable rate (26).
 *
 * Rounding allowance of 15 and 26. When root stake is added, the chain raises `RootClaimed` by
 * floor(rate × Δstake) (claim_root.rs `add_stake_adjust_root_claimed_for_hotkey_and_coldkey`), and
 * the owed amount is floor(rate × stake − claimed): floor(a + b) − floor(b) can exceed floor(a) by
 * one, so every root-stake addition (a stake, a move into root, the restake of a Swap claim) can
 * leave its staker up to 1 alpha-rao more owed than was credited. Found by this test (e.g. two Swap
 * claims on two subnets of one hotkey: the second subnet pays 1 rao more than it was credited).
 * Both checks therefore allow one rao per root-stake addition on the hotkeys concerned, and
 * Σ TotalHotkeyAlpha ≤ SubnetAlphaOut is checked without any allowance.
 *
 * A second property checks no-arbitrage (19) through addStake/removeStake.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resetUninitializedPool } from '../../src/consensus/amm/initializePool.ts';
import { PERQUINTILL_ONE } from '../../src/consensus/amm/poolState.ts';
import { spotPriceU64F64 } from '../../src/consensus/amm/spotPrice.ts';
import { addStake } from '../../src/consensus/staking/addStake.ts';
import { claimRoot, setRootClaimType } from '../../src/consensus/staking/claimRoot.ts';
import { setDelegateTake } from '../../src/consensus/staking/delegateTake.ts';
import { moveStake, swapStake, transferStake } from '../../src/consensus/staking/moveStake.ts';
import { removeStake } from '../../src/consensus/staking/removeStake.ts';
import { increaseRootClaimable, unclaimedRootAlpha } from '../../src/consensus/staking/rootClaimable.ts';
import { sharePoolIsConsistent, sharePoolValues } from '../../src/consensus/staking/sharePool.ts';
import type { StakeEffects } from '../../src/consensus/staking/stakeEffects.ts';
import { stakingContext, type StakingContext } from '../../src/consensus/staking/stakingContext.ts';
import { addBalance, createStakeLedger, registerHotkey, splitKey, stakeOf, totalStakedOnSubnet, type RootClaimType, type StakeLedger } from '../../src/consensus/staking/stakeLedger.ts';
import { subnetLookup, type StakingSubnet } from '../../src/consensus/staking/stakingSubnet.ts';
import { unstakeAll } from '../../src/consensus/staking/unstakeAll.ts';

const TAO = 1_000_000_000n;
const MIN_RESERVE = 1_000_000n;
const COLDKEYS = ['c0', 'c1', 'c2', 'c3'] as const;
/** h0..h2 are owned by c0..c2; `ghost` is never registered. */
const HOTKEYS = ['h0', 'h1', 'h2', 'ghost'] as const;
/** 9 does not exist. */
const NETUIDS = [0, 1, 2, 3, 9] as const;

interface WorldDraw {
  readonly author: boolean;
  readonly sn2QuoteWeightTenths: number;
  readonly sn2Initialized: boolean;
}

interface World {
  readonly ledger: StakeLedger;
  readonly subnets: StakingSubnet[];
  ctx: StakingContext;
  burnedTaoRao: bigint;
  strandedTaoRao: bigint;
  readonly credited: Map<string, bigint>;
  readonly claimed: Map<string, bigint>;
  /** Root-stake additions per hotkey: each may leave its staker < 1 rao more owed (see the header). */
  readonly rootAdditions: Map<string, bigint>;
}

function makeWorld(d: WorldDraw): World {
  const ledger = createStakeLedger();
  const pool = (tao: bigint, alpha: bigint, mechanism: 0 | 1 = 1) => ({ taoReserveRao: tao, alphaReserveRao: alpha, quoteWeightParts: PERQUINTILL_ONE / 2n, initialized: true, mechanism });
  const subnets: StakingSubnet[] = [
    { netuid: 0, pool: pool(0n, 0n, 0), alphaOutRao: 0n },
    { netuid: 1, pool: pool(1000n * TAO, 1000n * TAO), alphaOutRao: 0n },
    {
      netuid: 2,
      pool: { ...pool(50n * TAO, 200n * TAO), quoteWeightParts: (PERQUINTILL_ONE * BigInt(d.sn2QuoteWeightTenths)) / 10n, initialized: d.sn2Initialized },
      alphaOutRao: 0n,
    },
    { netuid: 3, pool: pool(2n * TAO, 2n * TAO), alphaOutRao: 0n, feeRateU16: 0 },
  ];
  for (let i = 0; i < 3; i++) registerHotkey(ledger, HOTKEYS[i]!, COLDKEYS[i]!);
  const balances = [10_000n * TAO, 100n * TAO, 5n * TAO, 10_000_000n];
  COLDKEYS.forEach((c, i) => addBalance(ledger, c, balances[i]!));
  const ctx = stakingContext({ ledger, subnet: subnetLookup(subnets), fees: { blockAuthorColdkey: d.author ? 'author' : undefined }, block: 1 });
  return { ledger, subnets, ctx, burnedTaoRao: 0n, strandedTaoRao: 0n, credited: new Map(), claimed: new Map(), rootAdditions: new Map() };
}

// ---- operations ---------------------------------------------------------------------------

const coldkey = fc.constantFrom(...COLDKEYS);
const hotkey = fc.constantFrom(...HOTKEYS);
const netuid = fc.constantFrom(...NETUIDS);
/** An amount: a fraction (up to 1.1×) of what is held, or a log-uniform absolute amount. */
const amount = fc.record({ relative: fc.boolean(), milli: fc.integer({ min: 0, max: 1000 }) });
type AmountDraw = { relative: boolean; milli: number };
const limit = fc.option(fc.record({ factorMilli: fc.integer({ min: 900, max: 4000 }), allowPartial: fc.boolean() }), { nil: undefined });

/** Most of the time, act on a position that exists (index into the sorted positions). */
const pick = fc.option(fc.nat(), { nil: undefined, freq: 4 });

const opArb = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('add' as const), c: coldkey, h: hotkey, n: netuid, a: amount, limit }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('remove' as const), pick, c: coldkey, h: hotkey, n: netuid, a: amount, limit }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unstakeAll' as const), c: coldkey, h: hotkey }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), pick, c: coldkey, h: hotkey, h2: hotkey, n: netuid, n2: netuid, a: amount }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('transfer' as const), pick, c: coldkey, c2: coldkey, h: hotkey, n: netuid, n2: netuid, a: amount }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap' as const), pick, c: coldkey, h: hotkey, n: netuid, n2: netuid, a: amount }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('take' as const), c: coldkey, h: hotkey, take: fc.integer({ min: 0, max: 12_000 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('claim' as const), c: coldkey, subnets: fc.option(fc.subarray([1, 2, 3, 9]), { nil: undefined }), force: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('claimType' as const),
      c: coldkey,
      type: fc.constantFrom<RootClaimType>({ kind: 'swap' }, { kind: 'keep' }, { kind: 'keepSubnets', subnets: [2] }, { kind: 'keepSubnets', subnets: [] }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('credit' as const), h: hotkey, n: fc.constantFrom(1, 2, 3), a: fc.bigInt({ min: 0n, max: 50n * TAO }) }) },
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

function resolve(a: AmountDraw, heldRao: bigint): bigint {
  if (a.relative) return (heldRao * BigInt(a.milli) * 11n) / 10_000n;
  return BigInt(Math.floor(10 ** ((a.milli * 13) / 1000)));
}

function balanceTotal(w: World): bigint {
  let s = 0n;
  for (const v of w.ledger.balanceRao.values()) s += v;
  return s;
}

function poolTaoTotal(w: World): bigint {
  return w.subnets.reduce((s, n) => s + n.pool.taoReserveRao, 0n);
}

function sub(w: World, n: number): StakingSubnet | undefined {
  return w.subnets.find((s) => s.netuid === n);
}

/** A limit around the spot price: factor × spot for buys, spot ÷ factor for sells (mostly on the fillable side). */
function limitPrice(w: World, n: number, l: { factorMilli: number } | undefined, side: 'buy' | 'sell'): bigint | undefined {
  if (l === undefined) return undefined;
  const s = sub(w, n);
  const spotRao = s === undefined ? TAO : (spotPriceU64F64(s.pool) * TAO) >> 64n;
  return side === 'buy' ? (spotRao * BigInt(l.factorMilli)) / 1000n : (spotRao * 1000n) / BigInt(l.factorMilli);
}

interface Outcome {
  readonly ok: boolean;
  readonly effects?: StakeEffects;
  /** Subnet a stake was bought on / an unstake sold on, for the price-direction check. */
  readonly buyOn?: number;
  readonly sellOn?: number;
  readonly within?: number;
}

/** Every (coldkey, hotkey, netuid) holding shares, in key order. */
function positions(w: World): { c: string; h: string; n: number }[] {
  const out: { c: string; h: string; n: number }[] = [];
  for (const k of [...w.ledger.stake.keys()].sort()) {
    const { netuid, accounts } = splitKey(k);
    for (const c of [...w.ledger.stake.get(k)!.sharesRaw.keys()].sort()) out.push({ c, h: accounts[0]!, n: netuid });
  }
  return out;
}

function apply(w: World, drawn: Op): Outcome {
  const ctx = w.ctx;
  let op = drawn;
  if ('pick' in op && op.pick !== undefined) {
    const all = positions(w);
    const p = all[op.pick % Math.max(all.length, 1)];
    if (p !== undefined) op = { ...op, c: p.c, h: p.h, n: p.n } as Op;
  }
  switch (op.kind) {
    case 'add': {
      const p = limitPrice(w, op.n, op.limit, 'buy');
      const r = addStake(ctx, {
        coldkey: op.c,
        hotkey: op.h,
        netuid: op.n,
        amountRao: resolve(op.a, w.ledger.balanceRao.get(op.c) ?? 0n),
        ...(p === undefined || op.limit === undefined ? {} : { limit: { priceRao: p, allowPartial: op.limit.allowPartial } }),
      });
      return r.ok ? { ok: true, effects: r, buyOn: op.n } : { ok: false };
    }
    case 'remove': {
      const p = limitPrice(w, op.n, op.limit, 'sell');
      const r = removeStake(ctx, {
        coldkey: op.c,
        hotkey: op.h,
        netuid: op.n,
        alphaRao: resolve(op.a, stakeOf(w.ledger, op.h, op.c, op.n)),
        ...(p === undefined || op.limit === undefined ? {} : { limit: { priceRao: p, allowPartial: op.limit.allowPartial } }),
      });
      return r.ok ? { ok: true, effects: r, sellOn: op.n } : { ok: false };
    }
    case 'unstakeAll': {
      const r = unstakeAll(ctx, { coldkey: op.c, hotkey: op.h });
      return r.ok ? { ok: true, effects: r } : { ok: false };
    }
    case 'move': {
      const r = moveStake(ctx, { coldkey: op.c, originHotkey: op.h, destinationHotkey: op.h2, originNetuid: op.n, destinationNetuid: op.n2, alphaRao: resolve(op.a, stakeOf(w.ledger, op.h, op.c, op.n)) });
      return transition(r, op.n, op.n2);
    }
    case 'transfer': {
      const r = transferStake(ctx, { coldkey: op.c, destinationColdkey: op.c2, hotkey: op.h, originNetuid: op.n, destinationNetuid: op.n2, alphaRao: resolve(op.a, stakeOf(w.ledger, op.h, op.c, op.n)) });
      return transition(r, op.n, op.n2);
    }
    case 'swap': {
      const r = swapStake(ctx, { coldkey: op.c, hotkey: op.h, originNetuid: op.n, destinationNetuid: op.n2, alphaRao: resolve(op.a, stakeOf(w.ledger, op.h, op.c, op.n)) });
      return transition(r, op.n, op.n2);
    }
    case 'take':
      return { ok: setDelegateTake(ctx, { coldkey: op.c, hotkey: op.h, takeU16: op.take }).ok };
    case 'claim': {
      const r = claimRoot(ctx, { coldkey: op.c, ...(op.subnets === undefined ? {} : { subnets: op.subnets }), force: op.force });
      if (!r.ok) return { ok: false };
      for (const claim of r.claims) {
        expect(claim.alphaRao).toBeGreaterThan(0n);
        if (claim.paidAs === 'swap') w.rootAdditions.set(claim.hotkey, (w.rootAdditions.get(claim.hotkey) ?? 0n) + 1n);
        const k = `${claim.hotkey}/${claim.netuid}`;
        w.claimed.set(k, (w.claimed.get(k) ?? 0n) + claim.alphaRao);
      }
      return { ok: true, effects: r };
    }
    case 'claimType':
      return { ok: setRootClaimType(ctx, { coldkey: op.c, type: op.type }).ok };
    case 'credit': {
      // What an epoch does with root dividends: alpha minted into SubnetAlphaOut, claimable by root stakers.
      if (op.a > 0n && increaseRootClaimable(w.ledger, op.h, op.n, op.a)) {
        sub(w, op.n)!.alphaOutRao += op.a;
        const k = `${op.h}/${op.n}`;
        w.credited.set(k, (w.credited.get(k) ?? 0n) + op.a);
      }
      return { ok: true };
    }
  }
}

function transition(r: { ok: boolean } & Partial<StakeEffects>, n: number, n2: number): Outcome {
  if (!r.ok) return { ok: false };
  const effects = r as StakeEffects;
  return n === n2 ? { ok: true, effects, within: n } : { ok: true, effects, sellOn: n, buyOn: n2 };
}

// ---- checks -------------------------------------------------------------------------------

interface PoolView {
  readonly tao: bigint;
  readonly alphaIn: bigint;
  readonly alphaOut: bigint;
  /** Spot price of the pool as the next swap sees it: an uninitialised pool is first reset to 0.5/0.5 (§11.9). */
  readonly price: bigint;
}

function view(w: World): Map<number, PoolView> {
  return new Map(w.subnets.map((s) => [s.netuid, { tao: s.pool.taoReserveRao, alphaIn: s.pool.alphaReserveRao, alphaOut: s.alphaOutRao, price: spotPriceU64F64(resetUninitializedPool(s.pool)) }]));
}

/** Root shares per (hotkey, coldkey), to count root-stake additions made by an operation. */
function rootShares(w: World): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const [k, pool] of w.ledger.stake) {
    const { netuid, accounts } = splitKey(k);
    if (netuid !== 0) continue;
    for (const [c, shares] of pool.sharesRaw) out.set(`${accounts[0]}/${c}`, shares);
  }
  return out;
}

function countRootAdditions(w: World, before: Map<string, bigint>, op: Op): void {
  if (op.kind === 'claim') return; // counted per swap claim
  for (const [hc, shares] of rootShares(w)) {
    if (shares <= (before.get(hc) ?? 0n)) continue;
    const h = hc.split('/')[0]!;
    w.rootAdditions.set(h, (w.rootAdditions.get(h) ?? 0n) + 1n);
  }
}

/** Σ root-stake additions over the hotkeys with a claimable rate on a subnet: the rounding allowance of invariants 15 and 26. */
function rootRoundingAllowance(w: World, netuid: number): bigint {
  let sum = 0n;
  for (const [h, rates] of w.ledger.rootClaimable) if (rates.has(netuid)) sum += w.rootAdditions.get(h) ?? 0n;
  return sum;
}

function checkLedger(w: World): void {
  for (const s of w.subnets) {
    const staked = totalStakedOnSubnet(w.ledger, s.netuid);
    const unclaimed = s.netuid === 0 ? 0n : unclaimedRootAlpha(w.ledger, s.netuid);
    expect(staked + unclaimed, `alpha accounting on subnet ${s.netuid}`).toBeLessThanOrEqual(s.alphaOutRao + rootRoundingAllowance(w, s.netuid));
    expect(staked, `staked alpha on subnet ${s.netuid}`).toBeLessThanOrEqual(s.alphaOutRao);
  }
  for (const [k, pool] of w.ledger.stake) {
    expect(sharePoolIsConsistent(pool), `share pool ${splitKey(k).accounts[0]}`).toBe(true);
    const values = sharePoolValues(pool);
    const sum = values.reduce((a, [, v]) => a + v, 0n);
    expect(sum).toBeLessThanOrEqual(pool.totalValueRao);
    expect(pool.totalValueRao - sum).toBeLessThanOrEqual(BigInt(Math.max(values.length, 1)));
  }
  for (const v of w.ledger.balanceRao.values()) expect(v).toBeGreaterThanOrEqual(0n);
  for (const [k, claimed] of w.claimed) {
    const h = k.split('/')[0]!;
    expect(claimed, `claimed on ${k}`).toBeLessThanOrEqual((w.credited.get(k) ?? 0n) + (w.rootAdditions.get(h) ?? 0n));
  }
}

function checkOutcome(w: World, out: Outcome, before: Map<number, PoolView>): void {
  const after = view(w);
  const reported = new Map((out.effects?.pools ?? []).map((p) => [p.netuid, p]));
  for (const [n, a] of after) {
    const b = before.get(n)!;
    const r = reported.get(n);
    expect(a.tao - b.tao).toBe(r?.taoReserveDeltaRao ?? 0n);
    expect(a.alphaIn - b.alphaIn).toBe(r?.alphaReserveDeltaRao ?? 0n);
    expect(a.alphaOut - b.alphaOut).toBe(r?.alphaOutDeltaRao ?? 0n);
    if (n !== 0) expect(a.alphaIn - b.alphaIn, `alpha in/out on subnet ${n}`).toBe(-(a.alphaOut - b.alphaOut));
  }
  if (out.buyOn !== undefined && out.buyOn !== 0 && out.effects !== undefined) {
    const b = before.get(out.buyOn)!;
    if (after.get(out.buyOn)!.alphaIn !== b.alphaIn) {
      expect(after.get(out.buyOn)!.price).toBeGreaterThanOrEqual(b.price);
      expect(b.alphaIn).toBeGreaterThanOrEqual(MIN_RESERVE);
    }
  }
  if (out.sellOn !== undefined && out.sellOn !== 0) {
    const b = before.get(out.sellOn)!;
    if (after.get(out.sellOn)!.tao !== b.tao) {
      expect(after.get(out.sellOn)!.price).toBeLessThanOrEqual(b.price);
      expect(b.tao).toBeGreaterThanOrEqual(MIN_RESERVE);
    }
  }
  if (out.within !== undefined) {
    const b = before.get(out.within)!;
    expect(after.get(out.within)).toEqual(b);
  }
}

const worldArb = fc.record({ author: fc.boolean(), sn2QuoteWeightTenths: fc.constantFrom(3, 5, 7), sn2Initialized: fc.boolean() });

describe('staking operations over random sequences', () => {
  it('conserve TAO, keep alpha and share-pool accounting sound, and change nothing when they fail', () => {
    fc.assert(
      fc.property(worldArb, fc.array(fc.tuple(opArb, fc.integer({ min: 0, max: 100_000 })), { minLength: 10, maxLength: 40 }), (d, ops) => {
        const w = makeWorld(d);
        const taoTotal = balanceTotal(w) + poolTaoTotal(w);
        for (const [op, blocks] of ops) {
          w.ctx = { ...w.ctx, block: w.ctx.block + blocks };
          const snap = structuredClone({ ledger: w.ledger, subnets: w.subnets });
          const before = view(w);
          const sharesBefore = rootShares(w);
          const out = apply(w, op);
          countRootAdditions(w, sharesBefore, op);
          if (op.kind === 'credit') {
            // Not a staking operation: it mints alpha on purpose, so only the ledger checks apply.
            checkLedger(w);
            continue;
          }
          if (!out.ok) {
            expect(structuredClone({ ledger: w.ledger, subnets: w.subnets }), `rejected ${op.kind} changed state`).toEqual(snap);
            continue;
          }
          if (out.effects !== undefined) {
            w.burnedTaoRao += out.effects.fees.burnedTaoRao;
            w.strandedTaoRao += out.effects.strandedTaoRao;
          }
          checkOutcome(w, out, before);
          expect(balanceTotal(w) + poolTaoTotal(w) + w.burnedTaoRao + w.strandedTaoRao, `TAO after ${op.kind}`).toBe(taoTotal);
          checkLedger(w);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('no arbitrage through staking (invariant 19)', () => {
  it('staking T and unstaking everything received returns at most T + 2 rao fee-free, and less than T with the default fee', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 10n * TAO, max: 100_000n * TAO }),
        fc.bigInt({ min: 10n * TAO, max: 100_000n * TAO }),
        fc.bigInt({ min: 10_000_000n, max: 1000n * TAO }),
        fc.constantFrom(0, 33),
        (y, x, t, feeRateU16) => {
          const ledger = createStakeLedger();
          registerHotkey(ledger, 'h', 'owner');
          addBalance(ledger, 'trader', t);
          const subnet: StakingSubnet = { netuid: 1, pool: { taoReserveRao: y, alphaReserveRao: x, quoteWeightParts: PERQUINTILL_ONE / 2n, initialized: true, mechanism: 1 }, alphaOutRao: 0n, feeRateU16 };
          const ctx = stakingContext({ ledger, subnet: subnetLookup([subnet]) });
          const bought = addStake(ctx, { coldkey: 'trader', hotkey: 'h', netuid: 1, amountRao: t });
          fc.pre(bought.ok);
          if (!bought.ok) return;
          const sold = removeStake(ctx, { coldkey: 'trader', hotkey: 'h', netuid: 1, alphaRao: bought.alphaRao });
          fc.pre(sold.ok);
          if (!sold.ok) return;
          if (feeRateU16 === 0) expect(sold.taoRao).toBeLessThanOrEqual(t + 2n);
          else expect(sold.taoRao).toBeLessThan(t);
        },
      ),
      { numRuns: 200 },
    );
  });
});
