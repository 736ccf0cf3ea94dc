import { describe, expect, it } from 'vitest';
import { DEFAULT_QUOTE_WEIGHT_PARTS, PERQUINTILL_ONE, type PoolState } from '../../../../src/consensus/amm/poolState.ts';
import { DEFAULT_SWAP_CONFIG, PRICE_LIMIT_MAX_RAO, PRICE_LIMIT_MIN_RAO, swapStep, type SwapConfig, type SwapOrder } from '../../../../src/consensus/amm/swapStep.ts';
import { swapStepFloat } from '../../../../src/consensus/amm/swapStepFloat.ts';

const TAO = 1_000_000_000n;

function pool(y: bigint, x: bigint, w = DEFAULT_QUOTE_WEIGHT_PARTS, mechanism: 0 | 1 = 1): PoolState {
  return { taoReserveRao: y, alphaReserveRao: x, quoteWeightParts: w, initialized: true, mechanism };
}

/** Float agrees with chain to 1e-9 relative or 2 rao, whichever is looser (the module's stated bound). */
function close(a: bigint, b: bigint): boolean {
  const d = a > b ? a - b : b - a;
  const scale = a > b ? a : b;
  return d <= 2n || Number(d) <= 1e-9 * Number(scale);
}

describe('swapStepFloat', () => {
  const cases: [string, PoolState, SwapOrder, SwapConfig][] = [
    ['full buy with fee', pool(1000n * TAO, 1000n * TAO), { side: 'buy', amountRao: 10n * TAO, limitPriceRao: PRICE_LIMIT_MAX_RAO, dropFees: false }, DEFAULT_SWAP_CONFIG],
    ['full sell with fee', pool(1000n * TAO, 3000n * TAO), { side: 'sell', amountRao: 77n * TAO, limitPriceRao: PRICE_LIMIT_MIN_RAO, dropFees: false }, DEFAULT_SWAP_CONFIG],
    ['partial buy to price 2', pool(1000n * TAO, 1000n * TAO), { side: 'buy', amountRao: 1000n * TAO, limitPriceRao: 2n * TAO, dropFees: false }, DEFAULT_SWAP_CONFIG],
    ['partial sell to price 0.5', pool(1000n * TAO, 1000n * TAO), { side: 'sell', amountRao: 1000n * TAO, limitPriceRao: TAO / 2n, dropFees: false }, DEFAULT_SWAP_CONFIG],
    ['buy on skewed weights', pool(1000n * TAO, 1000n * TAO, PERQUINTILL_ONE / 4n), { side: 'buy', amountRao: 55n * TAO, limitPriceRao: PRICE_LIMIT_MAX_RAO, dropFees: true }, DEFAULT_SWAP_CONFIG],
    ['sell on skewed weights', pool(1000n * TAO, 1000n * TAO, (PERQUINTILL_ONE * 3n) / 5n), { side: 'sell', amountRao: 55n * TAO, limitPriceRao: PRICE_LIMIT_MIN_RAO, dropFees: true }, DEFAULT_SWAP_CONFIG],
    ['small buy', pool(1000n * TAO, 1000n * TAO), { side: 'buy', amountRao: 3_000_000n, limitPriceRao: PRICE_LIMIT_MAX_RAO, dropFees: false }, DEFAULT_SWAP_CONFIG],
  ];

  for (const [name, p, order, cfg] of cases) {
    it(`agrees with the chain-exact step: ${name}`, () => {
      const chain = swapStep(p, order, cfg);
      const float = swapStepFloat(p, order, cfg);
      if (!chain.ok || !float.ok) throw new Error('both modes should succeed');
      expect(close(chain.amountPaidInRao, float.amountPaidInRao), `in ${chain.amountPaidInRao} vs ${float.amountPaidInRao}`).toBe(true);
      expect(close(chain.amountPaidOutRao, float.amountPaidOutRao), `out ${chain.amountPaidOutRao} vs ${float.amountPaidOutRao}`).toBe(true);
      expect(close(chain.feePaidRao, float.feePaidRao), `fee ${chain.feePaidRao} vs ${float.feePaidRao}`).toBe(true);
      expect(float.priceDirection).toBe(chain.priceDirection);
    });
  }

  it('reports the same errors as the chain-exact step', () => {
    const cfg: SwapConfig = { feeRateU16: 0, minimumReserveRao: 1_000_000n };
    const orders: [PoolState, SwapOrder][] = [
      [pool(TAO, TAO), { side: 'buy', amountRao: 1000n * TAO + 1n, limitPriceRao: PRICE_LIMIT_MAX_RAO, dropFees: true }],
      [pool(TAO, 999_999n), { side: 'buy', amountRao: TAO, limitPriceRao: PRICE_LIMIT_MAX_RAO, dropFees: true }],
      [pool(1000n * TAO, 1000n * TAO), { side: 'buy', amountRao: TAO, limitPriceRao: TAO, dropFees: true }],
      [pool(100n * TAO, 1_000_000n), { side: 'buy', amountRao: 1n, limitPriceRao: PRICE_LIMIT_MAX_RAO, dropFees: true }],
    ];
    const errors = ['SwapInputTooLarge', 'ReservesTooLow', 'PriceLimitExceeded', 'ReservesTooLow'];
    orders.forEach(([p, o], i) => {
      expect(swapStep(p, o, cfg)).toEqual({ ok: false, error: errors[i] });
      expect(swapStepFloat(p, o, cfg)).toEqual({ ok: false, error: errors[i] });
    });
  });

  it('swaps 1:1 on the stable mechanism', () => {
    const o: SwapOrder = { side: 'sell', amountRao: 42n, limitPriceRao: PRICE_LIMIT_MIN_RAO, dropFees: false };
    expect(swapStepFloat(pool(1n, 1n, DEFAULT_QUOTE_WEIGHT_PARTS, 0), o, DEFAULT_SWAP_CONFIG)).toEqual({
      ok: true,
      amountPaidInRao: 42n,
      amountPaidOutRao: 42n,
      feePaidRao: 0n,
      priceDirection: 'up',
    });
  });
});
