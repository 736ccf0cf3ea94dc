import { describe, expect, it } from 'vitest';
import {
  applyEmissionEnabledFloat,
  applyEmissionEnabledU64F64,
  emissionPrice,
  emissionPriceU64F64,
  priceSharesFloat,
  priceSharesU64F64,
  rootSellFlag,
  rootSellFlagFloat,
  subnetEmissionSharesFloat,
  subnetEmissionSharesU64F64,
  taoEmissionU96F32,
} from '../../../../src/consensus/coinbase/subnetEmissionShares.ts';
import type { SubnetEconomy } from '../../../../src/consensus/coinbase/subnetEconomy.ts';
import { eligibleSubnet } from '../../../support/subnetEconomy.ts';

const ONE64 = 1n << 64n;
const ONE32 = 1n << 32n;

/** A subnet with EMA price n/d (I96F32) and miner-burned fraction b (U96F32). */
function priced(netuid: number, n: bigint, d: bigint, burnedN = 0n, burnedD = 1n, extra: Partial<SubnetEconomy> = {}): SubnetEconomy {
  return eligibleSubnet(netuid, { movingPriceI96F32: (n * ONE32) / d, minerBurnedU96F32: (burnedN * ONE32) / burnedD, ...extra });
}

describe('emission price', () => {
  it('is the EMA price widened to U64F64, 1.0 for the stable mechanism, 0 for a negative EMA', () => {
    expect(emissionPriceU64F64(priced(1, 1n, 4n))).toBe(ONE64 / 4n);
    expect(emissionPriceU64F64(eligibleSubnet(1, { movingPriceI96F32: 0n, pool: { mechanism: 0 } }))).toBe(ONE64);
    expect(emissionPriceU64F64(eligibleSubnet(1, { movingPriceI96F32: -5n }))).toBe(0n);
    expect(emissionPrice(priced(1, 1n, 4n))).toBe(0.25);
    expect(emissionPrice(eligibleSubnet(1, { movingPriceI96F32: -5n }))).toBe(0);
  });
});

describe('priceSharesU64F64', () => {
  it('splits by EMA price: 0.25 and 0.75 give shares 1/4 and 3/4', () => {
    expect(priceSharesU64F64([priced(1, 1n, 4n), priced(2, 3n, 4n)])).toEqual([ONE64 / 4n, (3n * ONE64) / 4n]);
  });

  it('discounts by MinerBurned and renormalises: burning half of the second gives 0.4 / 0.6', () => {
    // w = (0.25, 0.75·0.5) = (0.25, 0.375), Σ = 0.625.
    expect(priceSharesU64F64([priced(1, 1n, 4n), priced(2, 3n, 4n, 1n, 2n)])).toEqual([(2n * ONE64) / 5n, (3n * ONE64) / 5n]);
  });

  it('caps MinerBurned at 1 and falls back to plain price shares when everything is burned', () => {
    const shares = priceSharesU64F64([priced(1, 1n, 4n, 3n, 1n), priced(2, 3n, 4n, 1n, 1n)]);
    expect(shares).toEqual([ONE64 / 4n, (3n * ONE64) / 4n]);
  });

  it('gives every subnet 0 when every EMA price is 0 (a brand-new network)', () => {
    expect(priceSharesU64F64([priced(1, 0n, 1n), priced(2, 0n, 1n)])).toEqual([0n, 0n]);
    expect(priceSharesU64F64([])).toEqual([]);
  });

  it('gives a subnet with EMA price 0 nothing while others have a price', () => {
    expect(priceSharesU64F64([priced(1, 0n, 1n), priced(2, 1n, 8n)])).toEqual([0n, ONE64]);
  });
});

describe('emission enable', () => {
  const a = priced(1, 1n, 4n);
  const b = priced(2, 3n, 4n, 0n, 1n, { emissionEnabled: false });

  it('leaves the shares untouched when every subnet is enabled', () => {
    const shares = [ONE64 / 3n, ONE64 / 3n];
    expect(applyEmissionEnabledU64F64([priced(1, 1n, 2n), priced(2, 1n, 2n)], [...shares])).toEqual(shares);
  });

  it('gives disabled subnets 0 and renormalises the rest to sum to 1', () => {
    expect(subnetEmissionSharesU64F64([a, b])).toEqual([ONE64, 0n]);
    expect(Array.from(subnetEmissionSharesFloat([a, b], new Float64Array(2)))).toEqual([1, 0]);
  });

  it('gives everyone 0 when every subnet is disabled', () => {
    const off = [priced(1, 1n, 2n, 0n, 1n, { emissionEnabled: false }), priced(2, 1n, 2n, 0n, 1n, { emissionEnabled: false })];
    expect(subnetEmissionSharesU64F64(off)).toEqual([0n, 0n]);
    expect(Array.from(applyEmissionEnabledFloat(off, Float64Array.from([0.5, 0.5])))).toEqual([0, 0]);
  });
});

describe('priceSharesFloat', () => {
  it('agrees with the chain shares to 1e-15 on a mixed case', () => {
    const subnets = [priced(1, 1n, 7n), priced(2, 2n, 9n, 1n, 3n), priced(3, 5n, 11n, 1n, 10n), eligibleSubnet(4, { pool: { mechanism: 0 } })];
    const chain = priceSharesU64F64(subnets).map((x) => Number(x) / 2 ** 64);
    const float = priceSharesFloat(subnets, new Float64Array(4));
    for (let i = 0; i < 4; i++) expect(Math.abs(chain[i]! - float[i]!)).toBeLessThan(1e-15);
  });
});

describe('taoEmissionU96F32', () => {
  it('is E × share narrowed to U96F32: a quarter of 1 TAO is 0.25 TAO', () => {
    expect(taoEmissionU96F32(1_000_000_000n, ONE64 / 4n)).toBe(250_000_000n * ONE32);
    expect(taoEmissionU96F32(1_000_000_000n, 0n)).toBe(0n);
    expect(taoEmissionU96F32(0n, ONE64)).toBe(0n);
  });
});

describe('rootSellFlag', () => {
  it('is true only when the EMA prices sum to strictly more than 1', () => {
    expect(rootSellFlag([priced(1, 1n, 2n), priced(2, 1n, 2n)])).toBe(false);
    const over = [priced(1, 1n, 2n), eligibleSubnet(2, { movingPriceI96F32: ONE32 / 2n + 1n })];
    expect(rootSellFlag(over)).toBe(true);
    expect(rootSellFlagFloat(over)).toBe(true);
    expect(rootSellFlagFloat([priced(1, 1n, 2n), priced(2, 1n, 2n)])).toBe(false);
    expect(rootSellFlag([])).toBe(false);
  });

  it('counts a stable-mechanism subnet as price 1', () => {
    expect(rootSellFlag([eligibleSubnet(1, { pool: { mechanism: 0 } }), priced(2, 1n, 1000n)])).toBe(true);
  });
});
