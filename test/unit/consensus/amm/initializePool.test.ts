import { describe, expect, it } from 'vitest';
import {
  initializeWeightsForPrice,
  MIN_WEIGHT_PARTS,
  perquintillFromRational,
  resetUninitializedPool,
  weightsWithinBounds,
} from '../../../../src/consensus/amm/initializePool.ts';
import { DEFAULT_QUOTE_WEIGHT_PARTS, PERQUINTILL_ONE, type PoolState } from '../../../../src/consensus/amm/poolState.ts';
import { spotPriceU64F64, U64F64_ONE } from '../../../../src/consensus/amm/spotPrice.ts';

describe('perquintillFromRational', () => {
  it('rounds to the nearest part, ties down', () => {
    expect(perquintillFromRational(1n, 3n)).toBe(333_333_333_333_333_333n);
    expect(perquintillFromRational(2n, 3n)).toBe(666_666_666_666_666_667n);
    expect(perquintillFromRational(1n, 2n * PERQUINTILL_ONE)).toBe(0n); // exactly half a part
    expect(perquintillFromRational(3n, 2n * PERQUINTILL_ONE)).toBe(1n); // 1.5 parts, tie → down
    expect(perquintillFromRational(7n, 7n)).toBe(PERQUINTILL_ONE);
    expect(perquintillFromRational(0n, 7n)).toBe(0n);
  });
});

describe('weightsWithinBounds', () => {
  it('accepts quote weights in [0.01, 0.99] and nothing else', () => {
    expect(MIN_WEIGHT_PARTS).toBe(10n ** 16n);
    expect(weightsWithinBounds(10n ** 16n)).toBe(true);
    expect(weightsWithinBounds(10n ** 16n - 1n)).toBe(false);
    expect(weightsWithinBounds(99n * 10n ** 16n)).toBe(true);
    expect(weightsWithinBounds(99n * 10n ** 16n + 1n)).toBe(false);
    expect(weightsWithinBounds(DEFAULT_QUOTE_WEIGHT_PARTS)).toBe(true);
  });
});

describe('resetUninitializedPool', () => {
  const skewed: PoolState = { taoReserveRao: 10n, alphaReserveRao: 20n, quoteWeightParts: PERQUINTILL_ONE / 4n, initialized: false, mechanism: 1 };

  it('resets a never-initialised dynamic pool to 0.5/0.5 without mutating it', () => {
    const r = resetUninitializedPool(skewed);
    expect(r).toEqual({ ...skewed, quoteWeightParts: DEFAULT_QUOTE_WEIGHT_PARTS, initialized: true });
    expect(skewed.quoteWeightParts).toBe(PERQUINTILL_ONE / 4n);
    expect(skewed.initialized).toBe(false);
  });

  it('returns initialised pools and stable pools as they are', () => {
    const init = { ...skewed, initialized: true };
    expect(resetUninitializedPool(init)).toBe(init);
    const stable: PoolState = { ...skewed, mechanism: 0 };
    expect(resetUninitializedPool(stable)).toBe(stable);
  });
});

describe('initializeWeightsForPrice', () => {
  it('gives w_q = y/(p·x + y): 0.5 for a balanced pool at price 1, 0.25 at price 3', () => {
    const p = { taoReserveRao: 1_000_000_000n, alphaReserveRao: 1_000_000_000n };
    expect(initializeWeightsForPrice(p, U64F64_ONE)).toBe(DEFAULT_QUOTE_WEIGHT_PARTS);
    const w = initializeWeightsForPrice(p, 3n * U64F64_ONE);
    expect(w).toBe(PERQUINTILL_ONE / 4n);
    expect(spotPriceU64F64({ ...p, quoteWeightParts: w!, mechanism: 1 })).toBe(3n * U64F64_ONE);
  });

  it('uses int(p)·x + floor(x·frac(p)) for p·x', () => {
    // p = 0.5, x = 3: p·x = 1 (floored), w_q = 1/(1 + 1) = 0.5 with y = 1.
    expect(initializeWeightsForPrice({ taoReserveRao: 1n, alphaReserveRao: 3n }, U64F64_ONE / 2n)).toBe(DEFAULT_QUOTE_WEIGHT_PARTS);
  });

  it('refuses weights outside [0.01, 0.99] and an empty pool', () => {
    const p = { taoReserveRao: 1_000_000_000n, alphaReserveRao: 1_000_000_000n };
    expect(initializeWeightsForPrice(p, 200n * U64F64_ONE)).toBeNull(); // w_q = 1/201
    expect(initializeWeightsForPrice(p, U64F64_ONE / 200n)).toBeNull(); // w_q ≈ 200/201
    expect(initializeWeightsForPrice({ taoReserveRao: 0n, alphaReserveRao: 0n }, U64F64_ONE)).toBeNull();
    expect(initializeWeightsForPrice({ taoReserveRao: 0n, alphaReserveRao: 5n }, U64F64_ONE)).toBeNull(); // w_q = 0
  });
});
