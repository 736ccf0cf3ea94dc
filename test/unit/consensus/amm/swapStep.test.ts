import { describe, expect, it } from 'vitest';
import { DEFAULT_QUOTE_WEIGHT_PARTS, PERQUINTILL_ONE, type PoolState } from '../../../../src/consensus/amm/poolState.ts';
import { spotPriceU64F64, U64F64_ONE } from '../../../../src/consensus/amm/spotPrice.ts';
import {
  applySwapStep,
  DEFAULT_SWAP_CONFIG,
  limitPriceU64F64,
  partialFillFeeRao,
  PRICE_LIMIT_MAX_RAO,
  PRICE_LIMIT_MIN_RAO,
  swapFeeRao,
  swapOutputRao,
  swapStep,
  type SwapConfig,
  type SwapOrder,
  type SwapStepSuccess,
} from '../../../../src/consensus/amm/swapStep.ts';

const TAO = 1_000_000_000n;
const NO_FEE: SwapConfig = { feeRateU16: 0, minimumReserveRao: 1n };

function pool(y: bigint, x: bigint, w = DEFAULT_QUOTE_WEIGHT_PARTS, initialized = true, mechanism: 0 | 1 = 1): PoolState {
  return { taoReserveRao: y, alphaReserveRao: x, quoteWeightParts: w, initialized, mechanism };
}

function buy(amountRao: bigint, limitPriceRao = PRICE_LIMIT_MAX_RAO, dropFees = false): SwapOrder {
  return { side: 'buy', amountRao, limitPriceRao, dropFees };
}

function sell(amountRao: bigint, limitPriceRao = PRICE_LIMIT_MIN_RAO, dropFees = false): SwapOrder {
  return { side: 'sell', amountRao, limitPriceRao, dropFees };
}

function ok(r: ReturnType<typeof swapStep>): SwapStepSuccess {
  if (!r.ok) throw new Error(`swap failed: ${r.error}`);
  return r;
}

/** Constant-product output floor(out·Δ/(in + Δ)): the spec's closed form for equal weights. */
function constantProductOut(inReserve: bigint, outReserve: bigint, delta: bigint): bigint {
  return (outReserve * delta) / (inReserve + delta);
}

describe('fees and limits', () => {
  it('charges floor(A·r/65535) on a full order: 33/65535 of 10 TAO is 5,035,477 rao', () => {
    expect(swapFeeRao(10n * TAO, 33)).toBe(5_035_477n);
    expect(swapFeeRao(10n * TAO, 0)).toBe(0n);
    // The rate F(r) ÷ F(65535) is floored strictly below r/65535 (2^64 ≡ 1 mod 65535, so 65535
    // never divides r·2^64), so a fee that is an exact integer in reals lands one rao lower.
    expect(swapFeeRao(65535n, 10_000)).toBe(9_999n);
  });

  it('recomputes a partial fill’s fee from the net amount as floor(Δ·r/(65535 − r))', () => {
    // Δ = 65502·k nets a real fee of exactly 33·k; the floored U64F64 rate puts it one rao lower.
    expect(partialFillFeeRao(65_502n, 33)).toBe(32n);
    expect(partialFillFeeRao(65_503n, 33)).toBe(33n);
    expect(partialFillFeeRao(1_000_000n, 0)).toBe(0n);
  });

  it('reads a limit in rao per alpha as a U64F64 price', () => {
    expect(limitPriceU64F64(TAO)).toBe(U64F64_ONE);
    expect(limitPriceU64F64(2n * TAO)).toBe(2n * U64F64_ONE);
    expect(limitPriceU64F64(TAO / 2n)).toBe(U64F64_ONE / 2n);
  });
});

describe('swapOutputRao', () => {
  it('is the constant-product output for equal weights', () => {
    const p = pool(1000n * TAO, 1000n * TAO);
    // x·Δ/(y + Δ) = 10^12 · 10^10 / 1.01·10^12 = 9,900,990,099.0099…
    expect(swapOutputRao(p, 'buy', 10n * TAO)).toBe(9_900_990_099n);
    expect(swapOutputRao(p, 'sell', 1000n * TAO)).toBe(500n * TAO);
    expect(swapOutputRao(p, 'buy', 0n)).toBe(0n);
  });
});

