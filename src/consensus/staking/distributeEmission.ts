/**
 * Turning one epoch's output into stake (tokenomics.md §3.3–3.5, §2.8, invariants 12–15): the
 * owner cut to the subnet owner, incentives to miners (owner-held hotkeys' incentive burned or
 * recycled, `MinerBurned` updated), dividends split between validators and their parents, each
 * share split into an alpha part (rescaled to V', paid into the hotkey's share pool after the
 * delegate take) and a root part (rescaled to R, paid as root-claimable alpha after the take).
 *
 * Chain: pallets/subtensor/src/coinbase/run_coinbase.rs at 14bc6f9 — `distribute_emission`,
 * `calculate_dividend_and_incentive_distribution`, `calculate_dividends_and_incentives`,
 * `distribute_dividends_and_incentives`, `get_owner_hotkeys` (the coinbase path: no
 * `ImmuneOwnerUidsLimit`), `burn_subnet_alpha` (does nothing: burned alpha stays in
 * `SubnetAlphaOut`), `recycle_subnet_alpha` (lowers `SubnetAlphaOut`). Order of writes as on chain:
 * owner cut, incentives, alpha dividends, root dividends; within each, hotkeys in sorted order
 * (the chain's BTreeMap order over account bytes; sorted strings here).
 *
 * Rounding: a dividend credit c is a U96F32; take = take_frac ⊗ c, rest = c − take, and each is
 * floored separately when paid, so each payout loses < 1 rao. The shares c/V' are themselves
 * truncated to 2^-32, which can lose up to V'·2^-32 rao per recipient on top — more than 1 rao once
 * V' exceeds ~4.3 alpha (see the report of invariant 13's bound).
 *
 * Choices where the chain's data does not exist in the simulator: an incentive or take that would
 * go to a hotkey without an owner coldkey (the chain would credit the all-zero account) is left
 * unowned; UIDs without a hotkey take part in nothing (the chain's epoch drops them).
 */
import { assert } from '../../primitives/assert.ts';
import { mulU96F32, safeDivU96F32, saturatingSubU, taoWeightU96F32 } from '../coinbase/coinbaseFixed.ts';
import type { DrainedEpoch } from '../coinbase/epochSchedule.ts';
import type { SubnetEconomy } from '../coinbase/subnetEconomy.ts';
import { dividendCredits } from './dividendShares.ts';
import { u64RatioU96F32, u96F32ToU64 } from './epochStake.ts';
import { parentChildDividends } from './parentChildDividends.ts';
import { increaseRootClaimable } from './rootClaimable.ts';
import { key, type StakeLedger } from './stakeLedger.ts';
import { increaseStakeForHotkey, increaseStakeForHotkeyAndColdkey } from './stakeUpdates.ts';
import { DEFAULT_CK_BURN_RAW, DEFAULT_DELEGATE_TAKE_U16 } from './stakingParams.ts';

export interface DistributionContext {
  readonly netuid: number;
  readonly block: number;
  /** `SubnetOwner`; null = none (the owner cut is then left unowned). */
  readonly ownerColdkey: string | null;
  /** `SubnetOwnerHotkey`; null = none. */
  readonly ownerHotkey: string | null;
  /** `TaoWeight` u64 raw. */
  readonly taoWeightRaw: bigint;
  /** `RecycleOrBurn` = Recycle: owner-held hotkeys' incentive is recycled instead of burned. */
  readonly recycleOwnerIncentive: boolean;
  /** `CKBurn` u64 raw (/(2^64 − 1)); default 0. */
  readonly ckBurnRaw?: bigint;
}

/**
 * What one distribution did, alpha-rao. The eleven amount fields add up exactly to
 * S + V + R + O of the drained epoch (invariant 13), each rao counted once:
 */
