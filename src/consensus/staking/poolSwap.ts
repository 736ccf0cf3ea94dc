/**
 * Staking's side of a swap: run one AMM step against a subnet, move `SubnetAlphaOut` with it, and
 * route the fee (tokenomics.md §5.3, invariant 18). The pool math is the AMM's (../amm/swapStep.ts);
 * this file only does what the chain's `swap_tao_for_alpha` / `swap_alpha_for_tao`
 * (pallets/subtensor/src/staking/stake_utils.rs at 14bc6f9) and the swap pallet's fee handling do
 * around it:
 *
 *   - buy (TAO → alpha): the pool gets Δy = A − fee, `SubnetAlphaOut` += Δx_out, and the fee TAO
 *     goes to the block author's coldkey, or is burned when there is no author (a burn leaves
 *     issuance unchanged; it is reported so callers can track it);
 *   - sell (alpha → TAO): the pool gets Δx = A − fee, `SubnetAlphaOut` −= Δx; the alpha fee is sold
 *     fee-free in the same pool and its TAO goes to the author, or, without an author, the fee alpha
 *     is burned (it stays in `SubnetAlphaOut`, owned by nobody). If that resale itself fails (a pool
 *     at its reserve floor), the fee alpha is burned too.
 *
 * The stable mechanism (root) swaps 1:1 with no fee; its `taoReserveRao` is `SubnetTAO[root]`.
 */
import { applySwapStep, DEFAULT_FEE_RATE_U16, DEFAULT_MINIMUM_RESERVE_RAO, PRICE_LIMIT_MAX_RAO, PRICE_LIMIT_MIN_RAO, swapStep, type SwapConfig, type SwapStepResult } from '../amm/swapStep.ts';
import type { SwapSide } from '../amm/limitDeltaIn.ts';
import { addBalance, type StakeLedger } from './stakeLedger.ts';
import type { FeeOutcome } from './stakeOperation.ts';
import type { StakingSubnet } from './stakingSubnet.ts';

export interface SwapOptions {
  /** Worst acceptable price, rao per alpha; default: no limit (the chain's max/min price). */
  readonly limitPriceRao?: bigint;
  readonly dropFees?: boolean;
}

/** Where swap fees go and what the AMM's reserve floor is. */
export interface FeeContext {
  /** Coldkey of the block author; absent = fees are burned. */
  readonly blockAuthorColdkey?: string | undefined;
  /** `MinimumReserve` of the swap pallet; default 1,000,000 rao. */
  readonly minimumReserveRao?: bigint | undefined;
}

export interface ExecutedSwap {
  /** Net input that entered the pool (rao on a buy, alpha-rao on a sell). */
  readonly paidInRao: bigint;
  /** Output: alpha bought, or TAO paid to the seller. */
  readonly paidOutRao: bigint;
  /** Fee in the input token. */
  readonly feeRao: bigint;
  /** TAO credited to the block author (the buy fee, or the resold sell fee). */
  readonly authorTaoRao: bigint;
  /** TAO fee burned for want of an author (buys). */
  readonly burnedTaoRao: bigint;
  /** Alpha fee burned for want of an author or a resale (sells); it stays in `SubnetAlphaOut`. */
  readonly burnedAlphaRao: bigint;
}

export function swapConfigOf(subnet: StakingSubnet, fees: FeeContext): SwapConfig {
  return {
    feeRateU16: subnet.feeRateU16 ?? DEFAULT_FEE_RATE_U16,
    minimumReserveRao: fees.minimumReserveRao ?? DEFAULT_MINIMUM_RESERVE_RAO,
  };
}

function limitOf(side: SwapSide, options: SwapOptions): bigint {
  return options.limitPriceRao ?? (side === 'buy' ? PRICE_LIMIT_MAX_RAO : PRICE_LIMIT_MIN_RAO);
}

/** `sim_swap`: what a swap would do, leaving the subnet untouched. */
export function simulateSwap(subnet: StakingSubnet, side: SwapSide, amountRao: bigint, options: SwapOptions, fees: FeeContext): SwapStepResult {
  return swapStep(subnet.pool, { side, amountRao, limitPriceRao: limitOf(side, options), dropFees: options.dropFees ?? false }, swapConfigOf(subnet, fees));
}

/**
 * Executes a swap on the subnet and routes its fee; on failure nothing changes. The caller debits
 * the input from the user before and credits the output after.
 */
export function executeSwap(
  ledger: StakeLedger,
  subnet: StakingSubnet,
  side: SwapSide,
  amountRao: bigint,
  options: SwapOptions,
  fees: FeeContext,
): { ok: true; swap: ExecutedSwap } | { ok: false; error: string } {
  const step = simulateSwap(subnet, side, amountRao, options, fees);
  if (!step.ok) return { ok: false, error: step.error };
  subnet.pool = applySwapStep(subnet.pool, side, step);
  const author = fees.blockAuthorColdkey;
  let authorTaoRao = 0n;
  let burnedTaoRao = 0n;
  let burnedAlphaRao = 0n;
  if (side === 'buy') {
    subnet.alphaOutRao += step.amountPaidOutRao;
    if (author === undefined) burnedTaoRao = step.feePaidRao;
    else authorTaoRao = step.feePaidRao;
  } else {
    subnet.alphaOutRao = subnet.alphaOutRao > step.amountPaidInRao ? subnet.alphaOutRao - step.amountPaidInRao : 0n;
    if (step.feePaidRao > 0n) {
      const resale = author === undefined ? null : swapStep(subnet.pool, { side: 'sell', amountRao: step.feePaidRao, limitPriceRao: PRICE_LIMIT_MIN_RAO, dropFees: true }, swapConfigOf(subnet, fees));
      if (resale !== null && resale.ok) {
        subnet.pool = applySwapStep(subnet.pool, 'sell', resale);
        subnet.alphaOutRao = subnet.alphaOutRao > resale.amountPaidInRao ? subnet.alphaOutRao - resale.amountPaidInRao : 0n;
        authorTaoRao = resale.amountPaidOutRao;
        burnedAlphaRao = step.feePaidRao - resale.amountPaidInRao;
      } else {
        burnedAlphaRao = step.feePaidRao;
      }
    }
  }
  if (author !== undefined) addBalance(ledger, author, authorTaoRao);
  return {
    ok: true,
    swap: { paidInRao: step.amountPaidInRao, paidOutRao: step.amountPaidOutRao, feeRao: step.feePaidRao, authorTaoRao, burnedTaoRao, burnedAlphaRao },
  };
}

/** The fee part of a swap, as operations report it. */
export function feesOfSwap(side: SwapSide, swap: ExecutedSwap): FeeOutcome {
  return {
    feeTaoRao: side === 'buy' ? swap.feeRao : 0n,
    feeAlphaRao: side === 'sell' ? swap.feeRao : 0n,
    authorTaoRao: swap.authorTaoRao,
    burnedTaoRao: swap.burnedTaoRao,
    burnedAlphaRao: swap.burnedAlphaRao,
  };
}
