import { describe, expect, it } from 'vitest';
import { subnetBlockEmissionsFloat, subnetBlockEmissionsU96F32, subnetSharesU64F64 } from '../../../../src/consensus/coinbase/subnetBlockEmissions.ts';
import { defaultCoinbaseGlobals, type SubnetEconomy } from '../../../../src/consensus/coinbase/subnetEconomy.ts';
import { eligibleSubnet } from '../../../support/subnetEconomy.ts';

const ONE64 = 1n << 64n;
const ONE32 = 1n << 32n;
const price = defaultCoinbaseGlobals();
const flow = defaultCoinbaseGlobals({ emissionRule: 'tao_flow' });

function subnets(): SubnetEconomy[] {
  return [
    eligibleSubnet(1, { movingPriceI96F32: ONE32 / 4n, userFlowEmaI64F64: 3n * ONE64 }),
    eligibleSubnet(2, { movingPriceI96F32: (3n * ONE32) / 4n, userFlowEmaI64F64: 1n * ONE64 }),
  ];
}

describe('subnetBlockEmissionsU96F32', () => {
  it('under the price rule gives E × price share: 0.25 and 0.75 TAO of a 1 TAO block', () => {
    const r = subnetBlockEmissionsU96F32(price, subnets(), 1_000_000_000n);
    expect(r.shares).toEqual([ONE64 / 4n, (3n * ONE64) / 4n]);
    expect(r.emissions).toEqual([250_000_000n * ONE32, 750_000_000n * ONE32]);
  });

  it('under the tao_flow rule follows net user inflow instead (3:1 here, the reverse of prices)', () => {
    // The protocol-cost weight is 1 by default and no protocol flow is set, so scores are 3 and 1.
    expect(subnetSharesU64F64(flow, subnets())).toEqual([(3n * ONE64) / 4n, ONE64 / 4n]);
  });

  it('under tao_flow falls back to the price rule when no subnet has a positive score', () => {
    const s = subnets();
    for (const x of s) x.userFlowEmaI64F64 = 0n;
    expect(subnetSharesU64F64(flow, s)).toEqual(subnetSharesU64F64(price, s));
  });

  it('applies emission enable after either rule', () => {
    const s = subnets();
    s[1]!.emissionEnabled = false;
    expect(subnetSharesU64F64(price, s)).toEqual([ONE64, 0n]);
    expect(subnetSharesU64F64(flow, s)).toEqual([ONE64, 0n]);
  });
});

describe('subnetBlockEmissionsFloat', () => {
  it('agrees with the chain emissions to 1e-6 rao', () => {
    for (const g of [price, flow]) {
      const chain = subnetBlockEmissionsU96F32(g, subnets(), 1_000_000_000n).emissions.map((x) => Number(x) / 2 ** 32);
      const float = subnetBlockEmissionsFloat(g, subnets(), 1e9, new Float64Array(2));
      for (let i = 0; i < 2; i++) expect(Math.abs(chain[i]! - float[i]!)).toBeLessThan(1e-6);
    }
  });
});
