/**
 * The one routine behind `move_stake`, `transfer_stake` and `swap_stake`: take alpha from
 * (origin hotkey, origin coldkey, origin subnet) and give its worth to (destination hotkey,
 * destination coldkey, destination subnet). Chain: pallets/subtensor/src/staking/move_stake.rs
 * (`transition_stake_internal`, `transfer_stake_within_subnet`) and stake_utils.rs
 * (`validate_stake_transition`) at 14bc6f9; tokenomics.md §6.1.
 *
 *   - The amount is first capped at what the origin holds (the chain does this because fees may be
 *     paid in alpha), so asking for more moves everything.
 *   - Checks: nothing would change (same keys, same subnet: `SameNetuid`); both subnets exist and
 *     have their subtoken enabled; both hotkeys exist; for a cross-subnet move, a simulated sale
 *     of the amount in the origin pool succeeds (`InsufficientLiquidity`) and pays strictly more
 *     than the min stake (`AmountTooLow`); the amount is not 0 (`ZeroMaxStakeAmount`).
 *   - Across subnets: an unstake from the origin (fee charged unless the origin is root) and, if
 *     the TAO is ≥ min stake, a stake into the destination with its fee dropped — charged only when
 *     the origin is root, so exactly one side pays. TAO below the minimum is not restaked and,
 *     as on the chain, credited to nobody (`strandedTaoRao`); the sale check above makes this
 *     unreachable without a limit.
 *   - Within a subnet: no swap and no fee; the shares move (root stake also moves `RootClaimed`
 *     so neither side gains or loses accrued dividends), and the alpha actually moved must be worth
 *     ≥ min stake at the spot price (`AmountTooLow`), pools untouched (invariant 21).
 *
 * The limit variant (`swap_stake_limit`, via `get_max_amount_move`) is not ported.
 */
import { currentAlphaPriceU96F32, taoEquivalentRao } from './alphaPrice.ts';
import { simulateSwap } from './poolSwap.ts';
import { addStakeAdjustRootClaimed, removeStakeAdjustRootClaimed } from './rootClaimable.ts';
import { EffectsRecorder, type StakeEffects } from './stakeEffects.ts';
import { previewStakeIntoSubnet, previewUnstakeFromSubnet, stakeIntoSubnet, unstakeFromSubnet } from './stakeIntoSubnet.ts';
import { hotkeyExists, stakeOf } from './stakeLedger.ts';
import { fail, type StakingFailure } from './stakeOperation.ts';
import type { StakingContext } from './stakingContext.ts';
import { ROOT_NETUID, type StakingSubnet } from './stakingSubnet.ts';
import { decreaseStakeForHotkeyAndColdkey, increaseStakeForHotkeyAndColdkey, previewDecreaseStake } from './stakeUpdates.ts';

export interface StakeTransition {
  readonly originColdkey: string;
  readonly destinationColdkey: string;
  readonly originHotkey: string;
  readonly destinationHotkey: string;
  readonly originNetuid: number;
  readonly destinationNetuid: number;
  /** Alpha of the origin subnet to move, alpha-rao. */
  readonly alphaRao: bigint;
}

export type StakeTransitionResult =
  | StakingFailure
  | ({
      readonly ok: true;
      /** Alpha that left the origin position, alpha-rao (net of a limit refund; there is none here). */
      readonly alphaMovedRao: bigint;
      /** Alpha credited to the destination position (destination subnet's alpha), alpha-rao. */
      readonly alphaReceivedRao: bigint;
      /** Across subnets: the TAO the origin sale paid; within a subnet: the spot-price worth of the alpha moved. */
      readonly taoRao: bigint;
      /** False when a cross-subnet move's TAO was below the minimum and not restaked. */
      readonly restaked: boolean;
    } & StakeEffects);

function validateTransition(ctx: StakingContext, t: StakeTransition, alphaRao: bigint): StakingFailure | { ok: true; origin: StakingSubnet; destination: StakingSubnet } {
  if (t.originColdkey === t.destinationColdkey && t.originHotkey === t.destinationHotkey && t.originNetuid === t.destinationNetuid) return fail('SameNetuid');
  const origin = ctx.subnet(t.originNetuid);
  if (origin === undefined) return fail('SubnetNotExists');
  const destination = ctx.subnet(t.destinationNetuid);
  if (destination === undefined) return fail('SubnetNotExists');
  if (!hotkeyExists(ctx.ledger, t.originHotkey) || !hotkeyExists(ctx.ledger, t.destinationHotkey)) return fail('HotKeyAccountNotExists');
  if (alphaRao > stakeOf(ctx.ledger, t.originHotkey, t.originColdkey, t.originNetuid)) return fail('NotEnoughStakeToWithdraw');
  if (t.originNetuid !== t.destinationNetuid) {
    const sim = simulateSwap(origin, 'sell', alphaRao, {}, ctx.fees);
    if (!sim.ok) return fail('InsufficientLiquidity');
    if (sim.amountPaidOutRao <= ctx.params.minStakeRao) return fail('AmountTooLow');
  }
  if (alphaRao === 0n) return fail('ZeroMaxStakeAmount');
  if (origin.subtokenEnabled === false || destination.subtokenEnabled === false) return fail('SubtokenDisabled');
  return { ok: true, origin, destination };
}

