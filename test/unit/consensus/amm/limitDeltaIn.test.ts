import { describe, expect, it } from 'vitest';
import { limitDeltaIn } from '../../../../src/consensus/amm/limitDeltaIn.ts';
import { DEFAULT_QUOTE_WEIGHT_PARTS, PERQUINTILL_ONE } from '../../../../src/consensus/amm/poolState.ts';
import { U64F64_ONE } from '../../../../src/consensus/amm/spotPrice.ts';

const balanced = { quoteWeightParts: DEFAULT_QUOTE_WEIGHT_PARTS };
const ONE = U64F64_ONE;

describe('limitDeltaIn', () => {
  it('buy: y·((target/current)^w_base − 1); doubling the price of a balanced pool takes y·(√2 − 1)', () => {
    // √2 − 1 = 0.41421356237309504880…, times 10^12.
    expect(limitDeltaIn(balanced, 'buy', ONE, 2n * ONE, 1_000_000_000_000n)).toBe(414_213_562_373n);
  });

  it('sell: x·((current/target)^w_quote − 1); halving the price takes x·(√2 − 1)', () => {
    expect(limitDeltaIn(balanced, 'sell', 2n * ONE, ONE, 1_000_000_000_000n)).toBe(414_213_562_373n);
  });

  it('uses the alpha weight on buys and the TAO weight on sells', () => {
    // w_q = 0.25, w_b = 0.75. Buy to 8× the price: 8^0.75 − 1 = 2^2.25 − 1 = 3.7568284600108841…
    const quarter = { quoteWeightParts: PERQUINTILL_ONE / 4n };
    expect(limitDeltaIn(quarter, 'buy', ONE, 8n * ONE, 1_000_000n)).toBe(3_756_828n);
    // Sell to 1/16 of the price: 16^0.25 − 1 = 1 exactly.
    expect(limitDeltaIn(quarter, 'sell', 16n * ONE, ONE, 1_000_000n)).toBe(1_000_000n);
  });

  it('is 0 when the target is on the wrong side of the current price or equal to it', () => {
    expect(limitDeltaIn(balanced, 'buy', 2n * ONE, ONE, 1_000_000_000n)).toBe(0n);
    expect(limitDeltaIn(balanced, 'sell', ONE, 2n * ONE, 1_000_000_000n)).toBe(0n);
    expect(limitDeltaIn(balanced, 'buy', ONE, ONE, 1_000_000_000n)).toBe(0n);
  });

  it('clamps the power term at u64::MAX/10^18 ≈ 18.4467, so one step grows the reserve by at most 17.4467×', () => {
    // (10^6)^0.5 = 1000 would be far above the clamp; 10^9·(18.446744073709551615 − 1) = 17,446,744,073.7…
    expect(limitDeltaIn(balanced, 'buy', ONE, 1_000_000n * ONE, 1_000_000_000n)).toBe(17_446_744_073n);
    expect(limitDeltaIn(balanced, 'sell', 1_000_000n * ONE, ONE, 1_000_000_000n)).toBe(17_446_744_073n);
  });

  it('is 0 for an empty reserve', () => {
    expect(limitDeltaIn(balanced, 'buy', ONE, 2n * ONE, 0n)).toBe(0n);
  });
});
