/**
 * Staking constants at their chain defaults (tokenomics.md §5.5, §6, §9). They are storage values
 * or runtime constants in pallets/subtensor/src/lib.rs and runtime/src/lib.rs at 14bc6f9; a
 * scenario that changes one passes its own `StakingParams`.
 */

/** `DefaultMinStake`: the smallest stake, partial unstake or move, rao (0.002 TAO). */
export const DEFAULT_MIN_STAKE_RAO = 2_000_000n;
/** `DefaultDelegateTake` = `MaxDelegateTake`: 11,796 / 65,535 ≈ 18%. */
export const DEFAULT_DELEGATE_TAKE_U16 = 11_796;
export const MAX_DELEGATE_TAKE_U16 = 11_796;
export const MIN_DELEGATE_TAKE_U16 = 0;
/** `TxDelegateTakeRateLimit`: blocks between two take changes when the second is a raise. */
export const TX_DELEGATE_TAKE_RATE_LIMIT_BLOCKS = 216_000;
/** Children per parent hotkey and subnet. */
export const MAX_CHILDREN = 5;
/** `PendingChildKeyCooldown`: blocks before scheduled children take effect. */
export const PENDING_CHILDKEY_COOLDOWN_BLOCKS = 7_200;
/** `TransactionType::SetChildren` rate limit, blocks. */
export const SET_CHILDREN_RATE_LIMIT_BLOCKS = 150;
/** `ChildkeyTake` default, minimum and maximum (/65535). */
export const DEFAULT_CHILDKEY_TAKE_U16 = 0;
export const MIN_CHILDKEY_TAKE_U16 = 0;
export const MAX_CHILDKEY_TAKE_U16 = 11_796;
/** `TxChildkeyTakeRateLimit`: blocks between raises of a childkey take. */
export const TX_CHILDKEY_TAKE_RATE_LIMIT_BLOCKS = 216_000;
/** `RootClaimableThreshold` default: owed alpha below this is not claimed unless forced, alpha-rao. */
export const DEFAULT_ROOT_CLAIMABLE_THRESHOLD_RAO = 500_000n;
/** `CKBurn` default (a u64 ratio /(2^64 − 1)): 0, although the code comment says 18%. */
export const DEFAULT_CK_BURN_RAW = 0n;
/** `TaoWeight` default (u64 ratio /(2^64 − 1) ≈ 0.05268). */
export const DEFAULT_TAO_WEIGHT_RAW = 971_718_665_099_567_868n;
/** `StakeThreshold` default, rao-equivalent. */
export const DEFAULT_STAKE_THRESHOLD_RAO = 0n;
/** `MAX_SUBNET_CLAIMS`: most subnets one `claim_root` call may name. */
export const MAX_SUBNET_CLAIMS = 5;

/**
 * The staking parameters a scenario may change; `DEFAULT_STAKING_PARAMS` holds the chain defaults.
 * Only what the staking extrinsics read lives here (childkey and epoch parameters are elsewhere).
 */
export interface StakingParams {
  /** `DefaultMinStake`, rao. */
  readonly minStakeRao: bigint;
  /**
   * `NominatorMinRequiredStake`, in ‰ of `DefaultMinStake` (tokenomics.md §9): after an unstake,
   * a nominator (not the hotkey's owner) left with less than this, valued at the spot price, is
   * unstaked completely. 0 (the default) disables the rule.
   */
  readonly nominatorMinRequiredStakePermille: bigint;
  /** `MinDelegateTake` / `MaxDelegateTake`, /65535. */
  readonly minDelegateTakeU16: number;
  readonly maxDelegateTakeU16: number;
  /** `TxDelegateTakeRateLimit`, blocks; 0 disables the limit. */
  readonly txDelegateTakeRateLimitBlocks: number;
  /** `RootClaimableThreshold` for subnets without an entry in `rootClaimableThresholdByNetuid`, alpha-rao. */
  readonly rootClaimableThresholdRao: bigint;
  /** Per-subnet `RootClaimableThreshold` overrides, alpha-rao. */
  readonly rootClaimableThresholdByNetuid?: ReadonlyMap<number, bigint>;
  /** Most subnets one root claim may name. */
  readonly maxSubnetClaims: number;
}

export const DEFAULT_STAKING_PARAMS: StakingParams = Object.freeze({
  minStakeRao: DEFAULT_MIN_STAKE_RAO,
  nominatorMinRequiredStakePermille: 0n,
  minDelegateTakeU16: MIN_DELEGATE_TAKE_U16,
  maxDelegateTakeU16: MAX_DELEGATE_TAKE_U16,
  txDelegateTakeRateLimitBlocks: TX_DELEGATE_TAKE_RATE_LIMIT_BLOCKS,
  rootClaimableThresholdRao: DEFAULT_ROOT_CLAIMABLE_THRESHOLD_RAO,
  maxSubnetClaims: MAX_SUBNET_CLAIMS,
});

/** `RootClaimableThreshold(netuid)`. */
export function rootClaimableThresholdRao(params: StakingParams, netuid: number): bigint {
  return params.rootClaimableThresholdByNetuid?.get(netuid) ?? params.rootClaimableThresholdRao;
}
