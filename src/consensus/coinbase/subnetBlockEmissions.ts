/**
 * This block's TAO emission per eligible subnet under the network's share rule (tokenomics.md §2.3,
 * conformance.md §8 rule 2): shares from the price-EMA rule or the dormant TAO-flow rule (which
 * falls back to the price rule when no subnet scores), then the emission-enable renormalisation,
 * then tao_emission_i = E × share_i. Chain: pallets/subtensor/src/coinbase/subnet_emissions.rs
 * `get_subnet_block_emissions` / `get_shares` at 14bc6f9.
 */
import type { CoinbaseGlobals, SubnetEconomy } from './subnetEconomy.ts';
import {
  applyEmissionEnabledFloat,
  applyEmissionEnabledU64F64,
  priceSharesFloat,
  priceSharesU64F64,
  taoEmissionU96F32,
} from './subnetEmissionShares.ts';
import { taoFlowSharesFloat, taoFlowSharesU64F64 } from './taoFlowShares.ts';

type ShareGlobals = Pick<CoinbaseGlobals, 'emissionShareRule' | 'taoFlow'>;

/** Final shares (U64F64 raws aligned with `subnets`), emission enable applied. */
export function subnetSharesU64F64(globals: ShareGlobals, subnets: readonly SubnetEconomy[]): bigint[] {
  const shares = (globals.emissionShareRule === 'tao_flow' ? taoFlowSharesU64F64(subnets, globals.taoFlow) : null) ?? priceSharesU64F64(subnets);
  return applyEmissionEnabledU64F64(subnets, shares);
}

/** Float-mode final shares into `out`. */
export function subnetSharesFloat(globals: ShareGlobals, subnets: readonly SubnetEconomy[], out: Float64Array): Float64Array {
  if (globals.emissionShareRule !== 'tao_flow' || !taoFlowSharesFloat(subnets, globals.taoFlow, out)) priceSharesFloat(subnets, out);
  return applyEmissionEnabledFloat(subnets, out);
}

export interface SubnetBlockEmissionsU96F32 {
  /** U64F64 raws. */
  readonly shares: bigint[];
  /** tao_emission_i, U96F32 raws (rao). */
  readonly emissions: bigint[];
}

/** Chain-exact shares and TAO emissions for a block emission of `blockEmissionRao`. */
export function subnetBlockEmissionsU96F32(globals: ShareGlobals, subnets: readonly SubnetEconomy[], blockEmissionRao: bigint): SubnetBlockEmissionsU96F32 {
  const shares = subnetSharesU64F64(globals, subnets);
  return { shares, emissions: shares.map((x) => taoEmissionU96F32(blockEmissionRao, x)) };
}

/** Float-mode TAO emissions (rao, not floored) into `out`; `out` holds the shares on the way. */
export function subnetBlockEmissionsFloat(globals: ShareGlobals, subnets: readonly SubnetEconomy[], blockEmission: number, out: Float64Array): Float64Array {
  subnetSharesFloat(globals, subnets, out);
  for (let i = 0; i < subnets.length; i++) out[i] = out[i]! * blockEmission;
  return out;
}
