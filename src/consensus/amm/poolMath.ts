/**
 * The pool arithmetic of one numeric mode, as the coinbase uses it: the swap step that prices a
 * chain buy and the re-weighting of a protocol injection. `chain` is bit-exact (fixed-point
 * series); `float` runs the same algorithm on float64 — in a 128-subnet coinbase the exact power
 * series would otherwise take most of every block.
 */
import { injectLiquidity, type InjectionResult } from './injectLiquidity.ts';
import { injectLiquidityFloat } from './injectLiquidityFloat.ts';
import type { PoolState } from './poolState.ts';
import { swapStep, type SwapConfig, type SwapOrder, type SwapStepResult } from './swapStep.ts';
import { swapStepFloat } from './swapStepFloat.ts';

export interface PoolMath {
  readonly step: (pool: PoolState, order: SwapOrder, config: SwapConfig) => SwapStepResult;
  readonly inject: (pool: PoolState, taoRao: bigint, alphaRao: bigint) => InjectionResult;
}

export const CHAIN_POOL_MATH: PoolMath = Object.freeze({ step: swapStep, inject: injectLiquidity });
export const FLOAT_POOL_MATH: PoolMath = Object.freeze({ step: swapStepFloat, inject: injectLiquidityFloat });
