/**
 * Who owns what: the staking state of a whole network as plain data (tokenomics.md §4, §6). One
 * `StakeLedger` holds the chain storage items of pallets/subtensor/src/lib.rs at 14bc6f9 that
 * staking, childkeys, take and root claims read and write:
 *
 *   `Owner` (hotkey → coldkey), free balances, `TotalHotkeyAlpha` / `TotalHotkeyShares` / `Alpha`
 *   (one share pool per (hotkey, netuid); netuid 0 is root stake, TAO 1:1), `Delegates` (take),
 *   `ChildKeys` / `ParentKeys` / `PendingChildKeys`, `ChildkeyTake`, the take and childkey rate
 *   limits, `RootClaimable`, `RootClaimed`, `RootClaimType`, `AutoStakeDestination`.
 *
 * Everything is a `Map` keyed by strings (accounts, or `key(netuid, account…)` for tuples), so a
 * ledger deep-copies with `cloneStakeLedger` and every iteration here sorts its keys first: two
 * ledgers with the same content behave the same whatever order they were built in.
 */
import { newSharePool, sharePoolValue, type SharePool } from './sharePool.ts';

export type RootClaimType = { kind: 'swap' } | { kind: 'keep' } | { kind: 'keepSubnets'; subnets: readonly number[] };

export interface ChildLink {
  /** Fraction of the parent's stake lent to the child, /(2^64 − 1). */
  readonly proportionRaw: bigint;
  readonly hotkey: string;
}

export interface PendingChildren {
  readonly children: readonly ChildLink[];
  /** `cool_down_block`: the schedule is applied by the first epoch run strictly after this block. */
  readonly cooldownBlock: number;
}

export interface StakeLedger {
  /** `Owner`: hotkey → owning coldkey. A hotkey "exists" once it has an owner. */
  hotkeyOwner: Map<string, string>;
  /** Free TAO balance per coldkey, rao. */
  balanceRao: Map<string, bigint>;
  /** Share pool per `key(netuid, hotkey)`. */
  stake: Map<string, SharePool>;
  /** `Delegates`: take per hotkey (/65535); absent = the default 11,796. */
  delegateTakeU16: Map<string, number>;
  /** Block of the last take change per hotkey (absent = never). */
  lastDelegateTakeBlock: Map<string, number>;
  /** `ChildKeys` per `key(netuid, parent)`, in the order they were set. */
  childKeys: Map<string, ChildLink[]>;
  /** `ParentKeys` per `key(netuid, child)`: (proportion, parent) in the order they were added. */
  parentKeys: Map<string, ChildLink[]>;
  /** `PendingChildKeys` per `key(netuid, parent)`. */
  pendingChildKeys: Map<string, PendingChildren>;
  /** Last `set_children` block per `key(netuid, parent)`. */
  lastSetChildrenBlock: Map<string, number>;
  /** `ChildkeyTake` per `key(netuid, hotkey)` (/65535); absent = 0. */
  childkeyTakeU16: Map<string, number>;
  /** Last childkey-take change per `key(netuid, hotkey)`. */
  lastChildkeyTakeBlock: Map<string, number>;
  /** `RootClaimable`: per hotkey, per netuid, the claimable rate (alpha per root rao), I96F32 raw. */
  rootClaimable: Map<string, Map<number, bigint>>;
  /** `RootClaimed` per `key(netuid, hotkey, coldkey)` (u128). */
  rootClaimed: Map<string, bigint>;
  /** `RootClaimType` per coldkey; absent = Swap. */
  rootClaimType: Map<string, RootClaimType>;
  /** `AutoStakeDestination` per `key(netuid, coldkey)`: where that coldkey's miner incentive is staked. */
  autoStakeDestination: Map<string, string>;
}

/** Separator of tuple keys (ASCII unit separator, never part of an account name in practice). */
const SEP = '\u001f';

/** Tuple key: `key(netuid, hotkey)`, `key(netuid, hotkey, coldkey)`. */
export function key(netuid: number, ...accounts: string[]): string {
  return [String(netuid), ...accounts].join(SEP);
}

export function splitKey(k: string): { netuid: number; accounts: string[] } {
  const [n, ...accounts] = k.split(SEP);
  return { netuid: Number(n), accounts };
}

export function createStakeLedger(): StakeLedger {
  return {
    hotkeyOwner: new Map(),
    balanceRao: new Map(),
    stake: new Map(),
    delegateTakeU16: new Map(),
    lastDelegateTakeBlock: new Map(),
    childKeys: new Map(),
    parentKeys: new Map(),
    pendingChildKeys: new Map(),
    lastSetChildrenBlock: new Map(),
    childkeyTakeU16: new Map(),
    lastChildkeyTakeBlock: new Map(),
    rootClaimable: new Map(),
    rootClaimed: new Map(),
    rootClaimType: new Map(),
    autoStakeDestination: new Map(),
  };
}

/** A deep copy sharing nothing mutable with the original. */
export function cloneStakeLedger(ledger: StakeLedger): StakeLedger {
  return structuredClone(ledger);
}

/** Keys of a map in sorted order: the one iteration order used everywhere in staking. */
export function sortedKeys<K extends string | number>(m: ReadonlyMap<K, unknown>): K[] {
  const ks = [...m.keys()];
  return typeof ks[0] === 'number' ? ks.sort((a, b) => (a as number) - (b as number)) : ks.sort();
}

