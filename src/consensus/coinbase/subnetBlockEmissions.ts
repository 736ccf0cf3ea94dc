/**
 * This block's TAO emission per eligible subnet under the network's share rule (tokenomics.md §2.3,
 * conformance.md §8 rule 2): shares from the rule `globals.emissionRule` names (emissionRules.ts:
 * the price-EMA rule, or the dormant TAO-flow rule, which falls back to the price rule when no
 * subnet scores), then the emission-enable renormalisation,
 * then tao_emission_i = E × share_i. Chain: pallets/subtensor/src/coinbase/subnet_emissions.rs
 * `get_subnet_block_emissions` / `get_shares` at 14bc6f9.
 */
import { emissionRuleOf, type ShareGlobals } from './emissionRules.ts';
import type { SubnetEconomy } from './subnetEconomy.ts';
import { applyEmissionEnabledFloat, applyEmissionEnabledU64F64, taoEmissionU96F32 } from './subnetEmissionShares.ts';

/** Final shares (U64F64 raws aligned with `subnets`), emission enable applied. */
export function subnetSharesU64F64(globals: ShareGlobals, subnets: readonly SubnetEconomy[]): bigint[] {
  return applyEmissionEnabledU64F64(subnets, emissionRuleOf(globals.emissionRule).sharesU64F64(subnets, globals));
}

/** Float-mode final shares into `out`. */
export function subnetSharesFloat(globals: ShareGlobals, subnets: readonly SubnetEconomy[], out: Float64Array): Float64Array {
  emissionRuleOf(globals.emissionRule).sharesFloat(subnets, globals, out);
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
