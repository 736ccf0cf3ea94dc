/**
 * One exact-in swap against a subnet pool: the swap pallet's `do_swap` single step
 * (shared/spec/tokenomics.md §5.3–§5.5, §5.7; conformance.md §7 `swap`). Chain:
 * pallets/swap/src/pallet/impls.rs `do_swap` / `swap_inner` and pallets/swap/src/pallet/swap_step.rs
 * at 14bc6f9.
 *
 * `swapStep` is pure: it reports what the swap pays and charges, and `applySwapStep` returns the
 * pool with the reserves moved. The fee is never added to the pool: routing it to the block author
 * (or burning it) is the caller's business. Like the chain's `swap_inner`, a pool that was never
 * initialised is first reset to 0.5/0.5 (tokenomics.md §11.9) — inside the step, so a simulated
 * swap sees the reset too but leaves the pool as it was.
 *
 * Every rounding point is the chain's: the fee is a U64F64 product, outputs go through the
 * floored 10^18-scaled power term, the limit is `F(limit_rao) ÷ F(10^9)`.
 */
import { expScaled, saturatingAddU64 } from './expScaled.ts';
import { resetUninitializedPool } from './initializePool.ts';
import { limitDeltaIn, type SwapSide } from './limitDeltaIn.ts';
import type { PoolState } from './poolState.ts';
import { divU64F64, mulU64F64, spotPriceU64F64, U64F64_ONE } from './spotPrice.ts';

export type { SwapSide } from './limitDeltaIn.ts';

/** The "no limit" price bounds, in rao per alpha (1e−6 TAO and 10^6 TAO). */
export const PRICE_LIMIT_MIN_RAO = 1000n;
export const PRICE_LIMIT_MAX_RAO = 10n ** 15n;
/** `FeeRate` default: 33/65535 ≈ 0.0504 %. */
export const DEFAULT_FEE_RATE_U16 = 33;
/** `MinimumReserve` default (runtime; the chain's mocks use smaller values). */
export const DEFAULT_MINIMUM_RESERVE_RAO = 1_000_000n;
/** An order's net input may be at most this multiple of the input-side reserve. */
export const MAX_INPUT_RESERVE_MULTIPLE = 1000n;
/** A limit price is given in rao per whole alpha. */
export const RAO_PER_PRICE_UNIT = 1_000_000_000n;

const U16_MAX = 65535n;

export interface SwapOrder {
  /** buy = TAO in, alpha out; sell = alpha in, TAO out. */
  side: SwapSide;
  /** Gross input (fee included): rao for a buy, alpha-rao for a sell. */
  amountRao: bigint;
  /** Worst acceptable price, rao per alpha (buy: price stays ≤ it; sell: ≥ it). */
  limitPriceRao: bigint;
  /** Chain buys and fee resales swap with no fee. */
  dropFees: boolean;
}

export interface SwapConfig {
  /** `FeeRate`, divided by 65535. */
  feeRateU16: number;
  /** `MinimumReserve`: the output-side reserve must hold at least this much before a swap. */
  minimumReserveRao: bigint;
}

export const DEFAULT_SWAP_CONFIG: Readonly<SwapConfig> = Object.freeze({
  feeRateU16: DEFAULT_FEE_RATE_U16,
  minimumReserveRao: DEFAULT_MINIMUM_RESERVE_RAO,
});

export type SwapError = 'SwapInputTooLarge' | 'ReservesTooLow' | 'PriceLimitExceeded' | 'InsufficientLiquidity';

export interface SwapStepSuccess {
  ok: true;
  /** Net input that entered the pool (after the fee; after clipping a partial fill). */
  amountPaidInRao: bigint;
  /** Output paid to the user. */
  amountPaidOutRao: bigint;
  /** Fee charged on top of `amountPaidInRao`, in the input token. */
  feePaidRao: bigint;
  /** 'up' if the price after the swap is ≥ the price before. */
  priceDirection: 'up' | 'down';
}

export type SwapStepResult = SwapStepSuccess | { ok: false; error: SwapError };

/** The limit in rao per alpha as the chain's U64F64 limit price. */
export function limitPriceU64F64(limitPriceRao: bigint): bigint {
  return divU64F64(limitPriceRao << 64n, RAO_PER_PRICE_UNIT << 64n);
}

/** fee = int(F(amount) ⊗ (F(r) ÷ F(65535))): charged on the gross amount of a full order. */
export function swapFeeRao(amountRao: bigint, feeRateU16: number): bigint {
  const rate = divU64F64(BigInt(feeRateU16) << 64n, U16_MAX << 64n);
  return mulU64F64(amountRao << 64n, rate) >> 64n;
}

/**
 * fee = int(F(Δ) ⊗ (F(r) ÷ (F(65535) − F(r)))): a partial fill's fee, recomputed from the net
 * amount Δ so that Δ + fee is the gross amount that would have netted Δ.
 */
