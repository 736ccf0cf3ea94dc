/**
 * Childkeys: a parent hotkey lends fractions of its stake weight to up to five child hotkeys on one
 * subnet (tokenomics.md §6.3). A schedule waits `PendingChildKeyCooldown` blocks and is applied by
 * the subnet's first epoch after that; before `start_call` it applies at once.
 *
 * Chain: pallets/subtensor/src/staking/set_children.rs at 14bc6f9 (`do_schedule_children`,
 * `do_set_pending_children`) and utils/rate_limiting.rs (`TransactionType::SetChildren`, a rate
 * limit that passes on the first call or once `block − last ≥ limit`). Checks, in the chain's
 * order: rate limit → not root → the signer owns the hotkey → ≤ 5 children → no child is the
 * hotkey itself → Σ proportions fits a u64 → no duplicate child → the parent's total stake
 * (valued in TAO) ≥ `StakeThreshold`, unless the list is empty or the hotkey is the subnet owner's.
 * Subnet existence is the caller's check. The childkey take lives in childkeyTake.ts and is
 * re-exported here.
 */
import { fail, type StakingFailure } from './stakeOperation.ts';
import { key, sortedKeys, splitKey, type ChildLink, type StakeLedger } from './stakeLedger.ts';
import { DEFAULT_STAKE_THRESHOLD_RAO, MAX_CHILDREN, PENDING_CHILDKEY_COOLDOWN_BLOCKS, SET_CHILDREN_RATE_LIMIT_BLOCKS } from './stakingParams.ts';
import { ROOT_NETUID } from './stakingSubnet.ts';
import { totalStakeForHotkeyRao, type AlphaPriceU64F64 } from './totalHotkeyStake.ts';
import { passesRateLimit } from './txRateLimit.ts';

export { childrenOf, parentsOf } from './epochStake.ts';
export { setChildkeyTake, childkeyTakeU16Of, type SetChildkeyTakeRequest } from './childkeyTake.ts';

const U64_MAX = (1n << 64n) - 1n;
const PRICE_ONE_U64F64 = 1n << 64n;

export interface SetChildrenRequest {
  /** The signer; must own `hotkey`. */
  readonly coldkey: string;
  /** The parent. */
  readonly hotkey: string;
  readonly netuid: number;
  /** The complete new list (an empty list removes every child); proportions are /(2^64 − 1). */
  readonly children: readonly { readonly hotkey: string; readonly proportionRaw: bigint }[];
  readonly block: number;
  /** Whether the subnet's `start_call` has happened; before it a schedule applies immediately. */
  readonly subnetStarted: boolean;
  /** `StakeThreshold`, rao-equivalent; default 0. */
  readonly stakeThresholdRao?: bigint;
  /** `SubnetOwnerHotkey` of `netuid`, exempt from the threshold. */
  readonly subnetOwnerHotkey?: string | null;
  /**
   * Spot price of each subnet's alpha (U64F64 raw) used to value the parent's stake against the
   * threshold. Absent = 1 TAO per alpha everywhere, which is exact only for root stake; it matters
   * only when the threshold is above 0.
   */
  readonly alphaPriceU64F64?: AlphaPriceU64F64;
}

export type ChildKeyResult = { readonly ok: true } | StakingFailure;

