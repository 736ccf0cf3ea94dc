import { describe, expect, it } from 'vitest';
import { DEFAULT_QUOTE_WEIGHT_PARTS, PERQUINTILL_ONE, type PoolState } from '../../../../src/consensus/amm/poolState.ts';
import { divU64F64, mulU64F64, spotPriceU64F64, U64F64_ONE } from '../../../../src/consensus/amm/spotPrice.ts';

const ONE = U64F64_ONE;
const U128_MAX = (1n << 128n) - 1n;

function pool(taoReserveRao: bigint, alphaReserveRao: bigint, quoteWeightParts = DEFAULT_QUOTE_WEIGHT_PARTS, mechanism: 0 | 1 = 1): PoolState {
  return { taoReserveRao, alphaReserveRao, quoteWeightParts, initialized: true, mechanism };
}

describe('divU64F64 and mulU64F64', () => {
  it('divide and multiply U64F64 raws with a floor', () => {
    expect(divU64F64(3n * ONE, 2n * ONE)).toBe(ONE + ONE / 2n);
    expect(divU64F64(ONE, 3n * ONE)).toBe(ONE / 3n);
    expect(mulU64F64(3n * ONE, ONE / 2n)).toBe(ONE + ONE / 2n);
    // 1/3 · 3 floors below 1.
    expect(mulU64F64(ONE / 3n, 3n * ONE)).toBe(ONE - 1n);
  });

  it('give 0 for a zero divisor and saturate at the type maximum', () => {
    expect(divU64F64(5n * ONE, 0n)).toBe(0n);
    expect(divU64F64(U128_MAX, 1n)).toBe(U128_MAX);
    expect(mulU64F64(U128_MAX, U128_MAX)).toBe(U128_MAX);
  });
});

describe('spotPriceU64F64', () => {
  it('is y/x for equal weights: 2000 TAO over 1000 alpha costs 2 TAO per alpha', () => {
    expect(spotPriceU64F64(pool(2_000_000_000_000n, 1_000_000_000_000n))).toBe(2n * ONE);
  });

  it('multiplies by w_base/w_quote: a 0.25 TAO weight triples the price of a balanced pool', () => {
    expect(spotPriceU64F64(pool(1_000_000_000n, 1_000_000_000n, PERQUINTILL_ONE / 4n))).toBe(3n * ONE);
  });

  it('floors y/x in U64F64 (1 rao over 3 alpha-rao)', () => {
    expect(spotPriceU64F64(pool(1n, 3n))).toBe(ONE / 3n);
  });

  it('is 0 for an empty alpha reserve and 1.0 for the stable mechanism whatever its reserves', () => {
    expect(spotPriceU64F64(pool(5_000_000_000n, 0n))).toBe(0n);
    expect(spotPriceU64F64(pool(0n, 0n))).toBe(0n);
    expect(spotPriceU64F64(pool(7n, 1_000n, DEFAULT_QUOTE_WEIGHT_PARTS, 0))).toBe(ONE);
    expect(spotPriceU64F64(pool(0n, 0n, DEFAULT_QUOTE_WEIGHT_PARTS, 0))).toBe(ONE);
  });
});
