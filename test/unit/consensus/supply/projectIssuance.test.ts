import { describe, expect, it } from 'vitest';
import { halvingThresholdRao, MAX_TAO_ISSUANCE_RAO } from '../../../../src/consensus/supply/blockEmission.ts';
import { projectIssuance } from '../../../../src/consensus/supply/projectIssuance.ts';
import { AssertionError } from '../../../../src/primitives/assert.ts';

const TAO = 1_000_000_000n;

describe('projectIssuance without recycling', () => {
  it('reaches the first halving (10.5 M TAO) after exactly 10,500,000 blocks', () => {
    const p = projectIssuance({ startIssuanceRao: 0n, recycledRaoPerBlock: 0n, horizonBlocks: 10_500_000 });
    expect(p.start).toEqual({ halving: 0, issuanceRao: 0n, blockEmissionRao: TAO });
    expect(p.halvings).toEqual([{ halving: 1, blockOffset: 10_500_000, issuanceRao: 10_500_000n * TAO, blockEmissionRao: TAO / 2n }]);
    expect(p.end).toEqual({ blockOffset: 10_500_000, issuanceRao: 10_500_000n * TAO, halving: 1, blockEmissionRao: TAO / 2n, trend: 'rising' });
  });

  it('takes 10,500,000 blocks for each of the first eras', () => {
    const p = projectIssuance({ startIssuanceRao: 0n, recycledRaoPerBlock: 0n, horizonBlocks: 4 * 10_500_000 });
    expect(p.halvings.map((h) => h.blockOffset)).toEqual([10_500_000, 21_000_000, 31_500_000, 42_000_000]);
    expect(p.halvings.map((h) => h.issuanceRao)).toEqual([1, 2, 3, 4].map((k) => halvingThresholdRao(k)));
  });

  it('stops one block short of a halving when the horizon ends there', () => {
    const p = projectIssuance({ startIssuanceRao: 0n, recycledRaoPerBlock: 0n, horizonBlocks: 10_499_999 });
    expect(p.halvings).toEqual([]);
    expect(p.end.issuanceRao).toBe(10_500_000n * TAO - TAO);
  });

  it('with a horizon of 0 reports the start', () => {
    const p = projectIssuance({ startIssuanceRao: 123n, recycledRaoPerBlock: 0n, horizonBlocks: 0 });
    expect(p.end).toEqual({ blockOffset: 0, issuanceRao: 123n, halving: 0, blockEmissionRao: TAO, trend: 'rising' });
  });

  it('stalls at the 30th threshold, ≈ 0.0196 TAO under the cap, where minting stops', () => {
    const t30 = halvingThresholdRao(30);
    const p = projectIssuance({ startIssuanceRao: t30 - 5n, recycledRaoPerBlock: 0n, horizonBlocks: 1_000 });
    expect(p.halvings).toEqual([{ halving: 30, blockOffset: 5, issuanceRao: t30, blockEmissionRao: 0n }]);
    expect(p.end).toEqual({ blockOffset: 1_000, issuanceRao: t30, halving: 30, blockEmissionRao: 0n, trend: 'stalled' });
  });

  it('mints nothing from or above the cap', () => {
    const p = projectIssuance({ startIssuanceRao: MAX_TAO_ISSUANCE_RAO + 5n, recycledRaoPerBlock: 0n, horizonBlocks: 50 });
    expect(p.end).toMatchObject({ blockOffset: 50, issuanceRao: MAX_TAO_ISSUANCE_RAO + 5n, blockEmissionRao: 0n, trend: 'stalled' });
  });
});

