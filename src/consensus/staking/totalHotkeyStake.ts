/**
 * A hotkey's stake over every subnet valued in TAO, as the childkey stake threshold reads it
 * (tokenomics.md §6.3, §7). Chain: pallets/subtensor/src/staking/helpers.rs
 * `get_total_stake_for_hotkey` at 14bc6f9: Σ over subnets of U96F32(alpha) ⊗ price (U96F32), the
 * sum floored to a u64. Root's price is 1. The ledger holds no pools, so the caller supplies the
 * price of each subnet's alpha (the spot price, `spotPriceU64F64`); the U64F64 price is narrowed
 * to U96F32 by dropping its low 32 fractional bits, as `saturating_from_num` does.
 */
import { mulU96F32 } from '../coinbase/coinbaseFixed.ts';
import { u96F32ToU64 } from './epochStake.ts';
import { hotkeyStake, subnetsOfHotkey, type StakeLedger } from './stakeLedger.ts';
import { ROOT_NETUID } from './stakingSubnet.ts';

/** TAO per alpha of a subnet as a U64F64 raw (value·2^64). */
export type AlphaPriceU64F64 = (netuid: number) => bigint;

export function totalStakeForHotkeyRao(ledger: StakeLedger, hotkey: string, priceU64F64: AlphaPriceU64F64): bigint {
  let sumU96 = 0n;
  for (const netuid of subnetsOfHotkey(ledger, hotkey)) {
    const alphaU96 = hotkeyStake(ledger, hotkey, netuid) << 32n;
    const priceU96 = netuid === ROOT_NETUID ? 1n << 32n : priceU64F64(netuid) >> 32n;
    sumU96 += mulU96F32(alphaU96, priceU96);
  }
  return u96F32ToU64(sumU96);
}
