/**
 * Childkey take (tokenomics.md §6.3): the share of the dividends a child hotkey earns for its
 * parents that the child keeps when the parent belongs to another coldkey. Default 0, at most
 * 11,796/65535.
 *
 * Chain: pallets/subtensor/src/staking/set_children.rs `do_set_childkey_take` at 14bc6f9. The
 * signer must own the hotkey and the take must lie in [MinChildkeyTake, MaxChildkeyTake]
 * (`InvalidChildkeyTake`). Only a *raise* is rate-limited (`TxChildkeyTakeRateLimit`, 216,000
 * blocks since the last change, the first change always passes), like the delegate take; every
 * accepted change records its block.
 */
import { fail, type StakingFailure } from './stakeOperation.ts';
import { key, type StakeLedger } from './stakeLedger.ts';
import { passesRateLimit } from './txRateLimit.ts';
import { DEFAULT_CHILDKEY_TAKE_U16, MAX_CHILDKEY_TAKE_U16, MIN_CHILDKEY_TAKE_U16, TX_CHILDKEY_TAKE_RATE_LIMIT_BLOCKS } from './stakingParams.ts';

export interface SetChildkeyTakeRequest {
  readonly coldkey: string;
  readonly hotkey: string;
  readonly netuid: number;
  /** New take, /65535. */
  readonly takeU16: number;
  readonly block: number;
  /** `MinChildkeyTake`; default 0. */
  readonly minTakeU16?: number;
  /** `MaxChildkeyTake`; default 11,796. */
  readonly maxTakeU16?: number;
  /** `TxChildkeyTakeRateLimit`; default 216,000 blocks. */
  readonly rateLimitBlocks?: number;
}

/** `get_childkey_take(hotkey, netuid)`, /65535. */
export function childkeyTakeU16Of(ledger: StakeLedger, hotkey: string, netuid: number): number {
  return ledger.childkeyTakeU16.get(key(netuid, hotkey)) ?? DEFAULT_CHILDKEY_TAKE_U16;
}

export function setChildkeyTake(ledger: StakeLedger, req: SetChildkeyTakeRequest): { readonly ok: true } | StakingFailure {
  const { coldkey, hotkey, netuid, takeU16, block } = req;
  if (ledger.hotkeyOwner.get(hotkey) !== coldkey) return fail('NonAssociatedColdKey');
  const min = req.minTakeU16 ?? MIN_CHILDKEY_TAKE_U16;
  const max = req.maxTakeU16 ?? MAX_CHILDKEY_TAKE_U16;
  if (!Number.isInteger(takeU16) || takeU16 < min || takeU16 > max) return fail('InvalidChildkeyTake');
  const k = key(netuid, hotkey);
  if (takeU16 > childkeyTakeU16Of(ledger, hotkey, netuid)) {
    const limit = req.rateLimitBlocks ?? TX_CHILDKEY_TAKE_RATE_LIMIT_BLOCKS;
    if (!passesRateLimit(ledger.lastChildkeyTakeBlock.get(k), block, limit)) return fail('TxChildkeyTakeRateLimitExceeded');
  }
  ledger.childkeyTakeU16.set(k, takeU16);
  ledger.lastChildkeyTakeBlock.set(k, block);
  return { ok: true };
}