/** `do_schedule_children`: validates and schedules (or, before start_call, applies) a child list. */
export function setChildren(ledger: StakeLedger, req: SetChildrenRequest): ChildKeyResult {
  const { coldkey, hotkey, netuid, children, block } = req;
  const parentKey = key(netuid, hotkey);
  if (!passesRateLimit(ledger.lastSetChildrenBlock.get(parentKey), block, SET_CHILDREN_RATE_LIMIT_BLOCKS)) return fail('TxRateLimitExceeded');
  if (netuid === ROOT_NETUID) return fail('RegistrationNotPermittedOnRootSubnet');
  if (ledger.hotkeyOwner.get(hotkey) !== coldkey) return fail('NonAssociatedColdKey');
  if (children.length > MAX_CHILDREN) return fail('TooManyChildren');
  if (children.some((c) => c.hotkey === hotkey)) return fail('InvalidChild');
  let total = 0n;
  for (const c of children) {
    // A proportion is a u64; `checked_add` over u64 rejects a sum above u64::MAX.
    if (c.proportionRaw < 0n || c.proportionRaw > U64_MAX) return fail('ProportionOverflow');
    total += c.proportionRaw;
    if (total > U64_MAX) return fail('ProportionOverflow');
  }
  if (new Set(children.map((c) => c.hotkey)).size !== children.length) return fail('DuplicateChild');
  const threshold = req.stakeThresholdRao ?? DEFAULT_STAKE_THRESHOLD_RAO;
  const isOwnerHotkey = req.subnetOwnerHotkey != null && req.subnetOwnerHotkey === hotkey;
  if (children.length > 0 && !isOwnerHotkey && threshold > 0n) {
    const price = req.alphaPriceU64F64 ?? (() => PRICE_ONE_U64F64);
    if (totalStakeForHotkeyRao(ledger, hotkey, price) < threshold) return fail('NotEnoughStakeToSetChildkeys');
  }

  ledger.lastSetChildrenBlock.set(parentKey, block);
  const links: ChildLink[] = children.map((c) => ({ proportionRaw: c.proportionRaw, hotkey: c.hotkey }));
  if (req.subnetStarted) {
    ledger.pendingChildKeys.set(parentKey, { children: links, cooldownBlock: block + PENDING_CHILDKEY_COOLDOWN_BLOCKS });
  } else {
    ledger.pendingChildKeys.delete(parentKey);
    replaceChildren(ledger, netuid, hotkey, links);
  }
  return { ok: true };
}

/**
 * `do_set_pending_children`: applies every schedule of `netuid` whose cooldown block is strictly
 * before `block` (the lead calls it right after the subnet's epoch) and returns the parents whose
 * children changed, sorted. The chain walks its storage in hash order; sorted parents keep runs
 * reproducible (the order only affects the order of a child's parent list).
 */
export function applyPendingChildKeys(ledger: StakeLedger, netuid: number, block: number): string[] {
  const applied: string[] = [];
  for (const k of sortedKeys(ledger.pendingChildKeys)) {
    const { netuid: n, accounts } = splitKey(k);
    const parent = accounts[0];
    if (n !== netuid || parent === undefined) continue;
    const pending = ledger.pendingChildKeys.get(k)!;
    if (!(pending.cooldownBlock < block)) continue;
    replaceChildren(ledger, netuid, parent, [...pending.children]);
    ledger.pendingChildKeys.delete(k);
    applied.push(parent);
  }
  return applied;
}

/**
 * Makes `children` the child list of `parent`: the parent leaves the parent lists of its old
 * children, then joins those of its new children (appended, so no duplicate can arise).
 */
function replaceChildren(ledger: StakeLedger, netuid: number, parent: string, children: ChildLink[]): void {
  const parentKey = key(netuid, parent);
  for (const old of ledger.childKeys.get(parentKey) ?? []) {
    const childKey = key(netuid, old.hotkey);
    const kept = (ledger.parentKeys.get(childKey) ?? []).filter((p) => p.hotkey !== parent);
    if (kept.length === 0) ledger.parentKeys.delete(childKey);
    else ledger.parentKeys.set(childKey, kept);
  }
  if (children.length === 0) ledger.childKeys.delete(parentKey);
  else ledger.childKeys.set(parentKey, children);
  for (const c of children) {
    const childKey = key(netuid, c.hotkey);
    ledger.parentKeys.set(childKey, [...(ledger.parentKeys.get(childKey) ?? []), { proportionRaw: c.proportionRaw, hotkey: parent }]);
  }
}
