/**
 * Claiming root dividends (tokenomics.md §4) and choosing how they are paid. Chain:
 * pallets/subtensor/src/staking/claim_root.rs (`do_root_claim`, `root_claim_all`,
 * `root_claim_on_subnet`, `change_root_claim_type`) and the `claim_root` / `set_root_claim_type`
 * extrinsics at 14bc6f9.
 *
 * For each hotkey on which the coldkey holds root stake (ascending; the chain walks
 * `StakingHotkeys` in insertion order) and each subnet with a claimable rate for that hotkey
 * (ascending netuid), restricted to the requested subnets:
 *   owed = rate × root stake − RootClaimed (I96F32; see rootClaimable.ts);
 *   skip when owed < `RootClaimableThreshold(netuid)` unless forced, or when floor(owed) ≤ 0;
 *   Swap (the default, and KeepSubnets for unlisted subnets): sell the owed alpha in the subnet's
 *     pool with no fee and no limit; if the sale fails the claim is skipped (the chain logs it and
 *     moves on). The TAO leaves that pool (a protocol outflow), enters root (`SubnetTAO[root]` and,
 *     root being a 1:1 pool, root's `SubnetAlphaOut`) and is credited as root stake of (h, c), with
 *     `RootClaimed` moved as for any new root stake so it inherits no old dividends;
 *   Keep: the owed alpha is staked on the subnet for (h, c) — it is already in `SubnetAlphaOut`
 *     (minted at emission), so no pool moves;
 *   then RootClaimed(netuid, h, c) += owed.
 * An explicit claim names 1..`MAX_SUBNET_CLAIMS` subnets (`InvalidSubnetNumber`); the per-block
 * auto-claim claims every subnet (`subnets` absent).
 */
import { PRICE_LIMIT_MIN_RAO } from '../amm/swapStep.ts';
import { executeSwap } from './poolSwap.ts';
import { addStakeAdjustRootClaimed, rootClaimed, rootOwedRaw } from './rootClaimable.ts';
import { EffectsRecorder, type StakeEffects } from './stakeEffects.ts';
import { key, sortedKeys, stakingHotkeys, type RootClaimType } from './stakeLedger.ts';
import { fail, type StakingFailure } from './stakeOperation.ts';
import type { StakingContext } from './stakingContext.ts';
import { rootClaimableThresholdRao } from './stakingParams.ts';
import { ROOT_NETUID } from './stakingSubnet.ts';
import { increaseStakeForHotkeyAndColdkey } from './stakeUpdates.ts';

const U64_MAX = (1n << 64n) - 1n;

export interface ClaimRootRequest {
  readonly coldkey: string;
  /** Subnets to claim (1..maxSubnetClaims); absent = all (the auto-claim). */
  readonly subnets?: readonly number[];
  /** Ignore `RootClaimableThreshold` (`ignore_minimum_condition`). */
  readonly force?: boolean;
}

export interface RootClaim {
  readonly hotkey: string;
  readonly netuid: number;
  /** Subnet alpha claimed, alpha-rao. */
  readonly alphaRao: bigint;
  readonly paidAs: 'swap' | 'keep';
  /** Swap: TAO the alpha sold for, now root stake; keep: 0. */
  readonly taoRao: bigint;
}

export type ClaimRootResult = StakingFailure | ({ readonly ok: true; readonly claims: readonly RootClaim[] } & StakeEffects);

/** `RootClaimType` of a coldkey (default Swap). */
export function rootClaimTypeOf(ctx: Pick<StakingContext, 'ledger'>, coldkey: string): RootClaimType {
  return ctx.ledger.rootClaimType.get(coldkey) ?? { kind: 'swap' };
}

function swapsOn(type: RootClaimType, netuid: number): boolean {
  if (type.kind === 'swap') return true;
  if (type.kind === 'keep') return false;
  return !type.subnets.includes(netuid);
}

