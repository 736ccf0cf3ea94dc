/**
 * The stake a subnet's epoch sees per UID (tokenomics.md §3.2, §6.4; spec/yuma.md §1.1): a hotkey's
 * own stake minus what it lends to its children plus what its parents lend to it, once for alpha on
 * the subnet and once for root stake (TAO on netuid 0, with the childkey links *of this subnet*).
 * The epoch weighs the root part by tao_weight itself.
 *
 * Chain: pallets/subtensor/src/staking/stake_utils.rs at 14bc6f9 (`get_inherited_for_hotkey_on_subnet`,
 * `get_tao_inherited_for_hotkey_on_subnet`). Arithmetic, all U96F32 (raw = value·2^32):
 *   - a proportion π = U96F32(raw) ÷ U96F32(u64::MAX), truncated;
 *   - to a child: own ⊗ π (floored at 2^-32) per child; from a parent: parent_own ⊗ π per parent;
 *   - result = own − Σ to children (saturating at 0) + Σ from parents, floored to a u64.
 * Because a parent subtracts exactly the U96F32 amount its child adds, the inherited stakes of a
 * closed family of hotkeys add up to their own stakes minus < 1 rao of flooring per hotkey.
 */
import { mulU96F32, saturatingSubU, taoWeightU96F32 } from '../coinbase/coinbaseFixed.ts';
import { hotkeyStake, key, type ChildLink, type StakeLedger } from './stakeLedger.ts';
import { ROOT_NETUID } from './stakingSubnet.ts';

const U64_MAX = (1n << 64n) - 1n;

/**
 * A u64 ratio (childkey proportion, `TaoWeight`, `CKBurn`) as U96F32: U96F32(raw) ÷ U96F32(u64::MAX),
 * the same conversion the chain's `get_tao_weight` does.
 */
export function u64RatioU96F32(raw: bigint): bigint {
  return taoWeightU96F32(raw);
}

/** `get_children(hotkey, netuid)`: (proportion, child) in the order they were set. */
export function childrenOf(ledger: StakeLedger, hotkey: string, netuid: number): readonly ChildLink[] {
  return ledger.childKeys.get(key(netuid, hotkey)) ?? [];
}

/** `get_parents(hotkey, netuid)`: (proportion, parent) in the order they were added. */
export function parentsOf(ledger: StakeLedger, hotkey: string, netuid: number): readonly ChildLink[] {
  return ledger.parentKeys.get(key(netuid, hotkey)) ?? [];
}

/** `saturating_to_num::<u64>()` of a non-negative U96F32 raw: floor, clamped to u64. */
export function u96F32ToU64(raw: bigint): bigint {
  const v = raw >> 32n;
  return v > U64_MAX ? U64_MAX : v;
}

/**
 * Own stake of `hotkey` on `stakeNetuid`, moved along the childkey links of `linkNetuid`, as a u64.
 * Alpha inheritance uses stakeNetuid = linkNetuid = the subnet; root inheritance uses stakeNetuid = 0.
 */
function inherited(ledger: StakeLedger, hotkey: string, stakeNetuid: number, linkNetuid: number): bigint {
  const ownU96 = hotkeyStake(ledger, hotkey, stakeNetuid) << 32n;
  let toChildrenU96 = 0n;
  for (const child of childrenOf(ledger, hotkey, linkNetuid)) {
    toChildrenU96 += mulU96F32(ownU96, u64RatioU96F32(child.proportionRaw));
  }
  let fromParentsU96 = 0n;
  for (const parent of parentsOf(ledger, hotkey, linkNetuid)) {
    const parentU96 = hotkeyStake(ledger, parent.hotkey, stakeNetuid) << 32n;
    fromParentsU96 += mulU96F32(parentU96, u64RatioU96F32(parent.proportionRaw));
  }
  return u96F32ToU64(saturatingSubU(ownU96, toChildrenU96) + fromParentsU96);
}

/** `get_inherited_for_hotkey_on_subnet`: alpha stake after childkeys; on root, the own root stake. */
export function inheritedAlphaRao(ledger: StakeLedger, hotkey: string, netuid: number): bigint {
  if (netuid === ROOT_NETUID) return hotkeyStake(ledger, hotkey, ROOT_NETUID);
  return inherited(ledger, hotkey, netuid, netuid);
}

/** `get_tao_inherited_for_hotkey_on_subnet`: root stake moved along this subnet's childkey links. */
export function inheritedRootRao(ledger: StakeLedger, hotkey: string, netuid: number): bigint {
  return inherited(ledger, hotkey, ROOT_NETUID, netuid);
}

/**
 * Per UID, the inherited alpha stake on `netuid` and the inherited root stake (§6.4); 0 for a UID
 * without a hotkey. tao_weight is not applied here.
 */
export function epochStakeOfHotkeys(
  ledger: StakeLedger,
  netuid: number,
  hotkeys: readonly (string | null)[],
): { alphaStakeRao: bigint[]; rootStakeRao: bigint[] } {
  const alphaStakeRao: bigint[] = [];
  const rootStakeRao: bigint[] = [];
  for (const hotkey of hotkeys) {
    alphaStakeRao.push(hotkey === null ? 0n : inheritedAlphaRao(ledger, hotkey, netuid));
    rootStakeRao.push(hotkey === null ? 0n : inheritedRootRao(ledger, hotkey, netuid));
  }
  return { alphaStakeRao, rootStakeRao };
}
