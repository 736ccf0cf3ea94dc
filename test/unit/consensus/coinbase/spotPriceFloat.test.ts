import { describe, expect, it } from 'vitest';
import { DEFAULT_QUOTE_WEIGHT_PARTS, PERQUINTILL_ONE, type PoolState } from '../../../../src/consensus/amm/poolState.ts';
import { spotPriceU64F64 } from '../../../../src/consensus/amm/spotPrice.ts';
import { spotPriceFloat } from '../../../../src/consensus/coinbase/spotPriceFloat.ts';

function pool(y: bigint, x: bigint, w = DEFAULT_QUOTE_WEIGHT_PARTS, mechanism: 0 | 1 = 1): PoolState {
  return { taoReserveRao: y, alphaReserveRao: x, quoteWeightParts: w, initialized: true, mechanism };
}

describe('spotPriceFloat', () => {
  it('is (w_b/w_q)·(y/x): 2 for 2:1 reserves, 3 for a 0.25 TAO weight', () => {
    expect(spotPriceFloat(pool(2_000n, 1_000n))).toBe(2);
    expect(spotPriceFloat(pool(1_000n, 1_000n, PERQUINTILL_ONE / 4n))).toBe(3);
  });

  it('is 0 for an empty alpha reserve and 1 for the stable mechanism', () => {
    expect(spotPriceFloat(pool(5n, 0n))).toBe(0);
    expect(spotPriceFloat(pool(5n, 9n, DEFAULT_QUOTE_WEIGHT_PARTS, 0))).toBe(1);
  });

  it('agrees with the chain price to 1e-12 relative on a skewed pool', () => {
    const p = pool(123_456_789_012n, 98_765_432_109n, 412_345_678_901_234_567n);
    const chain = Number(spotPriceU64F64(p)) / 2 ** 64;
    expect(Math.abs(spotPriceFloat(p) - chain) / chain).toBeLessThan(1e-12);
  });
});