export interface DistributionResult {
  /** Incentive staked to (owner coldkey of the miner hotkey, the hotkey or its `AutoStakeDestination`). */
  minerStakedRao: bigint;
  /** Alpha dividends after delegate take added to validator hotkeys' share pools (all nominators pro rata), excluding the childkey-take part. */
  validatorStakedRao: bigint;
  /** Delegate take on alpha dividends, staked to (hotkey, hotkey owner), excluding the childkey-take part. */
  delegateTakeRao: bigint;
  /**
   * The part of the four validator-side payouts (validatorStaked, delegateTake, rootClaimable,
   * rootTake) that a child hotkey received because of the childkey take its parents of other
   * coldkeys paid. On chain the take is merged into the child's dividend; it is attributed here
   * pro rata to the child's dividend weight (floored per payout) and removed from those fields.
   */
  childkeyTakeRao: bigint;
  /** Root dividends after take added to hotkeys' root-claimable rate (claimed later by root stakers). */
  rootClaimableRao: bigint;
  /** Take on root dividends, staked as subnet alpha to (hotkey, hotkey owner), excluding the childkey-take part. */
  rootTakeRao: bigint;
  /** Owner cut staked to (subnet owner coldkey, subnet owner hotkey). */
  ownerCutStakedRao: bigint;
  /** Owner-held hotkeys' incentive under `RecycleOrBurn = Burn`: stays in `SubnetAlphaOut`, owned by nobody. */
  burnedRao: bigint;
  /** Owner-held hotkeys' incentive under Recycle, plus the CK burn: taken out of `SubnetAlphaOut`. */
  recycledRao: bigint;
  /**
   * Drained alpha credited to nobody and left in `SubnetAlphaOut` (§11.16): the owner cut without a
   * subnet owner; the miners' budget S minus the incentives handed out when Σ incentive > 0
   * (incentives of UIDs without a hotkey, flooring inside the epoch; negative only if the caller's
   * incentives exceed S plus what the validator side left uncredited, which a Yuma epoch does not
   * produce); V' when no dividend has an alpha part; R when none has a root part; payouts to hotkeys
   * without an owner coldkey or (root) without root stake.
   */
  unownedRao: bigint;
  /** Flooring loss of the dividend payouts: V' + R minus everything paid or recycled out of them. */
  dustRao: bigint;
  /** `MinerBurned` as set on the subnet: withheld incentive ÷ total incentive, U96F32 raw (0 when no incentive). */
  minerBurnedU96F32: bigint;
  /** Per uid, the incentive staked for it (0 when burned, recycled or unowned). */
  incentiveCreditRao: bigint[];
  /**
   * Per uid, everything paid to its hotkey as a dividend recipient (alpha take + pool credit + root
   * take + root-claimable), at the hotkey's first uid. Parents without a uid on the subnet are paid
   * but appear in no uid's entry.
   */
  dividendCreditRao: bigint[];
}

interface HotkeyPayout {
  /** Floored payouts by route; `undefined` owner → the take routes are unowned. */
  alphaTakeRao: bigint;
  alphaRestRao: bigint;
  rootTakeRao: bigint;
  rootRestRao: bigint;
}

/** `get_hotkey_take_float`: Delegates[h] / 65535 in U96F32. */
function delegateTakeU96F32(ledger: StakeLedger, hotkey: string): bigint {
  return safeDivU96F32(BigInt(ledger.delegateTakeU16.get(hotkey) ?? DEFAULT_DELEGATE_TAKE_U16) << 32n, 65535n << 32n);
}

/** Owner-held hotkeys whose incentive is withheld: the owner coldkey's hotkeys with a uid, and the owner hotkey. */
function ownerHotkeySet(ledger: StakeLedger, hotkeys: readonly (string | null)[], ctx: DistributionContext): Set<string> {
  const set = new Set<string>();
  for (const h of hotkeys) {
    if (h !== null && ctx.ownerColdkey !== null && ledger.hotkeyOwner.get(h) === ctx.ownerColdkey) set.add(h);
  }
  if (ctx.ownerHotkey !== null && hotkeys.includes(ctx.ownerHotkey)) set.add(ctx.ownerHotkey);
  return set;
}

