import { describe, expect, it } from 'vitest';
import { isEligibleForEmission, subnetsToEmitTo } from '../../../../src/consensus/coinbase/subnetsToEmitTo.ts';
import { newSubnetEconomy } from '../../../../src/consensus/coinbase/subnetEconomy.ts';
import { eligibleSubnet } from '../../../support/subnetEconomy.ts';

describe('isEligibleForEmission', () => {
  it('needs start_call (first emission block), the subtoken and registration enabled', () => {
    expect(isEligibleForEmission(eligibleSubnet(3))).toBe(true);
    expect(isEligibleForEmission(eligibleSubnet(3, { firstEmissionBlock: null }))).toBe(false);
    expect(isEligibleForEmission(eligibleSubnet(3, { subtokenEnabled: false }))).toBe(false);
    expect(isEligibleForEmission(eligibleSubnet(3, { registrationAllowed: false }))).toBe(false);
  });

  it('does not depend on SubnetEmissionEnabled (that gates only the TAO side)', () => {
    expect(isEligibleForEmission(eligibleSubnet(3, { emissionEnabled: false }))).toBe(true);
  });

  it('never includes root, and a freshly created subnet is not eligible', () => {
    expect(isEligibleForEmission(eligibleSubnet(0))).toBe(false);
    expect(isEligibleForEmission(newSubnetEconomy({ netuid: 4 }))).toBe(false);
  });
});

describe('subnetsToEmitTo', () => {
  it('returns the eligible subnets in netuid order without touching the input order', () => {
    const input = [eligibleSubnet(9), eligibleSubnet(0), eligibleSubnet(2), eligibleSubnet(5, { subtokenEnabled: false }), eligibleSubnet(4)];
    expect(subnetsToEmitTo(input).map((s) => s.netuid)).toEqual([2, 4, 9]);
    expect(input.map((s) => s.netuid)).toEqual([9, 0, 2, 5, 4]);
    expect(subnetsToEmitTo([])).toEqual([]);
  });
});
