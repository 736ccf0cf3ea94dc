/**
 * The four ways stake changes hands inside a (hotkey, netuid) share pool, as the chain's staking
 * code calls them (pallets/subtensor/src/staking/stake_utils.rs at 14bc6f9):
 * `increase_stake_for_hotkey_and_coldkey_on_subnet` (mint shares for one coldkey),
 * `decrease_stake_for_hotkey_and_coldkey_on_subnet` (burn them), `increase_stake_for_hotkey_on_subnet`
 * (credit the hotkey: every holder gains pro rata) and `try_increase_stake_for_hotkey_and_coldkey_on_subnet`
 * (would a credit mint any share at all?). Pool math and its rounding live in sharePool.ts.
 */
import { cloneSharePool, sharePoolCanUpdate, sharePoolUpdateForAll, sharePoolUpdateForOne } from './sharePool.ts';
import { sharePoolFor, sharePoolOf, type StakeLedger } from './stakeLedger.ts';

/** Credits `amount` to (hotkey, coldkey); returns the amount credited. */
export function increaseStakeForHotkeyAndColdkey(ledger: StakeLedger, hotkey: string, coldkey: string, netuid: number, amount: bigint): bigint {
  if (amount <= 0n) return 0n;
  return sharePoolUpdateForOne(sharePoolFor(ledger, hotkey, netuid), coldkey, amount);
}

/**
 * Debits `amount` from (hotkey, coldkey); returns the amount actually removed, which is the whole
 * position when the share pool's precision guard fires (see sharePool.ts).
 */
export function decreaseStakeForHotkeyAndColdkey(ledger: StakeLedger, hotkey: string, coldkey: string, netuid: number, amount: bigint): bigint {
  if (amount <= 0n) return 0n;
  const pool = sharePoolOf(ledger, hotkey, netuid);
  if (pool === undefined) return 0n;
  return -sharePoolUpdateForOne(pool, coldkey, -amount);
}

/** Credits the hotkey itself: `TotalHotkeyAlpha` grows and every holder's value rises pro rata. */
export function increaseStakeForHotkey(ledger: StakeLedger, hotkey: string, netuid: number, amount: bigint): void {
  if (amount <= 0n) return;
  sharePoolUpdateForAll(sharePoolFor(ledger, hotkey, netuid), amount);
}

/** False when crediting `amount` to a holder of this pool would mint no shares. */
export function canIncreaseStake(ledger: StakeLedger, hotkey: string, netuid: number, amount: bigint): boolean {
  const pool = sharePoolOf(ledger, hotkey, netuid);
  return pool === undefined || sharePoolCanUpdate(pool, amount);
}

/**
 * What `decreaseStakeForHotkeyAndColdkey` would remove (the whole position when the precision
 * guard fires), computed on a copy of the pool: the ledger is not touched.
 */
export function previewDecreaseStake(ledger: StakeLedger, hotkey: string, coldkey: string, netuid: number, amount: bigint): bigint {
  if (amount <= 0n) return 0n;
  const pool = sharePoolOf(ledger, hotkey, netuid);
  if (pool === undefined) return 0n;
  return -sharePoolUpdateForOne(cloneSharePool(pool), coldkey, -amount);
}
