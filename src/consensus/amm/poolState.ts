/**
 * The protocol-owned two-asset weighted ("balancer") pool of one subnet
 * (shared/spec/tokenomics.md §5.1; chain: pallets/swap/src/pallet/balancer.rs at 14bc6f9).
 *
 * x = `SubnetAlphaIn` (alpha reserve), y = `SubnetTAO` (TAO reserve). The quote (TAO) weight w2 is a
 * Perquintill (parts per 10^18); the base (alpha) weight is w1 = 10^18 − w2.
 */

/** 1.0 as a Perquintill. */
export const PERQUINTILL_ONE = 1_000_000_000_000_000_000n;

/** Default weights 0.5 / 0.5. */
export const DEFAULT_QUOTE_WEIGHT_PARTS = PERQUINTILL_ONE / 2n;

/** Mechanism 0 = stable (root: 1:1, price 1, no fees); 1 = dynamic (balancer pool). */
export type PoolMechanism = 0 | 1;

export interface PoolState {
  /** y: TAO reserve (`SubnetTAO`), rao. */
  taoReserveRao: bigint;
  /** x: alpha reserve (`SubnetAlphaIn`), alpha-rao. */
  alphaReserveRao: bigint;
  /** w2 (TAO side) in Perquintill parts; the alpha weight is PERQUINTILL_ONE − this. */
  quoteWeightParts: bigint;
  /** False until the first user swap resets the weights to 0.5/0.5 (tokenomics.md §11.9). */
  initialized: boolean;
  mechanism: PoolMechanism;
}

export function baseWeightParts(pool: Pick<PoolState, 'quoteWeightParts'>): bigint {
  return PERQUINTILL_ONE - pool.quoteWeightParts;
}
