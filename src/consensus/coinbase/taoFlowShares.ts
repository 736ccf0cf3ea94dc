/**
 * The dormant net-TAO-flow share rule (tokenomics.md §2.3 "Dormant TAO-flow mode", §11.1), as a
 * named alternative to the price-EMA rule (`CoinbaseGlobals.emissionRule = 'tao_flow'`). The
 * chain at 14bc6f9 still carries this function in pallets/subtensor/src/coinbase/subnet_emissions.rs
 * and still records the flow counters (`SubnetTaoFlow`, `SubnetProtocolFlow`) on stake, unstake,
 * registration and injection, but `get_shares` no longer calls it; public docs describe it as the
 * emission rule of an earlier runtime. The spec gives it only in outline, so this is our reading:
 *
 *   per block, for each eligible subnet i (before shares are computed):
 *     u_i ← (1 − α)·u_i + α·userFlow_i       user net TAO inflow: stake + registration − unstake
 *     q_i ← (1 − α)·q_i + α·protocolFlow_i   protocol inflow: TAO injected + TAO spent on chain buys
 *     userFlow_i, protocolFlow_i ← 0
 *   score_i = max(u_i − c·q_i − cutoff, 0)   "normalised protocol cost": the protocol's own inflow,
 *                                            as the same per-block EMA, weighted by c
 *   share_i = (score_i/Σscore)^p / Σ_j (score_j/Σscore)^p
 *   if every score is 0: fall back to the price-EMA rule (a network with no net inflow anywhere
 *   still emits); the emission-enable renormalisation then applies as under the price rule.
 *
 * Parameters (`TaoFlowParams`, defaults from tokenomics.md §9): α = FlowEmaSmoothingFactor /
 * (2^63 − 1) = 29,597,889,189,277/(2^63 − 1) ≈ 3.209e−6 (half-life ≈ 216,000 blocks, 30 days),
 * p = FlowNormExponent = 1, cutoff = TaoFlowCutoff = 0 rao/block, c = protocolCostWeightU16/65535
 * = 1 (rao of protocol inflow cancels a rao of user inflow, so a subnet scores only for TAO that
 * users bring beyond what emission pumps in). Subtracting the protocol's inflow is what keeps the
 * rule from feeding on itself: without it, emission injected into a pool would count as inflow
 * and earn that subnet more emission.
 *
 * Chain mode uses I64F64 for the EMAs (signed: flows can be negative) and U64F64 for the shares,
 * flooring on multiply and truncating on divide as the chain's fixed-point types do; float mode
 * runs the same steps in float64. The EMAs advance once per block, only while the rule is in use.
 */
import { divU64F64, mulU64F64 } from '../amm/spotPrice.ts';
import type { SubnetEconomy, TaoFlowParams } from './subnetEconomy.ts';

const I128_MAX = (1n << 127n) - 1n;
const I128_MIN = -(1n << 127n);
const I64F64_ONE = 1n << 64n;
const I64_MAX = (1n << 63n) - 1n;
const TWO_POW_64 = 18446744073709551616;

function saturateI128(x: bigint): bigint {
  return x > I128_MAX ? I128_MAX : x < I128_MIN ? I128_MIN : x;
}

/** Staking code reports user TAO moving into (+) or out of (−) a subnet: stake, unstake, registration burns. */
export function recordTaoFlow(s: SubnetEconomy, deltaRao: bigint): void {
  s.userFlowBlockRao += deltaRao;
}

/** Protocol TAO moving into (+) or out of (−) a pool: injections and chain buys (+), root-claim sales (−). */
export function recordProtocolFlow(s: SubnetEconomy, deltaRao: bigint): void {
  s.protocolFlowBlockRao += deltaRao;
}

/** α as I64F64 raw: `I64F64(smoothing).safe_div(I64F64(i64::MAX))`. */
export function flowSmoothingI64F64(params: TaoFlowParams): bigint {
  return (params.smoothingRaw << 64n) / I64_MAX;
}

