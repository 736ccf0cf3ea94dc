/**
 * `add_stake` and `add_stake_limit`: a coldkey pays free TAO, the TAO is swapped into the subnet's
 * alpha (root: 1:1, no fee) and credited to (hotkey, coldkey). Chain:
 * pallets/subtensor/src/staking/add_stake.rs (`do_add_stake`, `do_add_stake_limit`) and
 * stake_utils.rs (`validate_add_stake`, `stake_into_subnet`, `get_max_amount_add`) at 14bc6f9;
 * tokenomics.md §5.3–5.5, §6.1.
 *
 * Checks, in the chain's order (after the subnet exists and its subtoken is enabled; the chain
 * tests `SubtokenEnabled` first, which a missing subnet also fails — we report `SubnetNotExists`):
 *   limit only: the most TAO the limit admits (`get_max_amount_add`; its swap errors, or
 *     `ZeroMaxStakeAmount` when it is 0);
 *   amount ≥ min stake + the fee a min-stake buy would pay (`AmountTooLow`);
 *   no partial fills allowed and amount > max (`SlippageTooHigh`); max = 0 (`ZeroMaxStakeAmount`);
 *   free balance ≥ amount (`NotEnoughBalanceToStake`); hotkey registered (`HotKeyAccountNotExists`);
 *   a simulated buy of the whole amount without limit succeeds (else `InsufficientLiquidity`), nets
 *     ≥ min stake into the pool and buys some alpha (`AmountTooLow`), and that alpha mints shares
 *     (`InsufficientLiquidity`).
 * Then min(amount, max) is debited and bought at the limit. A limited buy may still fill slightly
 * less than it was given (rounding at the limit); the chain leaves that remainder on the subnet
 * account, where nobody owns it — we hand it back to the coldkey instead, so TAO stays conserved,
 * and report `taoSpentRao` = what entered the pool plus the fee.
 *
 * The user TAO flow recorded is the TAO that entered the pool (`amount_paid_in`).
 */
import { maxAmountAdd } from '../amm/maxAmount.ts';
import { swapFeeRao } from '../amm/swapStep.ts';
import { simulateSwap, swapConfigOf } from './poolSwap.ts';
import { EffectsRecorder, type StakeEffects } from './stakeEffects.ts';
import { previewStakeIntoSubnet, stakeIntoSubnet } from './stakeIntoSubnet.ts';
import { addBalance, balanceOf, hotkeyExists, removeBalance } from './stakeLedger.ts';
import { fail, type StakingFailure } from './stakeOperation.ts';
import type { StakingContext } from './stakingContext.ts';
import type { StakingSubnet } from './stakingSubnet.ts';
import { canIncreaseStake } from './stakeUpdates.ts';

/** A limit order: the worst price (rao per alpha) and whether a partial fill is acceptable. */
export interface PriceLimit {
  readonly priceRao: bigint;
  readonly allowPartial: boolean;
}

export interface AddStakeRequest {
  readonly coldkey: string;
  readonly hotkey: string;
  readonly netuid: number;
  /** TAO offered, rao (fee included). */
  readonly amountRao: bigint;
  /** Present = `add_stake_limit`. */
  readonly limit?: PriceLimit;
}

export type AddStakeResult =
  | StakingFailure
  | ({
      readonly ok: true;
      /** TAO debited from the coldkey: net pool input + fee, rao. */
      readonly taoSpentRao: bigint;
      /** Alpha credited to (hotkey, coldkey). */
      readonly alphaRao: bigint;
    } & StakeEffects);

/** The fee part of the minimum: what a buy of exactly the min stake would be charged. */
function minStakeFeeRao(ctx: StakingContext, subnet: StakingSubnet): bigint {
  const sim = simulateSwap(subnet, 'buy', ctx.params.minStakeRao, {}, ctx.fees);
  if (sim.ok) return sim.feePaidRao;
  // `approx_fee_amount`: the plain fee rate applied to the amount.
  return subnet.pool.mechanism === 0 ? 0n : swapFeeRao(ctx.params.minStakeRao, swapConfigOf(subnet, ctx.fees).feeRateU16);
}

/** `validate_add_stake`; exported for callers that want to know whether a stake would pass. */
export function validateAddStake(
  ctx: StakingContext,
  subnet: StakingSubnet,
  coldkey: string,
  hotkey: string,
  amountRao: bigint,
  maxAmountRao: bigint,
  allowPartial: boolean,
): StakingFailure | { ok: true } {
  const minStake = ctx.params.minStakeRao;
  if (amountRao < minStake + minStakeFeeRao(ctx, subnet)) return fail('AmountTooLow');
  if (!allowPartial && amountRao > maxAmountRao) return fail('SlippageTooHigh');
  if (maxAmountRao === 0n) return fail('ZeroMaxStakeAmount');
  if (balanceOf(ctx.ledger, coldkey) < amountRao) return fail('NotEnoughBalanceToStake');
  if (!hotkeyExists(ctx.ledger, hotkey)) return fail('HotKeyAccountNotExists');
  const sim = simulateSwap(subnet, 'buy', amountRao, {}, ctx.fees);
  if (!sim.ok) return fail('InsufficientLiquidity');
  if (sim.amountPaidInRao < minStake) return fail('AmountTooLow');
  if (sim.amountPaidOutRao === 0n) return fail('AmountTooLow');
  if (!canIncreaseStake(ctx.ledger, hotkey, subnet.netuid, sim.amountPaidOutRao)) return fail('InsufficientLiquidity');
  return { ok: true };
}

export function addStake(ctx: StakingContext, req: AddStakeRequest): AddStakeResult {
  const subnet = ctx.subnet(req.netuid);
  if (subnet === undefined) return fail('SubnetNotExists');
  if (subnet.subtokenEnabled === false) return fail('SubtokenDisabled');
  let maxAmountRao = req.amountRao;
  if (req.limit !== undefined) {
    const max = maxAmountAdd(subnet.pool, req.limit.priceRao, swapConfigOf(subnet, ctx.fees));
    if (!max.ok) return fail(max.error);
    if (max.amountRao === 0n) return fail('ZeroMaxStakeAmount');
    maxAmountRao = max.amountRao;
  }
  const valid = validateAddStake(ctx, subnet, req.coldkey, req.hotkey, req.amountRao, maxAmountRao, req.limit?.allowPartial ?? false);
  if (!valid.ok) return valid;

  const possibleRao = req.amountRao < maxAmountRao ? req.amountRao : maxAmountRao;
  const options = req.limit === undefined ? {} : { limitPriceRao: req.limit.priceRao };
  const preview = previewStakeIntoSubnet(ctx.ledger, subnet, req.hotkey, possibleRao, options, ctx.fees);
  if (!preview.ok) return preview;

  // Nothing below can fail.
  const effects = new EffectsRecorder();
  effects.touch(subnet);
  removeBalance(ctx.ledger, req.coldkey, possibleRao);
  const done = stakeIntoSubnet(ctx.ledger, subnet, req.hotkey, req.coldkey, possibleRao, options, ctx.fees);
  if (!done.ok) throw new Error(`addStake: stake failed after a successful preview (${done.reason})`);
  const spentRao = done.swap.paidInRao + done.swap.feeRao;
  addBalance(ctx.ledger, req.coldkey, possibleRao - spentRao);
  effects.swap('buy', done.swap, spentRao);
  effects.flow(subnet, done.swap.paidInRao, 'user');
  return { ok: true, taoSpentRao: spentRao, alphaRao: done.alphaRao, ...effects.finish() };
}