describe('projectIssuance with recycling', () => {
  it('recycling 0.5 TAO per block in era 0 doubles the time to the first halving', () => {
    const p = projectIssuance({ startIssuanceRao: 0n, recycledRaoPerBlock: TAO / 2n, horizonBlocks: 30_000_000 });
    expect(p.halvings[0]!.blockOffset).toBe(21_000_000);
    // In era 1 the emission equals the recycling: issuance stalls at the threshold.
    expect(p.end).toEqual({ blockOffset: 30_000_000, issuanceRao: 10_500_000n * TAO, halving: 1, blockEmissionRao: TAO / 2n, trend: 'stalled' });
  });

  it('stalls when emission equals recycling, with the end at the horizon', () => {
    const p = projectIssuance({ startIssuanceRao: 5n * TAO, recycledRaoPerBlock: TAO, horizonBlocks: 1000 });
    expect(p.end).toEqual({ blockOffset: 1000, issuanceRao: 5n * TAO, halving: 0, blockEmissionRao: TAO, trend: 'stalled' });
  });

  it('falls and is pinned at 0 when recycling exceeds the era-0 emission', () => {
    const p = projectIssuance({ startIssuanceRao: 5n * TAO, recycledRaoPerBlock: 2n * TAO, horizonBlocks: 100 });
    expect(p.end).toEqual({ blockOffset: 100, issuanceRao: 0n, halving: 0, blockEmissionRao: TAO, trend: 'stalled' });
    const q = projectIssuance({ startIssuanceRao: 5n * TAO, recycledRaoPerBlock: 2n * TAO, horizonBlocks: 3 });
    expect(q.end).toMatchObject({ blockOffset: 3, issuanceRao: 2n * TAO, trend: 'falling' });
  });

  it('falls back into an earlier era where the emission is higher', () => {
    // Start 1 TAO above I_2 with r = 0.3 TAO: era 2 mints 0.25 (falls 0.05/block), era 1 mints 0.5 (rises 0.2).
    const start = halvingThresholdRao(2) + TAO;
    const p = projectIssuance({ startIssuanceRao: start, recycledRaoPerBlock: 300_000_000n, horizonBlocks: 20 });
    // 1 TAO / 0.05 = 20 blocks lands exactly on I_2 (still era 2); one more block crosses into era 1,
    // where issuance rises again: it is trapped around I_2.
    expect(p.end).toMatchObject({ blockOffset: 20, issuanceRao: halvingThresholdRao(2), halving: 2 });
    const q = projectIssuance({ startIssuanceRao: start, recycledRaoPerBlock: 300_000_000n, horizonBlocks: 21 });
    expect(q.end).toMatchObject({ blockOffset: 21, issuanceRao: halvingThresholdRao(2) - 50_000_000n, halving: 1, trend: 'oscillating' });
  });

  it('oscillates around I_1 when E_1 < r < E_0, staying inside the window [I_1 − b, I_1 + a)', () => {
    // r = 0.7 TAO: a = E_0 − r = 0.3 TAO below, b = r − E_1 = 0.2 TAO above.
    const p = projectIssuance({ startIssuanceRao: 0n, recycledRaoPerBlock: 700_000_000n, horizonBlocks: 40_000_000 });
    // 10.5 M TAO / 0.3 TAO per block = 35,000,000 blocks to the threshold.
    expect(p.halvings).toEqual([{ halving: 1, blockOffset: 35_000_000, issuanceRao: 10_500_000n * TAO, blockEmissionRao: TAO / 2n }]);
    expect(p.end.trend).toBe('oscillating');
    expect(p.end.blockOffset).toBe(40_000_000);
    const t1 = halvingThresholdRao(1);
    expect(p.end.issuanceRao >= t1 - 200_000_000n && p.end.issuanceRao < t1 + 300_000_000n).toBe(true);
  });
});

describe('projectIssuance input checks', () => {
  it('rejects negative issuance, negative recycling and a bad horizon', () => {
    expect(() => projectIssuance({ startIssuanceRao: -1n, recycledRaoPerBlock: 0n, horizonBlocks: 1 })).toThrow(AssertionError);
    expect(() => projectIssuance({ startIssuanceRao: 0n, recycledRaoPerBlock: -1n, horizonBlocks: 1 })).toThrow(AssertionError);
    expect(() => projectIssuance({ startIssuanceRao: 0n, recycledRaoPerBlock: 0n, horizonBlocks: -1 })).toThrow(AssertionError);
    expect(() => projectIssuance({ startIssuanceRao: 0n, recycledRaoPerBlock: 0n, horizonBlocks: 1.5 })).toThrow(AssertionError);
  });
});