export function transitionStake(ctx: StakingContext, t: StakeTransition): StakeTransitionResult {
  const available = stakeOf(ctx.ledger, t.originHotkey, t.originColdkey, t.originNetuid);
  const alphaRao = t.alphaRao < available ? t.alphaRao : available;
  const valid = validateTransition(ctx, t, alphaRao);
  if (!valid.ok) return valid;
  const { origin, destination } = valid;
  return t.originNetuid === t.destinationNetuid ? moveWithinSubnet(ctx, t, origin, alphaRao) : moveAcrossSubnets(ctx, t, origin, destination, alphaRao);
}

function moveAcrossSubnets(ctx: StakingContext, t: StakeTransition, origin: StakingSubnet, destination: StakingSubnet, alphaRao: bigint): StakeTransitionResult {
  const dropFeeOrigin = t.originNetuid === ROOT_NETUID;
  const unstakeOptions = { dropFees: dropFeeOrigin };
  const stakeOptions = { dropFees: !dropFeeOrigin };
  const sale = previewUnstakeFromSubnet(ctx.ledger, origin, t.originHotkey, t.originColdkey, alphaRao, unstakeOptions, ctx.fees);
  if (!sale.ok) return sale;
  const restake = sale.taoRao >= ctx.params.minStakeRao;
  // The pools differ, so the sale does not change what the purchase will do.
  if (restake) {
    const buy = previewStakeIntoSubnet(ctx.ledger, destination, t.destinationHotkey, sale.taoRao, stakeOptions, ctx.fees);
    if (!buy.ok) return buy;
  }

  const effects = new EffectsRecorder();
  effects.touch(origin);
  effects.touch(destination);
  const sold = unstakeFromSubnet(ctx.ledger, origin, t.originHotkey, t.originColdkey, alphaRao, unstakeOptions, ctx.fees);
  if (!sold.ok) throw new Error(`transitionStake: unstake failed after a successful preview (${sold.reason})`);
  effects.swap('sell', sold.swap, 0n);
  effects.flow(origin, -sold.taoRao, 'user');
  let alphaReceivedRao = 0n;
  if (restake) {
    const bought = stakeIntoSubnet(ctx.ledger, destination, t.destinationHotkey, t.destinationColdkey, sold.taoRao, stakeOptions, ctx.fees);
    if (!bought.ok) throw new Error(`transitionStake: stake failed after a successful preview (${bought.reason})`);
    effects.swap('buy', bought.swap, sold.taoRao);
    effects.flow(destination, bought.swap.paidInRao, 'user');
    alphaReceivedRao = bought.alphaRao;
    // A buy never has a remainder without a limit price; guard the accounting anyway.
    const unspent = sold.taoRao - bought.swap.paidInRao - bought.swap.feeRao;
    if (unspent !== 0n) effects.strand(unspent);
  } else {
    effects.strand(sold.taoRao);
  }
  return {
    ok: true,
    alphaMovedRao: sold.actualAlphaRao - sold.refundAlphaRao,
    alphaReceivedRao,
    taoRao: sold.taoRao,
    restaked: restake,
    ...effects.finish(),
  };
}

/** `transfer_stake_within_subnet`. */
function moveWithinSubnet(ctx: StakingContext, t: StakeTransition, subnet: StakingSubnet, alphaRao: bigint): StakeTransitionResult {
  const netuid = t.originNetuid;
  const actual = previewDecreaseStake(ctx.ledger, t.originHotkey, t.originColdkey, netuid, alphaRao);
  const taoRao = taoEquivalentRao(currentAlphaPriceU96F32(subnet), actual);
  if (taoRao < ctx.params.minStakeRao) return fail('AmountTooLow');

  const effects = new EffectsRecorder();
  effects.touch(subnet);
  const removed = decreaseStakeForHotkeyAndColdkey(ctx.ledger, t.originHotkey, t.originColdkey, netuid, alphaRao);
  if (netuid === ROOT_NETUID) removeStakeAdjustRootClaimed(ctx.ledger, t.originHotkey, t.originColdkey, alphaRao);
  const received = increaseStakeForHotkeyAndColdkey(ctx.ledger, t.destinationHotkey, t.destinationColdkey, netuid, removed);
  if (netuid === ROOT_NETUID) addStakeAdjustRootClaimed(ctx.ledger, t.destinationHotkey, t.destinationColdkey, removed);
  return { ok: true, alphaMovedRao: removed, alphaReceivedRao: received, taoRao, restaked: true, ...effects.finish() };
}
