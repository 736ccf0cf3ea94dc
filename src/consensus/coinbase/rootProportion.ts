/**
 * root_prop = τR / (τR + A): the share of a subnet's validator emission that belongs to root
 * stakers, and the cap on how much alpha the coinbase may inject (tokenomics.md §2.4, §2.6;
 * conformance.md §8 rules 3 and 5). Chain: pallets/subtensor/src/coinbase/run_coinbase.rs
 * `root_proportion` at 14bc6f9, in U96F32: τ = TaoWeight/(2^64 − 1) (truncating), R·τ (floor),
 * then `checked_div` (truncating, 0 when the denominator is 0). R is `SubnetTAO[root]` and A the
 * subnet's alpha issuance, read when called — the chain evaluates it twice per block, before and
 * after the block's alpha is minted (tokenomics.md §11.4).
 */
import { safeDivU96F32, taoWeightU96F32 } from './coinbaseFixed.ts';

/** root_prop as a U96F32 raw, for the given root TAO, tao weight and alpha issuance. */
export function rootProportionU96F32(rootTaoRao: bigint, taoWeightRaw: bigint, alphaIssuanceRao: bigint): bigint {
  // from_num(R) · τ = (R·2^32)·τ_raw / 2^32 = R·τ_raw exactly (R is an integer).
  const weighted = rootTaoRao * taoWeightU96F32(taoWeightRaw);
  return safeDivU96F32(weighted, weighted + (alphaIssuanceRao << 32n));
}

/** Float mode: τR / (τR + A), 0 when both are 0. `taoWeight` is the fraction raw/(2^64 − 1). */
export function rootProportionFloat(rootTao: number, taoWeight: number, alphaIssuance: number): number {
  const weighted = rootTao * taoWeight;
  const den = weighted + alphaIssuance;
  return den > 0 ? weighted / den : 0;
}

/** τ as a float64 fraction. */
export function taoWeightFraction(taoWeightRaw: bigint): number {
  return Number(taoWeightRaw) / 18446744073709551615;
}
