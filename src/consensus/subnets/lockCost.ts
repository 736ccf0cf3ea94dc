/**
 * The TAO a new subnet must lock (shared/spec/tokenomics.md §8.3, conformance.md §12 `lock_cost`;
 * invariant 23). After a registration that locked C the price starts at 2C and falls linearly by
 * floor(C/R) per block down to `NetworkMinLockCost`, where the decay window R scales with the
 * current block emission (so it halves at every TAO halving, §11.15).
 * Chain: pallets/subtensor/src/coinbase/root.rs `get_network_lock_cost` at 14bc6f9. All arithmetic
 * is u64, saturating.
 */
import { RAO_PER_TAO, U64_MAX } from '../../primitives/units.ts';

function saturateU64(x: bigint): bigint {
  return x > U64_MAX ? U64_MAX : x < 0n ? 0n : x;
}

/**
 * R_eff = floor(interval · E/10^9): the interval times the block emission in TAO, where E/10^9 is
 * a U64F64 quotient (truncated) and the product is floored back to u64.
 */
export function effectiveLockReductionIntervalBlocks(lockReductionIntervalBlocks: bigint, blockEmissionRao: bigint): bigint {
  const emissionTaoU64F64 = (blockEmissionRao << 64n) / RAO_PER_TAO;
  return saturateU64((lockReductionIntervalBlocks * emissionTaoU64F64) >> 64n);
}

export interface LockCostInput {
  /** `NetworkLastLockCost`: what the last subnet registration locked, rao. */
  readonly lastLockRao: bigint;
  /** `NetworkLastRegistered`: 0 means no registration yet (the last lock is then not doubled). */
  readonly lastLockBlock: bigint;
  readonly block: bigint;
  /** `NetworkMinLockCost`, rao. */
  readonly minLockRao: bigint;
  /** `NetworkLockReductionInterval`, blocks at 1 TAO per block. */
  readonly lockReductionIntervalBlocks: bigint;
  /** The current block emission E(TotalIssuance), rao. */
  readonly blockEmissionRao: bigint;
}

/** max(MinLock, LastLock·m − floor(LastLock/R_eff)·(now − LastLockBlock)), m = 2 (1 before any registration). */
export function lockCostRao(input: LockCostInput): bigint {
  const r = effectiveLockReductionIntervalBlocks(input.lockReductionIntervalBlocks, input.blockEmissionRao);
  const multiplier = input.lastLockBlock === 0n ? 1n : 2n;
  const start = saturateU64(input.lastLockRao * multiplier);
  const perBlock = r === 0n ? 0n : input.lastLockRao / r;
  const elapsed = saturateU64(input.block - input.lastLockBlock);
  const cost = saturateU64(start - saturateU64(perBlock * elapsed));
  return cost > input.minLockRao ? cost : input.minLockRao;
}
