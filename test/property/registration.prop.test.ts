/**
 * Registration and subnet-turnover invariants (tokenomics.md §10 items 22–25): burn bounds and
 * decay, lock cost, pruning never picks an owner-immortal hotkey, dissolution pays exactly the pot.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dissolvePayouts } from '../../src/consensus/subnets/dissolvePayouts.ts';
import { lockCostRao, effectiveLockReductionIntervalBlocks } from '../../src/consensus/subnets/lockCost.ts';
import { immuneOwnerHotkeys, neuronToPrune, type PruneCandidate } from '../../src/consensus/subnets/neuronToPrune.ts';
import { networkToPrune } from '../../src/consensus/subnets/networkToPrune.ts';
import { bumpBurnRao, burnDecayFactorQ32, decayBurnRao, powQ32, type RegistrationBurnParams } from '../../src/consensus/subnets/registrationBurn.ts';

const TAO = 1_000_000_000n;
const Q32 = 1n << 32n;

const burnParamsArb = fc
  .record({
    min: fc.bigInt({ min: 0n, max: TAO }),
    span: fc.bigInt({ min: 0n, max: 1000n * TAO }),
    halfLife: fc.oneof(fc.constant(360), fc.integer({ min: 1, max: 36_100 })),
    multMilli: fc.integer({ min: 0, max: 5000 }),
  })
  .map(
    ({ min, span, halfLife, multMilli }): RegistrationBurnParams => ({
      minBurnRao: min,
      maxBurnRao: min + span,
      burnHalfLifeBlocks: halfLife,
      burnIncreaseMultU64F64: (BigInt(multMilli) << 64n) / 1000n,
    }),
  );

describe('registration burn (invariant 22)', () => {
  it('stays in [MinBurn, MaxBurn] under any sequence of decays and registrations, and a decay never raises it', () => {
    fc.assert(
      fc.property(burnParamsArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.boolean(), { maxLength: 60 }), (p, u, regs) => {
        let burn = p.minBurnRao + BigInt(Math.floor(u * Number(p.maxBurnRao - p.minBurnRao)));
        let block = 2n;
        for (const reg of regs) {
          const next = reg ? bumpBurnRao(burn, p) : decayBurnRao(burn, block++, p);
          expect(next >= p.minBurnRao && next <= p.maxBurnRao).toBe(true);
          if (reg) expect(next >= burn).toBe(true);
          else expect(next <= burn).toBe(true);
          burn = next;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the decay factor is the largest Q32 f with f^h ≤ 1/2, so h decays roughly halve the burn', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.bigInt({ min: 10n ** 6n, max: 10n ** 12n }), (h, burn) => {
        const f = burnDecayFactorQ32(h);
        expect(powQ32(f, h) <= Q32 / 2n && powQ32(f + 1n, h) > Q32 / 2n).toBe(true);
        if (h <= 400) {
          const p: RegistrationBurnParams = { minBurnRao: 0n, maxBurnRao: 10n ** 13n, burnHalfLifeBlocks: h, burnIncreaseMultU64F64: 1n << 64n };
          let b = burn;
          for (let i = 0; i < h; i++) b = decayBurnRao(b, 2n + BigInt(i), p);
          // powQ32 floors after each multiply, so the real (f/2^32)^h may exceed 1/2 by up to h/2^32.
          expect(b <= burn / 2n + (burn * BigInt(h)) / Q32 + 1n).toBe(true);
          expect(b >= burn / 4n).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('lock cost (invariant 23)', () => {
  const arb = fc.record({
    lastLock: fc.bigInt({ min: 0n, max: 100_000n * TAO }),
    lastBlock: fc.bigInt({ min: 1n, max: 10n ** 7n }),
    minLock: fc.bigInt({ min: 0n, max: 2_000n * TAO }),
    interval: fc.bigInt({ min: 1n, max: 200_000n }),
    emission: fc.constantFrom(TAO, TAO / 2n, TAO / 4n, 976_562n, 0n),
  });

  it('is ≥ MinLock, is 2C in the block after a registration that paid C, and falls by floor(C/R) per block', () => {
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 300_000 }), ({ lastLock, lastBlock, minLock, interval, emission }, dt) => {
        const input = { lastLockRao: lastLock, lastLockBlock: lastBlock, minLockRao: minLock, lockReductionIntervalBlocks: interval, blockEmissionRao: emission };
        const at = (b: bigint) => lockCostRao({ ...input, block: b });
        const block = lastBlock + BigInt(dt);
        const c0 = at(lastBlock);
        expect(c0).toBe(2n * lastLock > minLock ? 2n * lastLock : minLock);
        const c = at(block);
        const c1 = at(block + 1n);
        expect(c >= minLock && c1 >= minLock).toBe(true);
        expect(c1 <= c).toBe(true);
        const r = effectiveLockReductionIntervalBlocks(interval, emission);
        const perBlock = r === 0n ? 0n : lastLock / r;
        if (c1 > minLock) expect(c - c1).toBe(perBlock);
      }),
      { numRuns: 400 },
    );
  });
});

describe('neuron pruning (invariant 24)', () => {
  const neuronsArb = fc.uniqueArray(fc.integer({ min: 0, max: 255 }), { minLength: 0, maxLength: 30 }).chain((uids) =>
    fc.tuple(
      ...uids.map((uid) =>
        fc.record({ reg: fc.bigInt({ min: 0n, max: 20_000n }), emission: fc.bigInt({ min: 0n, max: 5n }) }).map(
          ({ reg, emission }): PruneCandidate => ({ uid, hotkey: `hk${uid}`, blockAtRegistration: reg, emissionRao: emission }),
        ),
      ),
    ),
  ) as fc.Arbitrary<PruneCandidate[]>;

  const inputArb = neuronsArb.chain((neurons) =>
    fc.record({
      neurons: fc.constant(neurons),
      block: fc.bigInt({ min: 0n, max: 25_000n }),
      immunityPeriodBlocks: fc.bigInt({ min: 0n, max: 10_000n }),
      minNonImmuneUids: fc.integer({ min: 0, max: 12 }),
      immuneOwnerUidsLimit: fc.integer({ min: 1, max: 10 }),
      subnetOwnerHotkey: fc.option(fc.oneof(fc.constant('nobody'), ...(neurons.length ? [fc.constantFrom(...neurons.map((n) => n.hotkey))] : [])), { nil: null }),
      ownerColdkeyHotkeys: fc.subarray(neurons.map((n) => n.hotkey)),
    }),
  );

  it('never picks the owner hotkey or another owner-immortal hotkey, and picks the best UID of its class', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const immortal = immuneOwnerHotkeys(input);
        expect(immortal.length <= input.immuneOwnerUidsLimit).toBe(true);
        const owner = input.subnetOwnerHotkey;
        // §8.2: the owner hotkey (if it holds a UID), then the owner coldkey's other hotkeys with a
        // UID, oldest registration first (ties by UID), up to the limit. Pruning uses only the set.
        const byHotkey = new Map(input.neurons.map((n) => [n.hotkey, n]));
        const spec: string[] = owner !== null && byHotkey.has(owner) ? [owner] : [];
        const others = input.ownerColdkeyHotkeys
          .filter((hk) => hk !== owner && byHotkey.has(hk))
          .map((hk) => byHotkey.get(hk)!)
          .sort((a, b) => (a.blockAtRegistration < b.blockAtRegistration ? -1 : a.blockAtRegistration > b.blockAtRegistration ? 1 : a.uid - b.uid));
        for (const n of others) if (spec.length < input.immuneOwnerUidsLimit) spec.push(n.hotkey);
        expect([...immortal].sort()).toEqual(spec.sort());
        const uid = neuronToPrune(input);
        const candidates = input.neurons.filter((n) => !immortal.includes(n.hotkey));
        const immune = (n: PruneCandidate) => (input.block > n.blockAtRegistration ? input.block - n.blockAtRegistration : 0n) < input.immunityPeriodBlocks;
        const nonImmune = candidates.filter((n) => !immune(n));
        // §8.2: non-immune UIDs only while there are more than MinNonImmuneUids of them, else the immune set.
        const pool = nonImmune.length > input.minNonImmuneUids ? nonImmune : candidates.filter(immune);
        if (uid === null) {
          expect(pool.length).toBe(0);
          return;
        }
        const chosen = input.neurons.find((n) => n.uid === uid)!;
        expect(pool).toContain(chosen);
        expect(immortal.includes(chosen.hotkey)).toBe(false);
        expect(chosen.hotkey).not.toBe(owner);
        for (const n of pool) {
          const better =
            n.emissionRao < chosen.emissionRao ||
            (n.emissionRao === chosen.emissionRao && (n.blockAtRegistration < chosen.blockAtRegistration || (n.blockAtRegistration === chosen.blockAtRegistration && n.uid < chosen.uid)));
          expect(better, `uid ${n.uid} should have been pruned before ${uid}`).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('does not depend on the order the neurons are listed in', () => {
    fc.assert(
      fc.property(inputArb.chain((i) => fc.tuple(fc.constant(i), fc.shuffledSubarray(i.neurons, { minLength: i.neurons.length, maxLength: i.neurons.length }))), ([input, shuffled]) => {
        expect(neuronToPrune({ ...input, neurons: shuffled })).toBe(neuronToPrune(input));
      }),
      { numRuns: 200 },
    );
  });
});

describe('network pruning', () => {
  it('picks a subnet past its immunity with the lowest EMA price, or null when none is', () => {
    const entryArb = fc.record({ netuid: fc.integer({ min: 0, max: 127 }), added: fc.boolean(), price: fc.bigInt({ min: 0n, max: 1n << 33n }), reg: fc.bigInt({ min: 0n, max: 2_000_000n }) });
    fc.assert(
      fc.property(fc.uniqueArray(entryArb, { selector: (e) => e.netuid, maxLength: 20 }), fc.bigInt({ min: 0n, max: 3_000_000n }), (entries, block) => {
        const subnets = entries.map((e) => ({ netuid: e.netuid, added: e.added, mechanism: 1 as const, movingPriceI96F32: e.price, registeredAt: e.reg }));
        const input = { block, networkImmunityPeriodBlocks: 864_000n, subnets };
        const chosen = networkToPrune(input);
        const candidates = subnets.filter((s) => s.added && s.netuid !== 0 && block >= s.registeredAt + 864_000n);
        if (chosen === null) return candidates.length === 0;
        const c = candidates.find((s) => s.netuid === chosen)!;
        return c !== undefined && candidates.every((s) => s.movingPriceI96F32 > c.movingPriceI96F32 || (s.movingPriceI96F32 === c.movingPriceI96F32 && s.registeredAt >= c.registeredAt));
      }),
      { numRuns: 300 },
    );
  });
});

describe('dissolution (invariant 25)', () => {
  it('pays out exactly the pot, each claimant within 1 rao above its floored pro-rata share', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 16n }), fc.array(fc.bigInt({ min: 0n, max: 10n ** 15n }), { maxLength: 40 }), fc.bigInt({ min: 0n, max: 10n ** 15n }), (pot, stakers, protocol) => {
        const r = dissolvePayouts(pot, stakers, protocol);
        expect(r.payoutsRao.length).toBe(stakers.length);
        expect(r.payoutsRao.reduce((a, x) => a + x, 0n) + r.protocolShareRao).toBe(pot);
        const total = stakers.reduce((a, x) => a + x, 0n) + protocol;
        if (total === 0n) {
          expect(r.protocolShareRao).toBe(pot);
          return;
        }
        [...stakers, protocol].forEach((a, i) => {
          const paid = i < stakers.length ? r.payoutsRao[i]! : r.protocolShareRao;
          const floor = (pot * a) / total;
          expect(paid === floor || paid === floor + 1n).toBe(true);
          if (a === 0n) expect(paid).toBe(0n);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('scaling every alpha holding by the same factor does not change the payouts', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 16n }), fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { maxLength: 20 }), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (pot, stakers, protocol, k) => {
        const a = dissolvePayouts(pot, stakers, protocol);
        const b = dissolvePayouts(pot, stakers.map((x) => x * k), protocol * k);
        expect(b).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });
});