// ---- accounts -------------------------------------------------------------------------------

/**
 * `create_account_if_non_existent`: binds a hotkey to its coldkey on first use (registration).
 * Returns false, changing nothing, when the hotkey already belongs to another coldkey.
 */
export function registerHotkey(ledger: StakeLedger, hotkey: string, coldkey: string): boolean {
  const owner = ledger.hotkeyOwner.get(hotkey);
  if (owner !== undefined) return owner === coldkey;
  ledger.hotkeyOwner.set(hotkey, coldkey);
  return true;
}

export function hotkeyExists(ledger: StakeLedger, hotkey: string): boolean {
  return ledger.hotkeyOwner.has(hotkey);
}

export function hotkeyOwner(ledger: StakeLedger, hotkey: string): string | undefined {
  return ledger.hotkeyOwner.get(hotkey);
}

/** Hotkeys owned by a coldkey (`OwnedHotkeys`), sorted. */
export function ownedHotkeys(ledger: StakeLedger, coldkey: string): string[] {
  return sortedKeys(ledger.hotkeyOwner).filter((h) => ledger.hotkeyOwner.get(h) === coldkey);
}

export function balanceOf(ledger: StakeLedger, coldkey: string): bigint {
  return ledger.balanceRao.get(coldkey) ?? 0n;
}

export function addBalance(ledger: StakeLedger, coldkey: string, amountRao: bigint): void {
  if (amountRao === 0n) return;
  ledger.balanceRao.set(coldkey, balanceOf(ledger, coldkey) + amountRao);
}

/** Debits a balance the caller has checked is large enough. */
export function removeBalance(ledger: StakeLedger, coldkey: string, amountRao: bigint): void {
  const left = balanceOf(ledger, coldkey) - amountRao;
  if (left < 0n) throw new Error(`balance of ${coldkey} would go negative`);
  ledger.balanceRao.set(coldkey, left);
}

// ---- stake ----------------------------------------------------------------------------------

export function sharePoolOf(ledger: StakeLedger, hotkey: string, netuid: number): SharePool | undefined {
  return ledger.stake.get(key(netuid, hotkey));
}

/** The pool of (hotkey, netuid), created empty on first use. */
export function sharePoolFor(ledger: StakeLedger, hotkey: string, netuid: number): SharePool {
  const k = key(netuid, hotkey);
  let pool = ledger.stake.get(k);
  if (pool === undefined) {
    pool = newSharePool();
    ledger.stake.set(k, pool);
  }
  return pool;
}

/** `get_stake_for_hotkey_and_coldkey_on_subnet`. */
export function stakeOf(ledger: StakeLedger, hotkey: string, coldkey: string, netuid: number): bigint {
  const pool = sharePoolOf(ledger, hotkey, netuid);
  return pool === undefined ? 0n : sharePoolValue(pool, coldkey);
}

/** `get_stake_for_hotkey_on_subnet` = `TotalHotkeyAlpha`: the hotkey's own stake, before childkeys. */
export function hotkeyStake(ledger: StakeLedger, hotkey: string, netuid: number): bigint {
  return sharePoolOf(ledger, hotkey, netuid)?.totalValueRao ?? 0n;
}

/** Hotkeys with a share pool on a subnet, sorted. */
export function hotkeysOnSubnet(ledger: StakeLedger, netuid: number): string[] {
  const out: string[] = [];
  for (const k of ledger.stake.keys()) {
    const { netuid: n, accounts } = splitKey(k);
    if (n === netuid && accounts[0] !== undefined) out.push(accounts[0]);
  }
  return out.sort();
}

/** Netuids on which a hotkey has a share pool, ascending. */
export function subnetsOfHotkey(ledger: StakeLedger, hotkey: string): number[] {
  const out: number[] = [];
  for (const k of ledger.stake.keys()) {
    const { netuid, accounts } = splitKey(k);
    if (accounts[0] === hotkey) out.push(netuid);
  }
  return out.sort((a, b) => a - b);
}

/** Σ `TotalHotkeyAlpha` over the hotkeys of a subnet (the staked part of `SubnetAlphaOut`). */
export function totalStakedOnSubnet(ledger: StakeLedger, netuid: number): bigint {
  let sum = 0n;
  for (const h of hotkeysOnSubnet(ledger, netuid)) sum += hotkeyStake(ledger, h, netuid);
  return sum;
}

/** Hotkeys on which a coldkey holds shares on a subnet (`StakingHotkeys`, restricted to the subnet), sorted. */
export function stakingHotkeys(ledger: StakeLedger, coldkey: string, netuid: number): string[] {
  return hotkeysOnSubnet(ledger, netuid).filter((h) => (sharePoolOf(ledger, h, netuid)?.sharesRaw.get(coldkey) ?? 0n) > 0n);
}

/** Every coldkey that holds shares anywhere or has a balance, sorted. */
export function knownColdkeys(ledger: StakeLedger): string[] {
  const out = new Set<string>(ledger.balanceRao.keys());
  for (const pool of ledger.stake.values()) for (const c of pool.sharesRaw.keys()) out.add(c);
  for (const c of ledger.hotkeyOwner.values()) out.add(c);
  return [...out].sort();
}
