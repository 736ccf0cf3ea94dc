/**
 * The three stake-moving extrinsics, each a `transitionStake` with some keys fixed (chain:
 * pallets/subtensor/src/staking/move_stake.rs `do_move_stake`, `do_transfer_stake`,
 * `do_swap_stake` at 14bc6f9; tokenomics.md §6.1). The signer is the origin coldkey.
 *
 *   - `moveStake`: same coldkey, any hotkeys, any subnets;
 *   - `transferStake`: to another coldkey, same hotkey, any subnets (`TransferToggle` is assumed on);
 *   - `swapStake`: same coldkey and hotkey, another subnet.
 */
import { transitionStake, type StakeTransitionResult } from './stakeTransition.ts';
import type { StakingContext } from './stakingContext.ts';

export interface MoveStakeRequest {
  readonly coldkey: string;
  readonly originHotkey: string;
  readonly destinationHotkey: string;
  readonly originNetuid: number;
  readonly destinationNetuid: number;
  readonly alphaRao: bigint;
}

export function moveStake(ctx: StakingContext, r: MoveStakeRequest): StakeTransitionResult {
  return transitionStake(ctx, {
    originColdkey: r.coldkey,
    destinationColdkey: r.coldkey,
    originHotkey: r.originHotkey,
    destinationHotkey: r.destinationHotkey,
    originNetuid: r.originNetuid,
    destinationNetuid: r.destinationNetuid,
    alphaRao: r.alphaRao,
  });
}

export interface TransferStakeRequest {
  readonly coldkey: string;
  readonly destinationColdkey: string;
  readonly hotkey: string;
  readonly originNetuid: number;
  readonly destinationNetuid: number;
  readonly alphaRao: bigint;
}

export function transferStake(ctx: StakingContext, r: TransferStakeRequest): StakeTransitionResult {
  return transitionStake(ctx, {
    originColdkey: r.coldkey,
    destinationColdkey: r.destinationColdkey,
    originHotkey: r.hotkey,
    destinationHotkey: r.hotkey,
    originNetuid: r.originNetuid,
    destinationNetuid: r.destinationNetuid,
    alphaRao: r.alphaRao,
  });
}

export interface SwapStakeRequest {
  readonly coldkey: string;
  readonly hotkey: string;
  readonly originNetuid: number;
  readonly destinationNetuid: number;
  readonly alphaRao: bigint;
}

export function swapStake(ctx: StakingContext, r: SwapStakeRequest): StakeTransitionResult {
  return transitionStake(ctx, {
    originColdkey: r.coldkey,
    destinationColdkey: r.coldkey,
    originHotkey: r.hotkey,
    destinationHotkey: r.hotkey,
    originNetuid: r.originNetuid,
    destinationNetuid: r.destinationNetuid,
    alphaRao: r.alphaRao,
  });
}
