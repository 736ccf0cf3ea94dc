/**
 * Registry of emission-share rules by name: how one block's TAO emission is split among the
 * eligible subnets before the emission-enable renormalisation (tokenomics.md §2.3). The chain's
 * active rule is `price` (shares ∝ each subnet's EMA price, subnetEmissionShares.ts); `tao_flow`
 * is the dormant net-TAO-flow rule (taoFlowShares.ts). A scenario picks one with
 * `chain.emission_rule`; `CoinbaseGlobals.emissionRule` holds the name, so the chain state stays
 * plain data. The map is open (`registerEmissionRule`) for research rules; scenarios can name a
 * registered rule but, unlike epoch mechanisms, cannot load one from a module (yet).
 *
 * Chain: pallets/subtensor/src/coinbase/subnet_emissions.rs `get_shares` at 14bc6f9.
 */
import { assert } from '../../primitives/assert.ts';
import type { NumericMode } from '../epoch/arithmetic.ts';
import { priceSharesFloat, priceSharesU64F64 } from './subnetEmissionShares.ts';
import type { CoinbaseGlobals, SubnetEconomy } from './subnetEconomy.ts';
import { advanceFlowEmas, advanceFlowEmasFloat, taoFlowSharesFloat, taoFlowSharesU64F64 } from './taoFlowShares.ts';

/** What a rule reads of the globals: its name and the `tao_flow` parameters. */
export type ShareGlobals = Pick<CoinbaseGlobals, 'emissionRule' | 'taoFlow'>;

export interface EmissionRule {
  readonly name: string;
  readonly description: string;
  /**
   * Once per block, before the shares: advances whatever state the rule keeps on the subnets'
   * economies (the flow EMAs of `tao_flow`). Runs only while the rule is in use.
   */
  advance(subnets: readonly SubnetEconomy[], globals: ShareGlobals, mode: NumericMode): void;
  /** Chain mode: shares as U64F64 raws aligned with `subnets`, summing to ≤ 1, before emission enable. */
  sharesU64F64(subnets: readonly SubnetEconomy[], globals: ShareGlobals): bigint[];
  /** Float mode: the same shares as fractions, written into `out` (length ≥ subnets.length). */
  sharesFloat(subnets: readonly SubnetEconomy[], globals: ShareGlobals, out: Float64Array): Float64Array;
}

/** The chain's active rule: shares ∝ the subnets' EMA (moving) prices. */
export const PRICE_EMISSION_RULE: EmissionRule = {
  name: 'price',
  description: 'Shares ∝ each subnet’s moving (EMA) alpha price — the chain’s active rule.',
  advance: () => undefined,
  sharesU64F64: (subnets) => priceSharesU64F64(subnets),
  sharesFloat: (subnets, _globals, out) => priceSharesFloat(subnets, out),
};

/** The dormant rule: shares ∝ the EMA of net user TAO inflow, falling back to `price` when no subnet scores. */
export const TAO_FLOW_EMISSION_RULE: EmissionRule = {
  name: 'tao_flow',
  description: 'Shares ∝ the EMA of net user TAO inflow minus protocol inflow (dormant on chain); the price rule when no subnet scores.',
  advance(subnets, globals, mode) {
    if (mode === 'chain') advanceFlowEmas(subnets, globals.taoFlow);
    else advanceFlowEmasFloat(subnets, globals.taoFlow);
  },
  sharesU64F64: (subnets, globals) => taoFlowSharesU64F64(subnets, globals.taoFlow) ?? priceSharesU64F64(subnets),
  sharesFloat(subnets, globals, out) {
    if (!taoFlowSharesFloat(subnets, globals.taoFlow, out)) priceSharesFloat(subnets, out);
    return out;
  },
};

const registry = new Map<string, EmissionRule>([
  [PRICE_EMISSION_RULE.name, PRICE_EMISSION_RULE],
  [TAO_FLOW_EMISSION_RULE.name, TAO_FLOW_EMISSION_RULE],
]);

/** Adds a research rule; names are unique. */
export function registerEmissionRule(rule: EmissionRule): void {
  assert(!registry.has(rule.name), `emission rule '${rule.name}' is already registered`);
  registry.set(rule.name, rule);
}

export function emissionRuleNames(): string[] {
  return [...registry.keys()].sort();
}

export function findEmissionRule(name: string): EmissionRule | undefined {
  return registry.get(name);
}

/** The rule `name` names; an unknown name is a bug (scenarios are checked against the registry). */
export function emissionRuleOf(name: string): EmissionRule {
  const rule = registry.get(name);
  assert(rule !== undefined, `unknown emission rule '${name}' (known: ${emissionRuleNames().join(', ')})`);
  return rule;
}
