/**
 * Which subnets take part in this block's coinbase (tokenomics.md §2.2, conformance.md §8 rule 1).
 * Chain: pallets/subtensor/src/coinbase/subnet_emissions.rs `get_subnets_to_emit_to` at 14bc6f9 —
 * a non-root subnet is eligible once `start_call` has set its first emission block and enabled its
 * subtoken, while registration is allowed. Eligibility gates alpha emission; the TAO side is
 * further gated by `SubnetEmissionEnabled` in the share rule.
 */
import type { SubnetEconomy } from './subnetEconomy.ts';

export function isEligibleForEmission(s: SubnetEconomy): boolean {
  return s.netuid !== 0 && s.firstEmissionBlock !== null && s.subtokenEnabled && s.registrationAllowed;
}

/** The eligible subnets in netuid order (the order every later per-subnet step follows). */
export function subnetsToEmitTo(subnets: readonly SubnetEconomy[]): SubnetEconomy[] {
  const out = subnets.filter(isEligibleForEmission);
  out.sort((a, b) => a.netuid - b.netuid);
  return out;
}
