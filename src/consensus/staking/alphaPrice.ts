/**
 * `current_alpha_price` as the staking code reads it (pallets/subtensor/src/staking/stake_utils.rs
 * and the swap pallet's `current_alpha_price` at 14bc6f9): the pool's spot price (U64F64, see
 * ../amm/spotPrice.ts) converted to U96F32, which floors away the low 32 fractional bits. The
 * stable mechanism (root) is exactly 1. Used where staking values alpha without swapping: the
 * same-subnet move minimum and the small-nomination rule.
 */
import { spotPriceU64F64 } from '../amm/spotPrice.ts';
import type { StakingSubnet } from './stakingSubnet.ts';

export function currentAlphaPriceU96F32(subnet: Pick<StakingSubnet, 'pool'>): bigint {
  return spotPriceU64F64(subnet.pool) >> 32n;
}

/** floor(price ⊗ alpha): `price.saturating_mul(U96F32(alpha)).saturating_to_num::<u64>()`, rao. */
export function taoEquivalentRao(priceU96F32: bigint, alphaRao: bigint): bigint {
  return (priceU96F32 * alphaRao) >> 32n;
}

/** floor(tao ÷ price) as U96F32 `safe_div` (0 when the price is 0), alpha-rao. */
export function alphaEquivalentRao(taoRao: bigint, priceU96F32: bigint): bigint {
  if (priceU96F32 === 0n) return 0n;
  return (taoRao << 32n) / priceU96F32;
}
