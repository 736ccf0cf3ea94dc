import { describe, expect, it } from 'vitest';
import {
  PRICE_EMISSION_RULE,
  TAO_FLOW_EMISSION_RULE,
  emissionRuleNames,
  emissionRuleOf,
  findEmissionRule,
  registerEmissionRule,
  type EmissionRule,
} from '../../../../src/consensus/coinbase/emissionRules.ts';
import { defaultCoinbaseGlobals } from '../../../../src/consensus/coinbase/subnetEconomy.ts';
import { subnetSharesFloat, subnetSharesU64F64 } from '../../../../src/consensus/coinbase/subnetBlockEmissions.ts';
import { priceSharesU64F64 } from '../../../../src/consensus/coinbase/subnetEmissionShares.ts';
import { AssertionError } from '../../../../src/primitives/assert.ts';
import { eligibleSubnet } from '../../../support/subnetEconomy.ts';

describe('emission rules', () => {
  it('holds the chain’s price rule and the dormant tao_flow rule by name', () => {
    expect(emissionRuleNames()).toEqual(expect.arrayContaining(['price', 'tao_flow']));
    expect(findEmissionRule('price')).toBe(PRICE_EMISSION_RULE);
    expect(findEmissionRule('tao_flow')).toBe(TAO_FLOW_EMISSION_RULE);
    expect(findEmissionRule('flow')).toBeUndefined();
    expect(() => emissionRuleOf('flow')).toThrow(/unknown emission rule 'flow'/);
  });

  it('tao_flow falls back to the price shares when no subnet has net inflow', () => {
    const subnets = [eligibleSubnet(1), eligibleSubnet(2, { movingPriceI96F32: 3n << 31n })];
    const g = defaultCoinbaseGlobals({ emissionRule: 'tao_flow' });
    expect(TAO_FLOW_EMISSION_RULE.sharesU64F64(subnets, g)).toEqual(priceSharesU64F64(subnets));
  });

  it('takes a research rule by name once registered, and refuses a second rule of that name', () => {
    const firstTakesAll: EmissionRule = {
      name: 'test-first-takes-all',
      description: 'everything to the first eligible subnet',
      advance: () => undefined,
      sharesU64F64: (subnets) => subnets.map((_s, i) => (i === 0 ? 1n << 64n : 0n)),
      sharesFloat: (subnets, _g, out) => {
        for (let i = 0; i < subnets.length; i++) out[i] = i === 0 ? 1 : 0;
        return out;
      },
    };
    registerEmissionRule(firstTakesAll);
    expect(emissionRuleNames()).toContain('test-first-takes-all');
    const subnets = [eligibleSubnet(1), eligibleSubnet(2, { movingPriceI96F32: 3n << 31n })];
    const g = defaultCoinbaseGlobals({ emissionRule: 'test-first-takes-all' });
    expect(subnetSharesU64F64(g, subnets)).toEqual([1n << 64n, 0n]);
    expect(Array.from(subnetSharesFloat(g, subnets, new Float64Array(2)))).toEqual([1, 0]);
    expect(() => registerEmissionRule(firstTakesAll)).toThrow(AssertionError);
  });
});
