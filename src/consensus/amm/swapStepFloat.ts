/**
 * `swapStep` in numeric mode `float`: the same algorithm, the same checks in the same order, on
 * float64 fractions with `Math.pow`-family functions, flooring to integer rao only at the end.
 * Long simulations use it for speed; a property test keeps it within 1e-9 relative (or a few rao)
 * of the chain-exact step on non-degenerate pools. It misses the chain's rounding artefacts (the
 * 10^-18 floor of the power term, U64F64 floors) and may decide a full/partial fill differently
 * when the price after the order lands within rounding of the limit.
 *
 * The power terms use log1p/expm1 so that 1 − (r/(r+Δ))^k keeps full relative precision for small
 * orders, where a plain pow would cancel catastrophically.
 */
import { U64_MAX } from '../../primitives/units.ts';
import { baseWeightParts, PERQUINTILL_ONE, type PoolState } from './poolState.ts';
import { resetUninitializedPool } from './initializePool.ts';
import { MAX_INPUT_RESERVE_MULTIPLE, RAO_PER_PRICE_UNIT, type SwapConfig, type SwapOrder, type SwapStepResult } from './swapStep.ts';

/** u64::MAX / 10^18: the chain's clamp of the limit-order power term. */
const POW_CLAMP = Number(U64_MAX) / 1e18;
const U64_MAX_NUMBER = Number(U64_MAX);

function toRao(x: number): bigint {
  if (!(x > 0)) return 0n;
  if (x >= U64_MAX_NUMBER) return U64_MAX;
  return BigInt(Math.floor(x));
}

function price(wBase: number, wQuote: number, taoReserve: number, alphaReserve: number): number {
  return alphaReserve === 0 ? 0 : (wBase / wQuote) * (taoReserve / alphaReserve);
}

/** The spot price after `delta` went in and `out` came out (a top-level function: no closure per swap). */
function priceAfter(buy: boolean, wBase: number, wQuote: number, y: number, x: number, delta: number, out: number): number {
  return buy ? price(wBase, wQuote, Math.min(y + delta, U64_MAX_NUMBER), x - out) : price(wBase, wQuote, y - out, Math.min(x + delta, U64_MAX_NUMBER));
}

/** out = outReserve · (1 − (inReserve/(inReserve+Δ))^k), floored. */
function output(inReserve: number, outReserve: number, delta: number, k: number): number {
  if (delta === 0) return 0;
  if (inReserve === 0) return outReserve;
  return Math.floor(outReserve * -Math.expm1(-k * Math.log1p(delta / inReserve)));
}

export function swapStepFloat(pool: PoolState, order: SwapOrder, config: SwapConfig): SwapStepResult {
  if (pool.mechanism === 0) {
    return { ok: true, amountPaidInRao: order.amountRao, amountPaidOutRao: order.amountRao, feePaidRao: 0n, priceDirection: 'up' };
  }
  const p = resetUninitializedPool(pool);
  const buy = order.side === 'buy';
  const wQuote = Number(p.quoteWeightParts) / Number(PERQUINTILL_ONE);
  const wBase = Number(baseWeightParts(p)) / Number(PERQUINTILL_ONE);
  const y = Number(p.taoReserveRao);
  const x = Number(p.alphaReserveRao);
  const inReserve = buy ? y : x;
  const outReserve = buy ? x : y;
  const k = buy ? wQuote / wBase : wBase / wQuote;
  const rate = config.feeRateU16;

  // The fee and the input guard are integer arithmetic, cheap and exact in bigint.
  const feeRao = order.dropFees ? 0n : (order.amountRao * BigInt(rate)) / 65535n;
  const requestedRao = order.amountRao - feeRao;
  if (requestedRao > MAX_INPUT_RESERVE_MULTIPLE * (buy ? p.taoReserveRao : p.alphaReserveRao)) return { ok: false, error: 'SwapInputTooLarge' };
  if ((buy ? p.alphaReserveRao : p.taoReserveRao) < config.minimumReserveRao) return { ok: false, error: 'ReservesTooLow' };
  const current = price(wBase, wQuote, y, x);
  const limit = Number(order.limitPriceRao) / Number(RAO_PER_PRICE_UNIT);
  if (buy ? !(current < limit) : !(current > limit)) return { ok: false, error: 'PriceLimitExceeded' };

  let delta = Number(requestedRao);
  let deltaRao = requestedRao;
  let feePaidRao = feeRao;
  let out = output(inReserve, outReserve, delta, k);
  const target = priceAfter(buy, wBase, wQuote, y, x, delta, out);
  if (buy ? target > limit : target < limit) {
    const ratio = buy ? limit / current : current / limit;
    const w = buy ? wBase : wQuote;
    const logTerm = w * Math.log(ratio);
    const growth = logTerm >= Math.log(POW_CLAMP) ? POW_CLAMP - 1 : Math.expm1(logTerm);
    deltaRao = toRao(inReserve * growth);
    delta = Number(deltaRao);
    feePaidRao = order.dropFees ? 0n : toRao((delta * rate) / (65535 - rate));
    out = output(inReserve, outReserve, delta, k);
  }
  out = Math.max(0, Math.min(out, outReserve));
  if (delta > 0 && out === 0) return { ok: false, error: 'ReservesTooLow' };
  const after = priceAfter(buy, wBase, wQuote, y, x, delta, out);
  return { ok: true, amountPaidInRao: deltaRao, amountPaidOutRao: toRao(out), feePaidRao, priceDirection: after >= current ? 'up' : 'down' };
}
