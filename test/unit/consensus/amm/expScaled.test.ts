import { describe, expect, it } from 'vitest';
import { expScaled, POW_SCALE, saturatingAddU64 } from '../../../../src/consensus/amm/expScaled.ts';
import { DEFAULT_QUOTE_WEIGHT_PARTS, PERQUINTILL_ONE } from '../../../../src/consensus/amm/poolState.ts';
import { U64F64_ONE } from '../../../../src/consensus/amm/spotPrice.ts';
import { U64_MAX } from '../../../../src/primitives/units.ts';

const balanced = { quoteWeightParts: DEFAULT_QUOTE_WEIGHT_PARTS };
/** TAO weight 0.25, alpha weight 0.75. */
const quarter = { quoteWeightParts: PERQUINTILL_ONE / 4n };

describe('saturatingAddU64', () => {
  it('adds and saturates at u64::MAX', () => {
    expect(saturatingAddU64(2n, 3n)).toBe(5n);
    expect(saturatingAddU64(U64_MAX, 1n)).toBe(U64_MAX);
    expect(saturatingAddU64(U64_MAX - 1n, 1n)).toBe(U64_MAX);
  });
});

describe('expScaled', () => {
  it('is the POW_SCALE constant 10^18', () => {
    expect(POW_SCALE).toBe(10n ** 18n);
  });

  it('is r/(r+Δ) for balanced weights: doubling the reserve leaves half', () => {
    expect(expScaled(balanced, 1_000_000_000n, 1_000_000_000n, false)).toBe(U64F64_ONE / 2n);
    expect(expScaled(balanced, 1_000_000_000n, 1_000_000_000n, true)).toBe(U64F64_ONE / 2n);
  });

  it('raises to w_quote/w_base on the buy side and w_base/w_quote on the sell side', () => {
    // buy: (1/8)^(0.25/0.75) = 1/2; sell: (1/2)^(0.75/0.25) = 1/8.
    expect(expScaled(quarter, 1n, 7n, false)).toBe(U64F64_ONE / 2n);
    expect(expScaled(quarter, 1n, 1n, true)).toBe(U64F64_ONE / 8n);
  });

  it('floors the power at 10^-18 before converting: (1/3) becomes 0.333333333333333333', () => {
    const e = expScaled(balanced, 1n, 2n, false);
    expect(e).toBe((333_333_333_333_333_333n << 64n) / 10n ** 18n);
    expect(e).toBeLessThan(U64F64_ONE / 3n);
  });

  it('is 1.0 for a zero delta, 0 for an empty reserve and a zero delta, 0 for a zero reserve', () => {
    expect(expScaled(balanced, 3n, 0n, false)).toBe(U64F64_ONE);
    expect(expScaled(balanced, 0n, 0n, false)).toBe(0n);
    expect(expScaled(balanced, 0n, 5n, true)).toBe(0n);
  });
});
