import { describe, expect, it } from 'vitest';
import { newCoinbaseTally, resetCoinbaseTally } from '../../../../src/consensus/coinbase/coinbaseTally.ts';
import { alphaIssuanceRao, defaultCoinbaseGlobals, newSubnetEconomy } from '../../../../src/consensus/coinbase/subnetEconomy.ts';

describe('newSubnetEconomy and defaultCoinbaseGlobals', () => {
  it('start at the storage defaults: an empty 0.5/0.5 pool, not started, tempo 360, H = 201,600', () => {
    const s = newSubnetEconomy({ netuid: 7 });
    expect(s.pool).toEqual({ taoReserveRao: 0n, alphaReserveRao: 0n, quoteWeightParts: 500_000_000_000_000_000n, initialized: false, mechanism: 1 });
    expect([s.firstEmissionBlock, s.subtokenEnabled, s.tempoBlocks, s.emaPriceHalvingBlocks, s.movingPriceI96F32]).toEqual([null, false, 360, 201_600n, 0n]);
  });

  it('use the mainnet parameters of tokenomics §9', () => {
    const g = defaultCoinbaseGlobals({ rootTaoRao: 5n });
    expect(g).toMatchObject({ subnetOwnerCutU16: 11_796, taoWeightRaw: 971_718_665_099_567_868n, rootTaoRao: 5n, maxEpochsPerBlock: 2, minimumReserveRao: 1_000_000n, emissionRule: 'price' });
    // SubnetMovingAlpha 0.000003 as I96F32: 0.000003 · 2^32 = 12,884.9…
    expect(Number(g.subnetMovingAlphaI96F32) / 2 ** 32).toBeCloseTo(0.000003, 9);
  });

  it('count alpha issuance as alpha in the pool plus alpha out', () => {
    const s = newSubnetEconomy({ netuid: 1, alphaReserveRao: 30n });
    s.alphaOutRao = 12n;
    expect(alphaIssuanceRao(s)).toBe(42n);
  });
});

describe('coinbase tally', () => {
  it('starts and resets with the full credit and zero totals', () => {
    const t = newCoinbaseTally(100n);
    t.injectedTaoRao = 5n;
    t.creditRao = 3n;
    expect(resetCoinbaseTally(t, 77n)).toEqual(newCoinbaseTally(77n));
  });
});
