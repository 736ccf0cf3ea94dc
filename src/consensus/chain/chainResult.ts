/**
 * What a chain-level extrinsic returns: `{ ok: true, … }` with what it did, or `{ ok: false,
 * reason }` naming the chain's error (pallets/subtensor/src/macros/errors.rs at 14bc6f9), in which
 * case the state is exactly as before — every extrinsic here checks everything before it writes.
 */
export type ChainError =
  | 'SubnetNotExists'
  | 'RegistrationNotPermittedOnRootSubnet'
  | 'SubNetRegistrationDisabled'
  | 'HotKeyAlreadyRegisteredInSubNet'
  | 'NonAssociatedColdKey'
  | 'NotEnoughBalanceToStake'
  | 'NoNeuronIdAvailable'
  | 'NetworkTxRateLimitExceeded'
  | 'SubnetLimitReached'
  | 'NotSubnetOwner'
  | 'FirstEmissionBlockNumberAlreadySet'
  | 'NeedWaitingMoreBlocksToStarCall'
  | 'RegistrationBurnAboveLimit'
  | 'AmountTooLow'
  | 'ReservesTooLow'
  | 'SwapInputTooLarge'
  | 'PriceLimitExceeded'
  | 'InsufficientLiquidity'
  | 'CanNotSetRootNetworkWeights'
  | 'WeightVecNotEqualSize'
  | 'UidsLengthExceedUidsInSubNet'
  | 'HotKeyNotRegisteredInSubNet'
  | 'NotEnoughStakeToSetWeights'
  | 'IncorrectWeightVersionKey'
  | 'CommitRevealEnabled'
  | 'CommitRevealDisabled'
  | 'SettingWeightsTooFast'
  | 'NeuronNoValidatorPermit'
  | 'DuplicateUids'
  | 'UidVecContainInvalidOne'
  | 'WeightVecLengthIsLow'
  | 'MaxWeightExceeded'
  | 'TooManyUnrevealedCommits'
  | 'MechanismDoesNotExist';

export interface ChainFailure {
  readonly ok: false;
  readonly reason: ChainError;
}

export function chainFail(reason: ChainError): ChainFailure {
  return { ok: false, reason };
}
