/**
 * What every staking operation returns: `{ ok: true, … }` with the amounts moved, or
 * `{ ok: false, reason }` with the chain's error name, in which case the ledger and the subnets are
 * exactly as they were (the chain's extrinsics are transactional; here each operation checks before
 * it writes, or works on copies it commits at the end).
 *
 * Error names are the pallet's `Error<T>` variants at 14bc6f9 (pallets/subtensor/src/macros/errors.rs),
 * plus the swap pallet's for limit orders.
 */

export type StakingError =
  | 'SubnetNotExists'
  | 'SubtokenDisabled'
  | 'AmountTooLow'
  | 'SlippageTooHigh'
  | 'ZeroMaxStakeAmount'
  | 'PriceLimitExceeded'
  | 'NotEnoughBalanceToStake'
  | 'HotKeyAccountNotExists'
  | 'InsufficientLiquidity'
  | 'SwapInputTooLarge'
  | 'ReservesTooLow'
  | 'NotEnoughStakeToWithdraw'
  | 'SameNetuid'
  | 'NonAssociatedColdKey'
  | 'DelegateTakeTooLow'
  | 'DelegateTakeTooHigh'
  | 'DelegateTxRateLimitExceeded'
  | 'InvalidChildkeyTake'
  | 'TxChildkeyTakeRateLimitExceeded'
  | 'RegistrationNotPermittedOnRootSubnet'
  | 'SubNetworkDoesNotExist'
  | 'TxRateLimitExceeded'
  | 'TooManyChildren'
  | 'InvalidChild'
  | 'ProportionOverflow'
  | 'DuplicateChild'
  | 'NotEnoughStakeToSetChildkeys'
  | 'InvalidSubnetNumber';

export interface StakingFailure {
  readonly ok: false;
  readonly reason: StakingError;
}

export function fail(reason: StakingError): StakingFailure {
  return { ok: false, reason };
}

/**
 * A TAO flow into (+) or out of (−) a subnet's pool, for the TAO-flow emission rule (`SubnetTaoFlow`
 * is fed by users, `SubnetProtocolFlow` by the protocol — root-claim sales count there).
 */
export interface TaoFlow {
  readonly netuid: number;
  readonly deltaRao: bigint;
  readonly source: 'user' | 'protocol';
}

/** Fees of an operation, split by where they went (see poolSwap.ts). */
export interface FeeOutcome {
  /** Fee charged in TAO (buys), rao. */
  readonly feeTaoRao: bigint;
  /** Fee charged in alpha (sells), alpha-rao. */
  readonly feeAlphaRao: bigint;
  /** TAO credited to the block author. */
  readonly authorTaoRao: bigint;
  /** TAO burned (no author): taken from the user, given to nobody; issuance is unchanged. */
  readonly burnedTaoRao: bigint;
  /** Alpha burned (no author): stays in `SubnetAlphaOut`, owned by nobody. */
  readonly burnedAlphaRao: bigint;
}

export const NO_FEES: FeeOutcome = Object.freeze({ feeTaoRao: 0n, feeAlphaRao: 0n, authorTaoRao: 0n, burnedTaoRao: 0n, burnedAlphaRao: 0n });

export function addFees(a: FeeOutcome, b: FeeOutcome): FeeOutcome {
  return {
    feeTaoRao: a.feeTaoRao + b.feeTaoRao,
    feeAlphaRao: a.feeAlphaRao + b.feeAlphaRao,
    authorTaoRao: a.authorTaoRao + b.authorTaoRao,
    burnedTaoRao: a.burnedTaoRao + b.burnedTaoRao,
    burnedAlphaRao: a.burnedAlphaRao + b.burnedAlphaRao,
  };
}
