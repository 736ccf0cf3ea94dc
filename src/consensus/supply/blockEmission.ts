/**
 * Block emission as a function of issuance: the TAO halving law (shared/spec/tokenomics.md §1.2–§1.3,
 * conformance.md §6). The same law gives each subnet's alpha emission from its alpha issuance (§2.4).
 * Chain: pallets/subtensor/src/coinbase/block_emission.rs `get_block_emission_for_issuance` at 14bc6f9.
 *
 * The chain evaluates k = floor(log2(1/(1 − I/S))) in I96F32; the spec shows that it equals the exact
 * integer rule k = max{k : S ≥ (S − I)·2^k} at every point, which holds iff I ≥ T_k with
 * T_k = S − floor(S/2^k) = ceil(S·(1 − 2^−k)). This runs once per subnet per block in long
 * simulations, so instead of doubling 2^k we binary-search a precomputed table of thresholds.
 */
import { assert } from '../../primitives/assert.ts';

/** `TotalSupply` = `MAX_TAO_ISSUANCE`: 21 M TAO in rao; also the cap of every subnet's alpha. */
export const MAX_TAO_ISSUANCE_RAO = 21_000_000_000_000_000n;

/** `DefaultBlockEmission`: 1 TAO per block before any halving. */
export const DEFAULT_BLOCK_EMISSION_RAO = 1_000_000_000n;

/**
 * First k whose threshold is the cap itself (floor(S/2^55) = 0). Every issuance ≥ S has "all"
 * halvings; `halvingIndexForIssuance` reports this index for it so the index stays finite.
 */
export const HALVING_INDEX_AT_CAP = 55;

/** First k at which floor(10^9 / 2^k) is 0: minting stops for good (about 0.0196 TAO below the cap). */
export const FIRST_ZERO_EMISSION_HALVING = 30;

const S = MAX_TAO_ISSUANCE_RAO;

/** T_k for k = 0..HALVING_INDEX_AT_CAP, strictly increasing, T_0 = 0 and T_55 = S. */
const THRESHOLDS: readonly bigint[] = Array.from({ length: HALVING_INDEX_AT_CAP + 1 }, (_, k) => S - (S >> BigInt(k)));

/** floor(10^9 / 2^k) for k < 30; the chain's "0 for k > 32" never matters since 2^30 > 10^9. */
const EMISSIONS: readonly bigint[] = Array.from({ length: FIRST_ZERO_EMISSION_HALVING }, (_, k) => DEFAULT_BLOCK_EMISSION_RAO >> BigInt(k));

const ZERO_EMISSION_FROM = THRESHOLDS[FIRST_ZERO_EMISSION_HALVING]!;

/** I_k = ceil(S·(1 − 2^−k)), the smallest issuance with k halvings (k ≥ 0). */
export function halvingThresholdRao(k: number): bigint {
  assert(Number.isInteger(k) && k >= 0, () => `halving index must be a non-negative integer, got ${k}`);
  return k >= HALVING_INDEX_AT_CAP ? S : THRESHOLDS[k]!;
}

/** Emission per block from halving k on: floor(10^9 / 2^k), 0 from k = 30. */
export function blockEmissionForHalvingRao(k: number): bigint {
  assert(Number.isInteger(k) && k >= 0, () => `halving index must be a non-negative integer, got ${k}`);
  return k < FIRST_ZERO_EMISSION_HALVING ? EMISSIONS[k]! : 0n;
}

/** Largest k in [lo, hi] with THRESHOLDS[k] ≤ issuance, given THRESHOLDS[lo] ≤ issuance. */
function searchThresholds(issuanceRao: bigint, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (THRESHOLDS[mid]! <= issuanceRao) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Number of halvings so far: the largest k with S ≥ (S − I)·2^k, i.e. I ≥ I_k. For I ≥ S every k
 * qualifies; the result is then HALVING_INDEX_AT_CAP.
 */
export function halvingIndexForIssuance(issuanceRao: bigint): number {
  assert(issuanceRao >= 0n, () => `issuance must be ≥ 0, got ${issuanceRao}`);
  return searchThresholds(issuanceRao, 0, HALVING_INDEX_AT_CAP);
}

/** E(I): rao minted per block at issuance I (0 at and above the cap). */
export function blockEmissionForIssuanceRao(issuanceRao: bigint): bigint {
  assert(issuanceRao >= 0n, () => `issuance must be ≥ 0, got ${issuanceRao}`);
  if (issuanceRao >= ZERO_EMISSION_FROM) return 0n;
  return EMISSIONS[searchThresholds(issuanceRao, 0, FIRST_ZERO_EMISSION_HALVING - 1)]!;
}

/**
 * What a block actually mints at issuance I: E(I) clipped to the room left under the cap
 * (tokenomics.md §1.1), never negative. E(I) < S − I for every I < S, so the clip only bites at
 * or above the cap, but the chain applies it and so do we.
 */
export function mintForBlockRao(issuanceRao: bigint): bigint {
  const room = S - issuanceRao;
  if (room <= 0n) return 0n;
  const e = blockEmissionForIssuanceRao(issuanceRao);
  return e < room ? e : room;
}
