/**
 * `remove_stake` and `remove_stake_limit`: debit alpha from (hotkey, coldkey), sell it in the
 * subnet's pool (root: 1:1, no fee) and credit the TAO to the coldkey's free balance. Chain:
 * pallets/subtensor/src/staking/remove_stake.rs (`do_remove_stake`, `do_remove_stake_limit`) and
 * stake_utils.rs (`validate_remove_stake`, `calculate_reduced_stake_on_subnet`,
 * `unstake_from_subnet`, `get_max_amount_remove`, `clear_small_nomination_if_required`) at
 * 14bc6f9; tokenomics.md §5.3–5.5.
 *
 * Checks, in the chain's order (after subnet existence and `SubtokenEnabled`):
 *   limit only: the most alpha the limit admits (`get_max_amount_remove`; swap errors, or
 *     `ZeroMaxStakeAmount` when it is 0);
 *   the coldkey holds at least the amount (`NotEnoughStakeToWithdraw`);
 *   a simulated sale of the amount without limit succeeds (else `InsufficientLiquidity`) and, unless
 *     the unstake leaves exactly 0 behind, pays ≥ min stake (`AmountTooLow`) — the "remaining
 *     stake" rule: a full exit is exempt from the minimum, a partial one is not;
 *   `SlippageTooHigh` / `ZeroMaxStakeAmount` as for adds; hotkey registered.
 * Then min(amount, max) is sold at the limit; alpha a limited sale did not sell is re-credited.
 * Afterwards a nominator (a coldkey that does not own the hotkey) left holding less alpha than
 * `NominatorMinRequiredStake` is worth at the spot price is unstaked completely as well (the small
 * nomination rule; inert at its default 0). If that second sale fails, the leftover is simply
 * removed from the pool (it stays in `SubnetAlphaOut`, owned by nobody).
 *
 * The user TAO flow recorded is −(TAO paid to the coldkey).
 */
import { maxAmountRemove } from '../amm/maxAmount.ts';
import type { PriceLimit } from './addStake.ts';
import { alphaEquivalentRao, currentAlphaPriceU96F32 } from './alphaPrice.ts';
import { simulateSwap, swapConfigOf } from './poolSwap.ts';
import { EffectsRecorder, type StakeEffects } from './stakeEffects.ts';
import { previewUnstakeFromSubnet, unstakeFromSubnet } from './stakeIntoSubnet.ts';
import { addBalance, hotkeyExists, hotkeyOwner, stakeOf } from './stakeLedger.ts';
import { fail, type StakingFailure } from './stakeOperation.ts';
import type { StakingContext } from './stakingContext.ts';
import type { StakingSubnet } from './stakingSubnet.ts';
import { decreaseStakeForHotkeyAndColdkey } from './stakeUpdates.ts';

export interface RemoveStakeRequest {
  readonly coldkey: string;
  readonly hotkey: string;
  readonly netuid: number;
  /** Alpha to unstake, alpha-rao. */
  readonly alphaRao: bigint;
  /** Present = `remove_stake_limit`. */
  readonly limit?: PriceLimit;
}

export type RemoveStakeResult =
  | StakingFailure
  | ({
      readonly ok: true;
      /** Alpha that left (hotkey, coldkey) and was sold (fee included, refund excluded), alpha-rao. */
      readonly alphaRao: bigint;
      /** TAO credited to the coldkey, the small-nomination clearing included, rao. */
      readonly taoRao: bigint;
      /** Alpha taken by the small-nomination rule, alpha-rao (0 when it did not fire). */
      readonly clearedAlphaRao: bigint;
    } & StakeEffects);

/** `validate_remove_stake`. */
export function validateRemoveStake(
  ctx: StakingContext,
  subnet: StakingSubnet,
  coldkey: string,
  hotkey: string,
  alphaRao: bigint,
  maxAmountRao: bigint,
  allowPartial: boolean,
): StakingFailure | { ok: true } {
  const current = stakeOf(ctx.ledger, hotkey, coldkey, subnet.netuid);
  if (current < alphaRao) return fail('NotEnoughStakeToWithdraw');
  const remaining = current - alphaRao;
  const sim = simulateSwap(subnet, 'sell', alphaRao, {}, ctx.fees);
  if (!sim.ok) return fail('InsufficientLiquidity');
  if (remaining !== 0n && sim.amountPaidOutRao < ctx.params.minStakeRao) return fail('AmountTooLow');
  if (!allowPartial && alphaRao > maxAmountRao) return fail('SlippageTooHigh');
  if (maxAmountRao === 0n) return fail('ZeroMaxStakeAmount');
  if (!hotkeyExists(ctx.ledger, hotkey)) return fail('HotKeyAccountNotExists');
  return { ok: true };
}

