/**
 * How block TAO is split among the eligible subnets under the active rule: shares of the EMA
 * price, discounted by the share of miner incentive the subnet withheld (`MinerBurned`), then
 * renormalised over the subnets whose TAO side is enabled (tokenomics.md §2.3, conformance.md §8
 * rule 2 / §9). Chain: pallets/subtensor/src/coinbase/subnet_emissions.rs (`get_shares`,
 * `get_subnet_block_emissions`) and run_coinbase.rs (`get_network_root_sell_flag`) at 14bc6f9.
 *
 * Chain mode works in U64F64 raws exactly as the chain rounds: p_i/Σp (truncating), ×(1 − b_i)
 * (floor), /Σw (truncating), the enabled renormalisation (truncating), E × share (floor) narrowed
 * to U96F32. Float mode runs the same steps in float64.
 */
import { divU64F64, mulU64F64, U64F64_ONE } from '../amm/spotPrice.ts';
import { nonNegative } from './coinbaseFixed.ts';
import type { SubnetEconomy } from './subnetEconomy.ts';

const U128_MAX = (1n << 128n) - 1n;
const TWO_POW_32 = 4294967296;

/** p_i: the EMA price as U64F64 (I96F32 → U64F64, negative saturating at 0); 1.0 for the stable mechanism. */
export function emissionPriceU64F64(s: SubnetEconomy): bigint {
  if (s.pool.mechanism === 0) return U64F64_ONE;
  const p = nonNegative(s.movingPriceI96F32) << 32n;
  return p > U128_MAX ? U128_MAX : p;
}

/** p_i as a float64. */
export function emissionPrice(s: SubnetEconomy): number {
  if (s.pool.mechanism === 0) return 1;
  const p = Number(s.movingPriceI96F32) / TWO_POW_32;
  return p > 0 ? p : 0;
}

/** b_i = min(MinerBurned, 1) as U64F64. */
function minerBurnedU64F64(s: SubnetEconomy): bigint {
  const b = nonNegative(s.minerBurnedU96F32) << 32n;
  return b > U64F64_ONE ? U64F64_ONE : b;
}

/**
 * Price-EMA shares (U64F64 raws, aligned with `subnets`), before the emission-enable step.
 * s_i = p_i/Σp (0 if Σp = 0); w_i = s_i·(1 − b_i); share_i = w_i/Σw, or s_i when Σw = 0.
 */
export function priceSharesU64F64(subnets: readonly SubnetEconomy[]): bigint[] {
  const n = subnets.length;
  const p: bigint[] = new Array<bigint>(n);
  let sumP = 0n;
  for (let i = 0; i < n; i++) {
    p[i] = emissionPriceU64F64(subnets[i]!);
    sumP += p[i]!;
  }
  const s: bigint[] = new Array<bigint>(n);
  const w: bigint[] = new Array<bigint>(n);
  let sumW = 0n;
  for (let i = 0; i < n; i++) {
    s[i] = divU64F64(p[i]!, sumP);
    w[i] = mulU64F64(s[i]!, U64F64_ONE - minerBurnedU64F64(subnets[i]!));
    sumW += w[i]!;
  }
  if (sumW === 0n) return s;
  for (let i = 0; i < n; i++) w[i] = divU64F64(w[i]!, sumW);
  return w;
}

/** Float64 price-EMA shares into `out` (same steps as `priceSharesU64F64`). */
export function priceSharesFloat(subnets: readonly SubnetEconomy[], out: Float64Array): Float64Array {
  const n = subnets.length;
  let sumP = 0;
  for (let i = 0; i < n; i++) {
    const p = emissionPrice(subnets[i]!);
    out[i] = p;
    sumP += p;
  }
  let sumW = 0;
  for (let i = 0; i < n; i++) {
    const s = subnets[i]!;
    const share = sumP > 0 ? out[i]! / sumP : 0;
    out[i] = share;
    const burned = s.minerBurnedU96F32 <= 0n ? 0 : Math.min(Number(s.minerBurnedU96F32) / TWO_POW_32, 1);
    sumW += share * (1 - burned);
  }
  if (sumW === 0) return out;
  for (let i = 0; i < n; i++) {
    const s = subnets[i]!;
    const burned = s.minerBurnedU96F32 <= 0n ? 0 : Math.min(Number(s.minerBurnedU96F32) / TWO_POW_32, 1);
    out[i] = (out[i]! * (1 - burned)) / sumW;
  }
  return out;
}

/**
 * Emission enable: when any of the subnets has its TAO side disabled, disabled subnets get 0
 * and enabled ones share_i / Σ enabled shares (0 if that sum is 0). With every subnet enabled the
 * shares are returned unchanged (no renormalisation, so no rounding either). In place.
 */
export function applyEmissionEnabledU64F64(subnets: readonly SubnetEconomy[], shares: bigint[]): bigint[] {
  let anyDisabled = false;
  let sumEnabled = 0n;
  for (let i = 0; i < subnets.length; i++) {
    if (subnets[i]!.emissionEnabled) sumEnabled += shares[i]!;
    else anyDisabled = true;
  }
  if (!anyDisabled) return shares;
  for (let i = 0; i < subnets.length; i++) shares[i] = subnets[i]!.emissionEnabled ? divU64F64(shares[i]!, sumEnabled) : 0n;
  return shares;
}

export function applyEmissionEnabledFloat(subnets: readonly SubnetEconomy[], shares: Float64Array): Float64Array {
  let anyDisabled = false;
  let sumEnabled = 0;
  for (let i = 0; i < subnets.length; i++) {
    if (subnets[i]!.emissionEnabled) sumEnabled += shares[i]!;
    else anyDisabled = true;
  }
  if (!anyDisabled) return shares;
  for (let i = 0; i < subnets.length; i++) shares[i] = subnets[i]!.emissionEnabled && sumEnabled > 0 ? shares[i]! / sumEnabled : 0;
  return shares;
}

/** The active rule end to end: price shares, then emission enable (U64F64 raws aligned with `subnets`). */
export function subnetEmissionSharesU64F64(subnets: readonly SubnetEconomy[]): bigint[] {
  return applyEmissionEnabledU64F64(subnets, priceSharesU64F64(subnets));
}

export function subnetEmissionSharesFloat(subnets: readonly SubnetEconomy[], out: Float64Array): Float64Array {
  return applyEmissionEnabledFloat(subnets, priceSharesFloat(subnets, out));
}

/** tao_emission_i = E × share_i in U64F64 (floor), narrowed to U96F32 (floor): U96F32 raw. */
export function taoEmissionU96F32(blockEmissionRao: bigint, shareU64F64: bigint): bigint {
  return mulU64F64(blockEmissionRao << 64n, shareU64F64) >> 32n;
}

/** `root_sell_flag`: Σ p_i over the eligible subnets > 1 (root alpha is sold only then). */
export function rootSellFlag(subnets: readonly SubnetEconomy[]): boolean {
  let sum = 0n;
  for (const s of subnets) sum += emissionPriceU64F64(s);
  return sum > U64F64_ONE;
}

/** Float mode's `root_sell_flag`. */
export function rootSellFlagFloat(subnets: readonly SubnetEconomy[]): boolean {
  let sum = 0;
  for (const s of subnets) sum += emissionPrice(s);
  return sum > 1;
}