describe('swapStep on a balanced pool of 1000 TAO / 1000 alpha', () => {
  const p = pool(1000n * TAO, 1000n * TAO);

  it('a fee-free buy of 1000 TAO doubles y and pays half of x, and the price quadruples', () => {
    const r = ok(swapStep(p, buy(1000n * TAO, PRICE_LIMIT_MAX_RAO, true), NO_FEE));
    expect(r).toEqual({ ok: true, amountPaidInRao: 1000n * TAO, amountPaidOutRao: 500n * TAO, feePaidRao: 0n, priceDirection: 'up' });
    const after = applySwapStep(p, 'buy', r);
    expect(after.taoReserveRao).toBe(2000n * TAO);
    expect(after.alphaReserveRao).toBe(500n * TAO);
    expect(spotPriceU64F64(after)).toBe(4n * U64F64_ONE);
  });

  it('a fee-free sell of 1000 alpha pays 500 TAO and the price falls', () => {
    const r = ok(swapStep(p, sell(1000n * TAO, PRICE_LIMIT_MIN_RAO, true), NO_FEE));
    expect(r).toEqual({ ok: true, amountPaidInRao: 1000n * TAO, amountPaidOutRao: 500n * TAO, feePaidRao: 0n, priceDirection: 'down' });
    expect(applySwapStep(p, 'sell', r)).toEqual({ ...p, taoReserveRao: 500n * TAO, alphaReserveRao: 2000n * TAO });
  });

  it('a 10 TAO buy with the default fee swaps A − fee and leaves the fee outside the pool', () => {
    const r = ok(swapStep(p, buy(10n * TAO), DEFAULT_SWAP_CONFIG));
    const delta = 10n * TAO - 5_035_477n;
    expect(r.feePaidRao).toBe(5_035_477n);
    expect(r.amountPaidInRao).toBe(delta);
    expect(r.amountPaidOutRao).toBe(constantProductOut(1000n * TAO, 1000n * TAO, delta));
    expect(applySwapStep(p, 'buy', r).taoReserveRao).toBe(1000n * TAO + delta);
  });

  it('fills a buy only up to its limit: to price 2 it takes y·(√2 − 1) and recomputes the fee', () => {
    const r = ok(swapStep(p, buy(1000n * TAO, 2n * TAO), DEFAULT_SWAP_CONFIG));
    const delta = 414_213_562_373n;
    expect(r.amountPaidInRao).toBe(delta);
    expect(r.feePaidRao).toBe((delta * 33n) / (65535n - 33n));
    expect(r.amountPaidOutRao).toBe(constantProductOut(1000n * TAO, 1000n * TAO, delta));
    const price = Number(spotPriceU64F64(applySwapStep(p, 'buy', r))) / 2 ** 64;
    expect(Math.abs(price - 2)).toBeLessThan(1e-9);
  });

  it('fills a sell only down to its limit: to price 0.5 it takes x·(√2 − 1)', () => {
    const r = ok(swapStep(p, sell(1000n * TAO, TAO / 2n, true), NO_FEE));
    expect(r.amountPaidInRao).toBe(414_213_562_373n);
    const price = Number(spotPriceU64F64(applySwapStep(p, 'sell', r))) / 2 ** 64;
    expect(Math.abs(price - 0.5)).toBeLessThan(1e-9);
  });

  it('fails with PriceLimitExceeded unless the price is strictly on the right side of the limit', () => {
    expect(swapStep(p, buy(TAO, TAO), NO_FEE)).toEqual({ ok: false, error: 'PriceLimitExceeded' });
    expect(swapStep(p, sell(TAO, TAO), NO_FEE)).toEqual({ ok: false, error: 'PriceLimitExceeded' });
    expect(swapStep(p, buy(TAO, TAO / 2n), NO_FEE)).toEqual({ ok: false, error: 'PriceLimitExceeded' });
  });
});

