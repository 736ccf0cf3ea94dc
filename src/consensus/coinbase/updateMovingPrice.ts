/**
 * The EMA ("moving") price that drives next block's emission shares (tokenomics.md §2.9,
 * conformance.md §8 rule 6). Chain: pallets/subtensor/src/coinbase/run_coinbase.rs
 * `update_moving_price` at 14bc6f9, in U64F64:
 *
 *   b   = block − (FirstEmissionBlockNumber − 1)          (saturating; blocks since start_call)
 *   a   = SubnetMovingAlpha · (b / (b + EMAPriceHalvingBlocks))
 *   new = a · min(spot, 1) + (1 − a) · old                 stored as I96F32 (truncated)
 *
 * The b/(b + H) ramp keeps a young subnet's EMA (and so its TAO share) near 0 for its first
 * weeks; capping the spot at 1 keeps the EMA in [0, 1].
 */
import { divU64F64, mulU64F64, spotPriceU64F64, U64F64_ONE } from '../amm/spotPrice.ts';
import { nonNegative, saturatingSubU } from './coinbaseFixed.ts';
import { spotPriceFloat } from './spotPriceFloat.ts';
import type { SubnetEconomy } from './subnetEconomy.ts';

const TWO_POW_32 = 4294967296;
const I96F32_MAX = (1n << 127n) - 1n;

/** b: blocks since the block before the first emission block (`start_call`). */
function blocksSinceStartCall(s: SubnetEconomy, block: bigint): bigint {
  const first = s.firstEmissionBlock ?? 0n;
  const startCall = first > 0n ? first - 1n : 0n;
  return saturatingSubU(block, startCall);
}

/** Chain-exact update of `s.movingPriceI96F32` at `block` with base rate `subnetMovingAlphaI96F32`. */
export function updateMovingPrice(s: SubnetEconomy, block: bigint, subnetMovingAlphaI96F32: bigint): void {
  const b = blocksSinceStartCall(s, block) << 64n;
  const ramp = divU64F64(b, b + (s.emaPriceHalvingBlocks << 64n));
  const alpha = mulU64F64(nonNegative(subnetMovingAlphaI96F32) << 32n, ramp);
  const oneMinusAlpha = saturatingSubU(U64F64_ONE, alpha);
  const spot = spotPriceU64F64(s.pool);
  const capped = spot < U64F64_ONE ? spot : U64F64_ONE;
  const old = nonNegative(s.movingPriceI96F32) << 32n;
  const next = (mulU64F64(alpha, capped) + mulU64F64(oneMinusAlpha, old)) >> 32n;
  s.movingPriceI96F32 = next > I96F32_MAX ? I96F32_MAX : next;
}

/** Float mode: the same update in float64, stored back as the nearest-below I96F32 raw. */
export function updateMovingPriceFloat(s: SubnetEconomy, block: bigint, subnetMovingAlpha: number): void {
  const b = Number(blocksSinceStartCall(s, block));
  const den = b + Number(s.emaPriceHalvingBlocks);
  const alpha = subnetMovingAlpha * (den > 0 ? b / den : 0);
  const spot = spotPriceFloat(s.pool);
  const capped = spot < 1 ? spot : 1;
  const old = s.movingPriceI96F32 > 0n ? Number(s.movingPriceI96F32) / TWO_POW_32 : 0;
  const next = alpha * capped + (1 - alpha) * old;
  s.movingPriceI96F32 = BigInt(Math.floor(next * TWO_POW_32));
}