export function distributeEmission(
  ledger: StakeLedger,
  subnet: SubnetEconomy,
  drained: DrainedEpoch,
  hotkeys: readonly (string | null)[],
  incentiveRao: readonly bigint[],
  dividendRao: readonly bigint[],
  ctx: DistributionContext,
): DistributionResult {
  const n = hotkeys.length;
  assert(incentiveRao.length >= n && dividendRao.length >= n, `distributeEmission: ${n} hotkeys need as many incentive and dividend entries`);
  assert(subnet.netuid === ctx.netuid && drained.netuid === ctx.netuid, 'distributeEmission: subnet, drained epoch and context disagree on netuid');
  const netuid = ctx.netuid;
  const S = drained.serverRao;
  const V = drained.validatorRao;
  const R = drained.rootRao;
  const O = drained.ownerCutRao;
  const tauU96 = taoWeightU96F32(ctx.taoWeightRaw);
  const ckBurnU96 = u64RatioU96F32(ctx.ckBurnRaw ?? DEFAULT_CK_BURN_RAW);

  const result: DistributionResult = {
    minerStakedRao: 0n,
    validatorStakedRao: 0n,
    delegateTakeRao: 0n,
    childkeyTakeRao: 0n,
    rootClaimableRao: 0n,
    rootTakeRao: 0n,
    ownerCutStakedRao: 0n,
    burnedRao: 0n,
    recycledRao: 0n,
    unownedRao: 0n,
    dustRao: 0n,
    minerBurnedU96F32: 0n,
    incentiveCreditRao: new Array<bigint>(n).fill(0n),
    dividendCreditRao: new Array<bigint>(n).fill(0n),
  };

  // ---- owner cut -------------------------------------------------------------------------------
  if (ctx.ownerColdkey !== null && ctx.ownerHotkey !== null) {
    result.ownerCutStakedRao = increaseStakeForHotkeyAndColdkey(ledger, ctx.ownerHotkey, ctx.ownerColdkey, netuid, O);
    result.unownedRao += O - result.ownerCutStakedRao;
  } else {
    result.unownedRao += O;
  }

  // ---- incentives (miners) ---------------------------------------------------------------------
  const incentiveByHotkey = new Map<string, bigint>();
  let incentiveSum = 0n;
  for (let uid = 0; uid < n; uid++) {
    const h = hotkeys[uid]!;
    if (h === null) continue;
    incentiveByHotkey.set(h, (incentiveByHotkey.get(h) ?? 0n) + incentiveRao[uid]!);
    incentiveSum += incentiveRao[uid]!;
  }
  const owned = ownerHotkeySet(ledger, hotkeys, ctx);
  const stakedHotkeys = new Set<string>();
  let withheld = 0n;
  for (const h of [...incentiveByHotkey.keys()].sort()) {
    const amount = incentiveByHotkey.get(h)!;
    if (owned.has(h)) {
      withheld += amount;
      if (ctx.recycleOwnerIncentive) result.recycledRao += amount;
      else result.burnedRao += amount;
      continue;
    }
    const owner = ledger.hotkeyOwner.get(h);
    if (owner === undefined) {
      result.unownedRao += amount;
      continue;
    }
    const destination = ledger.autoStakeDestination.get(key(netuid, owner)) ?? h;
    result.minerStakedRao += increaseStakeForHotkeyAndColdkey(ledger, destination, owner, netuid, amount);
    stakedHotkeys.add(h);
  }
  for (let uid = 0; uid < n; uid++) {
    const h = hotkeys[uid]!;
    if (h !== null && stakedHotkeys.has(h)) result.incentiveCreditRao[uid] = incentiveRao[uid]!;
  }
  result.minerBurnedU96F32 = safeDivU96F32(withheld << 32n, incentiveSum << 32n);
  subnet.minerBurnedU96F32 = result.minerBurnedU96F32;
  // With no incentive at all the validators receive the miners' half too (§3.3 step 1).
  const validatorAlphaRao = incentiveSum > 0n ? V : V + S;
  if (incentiveSum > 0n) result.unownedRao += S - incentiveSum;

  // ---- dividends: parents and children ---------------------------------------------------------
  const dividendsU96 = new Map<string, bigint>();
  const childkeyTakeU96 = new Map<string, bigint>();
  const burns: { parent: string; burnU96F32: bigint }[] = [];
  for (let uid = 0; uid < n; uid++) {
    const h = hotkeys[uid]!;
    if (h === null) continue;
    const split = parentChildDividends(ledger, h, netuid, dividendRao[uid]!, tauU96, ckBurnU96);
    for (const s of split.shares) dividendsU96.set(s.hotkey, (dividendsU96.get(s.hotkey) ?? 0n) + (s.dividendRao << 32n));
    if (split.childkeyTakeU96F32 > 0n) childkeyTakeU96.set(h, (childkeyTakeU96.get(h) ?? 0n) + split.childkeyTakeU96F32);
    burns.push(...split.burns);
  }
  const shares = dividendCredits(ledger, netuid, validatorAlphaRao, R, tauU96, dividendsU96, burns);

  // ---- CK burn: recycled out of V' and R -------------------------------------------------------
  let ckBurnRao = 0n;
  for (const b of shares.burnCredits) ckBurnRao += u96F32ToU64(b.alphaU96F32) + u96F32ToU64(b.rootU96F32);
  result.recycledRao += ckBurnRao;

  // ---- alpha dividends, then root dividends ----------------------------------------------------
  const payouts = new Map<string, HotkeyPayout>();
  for (const c of shares.credits) {
    const takeFrac = delegateTakeU96F32(ledger, c.hotkey);
    const alphaTake = mulU96F32(takeFrac, c.alphaU96F32);
    const rootTake = mulU96F32(takeFrac, c.rootU96F32);
    payouts.set(c.hotkey, {
      alphaTakeRao: u96F32ToU64(alphaTake),
      alphaRestRao: u96F32ToU64(saturatingSubU(c.alphaU96F32, alphaTake)),
      rootTakeRao: u96F32ToU64(rootTake),
      rootRestRao: u96F32ToU64(saturatingSubU(c.rootU96F32, rootTake)),
    });
  }
  const hotkeysPaid = [...payouts.keys()];
  const paid = new Map<string, HotkeyPayout>(hotkeysPaid.map((h) => [h, { alphaTakeRao: 0n, alphaRestRao: 0n, rootTakeRao: 0n, rootRestRao: 0n }]));
  for (const h of hotkeysPaid) {
    const p = payouts.get(h)!;
    const owner = ledger.hotkeyOwner.get(h);
    if (owner !== undefined) paid.get(h)!.alphaTakeRao = increaseStakeForHotkeyAndColdkey(ledger, h, owner, netuid, p.alphaTakeRao);
    increaseStakeForHotkey(ledger, h, netuid, p.alphaRestRao);
    paid.get(h)!.alphaRestRao = p.alphaRestRao;
  }
  for (const h of hotkeysPaid) {
    const p = payouts.get(h)!;
    const owner = ledger.hotkeyOwner.get(h);
    if (owner !== undefined) paid.get(h)!.rootTakeRao = increaseStakeForHotkeyAndColdkey(ledger, h, owner, netuid, p.rootTakeRao);
    if (p.rootRestRao > 0n && increaseRootClaimable(ledger, h, netuid, p.rootRestRao)) paid.get(h)!.rootRestRao = p.rootRestRao;
  }

  // ---- accounting ------------------------------------------------------------------------------
  let alphaPaidOut = ckBurnRao;
  const firstUid = new Map<string, number>();
  for (let uid = n - 1; uid >= 0; uid--) if (hotkeys[uid] !== null) firstUid.set(hotkeys[uid]!, uid);
  for (const h of hotkeysPaid) {
    const p = payouts.get(h)!;
    const q = paid.get(h)!;
    alphaPaidOut += p.alphaTakeRao + p.alphaRestRao + p.rootTakeRao + p.rootRestRao;
    // What was computed but had nowhere to go (no owner coldkey, no root stake) stays unowned.
    result.unownedRao += p.alphaTakeRao - q.alphaTakeRao + (p.rootTakeRao - q.rootTakeRao) + (p.rootRestRao - q.rootRestRao);
    const ck = childkeyTakeParts(q, childkeyTakeU96.get(h) ?? 0n, dividendsU96.get(h) ?? 0n);
    result.delegateTakeRao += q.alphaTakeRao - ck.alphaTakeRao;
    result.validatorStakedRao += q.alphaRestRao - ck.alphaRestRao;
    result.rootTakeRao += q.rootTakeRao - ck.rootTakeRao;
    result.rootClaimableRao += q.rootRestRao - ck.rootRestRao;
    result.childkeyTakeRao += ck.alphaTakeRao + ck.alphaRestRao + ck.rootTakeRao + ck.rootRestRao;
    const uid = firstUid.get(h);
    if (uid !== undefined) result.dividendCreditRao[uid] = q.alphaTakeRao + q.alphaRestRao + q.rootTakeRao + q.rootRestRao;
  }
  const alphaBudget = (shares.totalAlphaDivsU96F32 > 0n ? validatorAlphaRao : 0n) + (shares.totalRootDivsU96F32 > 0n ? R : 0n);
  result.unownedRao += validatorAlphaRao + R - alphaBudget;
  result.dustRao = alphaBudget - alphaPaidOut;
  assert(result.dustRao >= 0n, 'distributeEmission: dividend payouts exceed V′ + R');

  subnet.alphaOutRao = saturatingSubU(subnet.alphaOutRao, result.recycledRao);
  return result;
}

/**
 * The childkey-take part of each payout of a hotkey: payout × take ÷ weight, floored, where
 * `take` is the childkey take inside its dividend weight `weight` (both U96F32 raws).
 */
function childkeyTakeParts(paid: HotkeyPayout, takeU96: bigint, weightU96: bigint): HotkeyPayout {
  if (takeU96 === 0n || weightU96 === 0n) return { alphaTakeRao: 0n, alphaRestRao: 0n, rootTakeRao: 0n, rootRestRao: 0n };
  const t = takeU96 < weightU96 ? takeU96 : weightU96;
  const part = (x: bigint) => (x * t) / weightU96;
  return { alphaTakeRao: part(paid.alphaTakeRao), alphaRestRao: part(paid.alphaRestRao), rootTakeRao: part(paid.rootTakeRao), rootRestRao: part(paid.rootRestRao) };
}
