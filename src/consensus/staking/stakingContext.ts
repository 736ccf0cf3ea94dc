/**
 * Everything a staking extrinsic reads besides its own arguments: the ledger it writes, the subnets
 * (pools and `SubnetAlphaOut`) it trades against, the parameters, where swap fees go, and the
 * current block (for rate limits). Operations mutate `ledger` and the looked-up subnets in place,
 * and only when they succeed.
 */
import type { FeeContext } from './poolSwap.ts';
import type { StakeLedger } from './stakeLedger.ts';
import { DEFAULT_STAKING_PARAMS, type StakingParams } from './stakingParams.ts';
import type { SubnetLookup } from './stakingSubnet.ts';

export interface StakingContext {
  readonly ledger: StakeLedger;
  readonly subnet: SubnetLookup;
  readonly params: StakingParams;
  readonly fees: FeeContext;
  /** The block the operation is included in. */
  readonly block: number;
}

export interface StakingContextOptions {
  readonly ledger: StakeLedger;
  readonly subnet: SubnetLookup;
  readonly params?: Partial<StakingParams>;
  readonly fees?: FeeContext;
  readonly block?: number;
}

/** A context with the chain defaults for whatever is not given (no block author: fees are burned). */
export function stakingContext(o: StakingContextOptions): StakingContext {
  return {
    ledger: o.ledger,
    subnet: o.subnet,
    params: { ...DEFAULT_STAKING_PARAMS, ...o.params },
    fees: o.fees ?? {},
    block: o.block ?? 0,
  };
}