describe('swapStep guards', () => {
  it('refuses a net input above 1000× the input reserve', () => {
    const p = pool(TAO, TAO);
    expect(swapStep(p, buy(1000n * TAO + 1n, PRICE_LIMIT_MAX_RAO, true), NO_FEE)).toEqual({ ok: false, error: 'SwapInputTooLarge' });
    // Exactly 1000× passes the guard (the limit then turns it into a partial fill).
    expect(swapStep(p, buy(1000n * TAO, PRICE_LIMIT_MAX_RAO, true), NO_FEE).ok).toBe(true);
    expect(swapStep(p, sell(1000n * TAO + 1n, PRICE_LIMIT_MIN_RAO, true), NO_FEE)).toEqual({ ok: false, error: 'SwapInputTooLarge' });
  });

  it('refuses a swap whose output reserve is below MinimumReserve', () => {
    const cfg: SwapConfig = { feeRateU16: 0, minimumReserveRao: 1_000_000n };
    expect(swapStep(pool(TAO, 999_999n), buy(TAO), cfg)).toEqual({ ok: false, error: 'ReservesTooLow' });
    expect(swapStep(pool(999_999n, 1000n * TAO), sell(TAO), cfg)).toEqual({ ok: false, error: 'ReservesTooLow' });
    expect(swapStep(pool(TAO, 1_000_000n), buy(TAO), cfg).ok).toBe(true);
  });

  it('refuses a non-zero input that buys nothing', () => {
    // 1 rao into 100 TAO of TAO reserve against 10^6 alpha-rao: 10^6/(10^11 + 1) rounds to 0 alpha.
    expect(swapStep(pool(100n * TAO, 1_000_000n), buy(1n), NO_FEE)).toEqual({ ok: false, error: 'ReservesTooLow' });
  });

  it('checks the input size before the reserves and the reserves before the limit', () => {
    const tiny = pool(1n, 1n);
    const cfg: SwapConfig = { feeRateU16: 0, minimumReserveRao: 1_000_000n };
    expect(swapStep(tiny, buy(5_000n, 1n), cfg)).toEqual({ ok: false, error: 'SwapInputTooLarge' });
    expect(swapStep(tiny, buy(5n, 1n), cfg)).toEqual({ ok: false, error: 'ReservesTooLow' });
  });
});

describe('swapStep special pools', () => {
  it('swaps 1:1 with no fee on the stable mechanism', () => {
    const stable = pool(5n, 5n, DEFAULT_QUOTE_WEIGHT_PARTS, true, 0);
    expect(swapStep(stable, buy(123n * TAO, 1n), DEFAULT_SWAP_CONFIG)).toEqual({
      ok: true,
      amountPaidInRao: 123n * TAO,
      amountPaidOutRao: 123n * TAO,
      feePaidRao: 0n,
      priceDirection: 'up',
    });
  });

  it('treats a never-initialised pool as 0.5/0.5 and leaves it initialised after the swap', () => {
    const skewed = pool(1000n * TAO, 1000n * TAO, PERQUINTILL_ONE / 4n, false);
    const r = ok(swapStep(skewed, buy(1000n * TAO, PRICE_LIMIT_MAX_RAO, true), NO_FEE));
    // At 0.25/0.75 the output would be x·(1 − 2^(−1/3)) ≈ 206 alpha; at 0.5/0.5 it is x/2.
    expect(r.amountPaidOutRao).toBe(500n * TAO);
    const after = applySwapStep(skewed, 'buy', r);
    expect(after.quoteWeightParts).toBe(DEFAULT_QUOTE_WEIGHT_PARTS);
    expect(after.initialized).toBe(true);
    expect(skewed.initialized).toBe(false);
  });

  it('on an initialised skewed pool, uses its weights: a 0.25 TAO weight buys x·(1 − (y/(y+Δ))^(1/3))', () => {
    const skewed = pool(1000n * TAO, 1000n * TAO, PERQUINTILL_ONE / 4n, true);
    // Δ = 7y: (1/8)^(1/3) = 1/2, so half the alpha goes out.
    const r = ok(swapStep(skewed, buy(7000n * TAO, PRICE_LIMIT_MAX_RAO, true), NO_FEE));
    expect(r.amountPaidOutRao).toBe(500n * TAO);
  });
});
