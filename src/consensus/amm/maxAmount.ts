/**
 * The largest stake or unstake that keeps the price within a limit (shared/spec/tokenomics.md
 * §5.4; conformance.md §7 `max_amount_add` / `max_amount_remove`). Chain:
 * pallets/subtensor/src/staking/stake_utils.rs `get_max_amount_add` / `get_max_amount_remove`
 * with the swap pallet's simulated swap, at 14bc6f9.
 *
 * Rather than solving for the amount, the chain simulates an order of 1000 × the input reserve
 * (the most the pool accepts) at the limit and reads back what a partial fill would take:
 * paid_in + fee. Errors of that simulation (e.g. `PriceLimitExceeded`) are the answer's errors.
 */
import { U64_MAX } from '../../primitives/units.ts';
import type { PoolState } from './poolState.ts';
import { MAX_INPUT_RESERVE_MULTIPLE, RAO_PER_PRICE_UNIT, swapStep, type SwapConfig, type SwapError, type SwapOrder, type SwapStepResult } from './swapStep.ts';

export type MaxAmountResult = { ok: true; amountRao: bigint } | { ok: false; error: SwapError };

/** The swap step the simulation runs: `swapStep` in chain mode, `swapStepFloat` in float mode. */
export type SwapStepFn = (pool: PoolState, order: SwapOrder, config: SwapConfig) => SwapStepResult;

function simulateAtLimit(pool: PoolState, side: 'buy' | 'sell', limitPriceRao: bigint, config: SwapConfig, step: SwapStepFn): MaxAmountResult {
  const inReserve = side === 'buy' ? pool.taoReserveRao : pool.alphaReserveRao;
  const bound = MAX_INPUT_RESERVE_MULTIPLE * inReserve;
  const amountRao = bound > U64_MAX ? U64_MAX : bound;
  const r = step(pool, { side, amountRao, limitPriceRao, dropFees: false }, config);
  if (!r.ok) return r;
  const total = r.amountPaidInRao + r.feePaidRao;
  return { ok: true, amountRao: total > U64_MAX ? U64_MAX : total };
}

/**
 * Most TAO that can be staked (bought into alpha) with the price staying ≤ the limit. The stable
 * mechanism trades at exactly 1.0: everything (u64::MAX) if the limit is ≥ 1 TAO, else nothing.
 */
export function maxAmountAdd(pool: PoolState, limitPriceRao: bigint, config: SwapConfig, step: SwapStepFn = swapStep): MaxAmountResult {
  if (pool.mechanism === 0) return { ok: true, amountRao: limitPriceRao >= RAO_PER_PRICE_UNIT ? U64_MAX : 0n };
  return simulateAtLimit(pool, 'buy', limitPriceRao, config, step);
}

/** Most alpha that can be unstaked (sold) with the price staying ≥ the limit; stable: all if the limit is ≤ 1 TAO. */
export function maxAmountRemove(pool: PoolState, limitPriceRao: bigint, config: SwapConfig, step: SwapStepFn = swapStep): MaxAmountResult {
  if (pool.mechanism === 0) return { ok: true, amountRao: limitPriceRao <= RAO_PER_PRICE_UNIT ? U64_MAX : 0n };
  return simulateAtLimit(pool, 'sell', limitPriceRao, config, step);
}
