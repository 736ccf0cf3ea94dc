/**
 * One draw of a population group's genesis stake (src/sim/scenario/stakeDistribution.ts), as
 * alpha-rao: amounts in TAO are converted at the pool's genesis spot price. Draws come from the
 * agent's own substream, so adding an agent never changes another agent's stake.
 */
import type { Rng } from '../../primitives/rng.ts';
import type { StakeDistribution } from '../scenario/stakeDistribution.ts';

const U64F64_ONE = 1n << 64n;

/** A non-negative float amount (rao) to bigint, floored. */
function toRao(x: number): bigint {
  return x > 0 && Number.isFinite(x) ? BigInt(Math.floor(x)) : 0n;
}

export function sampleStakeRao(d: StakeDistribution, rng: Rng, priceU64F64: bigint): bigint {
  const amount = sampleStakeAmount(d, rng);
  if (d.unit === 'alpha' || amount === 0n) return amount;
  // TAO → alpha at the spot price (rao per alpha as U64F64): alpha = tao / price.
  return priceU64F64 === 0n ? 0n : (amount * U64F64_ONE) / priceU64F64;
}

/** One draw in the distribution's own unit (rao of TAO or of alpha). */
export function sampleStakeAmount(d: StakeDistribution, rng: Rng): bigint {
  let amount: bigint;
  switch (d.distribution) {
    case 'fixed':
      amount = d.amountRao;
      break;
    case 'uniform':
      amount = d.minRao + toRao(rng.nextFloat() * Number(d.maxRao - d.minRao));
      break;
    case 'lognormal':
      amount = toRao(Number(d.medianRao) * Math.exp(d.sigma * rng.nextNormal()));
      break;
    case 'pareto':
      // Inverse CDF: x_m / U^(1/α), U in (0, 1].
      amount = toRao(Number(d.scaleRao) / (1 - rng.nextFloat()) ** (1 / d.shape));
      break;
  }
  return amount;
}

/** TAO a joining agent stakes for a drawn amount: TAO as drawn, alpha valued at the spot price. */
export function stakeTaoForJoin(d: StakeDistribution, rng: Rng, priceU64F64: bigint): bigint {
  const amount = sampleStakeAmount(d, rng);
  return d.unit === 'tao' ? amount : (amount * priceU64F64) / U64F64_ONE;
}
