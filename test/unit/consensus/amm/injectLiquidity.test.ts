import { describe, expect, it } from 'vitest';
import { applyInjection, injectLiquidity } from '../../../../src/consensus/amm/injectLiquidity.ts';
import { DEFAULT_QUOTE_WEIGHT_PARTS, PERQUINTILL_ONE, type PoolState } from '../../../../src/consensus/amm/poolState.ts';
import { spotPriceU64F64, U64F64_ONE } from '../../../../src/consensus/amm/spotPrice.ts';

const TAO = 1_000_000_000n;

function pool(y: bigint, x: bigint, w = DEFAULT_QUOTE_WEIGHT_PARTS, mechanism: 0 | 1 = 1): PoolState {
  return { taoReserveRao: y, alphaReserveRao: x, quoteWeightParts: w, initialized: true, mechanism };
}

/** Nearest Perquintill of n/d, ties down, computed independently of the module. */
function nearestParts(n: bigint, d: bigint): bigint {
  const num = n * PERQUINTILL_ONE;
  const q = num / d;
  return 2n * (num - q * d) > d ? q + 1n : q;
}

describe('injectLiquidity', () => {
  it('keeps 0.5/0.5 for an injection in the pool ratio', () => {
    expect(injectLiquidity(pool(1000n * TAO, 1000n * TAO), TAO, TAO)).toEqual({ accepted: true, quoteWeightParts: DEFAULT_QUOTE_WEIGHT_PARTS });
  });

  it('re-weights to w_q = w_q·x·(y+Δy) / (w_b·y·(x+Δx) + w_q·x·(y+Δy)) and keeps the price', () => {
    // x = y = 1000 TAO, Δy = 2 TAO, Δx = 1 TAO: w_q' = 1002/(1001 + 1002) = 1002/2003.
    const before = pool(1000n * TAO, 1000n * TAO);
    const r = injectLiquidity(before, 2n * TAO, TAO);
    expect(r.accepted).toBe(true);
    expect(r.quoteWeightParts).toBe(nearestParts(1002n, 2003n));
    const after = applyInjection(before, 2n * TAO, TAO);
    const p = spotPriceU64F64(after.pool);
    const diff = p > U64F64_ONE ? p - U64F64_ONE : U64F64_ONE - p;
    expect(Number(diff) / Number(U64F64_ONE)).toBeLessThan(1e-12);
    expect(after.pool.taoReserveRao).toBe(1002n * TAO);
    expect(after.pool.alphaReserveRao).toBe(1001n * TAO);
  });

  it('gives 0.5/0.5 for an empty pool (0/0)', () => {
    expect(injectLiquidity(pool(0n, 0n, PERQUINTILL_ONE / 4n), TAO, TAO)).toEqual({ accepted: true, quoteWeightParts: DEFAULT_QUOTE_WEIGHT_PARTS });
  });

  it('refuses an injection whose weights would leave [0.01, 0.99] and then changes nothing', () => {
    // Δy = 1000·y, Δx = 0: w_q' = 1001/1002 > 0.99.
    const before = pool(TAO, TAO);
    expect(injectLiquidity(before, 1000n * TAO, 0n)).toEqual({ accepted: false, quoteWeightParts: DEFAULT_QUOTE_WEIGHT_PARTS });
    const r = applyInjection(before, 1000n * TAO, 0n);
    expect(r.accepted).toBe(false);
    expect(r.pool).toBe(before);
  });

  it('leaves the stable mechanism’s weights alone and adds the reserves', () => {
    const stable = pool(5n * TAO, 5n * TAO, DEFAULT_QUOTE_WEIGHT_PARTS, 0);
    expect(injectLiquidity(stable, 1000n * TAO, 0n)).toEqual({ accepted: true, quoteWeightParts: DEFAULT_QUOTE_WEIGHT_PARTS });
    expect(applyInjection(stable, 3n, 4n).pool).toEqual({ ...stable, taoReserveRao: 5n * TAO + 3n, alphaReserveRao: 5n * TAO + 4n });
  });

  it('does not mutate its input pool', () => {
    const before = pool(1000n * TAO, 1000n * TAO);
    const copy = { ...before };
    applyInjection(before, 2n * TAO, TAO);
    expect(before).toEqual(copy);
  });
});
