import { describe, expect, it } from 'vitest';
import { updateMovingPrice, updateMovingPriceFloat } from '../../../../src/consensus/coinbase/updateMovingPrice.ts';
import { cloneSubnet, eligibleSubnet } from '../../../support/subnetEconomy.ts';

const ONE32 = 1n << 32n;
const TAO = 1_000_000_000n;
/** Base rate 0.5 as I96F32. */
const HALF = ONE32 / 2n;

/** first emission block 1 (start_call at 0), so b = block; H = 100 → at block 100 the ramp is 1/2. */
function subnet(moving: bigint, taoReserve = 1000n * TAO) {
  return eligibleSubnet(1, { movingPriceI96F32: moving, emaPriceHalvingBlocks: 100n, pool: { taoReserveRao: taoReserve } });
}

describe('updateMovingPrice', () => {
  it('moves a ·(min(spot, 1) − old) with a = α·b/(b + H): from 0 at spot 1 with a = 1/4 it reaches 0.25', () => {
    const s = subnet(0n);
    updateMovingPrice(s, 100n, HALF);
    expect(s.movingPriceI96F32).toBe(ONE32 / 4n);
  });

  it('caps the spot at 1 before it enters the EMA', () => {
    const s = subnet(0n, 5000n * TAO); // spot 5
    updateMovingPrice(s, 100n, HALF);
    expect(s.movingPriceI96F32).toBe(ONE32 / 4n);
  });

  it('decays toward 0 when the alpha reserve is empty (spot 0)', () => {
    const s = eligibleSubnet(1, { movingPriceI96F32: HALF, emaPriceHalvingBlocks: 100n, pool: { alphaReserveRao: 0n } });
    updateMovingPrice(s, 100n, HALF);
    expect(s.movingPriceI96F32).toBe((3n * ONE32) / 8n); // 0.75 · 0.5
  });

  it('does not move at the start-call block (b = 0) or before it', () => {
    const s = eligibleSubnet(1, { movingPriceI96F32: HALF, firstEmissionBlock: 50n, emaPriceHalvingBlocks: 100n, pool: { alphaReserveRao: 0n } });
    updateMovingPrice(s, 49n, HALF);
    expect(s.movingPriceI96F32).toBe(HALF);
    updateMovingPrice(s, 10n, HALF);
    expect(s.movingPriceI96F32).toBe(HALF);
  });

  it('treats a negative stored EMA as 0', () => {
    const s = subnet(-ONE32);
    updateMovingPrice(s, 100n, HALF);
    expect(s.movingPriceI96F32).toBe(ONE32 / 4n);
  });

  it('with the default rate 0.000003 and H = 201,600 moves a day-old subnet by about 1.07e−7 of the gap', () => {
    const s = eligibleSubnet(1, { movingPriceI96F32: 0n });
    updateMovingPrice(s, 7201n, 12_885n);
    // a = 12885/2^32 · 7201/208801 ≈ 1.0346e−7 (the rate 12885/2^32 ≈ 3.0000e−6)
    const a = (12_885 / 2 ** 32) * (7201 / (7201 + 201_600));
    expect(Number(s.movingPriceI96F32) / 2 ** 32).toBeCloseTo(a, 9);
  });
});

describe('updateMovingPriceFloat', () => {
  it('agrees with the chain update to 2^-31 over 1000 blocks and stays between the start and the spot', () => {
    const a = subnet(ONE32 / 3n, 700n * TAO);
    const b = cloneSubnet(a);
    for (let blk = 1n; blk <= 1000n; blk++) {
      updateMovingPrice(a, blk, 12_885_000n);
      updateMovingPriceFloat(b, blk, 12_885_000 / 2 ** 32);
    }
    expect(Math.abs(Number(a.movingPriceI96F32 - b.movingPriceI96F32))).toBeLessThan(2 * 1000);
    // Spot 0.7 is above the start 1/3: the EMA rises toward it without passing it.
    expect(Number(a.movingPriceI96F32) / 2 ** 32).toBeGreaterThan(1 / 3);
    expect(Number(a.movingPriceI96F32) / 2 ** 32).toBeLessThan(0.7);
  });
});
