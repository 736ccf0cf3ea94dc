/**
 * `unstake_all`: sell everything a coldkey holds on one hotkey, on every subnet (root included),
 * and credit the TAO. Chain: pallets/subtensor/src/staking/remove_stake.rs `do_unstake_all` at
 * 14bc6f9. The hotkey must exist (`HotKeyAccountNotExists`); subnets whose subtoken is disabled,
 * or whose removal would not validate (`validate_remove_stake`, e.g. a pool at its reserve floor),
 * are skipped silently. The chain propagates a failure of the sale itself and reverts the whole
 * call; here every sale is previewed first, so either all run or none does.
 *
 * Subnets are visited in ascending netuid (the chain's `get_all_subnet_netuids` order); only subnets
 * on which the hotkey has a share pool can hold anything.
 */
import { EffectsRecorder, type StakeEffects } from './stakeEffects.ts';
import { previewUnstakeFromSubnet } from './stakeIntoSubnet.ts';
import { hotkeyExists, stakeOf, subnetsOfHotkey } from './stakeLedger.ts';
import { fail, type StakingFailure } from './stakeOperation.ts';
import type { StakingContext } from './stakingContext.ts';
import type { StakingSubnet } from './stakingSubnet.ts';
import { clearSmallNomination, commitUnstake, validateRemoveStake } from './removeStake.ts';

export interface UnstakeAllRequest {
  readonly coldkey: string;
  readonly hotkey: string;
}

export interface UnstakedSubnet {
  readonly netuid: number;
  /** Alpha sold (the small-nomination clearing included), alpha-rao. */
  readonly alphaRao: bigint;
  readonly taoRao: bigint;
}

export type UnstakeAllResult =
  | StakingFailure
  | ({
      readonly ok: true;
      readonly unstaked: readonly UnstakedSubnet[];
      /** Σ TAO credited, rao. */
      readonly taoRao: bigint;
    } & StakeEffects);

export function unstakeAll(ctx: StakingContext, req: UnstakeAllRequest): UnstakeAllResult {
  if (!hotkeyExists(ctx.ledger, req.hotkey)) return fail('HotKeyAccountNotExists');
  const plan: { subnet: StakingSubnet; alphaRao: bigint }[] = [];
  for (const netuid of subnetsOfHotkey(ctx.ledger, req.hotkey)) {
    const subnet = ctx.subnet(netuid);
    if (subnet === undefined || subnet.subtokenEnabled === false) continue;
    const alphaRao = stakeOf(ctx.ledger, req.hotkey, req.coldkey, netuid);
    if (!validateRemoveStake(ctx, subnet, req.coldkey, req.hotkey, alphaRao, alphaRao, false).ok) continue;
    if (alphaRao === 0n) continue;
    const preview = previewUnstakeFromSubnet(ctx.ledger, subnet, req.hotkey, req.coldkey, alphaRao, {}, ctx.fees);
    if (!preview.ok) return preview;
    plan.push({ subnet, alphaRao });
  }

  const effects = new EffectsRecorder();
  const unstaked: UnstakedSubnet[] = [];
  let taoRao = 0n;
  for (const { subnet, alphaRao } of plan) {
    const sold = commitUnstake(ctx, effects, subnet, req.hotkey, req.coldkey, alphaRao, undefined);
    const cleared = clearSmallNomination(ctx, effects, subnet, req.hotkey, req.coldkey);
    unstaked.push({ netuid: subnet.netuid, alphaRao: sold.alphaRao + cleared.alphaRao, taoRao: sold.taoRao + cleared.taoRao });
    taoRao += sold.taoRao + cleared.taoRao;
  }
  return { ok: true, unstaked, taoRao, ...effects.finish() };
}
