/**
 * The two halves every staking extrinsic is built from, after its own checks
 * (pallets/subtensor/src/staking/stake_utils.rs `stake_into_subnet` / `unstake_from_subnet` at
 * 14bc6f9):
 *
 *   - stake: swap TAO → alpha (root: 1:1), fail with `AmountTooLow` if no alpha comes out or
 *     `InsufficientLiquidity` if the alpha would mint no share, credit (hotkey, coldkey), and on root
 *     move `RootClaimed` by rate × TAO so the new stake inherits no old dividends;
 *   - unstake: debit (hotkey, coldkey) — the whole position if the share pool's precision guard
 *     fires — swap alpha → TAO, give back the alpha a limit order did not sell, and on root move
 *     `RootClaimed` down by rate × TAO out.
 *
 * Each half first simulates (the pools are deterministic, so the execution then does exactly what
 * the simulation said) and only writes when nothing can fail any more. Neither touches balances:
 * the extrinsic debits or credits the coldkey's free TAO.
 */
import { executeSwap, simulateSwap, type ExecutedSwap, type FeeContext, type SwapOptions } from './poolSwap.ts';
import { addStakeAdjustRootClaimed, removeStakeAdjustRootClaimed } from './rootClaimable.ts';
import type { StakeLedger } from './stakeLedger.ts';
import type { StakingError } from './stakeOperation.ts';
import { canIncreaseStake, decreaseStakeForHotkeyAndColdkey, increaseStakeForHotkeyAndColdkey, previewDecreaseStake } from './stakeUpdates.ts';
import { ROOT_NETUID, type StakingSubnet } from './stakingSubnet.ts';

export type SubnetStep<T> = ({ ok: true } & T) | { ok: false; reason: StakingError };

/** Would `stakeIntoSubnet` succeed, and with how much alpha? Changes nothing. */
export function previewStakeIntoSubnet(
  ledger: StakeLedger,
  subnet: StakingSubnet,
  hotkey: string,
  taoRao: bigint,
  options: SwapOptions,
  fees: FeeContext,
): SubnetStep<{ alphaRao: bigint }> {
  const sim = simulateSwap(subnet, 'buy', taoRao, options, fees);
  if (!sim.ok) return { ok: false, reason: sim.error };
  if (sim.amountPaidOutRao === 0n) return { ok: false, reason: 'AmountTooLow' };
  if (!canIncreaseStake(ledger, hotkey, subnet.netuid, sim.amountPaidOutRao)) return { ok: false, reason: 'InsufficientLiquidity' };
  return { ok: true, alphaRao: sim.amountPaidOutRao };
}

export function stakeIntoSubnet(
  ledger: StakeLedger,
  subnet: StakingSubnet,
  hotkey: string,
  coldkey: string,
  taoRao: bigint,
  options: SwapOptions,
  fees: FeeContext,
): SubnetStep<{ alphaRao: bigint; swap: ExecutedSwap }> {
  const preview = previewStakeIntoSubnet(ledger, subnet, hotkey, taoRao, options, fees);
  if (!preview.ok) return preview;
  const done = executeSwap(ledger, subnet, 'buy', taoRao, options, fees);
  if (!done.ok) throw new Error(`stakeIntoSubnet: swap failed after a successful simulation (${done.error})`);
  increaseStakeForHotkeyAndColdkey(ledger, hotkey, coldkey, subnet.netuid, done.swap.paidOutRao);
  if (subnet.netuid === ROOT_NETUID) addStakeAdjustRootClaimed(ledger, hotkey, coldkey, taoRao);
  return { ok: true, alphaRao: done.swap.paidOutRao, swap: done.swap };
}

/** Would `unstakeFromSubnet` succeed? Returns the alpha that would leave the stake and the TAO out. */
export function previewUnstakeFromSubnet(
  ledger: StakeLedger,
  subnet: StakingSubnet,
  hotkey: string,
  coldkey: string,
  alphaRao: bigint,
  options: SwapOptions,
  fees: FeeContext,
): SubnetStep<{ actualAlphaRao: bigint; taoRao: bigint }> {
  const actual = previewDecreaseStake(ledger, hotkey, coldkey, subnet.netuid, alphaRao);
  const sim = simulateSwap(subnet, 'sell', actual, options, fees);
  if (!sim.ok) return { ok: false, reason: sim.error };
  return { ok: true, actualAlphaRao: actual, taoRao: sim.amountPaidOutRao };
}

export function unstakeFromSubnet(
  ledger: StakeLedger,
  subnet: StakingSubnet,
  hotkey: string,
  coldkey: string,
  alphaRao: bigint,
  options: SwapOptions,
  fees: FeeContext,
): SubnetStep<{ taoRao: bigint; actualAlphaRao: bigint; refundAlphaRao: bigint; swap: ExecutedSwap }> {
  const preview = previewUnstakeFromSubnet(ledger, subnet, hotkey, coldkey, alphaRao, options, fees);
  if (!preview.ok) return preview;
  const actual = decreaseStakeForHotkeyAndColdkey(ledger, hotkey, coldkey, subnet.netuid, alphaRao);
  const done = executeSwap(ledger, subnet, 'sell', actual, options, fees);
  if (!done.ok) throw new Error(`unstakeFromSubnet: swap failed after a successful simulation (${done.error})`);
  const used = done.swap.paidInRao + done.swap.feeRao;
  const refund = actual > used ? actual - used : 0n;
  if (refund > 0n) increaseStakeForHotkeyAndColdkey(ledger, hotkey, coldkey, subnet.netuid, refund);
  if (subnet.netuid === ROOT_NETUID) removeStakeAdjustRootClaimed(ledger, hotkey, coldkey, done.swap.paidOutRao);
  return { ok: true, taoRao: done.swap.paidOutRao, actualAlphaRao: actual, refundAlphaRao: refund, swap: done.swap };
}
