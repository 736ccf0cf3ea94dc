/**
 * Changing a delegate's take (`Delegates[hotkey]`, /65535), the share of the hotkey's dividends
 * kept by its owner (tokenomics.md §6.2). Chain: pallets/subtensor/src/staking/decrease_take.rs
 * `do_decrease_take`, increase_take.rs `do_increase_take`, and utils/rate_limiting.rs
 * `exceeds_tx_delegate_take_rate_limit` at 14bc6f9.
 *
 *   - Both: the hotkey exists (`HotKeyAccountNotExists`) and the signer owns it (`NonAssociatedColdKey`).
 *   - Decrease: strictly below the stored take (`DelegateTakeTooLow` otherwise) and ≥ `MinDelegateTake`.
 *     Allowed at any time, but it restarts the rate-limit clock.
 *   - Increase: strictly above the stored take (`DelegateTakeTooLow` otherwise), ≤ `MaxDelegateTake`
 *     (`DelegateTakeTooHigh`), and more than `TxDelegateTakeRateLimit` blocks after the last take
 *     change (`DelegateTxRateLimitExceeded`; a last change at block 0 or a limit of 0 never limits).
 * "Stored" is `Delegates::try_get`: a hotkey that never set a take has no stored value (it reads as
 * the default 11,796) and skips the comparison.
 */
import { hotkeyExists, hotkeyOwner } from './stakeLedger.ts';
import { fail, type StakingFailure } from './stakeOperation.ts';
import type { StakingContext } from './stakingContext.ts';
import { DEFAULT_DELEGATE_TAKE_U16 } from './stakingParams.ts';

export interface SetDelegateTakeRequest {
  readonly coldkey: string;
  readonly hotkey: string;
  readonly takeU16: number;
}

export type DelegateTakeResult = StakingFailure | { readonly ok: true; readonly takeU16: number };

/** The take the chain applies: the stored one, or the default. */
export function delegateTakeU16(ctx: Pick<StakingContext, 'ledger'>, hotkey: string): number {
  return ctx.ledger.delegateTakeU16.get(hotkey) ?? DEFAULT_DELEGATE_TAKE_U16;
}

function takeChecks(ctx: StakingContext, r: SetDelegateTakeRequest): StakingFailure | null {
  if (!hotkeyExists(ctx.ledger, r.hotkey)) return fail('HotKeyAccountNotExists');
  if (hotkeyOwner(ctx.ledger, r.hotkey) !== r.coldkey) return fail('NonAssociatedColdKey');
  return null;
}

function commit(ctx: StakingContext, r: SetDelegateTakeRequest): DelegateTakeResult {
  ctx.ledger.delegateTakeU16.set(r.hotkey, r.takeU16);
  ctx.ledger.lastDelegateTakeBlock.set(r.hotkey, ctx.block);
  return { ok: true, takeU16: r.takeU16 };
}

export function decreaseTake(ctx: StakingContext, r: SetDelegateTakeRequest): DelegateTakeResult {
  const bad = takeChecks(ctx, r);
  if (bad !== null) return bad;
  const stored = ctx.ledger.delegateTakeU16.get(r.hotkey);
  if (stored !== undefined && !(r.takeU16 < stored)) return fail('DelegateTakeTooLow');
  if (r.takeU16 < ctx.params.minDelegateTakeU16) return fail('DelegateTakeTooLow');
  return commit(ctx, r);
}

export function increaseTake(ctx: StakingContext, r: SetDelegateTakeRequest): DelegateTakeResult {
  const bad = takeChecks(ctx, r);
  if (bad !== null) return bad;
  const stored = ctx.ledger.delegateTakeU16.get(r.hotkey);
  if (stored !== undefined && !(r.takeU16 > stored)) return fail('DelegateTakeTooLow');
  if (r.takeU16 > ctx.params.maxDelegateTakeU16) return fail('DelegateTakeTooHigh');
  const last = ctx.ledger.lastDelegateTakeBlock.get(r.hotkey) ?? 0;
  const limit = ctx.params.txDelegateTakeRateLimitBlocks;
  if (limit !== 0 && last !== 0 && Math.max(0, ctx.block - last) <= limit) return fail('DelegateTxRateLimitExceeded');
  return commit(ctx, r);
}

/**
 * One entry point for agents: a take below the current (effective) take is a `decreaseTake`,
 * anything else an `increaseTake` (so re-setting the current stored take fails as on the chain).
 */
export function setDelegateTake(ctx: StakingContext, r: SetDelegateTakeRequest): DelegateTakeResult {
  return r.takeU16 < delegateTakeU16(ctx, r.hotkey) ? decreaseTake(ctx, r) : increaseTake(ctx, r);
}