/** Chain mode: one EMA step of both flows for each subnet, then the block counters are cleared. */
export function advanceFlowEmas(subnets: readonly SubnetEconomy[], params: TaoFlowParams): void {
  const alpha = flowSmoothingI64F64(params);
  const keep = I64F64_ONE - alpha;
  for (const s of subnets) {
    s.userFlowEmaI64F64 = saturateI128(((keep * s.userFlowEmaI64F64) >> 64n) + ((alpha * (s.userFlowBlockRao << 64n)) >> 64n));
    s.protocolFlowEmaI64F64 = saturateI128(((keep * s.protocolFlowEmaI64F64) >> 64n) + ((alpha * (s.protocolFlowBlockRao << 64n)) >> 64n));
    s.userFlowBlockRao = 0n;
    s.protocolFlowBlockRao = 0n;
  }
}

/** Float mode: the same EMA step in float64, stored back as I64F64 raws (floored). */
export function advanceFlowEmasFloat(subnets: readonly SubnetEconomy[], params: TaoFlowParams): void {
  const alpha = Number(params.smoothingRaw) / Number(I64_MAX);
  for (const s of subnets) {
    const u = (1 - alpha) * (Number(s.userFlowEmaI64F64) / TWO_POW_64) + alpha * Number(s.userFlowBlockRao);
    const q = (1 - alpha) * (Number(s.protocolFlowEmaI64F64) / TWO_POW_64) + alpha * Number(s.protocolFlowBlockRao);
    s.userFlowEmaI64F64 = BigInt(Math.floor(u * TWO_POW_64));
    s.protocolFlowEmaI64F64 = BigInt(Math.floor(q * TWO_POW_64));
    s.userFlowBlockRao = 0n;
    s.protocolFlowBlockRao = 0n;
  }
}

function checkExponent(params: TaoFlowParams): number {
  const p = params.exponent;
  if (!Number.isInteger(p) || p < 1) throw new RangeError(`tao-flow exponent must be a positive integer, got ${p}`);
  return p;
}

/** score_i as I64F64 raw, clipped at 0. */
function scoreI64F64(s: SubnetEconomy, costWeightI64F64: bigint, cutoffI64F64: bigint): bigint {
  const cost = (costWeightI64F64 * s.protocolFlowEmaI64F64) >> 64n;
  const score = s.userFlowEmaI64F64 - cost - cutoffI64F64;
  return score > 0n ? score : 0n;
}

/**
 * Chain-mode flow shares (U64F64 raws aligned with `subnets`), before emission enable; `null`
 * when every score is 0 (the caller falls back to the price rule).
 */
export function taoFlowSharesU64F64(subnets: readonly SubnetEconomy[], params: TaoFlowParams): bigint[] | null {
  const p = checkExponent(params);
  const costWeight = (BigInt(params.protocolCostWeightU16) << 64n) / 65535n;
  const cutoff = params.cutoffRao << 64n;
  const n = subnets.length;
  const scores: bigint[] = new Array<bigint>(n);
  let total = 0n;
  for (let i = 0; i < n; i++) {
    scores[i] = scoreI64F64(subnets[i]!, costWeight, cutoff);
    total += scores[i]!;
  }
  if (total === 0n) return null;
  let powTotal = 0n;
  for (let i = 0; i < n; i++) {
    const x = divU64F64(scores[i]!, total);
    let y = x;
    for (let k = 1; k < p; k++) y = mulU64F64(y, x);
    scores[i] = y;
    powTotal += y;
  }
  if (powTotal === 0n) return null;
  for (let i = 0; i < n; i++) scores[i] = divU64F64(scores[i]!, powTotal);
  return scores;
}

/** Float-mode flow shares into `out`; returns false (and leaves `out` unspecified) when every score is 0. */
export function taoFlowSharesFloat(subnets: readonly SubnetEconomy[], params: TaoFlowParams, out: Float64Array): boolean {
  const p = checkExponent(params);
  const costWeight = params.protocolCostWeightU16 / 65535;
  const cutoff = Number(params.cutoffRao);
  const n = subnets.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const s = subnets[i]!;
    const score = Number(s.userFlowEmaI64F64) / TWO_POW_64 - costWeight * (Number(s.protocolFlowEmaI64F64) / TWO_POW_64) - cutoff;
    out[i] = score > 0 ? score : 0;
    total += out[i]!;
  }
  if (total === 0) return false;
  let powTotal = 0;
  for (let i = 0; i < n; i++) {
    out[i] = (out[i]! / total) ** p;
    powTotal += out[i]!;
  }
  if (powTotal === 0) return false;
  for (let i = 0; i < n; i++) out[i] = out[i]! / powTotal;
  return true;
}
