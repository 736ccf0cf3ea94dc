/**
 * Float mode's reading of a pool's spot price, P = (w1/w2)·(y/x) in TAO per alpha (tokenomics.md
 * §5.2): the float64 twin of amm/spotPrice.ts `spotPriceU64F64` (chain: pallets/swap/src/pallet/
 * balancer.rs `calculate_price` at 14bc6f9), used by the coinbase terms and the moving price.
 * 0 when the alpha reserve is empty; exactly 1 for the stable mechanism.
 */
import { PERQUINTILL_ONE, type PoolState } from '../amm/poolState.ts';

export function spotPriceFloat(pool: Pick<PoolState, 'taoReserveRao' | 'alphaReserveRao' | 'quoteWeightParts' | 'mechanism'>): number {
  if (pool.mechanism === 0) return 1;
  if (pool.alphaReserveRao === 0n || pool.quoteWeightParts === 0n) return 0;
  const quote = Number(pool.quoteWeightParts);
  const base = Number(PERQUINTILL_ONE - pool.quoteWeightParts);
  return (base / quote) * (Number(pool.taoReserveRao) / Number(pool.alphaReserveRao));
}