export function partialFillFeeRao(deltaRao: bigint, feeRateU16: number): bigint {
  const r = BigInt(feeRateU16);
  const rate = divU64F64(r << 64n, (U16_MAX - r) << 64n);
  return mulU64F64(deltaRao << 64n, rate) >> 64n;
}

/** Output of a net input Δ: buy int(F(x) ⊗ (1 − e(y, Δ))), sell int(F(y) ⊗ (1 − e(x, Δ))). */
export function swapOutputRao(pool: PoolState, side: SwapSide, deltaRao: bigint): bigint {
  if (side === 'buy') {
    const e = expScaled(pool, pool.taoReserveRao, deltaRao, false);
    return mulU64F64(pool.alphaReserveRao << 64n, U64F64_ONE - e) >> 64n;
  }
  const e = expScaled(pool, pool.alphaReserveRao, deltaRao, true);
  return mulU64F64(pool.taoReserveRao << 64n, U64F64_ONE - e) >> 64n;
}

function saturatingSub(a: bigint, b: bigint): bigint {
  return a > b ? a - b : 0n;
}

/** Reserves after a net input Δ and output, as u64s (the input side saturates like the chain's). */
function movedReserves(pool: PoolState, side: SwapSide, deltaRao: bigint, outRao: bigint): PoolState {
  return side === 'buy'
    ? { ...pool, taoReserveRao: saturatingAddU64(pool.taoReserveRao, deltaRao), alphaReserveRao: saturatingSub(pool.alphaReserveRao, outRao) }
    : { ...pool, alphaReserveRao: saturatingAddU64(pool.alphaReserveRao, deltaRao), taoReserveRao: saturatingSub(pool.taoReserveRao, outRao) };
}

/**
 * The chain's single swap step. Errors come in the chain's order: input over 1000× the input
 * reserve, output reserve below the minimum, limit not beyond the current price, a non-zero input
 * that buys nothing, output above the reserve.
 *
 * The stable mechanism (root) swaps 1:1 with no fee and no price check: on the chain the stable
 * path of `swap_tao_for_alpha` / `swap_alpha_for_tao` never reaches the pool (max amounts are
 * where its limit matters, see maxAmount.ts).
 */
export function swapStep(pool: PoolState, order: SwapOrder, config: SwapConfig): SwapStepResult {
  if (pool.mechanism === 0) {
    return { ok: true, amountPaidInRao: order.amountRao, amountPaidOutRao: order.amountRao, feePaidRao: 0n, priceDirection: 'up' };
  }
  const p = resetUninitializedPool(pool);
  const buy = order.side === 'buy';
  const inReserve = buy ? p.taoReserveRao : p.alphaReserveRao;
  const outReserve = buy ? p.alphaReserveRao : p.taoReserveRao;

  const fee = order.dropFees ? 0n : swapFeeRao(order.amountRao, config.feeRateU16);
  const requested = order.amountRao - fee;
  if (requested > MAX_INPUT_RESERVE_MULTIPLE * inReserve) return { ok: false, error: 'SwapInputTooLarge' };
  if (outReserve < config.minimumReserveRao) return { ok: false, error: 'ReservesTooLow' };
  const current = spotPriceU64F64(p);
  const limit = limitPriceU64F64(order.limitPriceRao);
  if (buy ? !(current < limit) : !(current > limit)) return { ok: false, error: 'PriceLimitExceeded' };

  let delta = requested;
  let feePaid = fee;
  let out = swapOutputRao(p, order.side, requested);
  const target = spotPriceU64F64(movedReserves(p, order.side, requested, out));
  if (buy ? target > limit : target < limit) {
    delta = limitDeltaIn(p, order.side, current, limit, inReserve);
    feePaid = order.dropFees ? 0n : partialFillFeeRao(delta, config.feeRateU16);
    out = swapOutputRao(p, order.side, delta);
  }
  if (delta > 0n && out === 0n) return { ok: false, error: 'ReservesTooLow' };
  // Unreachable while e ∈ [0, 1] (out ≤ reserve), kept because the chain checks it before committing.
  if (out > outReserve) return { ok: false, error: 'InsufficientLiquidity' };
  const after = spotPriceU64F64(movedReserves(p, order.side, delta, out));
  return { ok: true, amountPaidInRao: delta, amountPaidOutRao: out, feePaidRao: feePaid, priceDirection: after >= current ? 'up' : 'down' };
}

/**
 * The pool after a successful step: reset to 0.5/0.5 if it was uninitialised, the net input added
 * to the input reserve and the output taken from the output reserve (never below 0; the stable
 * mechanism's reserves move the same way). The fee stays outside the pool.
 */
export function applySwapStep(pool: PoolState, side: SwapSide, result: SwapStepSuccess): PoolState {
  const p = pool.mechanism === 0 ? pool : resetUninitializedPool(pool);
  return movedReserves(p, side, result.amountPaidInRao, result.amountPaidOutRao);
}