export function claimRoot(ctx: StakingContext, req: ClaimRootRequest): ClaimRootResult {
  if (req.subnets !== undefined && (req.subnets.length === 0 || new Set(req.subnets).size > ctx.params.maxSubnetClaims)) return fail('InvalidSubnetNumber');
  const wanted = req.subnets === undefined ? null : new Set(req.subnets);
  const type = rootClaimTypeOf(ctx, req.coldkey);
  const effects = new EffectsRecorder();
  const claims: RootClaim[] = [];
  for (const hotkey of stakingHotkeys(ctx.ledger, req.coldkey, ROOT_NETUID)) {
    const rates = ctx.ledger.rootClaimable.get(hotkey);
    if (rates === undefined) continue;
    for (const netuid of sortedKeys(rates)) {
      if (wanted !== null && !wanted.has(netuid)) continue;
      const claim = claimOnSubnet(ctx, effects, hotkey, req.coldkey, netuid, type, req.force ?? false);
      if (claim !== null) claims.push(claim);
    }
  }
  return { ok: true, claims, ...effects.finish() };
}

/** `root_claim_on_subnet`; null when nothing was claimed. */
function claimOnSubnet(
  ctx: StakingContext,
  effects: EffectsRecorder,
  hotkey: string,
  coldkey: string,
  netuid: number,
  type: RootClaimType,
  force: boolean,
): RootClaim | null {
  const owedRaw = rootOwedRaw(ctx.ledger, hotkey, coldkey, netuid);
  if (!force && owedRaw < rootClaimableThresholdRao(ctx.params, netuid) << 32n) return null;
  if (owedRaw <= 0n) return null;
  const owed = owedRaw >> 32n > U64_MAX ? U64_MAX : owedRaw >> 32n;
  if (owed === 0n) return null;
  const subnet = ctx.subnet(netuid);
  if (subnet === undefined) return null;

  let taoRao = 0n;
  const swap = swapsOn(type, netuid);
  if (swap) {
    const root = ctx.subnet(ROOT_NETUID);
    if (root === undefined) return null;
    const before = { pool: subnet.pool, alphaOutRao: subnet.alphaOutRao };
    const sold = executeSwap(ctx.ledger, subnet, 'sell', owed, { limitPriceRao: PRICE_LIMIT_MIN_RAO, dropFees: true }, ctx.fees);
    if (!sold.ok) return null;
    effects.touch(subnet, before);
    effects.touch(root);
    taoRao = sold.swap.paidOutRao;
    effects.swap('sell', sold.swap, 0n);
    effects.flow(subnet, -taoRao, 'protocol');
    root.pool = { ...root.pool, taoReserveRao: root.pool.taoReserveRao + taoRao };
    root.alphaOutRao += taoRao;
    effects.totalStake(taoRao);
    increaseStakeForHotkeyAndColdkey(ctx.ledger, hotkey, coldkey, ROOT_NETUID, taoRao);
    addStakeAdjustRootClaimed(ctx.ledger, hotkey, coldkey, taoRao);
  } else {
    increaseStakeForHotkeyAndColdkey(ctx.ledger, hotkey, coldkey, netuid, owed);
  }
  const k = key(netuid, hotkey, coldkey);
  ctx.ledger.rootClaimed.set(k, rootClaimed(ctx.ledger, netuid, hotkey, coldkey) + owed);
  return { hotkey, netuid, alphaRao: owed, paidAs: swap ? 'swap' : 'keep', taoRao };
}

export interface SetRootClaimTypeRequest {
  readonly coldkey: string;
  readonly type: RootClaimType;
}

/** `set_root_claim_type`: a KeepSubnets list may not be empty. */
export function setRootClaimType(ctx: StakingContext, req: SetRootClaimTypeRequest): StakingFailure | { readonly ok: true } {
  if (req.type.kind === 'keepSubnets' && req.type.subnets.length === 0) return fail('InvalidSubnetNumber');
  const type: RootClaimType = req.type.kind === 'keepSubnets' ? { kind: 'keepSubnets', subnets: [...req.type.subnets] } : { kind: req.type.kind };
  ctx.ledger.rootClaimType.set(req.coldkey, type);
  return { ok: true };
}
