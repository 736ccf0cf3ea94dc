/**
 * Coinbase invariants (tokenomics.md §10 items 1, 3, 5–9, 11, 12): exact per-block TAO conservation,
 * share bounds, terms and caps, the alpha_out split, alpha issuance growth, the EMA price range,
 * pending accumulators across epochs, and subnet order not mattering (a metamorphic relation).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERQUINTILL_ONE } from '../../src/consensus/amm/poolState.ts';
import { spotPriceU64F64 } from '../../src/consensus/amm/spotPrice.ts';
import { accumulatePendingEmissionFloat, accumulatePendingEmissionU96F32 } from '../../src/consensus/coinbase/accumulatePendingEmission.ts';
import { drainDueEpochs } from '../../src/consensus/coinbase/epochSchedule.ts';
import { rootProportionU96F32 } from '../../src/consensus/coinbase/rootProportion.ts';
import { runCoinbase } from '../../src/consensus/coinbase/runCoinbase.ts';
import { subnetBlockEmissionsU96F32 } from '../../src/consensus/coinbase/subnetBlockEmissions.ts';
import { alphaIssuanceRao, defaultCoinbaseGlobals, type CoinbaseGlobals, type SubnetEconomy } from '../../src/consensus/coinbase/subnetEconomy.ts';
import { subnetsToEmitTo } from '../../src/consensus/coinbase/subnetsToEmitTo.ts';
import { subnetTermsU96F32 } from '../../src/consensus/coinbase/subnetTerms.ts';
import { updateMovingPrice } from '../../src/consensus/coinbase/updateMovingPrice.ts';
import { blockEmissionForIssuanceRao, MAX_TAO_ISSUANCE_RAO, mintForBlockRao } from '../../src/consensus/supply/blockEmission.ts';
import { cloneSubnet, eligibleSubnet } from '../support/subnetEconomy.ts';

const ONE32 = 1n << 32n;
const ONE64 = 1n << 64n;
const S = MAX_TAO_ISSUANCE_RAO;

const amountArb = fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.bigInt({ min: 10n ** 9n, max: 10n ** 16n }));

const subnetArb = (netuid: number) =>
  fc
    .record({
      stable: fc.integer({ min: 0, max: 9 }),
      y: amountArb,
      x: amountArb,
      w: fc.bigInt({ min: PERQUINTILL_ONE / 20n, max: (PERQUINTILL_ONE * 19n) / 20n }),
      initialized: fc.boolean(),
      alphaOut: amountArb,
      moving: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: ONE32 }), fc.bigInt({ min: 0n, max: 3n * ONE32 })),
      burned: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: (6n * ONE32) / 5n })),
      eligible: fc.integer({ min: 0, max: 9 }),
      emissionEnabled: fc.integer({ min: 0, max: 4 }),
      ownerCutEnabled: fc.boolean(),
      tempoBlocks: fc.integer({ min: 0, max: 7 }),
      lastEpochBlock: fc.integer({ min: 0, max: 7 }),
    })
    .map((d): SubnetEconomy =>
      eligibleSubnet(netuid, {
        pool: { taoReserveRao: d.y, alphaReserveRao: d.x, quoteWeightParts: d.w, initialized: d.initialized, mechanism: d.stable === 0 ? 0 : 1 },
        alphaOutRao: d.alphaOut,
        movingPriceI96F32: d.moving,
        minerBurnedU96F32: d.burned,
        subtokenEnabled: d.eligible !== 0,
        emissionEnabled: d.emissionEnabled !== 0,
        ownerCutEnabled: d.ownerCutEnabled,
        firstEmissionBlock: 1n,
        emaPriceHalvingBlocks: 64n,
        tempoBlocks: d.tempoBlocks,
        lastEpochBlock: BigInt(d.lastEpochBlock),
      }),
    );

const networkArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 64 }), { minLength: 0, maxLength: 6 })
  .chain((ids) => fc.tuple(...ids.map(subnetArb)) as fc.Arbitrary<SubnetEconomy[]>);

const globalsArb = fc
  .record({
    rootTao: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 10n ** 16n })),
    tau: fc.oneof(fc.constant(0n), fc.constant(971_718_665_099_567_868n), fc.bigInt({ min: 0n, max: ONE64 - 1n })),
    cut: fc.oneof(fc.constant(11_796), fc.integer({ min: 0, max: 65535 })),
    minimumReserve: fc.constantFrom(1n, 1_000_000n),
    rule: fc.constantFrom('price' as const, 'price' as const, 'tao_flow' as const),
    issuance: fc.oneof(fc.bigInt({ min: 0n, max: S }), fc.bigInt({ min: S - 10n ** 11n, max: S })),
  })
  .map(
    (g): CoinbaseGlobals =>
      defaultCoinbaseGlobals({
        rootTaoRao: g.rootTao,
        taoWeightRaw: g.tau,
        subnetOwnerCutU16: g.cut,
        minimumReserveRao: g.minimumReserve,
        emissionRule: g.rule,
        totalIssuanceRao: g.issuance,
        subnetMovingAlphaI96F32: 12_885_000n,
      }),
  );

const mode = fc.constantFrom('chain' as const, 'float' as const);

describe('runCoinbase conservation (invariants 1, 3)', () => {
  it('Σ(tao_in + excess) + stranded + recycled = minted exactly, and ΔTotalIssuance = minted − recycled', () => {
    fc.assert(
      fc.property(globalsArb, networkArb, mode, (g, subnets, m) => {
        const minted = mintForBlockRao(g.totalIssuanceRao);
        const before = g.totalIssuanceRao;
        const r = runCoinbase(g, subnets, minted, 100n, m);
        expect(r.injectedTaoRao + r.chainBuyTaoRao + r.strandedTaoRao + r.recycledTaoRao).toBe(minted);
        expect(r.recycledTaoRao >= 0n && r.injectedTaoRao >= 0n && r.chainBuyTaoRao >= 0n).toBe(true);
        expect(g.totalIssuanceRao - before).toBe(minted - r.recycledTaoRao);
        expect(g.totalIssuanceRao <= S || before > S).toBe(true);
        const perSubnet = subnets.reduce((a, s) => a + s.taoInEmissionRao + s.excessTaoRao, 0n);
        expect(perSubnet).toBe(r.injectedTaoRao + r.chainBuyTaoRao);
      }),
      { numRuns: 250 },
    );
  });

  it('issuance never crosses the cap over many blocks that start just below it', () => {
    fc.assert(
      fc.property(globalsArb, networkArb, fc.bigInt({ min: 0n, max: 10n ** 10n }), (g, subnets, below) => {
        g.totalIssuanceRao = S - below;
        for (let b = 0n; b < 20n; b++) {
          runCoinbase(g, subnets, mintForBlockRao(g.totalIssuanceRao), 100n + b);
          expect(g.totalIssuanceRao <= S).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('shares and terms (invariants 5–7)', () => {
  it('shares are ≥ 0 and sum to 0 or to 1 within n·2 ulp; disabled and zero-price subnets get 0', () => {
    fc.assert(
      fc.property(globalsArb, networkArb, (g, subnets) => {
        const eligible = subnetsToEmitTo(subnets);
        const { shares, emissions } = subnetBlockEmissionsU96F32({ ...g, emissionRule: 'price' }, eligible, 10n ** 9n);
        const sum = shares.reduce((a, x) => a + x, 0n);
        const n = BigInt(eligible.length);
        expect(sum === 0n || (sum <= ONE64 && sum >= ONE64 - 3n * n)).toBe(true);
        const anyDisabled = eligible.some((s) => !s.emissionEnabled);
        eligible.forEach((s, i) => {
          expect(shares[i]! >= 0n).toBe(true);
          if (anyDisabled && !s.emissionEnabled) expect(shares[i]).toBe(0n);
          if (s.pool.mechanism === 1 && s.movingPriceI96F32 === 0n) expect(shares[i]).toBe(0n);
        });
        expect(emissions.reduce((a, x) => a + x, 0n) <= 10n ** 9n * ONE32).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('0 ≤ root_prop < 1 with alpha issuance; alpha_in ≤ root_prop·αE ≤ αE; tao_in + excess = te; tao_in ≈ alpha_in·P', () => {
    fc.assert(
      fc.property(globalsArb, subnetArb(1), fc.bigInt({ min: 0n, max: 10n ** 9n }), (g, s, te) => {
        const issuance = alphaIssuanceRao(s);
        const rp = rootProportionU96F32(g.rootTaoRao, g.taoWeightRaw, issuance);
        expect(rp >= 0n && rp <= ONE32).toBe(true);
        if (issuance > 0n) expect(rp < ONE32).toBe(true);
        const teRaw = te * ONE32;
        const t = subnetTermsU96F32(g, s, teRaw);
        const alphaE = blockEmissionForIssuanceRao(issuance) * ONE32;
        const cap = (rp * alphaE) >> 32n;
        expect(t.alphaOut).toBe(alphaE);
        expect(t.alphaIn <= cap + 1n && cap <= alphaE).toBe(true);
        expect(t.excess >= 0n).toBe(true);
        expect(t.taoIn + t.excess).toBe(teRaw);
        // The terms use the spot price narrowed to U96F32; a price below 2^-32 becomes 0 and then
        // no alpha is injected and all of te counts as tao_in (§2.4 "0 if P = 0").
        const price96 = spotPriceU64F64(s.pool) >> 32n;
        if (price96 === 0n) {
          expect(t.alphaIn).toBe(0n);
          expect(t.taoIn).toBe(teRaw);
          return;
        }
        const p = Number(price96) / 2 ** 32;
        const gap = Math.abs(Number(t.taoIn) / 2 ** 32 - (Number(t.alphaIn) / 2 ** 32) * p);
        expect(gap).toBeLessThanOrEqual(1 + p + 1e-12 * (Number(t.taoIn) / 2 ** 32));
      }),
      { numRuns: 400 },
    );
  });
});

describe('alpha_out split (invariant 8)', () => {
  it('owner + server + validator + root is αE up to 3 rao; server − (validator + root) ∈ {0, 1}; root = 0 when τR = 0', () => {
    fc.assert(
      fc.property(globalsArb, subnetArb(1), fc.boolean(), mode, (g, s, sell, m) => {
        const alphaE = blockEmissionForIssuanceRao(alphaIssuanceRao(s));
        s.pendingOwnerCutRao = s.pendingServerRao = s.pendingValidatorRao = s.pendingRootRao = 0n;
        const out0 = s.alphaOutRao;
        const recycled = m === 'chain' ? accumulatePendingEmissionU96F32(g, s, alphaE * ONE32, sell) : accumulatePendingEmissionFloat(g, s, alphaE, sell);
        const root = sell ? s.pendingRootRao : recycled;
        const total = s.pendingOwnerCutRao + s.pendingServerRao + s.pendingValidatorRao + root;
        expect(total <= alphaE && total >= alphaE - 3n, `${total} vs ${alphaE}`).toBe(true);
        const d = s.pendingServerRao - (s.pendingValidatorRao + root);
        expect(d === 0n || d === 1n, `server − (validator + root) = ${d}`).toBe(true);
        if (g.rootTaoRao * g.taoWeightRaw === 0n) expect(root).toBe(0n);
        expect(s.alphaOutRao).toBe(out0 + alphaE - (sell ? 0n : recycled));
      }),
      { numRuns: 400 },
    );
  });
});

describe('alpha issuance and the EMA price (invariants 9, 11)', () => {
  it('a block adds at most 2·αE(A) to a subnet’s alpha issuance and it stays below 21e15', () => {
    fc.assert(
      fc.property(globalsArb, networkArb, mode, (g, subnets, m) => {
        const before = new Map(subnets.map((s) => [s.netuid, alphaIssuanceRao(s)]));
        runCoinbase(g, subnets, mintForBlockRao(g.totalIssuanceRao), 100n, m);
        for (const s of subnets) {
          const a0 = before.get(s.netuid)!;
          const a1 = alphaIssuanceRao(s);
          expect(a1 - a0 <= 2n * blockEmissionForIssuanceRao(a0)).toBe(true);
          if (a0 < S) expect(a1 < S).toBe(true);
        }
      }),
      { numRuns: 250 },
    );
  });

  it('the EMA stays in [0, 1] and moves monotonically toward min(spot, 1) while the spot is held', () => {
    fc.assert(
      fc.property(subnetArb(1), fc.bigInt({ min: 0n, max: ONE32 }), fc.bigInt({ min: 1n, max: ONE32 }), (s, start, rate) => {
        s.movingPriceI96F32 = start;
        const target = (() => {
          const p = spotPriceU64F64(s.pool) >> 32n;
          return p < ONE32 ? p : ONE32;
        })();
        let prev = start;
        for (let b = 1n; b <= 30n; b++) {
          updateMovingPrice(s, b * 10n, rate);
          const cur = s.movingPriceI96F32;
          expect(cur >= 0n && cur <= ONE32).toBe(true);
          // Toward the target and never past it. Each step truncates to an I96F32 raw, so a step
          // whose real move is under 1 raw may land 1 raw on the far side of the previous value.
          if (prev <= target) expect(cur + 1n >= prev && cur <= target).toBe(true);
          else expect(cur <= prev && cur + 1n >= target).toBe(true);
          prev = cur;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('pending emission across epochs (invariant 12)', () => {
  it('pending accumulators only grow between epochs and are 0 right after a subnet’s epoch', () => {
    fc.assert(
      fc.property(globalsArb, networkArb, fc.integer({ min: 1, max: 3 }), (g, subnets, maxEpochs) => {
        for (let b = 10n; b < 40n; b++) {
          const prev = new Map(subnets.map((s) => [s.netuid, [s.pendingServerRao, s.pendingValidatorRao, s.pendingRootRao, s.pendingOwnerCutRao]]));
          runCoinbase(g, subnets, mintForBlockRao(g.totalIssuanceRao), b);
          const { ran } = drainDueEpochs(subnets, b, maxEpochs);
          const drained = new Set(ran.map((d) => d.netuid));
          for (const s of subnets) {
            const now = [s.pendingServerRao, s.pendingValidatorRao, s.pendingRootRao, s.pendingOwnerCutRao];
            if (drained.has(s.netuid)) expect(now).toEqual([0n, 0n, 0n, 0n]);
            else now.forEach((v, i) => expect(v >= prev.get(s.netuid)![i]!).toBe(true));
          }
          expect(ran.length <= maxEpochs).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('metamorphic: subnet order', () => {
  it('permuting the subnets leaves every subnet’s state and the block result unchanged', () => {
    fc.assert(
      fc.property(globalsArb, networkArb.chain((n) => fc.tuple(fc.constant(n), fc.shuffledSubarray(n, { minLength: n.length, maxLength: n.length }))), mode, (g, [subnets, shuffled], m) => {
        const a = subnets.map(cloneSubnet);
        const b = shuffled.map(cloneSubnet);
        const ra = runCoinbase({ ...g }, a, mintForBlockRao(g.totalIssuanceRao), 100n, m);
        const rb = runCoinbase({ ...g }, b, mintForBlockRao(g.totalIssuanceRao), 100n, m);
        expect(rb).toEqual(ra);
        for (const s of a) expect(b.find((t) => t.netuid === s.netuid)).toEqual(s);
      }),
      { numRuns: 150 },
    );
  });
});
