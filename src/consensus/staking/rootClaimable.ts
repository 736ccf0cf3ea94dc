/**
 * Root dividends are not paid out at the epoch; they raise a per-(hotkey, subnet) claimable rate
 * (alpha per rao of root stake) and each root staker claims `rate × stake − claimed` later
 * (tokenomics.md §3.5, §4). This file keeps that bookkeeping: the rate, the owed amount, and the
 * `RootClaimed` adjustments that stop new root stake from inheriting old dividends.
 *
 * Chain: pallets/subtensor/src/staking/claim_root.rs at 14bc6f9
 * (`increase_root_claimable_for_hotkey_and_subnet`, `get_root_claimable_for_hotkey_coldkey`,
 * `get_root_owed_for_hotkey_coldkey_float`, `add_stake_adjust_root_claimed_for_hotkey_and_coldkey`,
 * `remove_stake_adjust_root_claimed_for_hotkey_and_coldkey`). Types and rounding:
 *   - the rate is I96F32: increment = amount ÷ total root stake of the hotkey, truncated to 2^-32
 *     (so Σ over holders of rate·stake never exceeds what was credited); 0 when nobody holds root
 *     stake on the hotkey;
 *   - owed = rate ⊗ stake − claimed in I96F32 (floored product; may be negative, which counts as 0);
 *   - `RootClaimed` is a u128 that moves by floor(rate ⊗ Δstake) when root stake is added or removed.
 *     Adding floors the adjustment, so each root-stake addition can leave the staker < 1 rao more
 *     owed than an exact computation would.
 */
import { ROOT_NETUID } from './stakingSubnet.ts';
import { hotkeyStake, key, sortedKeys, stakeOf, type StakeLedger } from './stakeLedger.ts';

const I128_MAX = (1n << 127n) - 1n;
const I128_MIN = -(1n << 127n);
const U128_MAX = (1n << 128n) - 1n;

function satI128(x: bigint): bigint {
  return x > I128_MAX ? I128_MAX : x < I128_MIN ? I128_MIN : x;
}

/** The claimable rate of (hotkey, netuid), I96F32 raw (alpha per root rao · 2^32). */
export function rootClaimableRate(ledger: StakeLedger, hotkey: string, netuid: number): bigint {
  return ledger.rootClaimable.get(hotkey)?.get(netuid) ?? 0n;
}

/** `RootClaimed(netuid, hotkey, coldkey)`. */
export function rootClaimed(ledger: StakeLedger, netuid: number, hotkey: string, coldkey: string): bigint {
  return ledger.rootClaimed.get(key(netuid, hotkey, coldkey)) ?? 0n;
}

function setRootClaimed(ledger: StakeLedger, netuid: number, hotkey: string, coldkey: string, value: bigint): void {
  const k = key(netuid, hotkey, coldkey);
  if (value === 0n) ledger.rootClaimed.delete(k);
  else ledger.rootClaimed.set(k, value);
}

/**
 * Spreads `amountRao` of subnet alpha over the hotkey's root stakers by raising the rate. Returns
 * false (and changes nothing) when the hotkey has no root stake, so the caller can count the alpha
 * as unowned.
 */
export function increaseRootClaimable(ledger: StakeLedger, hotkey: string, netuid: number, amountRao: bigint): boolean {
  const total = hotkeyStake(ledger, hotkey, ROOT_NETUID);
  if (total === 0n || amountRao <= 0n) return total !== 0n;
  const increment = satI128((amountRao << 32n) / total);
  let rates = ledger.rootClaimable.get(hotkey);
  if (rates === undefined) {
    rates = new Map();
    ledger.rootClaimable.set(hotkey, rates);
  }
  rates.set(netuid, satI128((rates.get(netuid) ?? 0n) + increment));
  return true;
}

/** Owed alpha as an I96F32 raw: rate ⊗ root stake − claimed (negative when over-claimed). */
export function rootOwedRaw(ledger: StakeLedger, hotkey: string, coldkey: string, netuid: number): bigint {
  const stake = stakeOf(ledger, hotkey, coldkey, ROOT_NETUID);
  const claimable = satI128(rootClaimableRate(ledger, hotkey, netuid) * stake);
  const claimed = satI128(rootClaimed(ledger, netuid, hotkey, coldkey) << 32n);
  return satI128(claimable - claimed);
}

/** Owed alpha in whole alpha-rao (floored; negative counts as 0). */
export function rootOwed(ledger: StakeLedger, hotkey: string, coldkey: string, netuid: number): bigint {
  const raw = rootOwedRaw(ledger, hotkey, coldkey, netuid);
  return raw <= 0n ? 0n : raw >> 32n;
}

/** floor(rate ⊗ amount) as the u128 the chain adds to or subtracts from `RootClaimed`. */
function claimedDelta(rate: bigint, amount: bigint): bigint {
  const product = satI128(rate * amount);
  if (product <= 0n) return 0n;
  const v = product >> 32n;
  return v > U128_MAX ? U128_MAX : v;
}

/** Root stake of (hotkey, coldkey) grew by `amount`: it must not inherit dividends already accrued. */
export function addStakeAdjustRootClaimed(ledger: StakeLedger, hotkey: string, coldkey: string, amount: bigint): void {
  const rates = ledger.rootClaimable.get(hotkey);
  if (rates === undefined) return;
  for (const netuid of sortedKeys(rates)) {
    const next = rootClaimed(ledger, netuid, hotkey, coldkey) + claimedDelta(rates.get(netuid)!, amount);
    setRootClaimed(ledger, netuid, hotkey, coldkey, next > U128_MAX ? U128_MAX : next);
  }
}

/** Root stake of (hotkey, coldkey) shrank by `amount`: what is still owed stays owed. */
export function removeStakeAdjustRootClaimed(ledger: StakeLedger, hotkey: string, coldkey: string, amount: bigint): void {
  const rates = ledger.rootClaimable.get(hotkey);
  if (rates === undefined) return;
  for (const netuid of sortedKeys(rates)) {
    if (netuid === ROOT_NETUID) continue;
    const next = rootClaimed(ledger, netuid, hotkey, coldkey) - claimedDelta(rates.get(netuid)!, amount);
    setRootClaimed(ledger, netuid, hotkey, coldkey, next < 0n ? 0n : next);
  }
}

/**
 * Alpha of a subnet that root stakers could still claim: Σ over root holders of every hotkey with a
 * rate on this subnet of max(0, owed), floored per holder (the "unclaimed root-claimable alpha" of
 * invariant 15).
 */
export function unclaimedRootAlpha(ledger: StakeLedger, netuid: number): bigint {
  let sum = 0n;
  for (const hotkey of sortedKeys(ledger.rootClaimable)) {
    if (!ledger.rootClaimable.get(hotkey)!.has(netuid)) continue;
    const pool = ledger.stake.get(key(ROOT_NETUID, hotkey));
    if (pool === undefined) continue;
    for (const coldkey of sortedKeys(pool.sharesRaw)) sum += rootOwed(ledger, hotkey, coldkey, netuid);
  }
  return sum;
}
