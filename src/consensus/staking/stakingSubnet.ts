/**
 * The part of a subnet that staking reads and writes: its pool (`SubnetTAO`, `SubnetAlphaIn`, the
 * balancer weights) and `SubnetAlphaOut`. The coinbase's `SubnetEconomy` satisfies this interface
 * structurally, so a simulator passes its own subnet records straight in.
 *
 * Root (netuid 0) has a stable pool (mechanism 0): staking converts TAO 1:1 with no fee, and its
 * `taoReserveRao` is `SubnetTAO[root]`, the R of root_prop.
 */
import type { PoolState } from '../amm/poolState.ts';

export interface StakingSubnet {
  readonly netuid: number;
  pool: PoolState;
  /** `SubnetAlphaOut`: alpha outside the pool, alpha-rao. Buys raise it, sells and recycles lower it. */
  alphaOutRao: bigint;
  /** `SubtokenEnabled` (set by `start_call`); staking on a subnet where it is false fails. Absent = enabled. */
  readonly subtokenEnabled?: boolean;
  /** `FeeRate` of the pool (/65535); absent = the AMM default. */
  readonly feeRateU16?: number;
}

/** Finds a subnet by netuid; `undefined` = the subnet does not exist. */
export type SubnetLookup = (netuid: number) => StakingSubnet | undefined;

export const ROOT_NETUID = 0;

/** A lookup over a list of subnets (for callers that keep an array). */
export function subnetLookup(subnets: readonly StakingSubnet[]): SubnetLookup {
  const byNetuid = new Map<number, StakingSubnet>();
  for (const s of subnets) byNetuid.set(s.netuid, s);
  return (netuid) => byNetuid.get(netuid);
}
