import { describe, expect, it } from 'vitest';
import { DEFAULT_QUOTE_WEIGHT_PARTS } from '../../../../src/consensus/amm/poolState.ts';
import { medianSubnetPriceU64F64, type SubnetPriceEntry } from '../../../../src/consensus/subnets/medianSubnetPrice.ts';

const ONE = 1n << 64n;

/** A subnet whose balanced pool prices alpha at n/d TAO. */
function entry(netuid: number, n: bigint, d: bigint, added = true, mechanism: 0 | 1 = 1): SubnetPriceEntry {
  return { netuid, added, pool: { taoReserveRao: n * 1_000_000n, alphaReserveRao: d * 1_000_000n, quoteWeightParts: DEFAULT_QUOTE_WEIGHT_PARTS, mechanism } };
}

describe('medianSubnetPriceU64F64', () => {
  it('is the middle price of an odd count', () => {
    expect(medianSubnetPriceU64F64([entry(1, 3n, 1n), entry(2, 1n, 1n), entry(3, 2n, 1n)])).toBe(2n * ONE);
  });

  it('is the mean of the two middle prices of an even count', () => {
    expect(medianSubnetPriceU64F64([entry(1, 4n, 1n), entry(2, 1n, 1n), entry(3, 3n, 1n), entry(4, 2n, 1n)])).toBe(ONE * 2n + ONE / 2n);
  });

  it('ignores root, subnets not added and zero prices; 1.0 when nothing is left', () => {
    expect(medianSubnetPriceU64F64([entry(0, 9n, 1n), entry(1, 0n, 1n), entry(2, 5n, 1n, false)])).toBe(ONE);
    expect(medianSubnetPriceU64F64([entry(0, 9n, 1n), entry(1, 1n, 4n)])).toBe(ONE / 4n);
    expect(medianSubnetPriceU64F64([])).toBe(ONE);
  });

  it('counts a stable-mechanism subnet at price 1', () => {
    expect(medianSubnetPriceU64F64([entry(1, 5n, 1n, true, 0)])).toBe(ONE);
  });
});
