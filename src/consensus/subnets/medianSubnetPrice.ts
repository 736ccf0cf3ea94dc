/**
 * The reference price a new subnet's pool is seeded at: the median spot price of the existing
 * non-root subnets (shared/spec/tokenomics.md §8.3 "Pool seeding", conformance.md §12
 * `median_subnet_price`). SubnetAlphaIn = floor(lock / median).
 * Chain at 14bc6f9: `get_median_subnet_alpha_price`, as pinned by pallets/subtensor/src/tests/networks.rs
 * `median_subnet_alpha_price_*` and `register_network_seeds_new_subnet_from_even_median_snapshot`.
 */
import type { PoolState } from '../amm/poolState.ts';
import { U64F64_ONE, divU64F64, spotPriceU64F64 } from '../amm/spotPrice.ts';

export interface SubnetPriceEntry {
  readonly netuid: number;
  /** `NetworksAdded`: only existing subnets count. */
  readonly added: boolean;
  readonly pool: Pick<PoolState, 'taoReserveRao' | 'alphaReserveRao' | 'quoteWeightParts' | 'mechanism'>;
}

/**
 * Median of the spot prices (U64F64 raw) of added subnets other than root whose price is > 0: the
 * middle one, or the two middle ones added and divided by 2 in U64F64; 1.0 if there are none.
 */
export function medianSubnetPriceU64F64(subnets: readonly SubnetPriceEntry[]): bigint {
  const prices = subnets
    .filter((s) => s.added && s.netuid !== 0)
    .map((s) => spotPriceU64F64(s.pool))
    .filter((p) => p > 0n)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const count = prices.length;
  if (count === 0) return U64F64_ONE;
  const upper = prices[count >> 1]!;
  if (count % 2 === 1) return upper;
  const lower = prices[(count >> 1) - 1]!;
  return divU64F64(lower + upper, 2n * U64F64_ONE);
}