/** Sell `alphaRao` of (hotkey, coldkey) at `limitPriceRao` after the caller validated it; credits the TAO. */
export function commitUnstake(
  ctx: StakingContext,
  effects: EffectsRecorder,
  subnet: StakingSubnet,
  hotkey: string,
  coldkey: string,
  alphaRao: bigint,
  limitPriceRao: bigint | undefined,
): { alphaRao: bigint; taoRao: bigint } {
  effects.touch(subnet);
  const options = limitPriceRao === undefined ? {} : { limitPriceRao };
  const done = unstakeFromSubnet(ctx.ledger, subnet, hotkey, coldkey, alphaRao, options, ctx.fees);
  if (!done.ok) throw new Error(`unstake failed after a successful preview (${done.reason})`);
  addBalance(ctx.ledger, coldkey, done.taoRao);
  effects.swap('sell', done.swap, 0n);
  effects.flow(subnet, -done.taoRao, 'user');
  return { alphaRao: done.actualAlphaRao - done.refundAlphaRao, taoRao: done.taoRao };
}

/**
 * `clear_small_nomination_if_required`: a nominator left with 0 < alpha < min required (converted
 * to alpha at the spot price) is unstaked completely, with the normal fee.
 */
export function clearSmallNomination(
  ctx: StakingContext,
  effects: EffectsRecorder,
  subnet: StakingSubnet,
  hotkey: string,
  coldkey: string,
): { alphaRao: bigint; taoRao: bigint } {
  const none = { alphaRao: 0n, taoRao: 0n };
  if (hotkeyOwner(ctx.ledger, hotkey) === coldkey) return none;
  const alpha = stakeOf(ctx.ledger, hotkey, coldkey, subnet.netuid);
  const minRequiredRao = (ctx.params.minStakeRao * ctx.params.nominatorMinRequiredStakePermille) / 1000n;
  const minAlpha = alphaEquivalentRao(minRequiredRao, currentAlphaPriceU96F32(subnet));
  if (alpha === 0n || alpha >= minAlpha) return none;
  const preview = previewUnstakeFromSubnet(ctx.ledger, subnet, hotkey, coldkey, alpha, {}, ctx.fees);
  if (preview.ok) return commitUnstake(ctx, effects, subnet, hotkey, coldkey, alpha, undefined);
  // The sale is impossible: the chain just deletes the position.
  return { alphaRao: decreaseStakeForHotkeyAndColdkey(ctx.ledger, hotkey, coldkey, subnet.netuid, alpha), taoRao: 0n };
}

export function removeStake(ctx: StakingContext, req: RemoveStakeRequest): RemoveStakeResult {
  const subnet = ctx.subnet(req.netuid);
  if (subnet === undefined) return fail('SubnetNotExists');
  if (subnet.subtokenEnabled === false) return fail('SubtokenDisabled');
  let maxAmountRao = req.alphaRao;
  if (req.limit !== undefined) {
    const max = maxAmountRemove(subnet.pool, req.limit.priceRao, swapConfigOf(subnet, ctx.fees));
    if (!max.ok) return fail(max.error);
    if (max.amountRao === 0n) return fail('ZeroMaxStakeAmount');
    maxAmountRao = max.amountRao;
  }
  const valid = validateRemoveStake(ctx, subnet, req.coldkey, req.hotkey, req.alphaRao, maxAmountRao, req.limit?.allowPartial ?? false);
  if (!valid.ok) return valid;

  const possibleRao = req.alphaRao < maxAmountRao ? req.alphaRao : maxAmountRao;
  const limitPriceRao = req.limit?.priceRao;
  const preview = previewUnstakeFromSubnet(ctx.ledger, subnet, req.hotkey, req.coldkey, possibleRao, limitPriceRao === undefined ? {} : { limitPriceRao }, ctx.fees);
  if (!preview.ok) return preview;

  const effects = new EffectsRecorder();
  const sold = commitUnstake(ctx, effects, subnet, req.hotkey, req.coldkey, possibleRao, limitPriceRao);
  const cleared = clearSmallNomination(ctx, effects, subnet, req.hotkey, req.coldkey);
  return { ok: true, alphaRao: sold.alphaRao, taoRao: sold.taoRao + cleared.taoRao, clearedAlphaRao: cleared.alphaRao, ...effects.finish() };
}
