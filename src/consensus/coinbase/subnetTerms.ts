/**
 * One subnet's coinbase terms for this block: how much TAO and alpha enter its pool, how much
 * alpha leaves it as emission, and how much TAO is left for a chain buy (tokenomics.md §2.4,
 * conformance.md §8 rule 3). Chain: pallets/subtensor/src/coinbase/run_coinbase.rs
 * `get_subnet_terms` at 14bc6f9, in U96F32:
 *
 *   αE   = E(alpha issuance)              the subnet's own halving law
 *   P    = spot price (U64F64 → U96F32)   1.0 for the stable mechanism
 *   α_in = te / P                         0 if P = 0
 *   cap  = root_prop · αE                 root_prop before anything is minted this block
 *   if α_in > cap: α_in = cap, tao_in = cap · P   else tao_in = te
 *   excess = te − tao_in ;  alpha_out = αE
 *
 * The cap ties injection to root's weight: as alpha issuance grows, root_prop falls and more of
 * the subnet's TAO is spent buying alpha instead of being added as liquidity.
 */
import { spotPriceU64F64 } from '../amm/spotPrice.ts';
import { blockEmissionForIssuanceRao } from '../supply/blockEmission.ts';
import { mulU96F32, safeDivU96F32, saturatingSubU } from './coinbaseFixed.ts';
import { rootProportionFloat, rootProportionU96F32, taoWeightFraction } from './rootProportion.ts';
import { spotPriceFloat } from './spotPriceFloat.ts';
import { alphaIssuanceRao, type CoinbaseGlobals, type SubnetEconomy } from './subnetEconomy.ts';

/** Terms as U96F32 raws (value × 2^32; TAO in rao, alpha in alpha-rao). */
export interface SubnetTermsU96F32 {
  taoIn: bigint;
  alphaIn: bigint;
  alphaOut: bigint;
  excess: bigint;
}

/** Terms as float64 amounts (rao / alpha-rao, not floored). */
export interface SubnetTermsFloat {
  taoIn: number;
  alphaIn: number;
  alphaOut: number;
  excess: number;
  /** αE as the integer the chain mints (alpha_out is always a whole block emission). */
  alphaOutRao: bigint;
}

export function emptyTermsU96F32(): SubnetTermsU96F32 {
  return { taoIn: 0n, alphaIn: 0n, alphaOut: 0n, excess: 0n };
}

export function emptyTermsFloat(): SubnetTermsFloat {
  return { taoIn: 0, alphaIn: 0, alphaOut: 0, excess: 0, alphaOutRao: 0n };
}

/** Chain-exact terms of `s` for a TAO emission `taoEmissionU96F32` (raw); written into `out`. */
export function subnetTermsU96F32(
  globals: Pick<CoinbaseGlobals, 'rootTaoRao' | 'taoWeightRaw'>,
  s: SubnetEconomy,
  taoEmissionU96F32: bigint,
  out: SubnetTermsU96F32 = emptyTermsU96F32(),
): SubnetTermsU96F32 {
  const issuance = alphaIssuanceRao(s);
  const alphaEmission = blockEmissionForIssuanceRao(issuance) << 32n;
  const price = spotPriceU64F64(s.pool) >> 32n;
  let taoIn = taoEmissionU96F32;
  let alphaIn = safeDivU96F32(taoIn, price);
  const cap = mulU96F32(rootProportionU96F32(globals.rootTaoRao, globals.taoWeightRaw, issuance), alphaEmission);
  if (alphaIn > cap) {
    alphaIn = cap;
    taoIn = mulU96F32(cap, price);
  }
  out.taoIn = taoIn;
  out.alphaIn = alphaIn;
  out.alphaOut = alphaEmission;
  out.excess = saturatingSubU(taoEmissionU96F32, taoIn);
  return out;
}

/** Float-mode terms (same steps in float64); `taoEmission` in rao. */
export function subnetTermsFloat(
  globals: Pick<CoinbaseGlobals, 'rootTaoRao' | 'taoWeightRaw'>,
  s: SubnetEconomy,
  taoEmission: number,
  out: SubnetTermsFloat = emptyTermsFloat(),
): SubnetTermsFloat {
  const issuance = alphaIssuanceRao(s);
  const alphaEmissionRao = blockEmissionForIssuanceRao(issuance);
  const alphaEmission = Number(alphaEmissionRao);
  const price = spotPriceFloat(s.pool);
  let taoIn = taoEmission;
  let alphaIn = price > 0 ? taoIn / price : 0;
  const cap = rootProportionFloat(Number(globals.rootTaoRao), taoWeightFraction(globals.taoWeightRaw), Number(issuance)) * alphaEmission;
  if (alphaIn > cap) {
    alphaIn = cap;
    taoIn = cap * price;
  }
  out.taoIn = taoIn;
  out.alphaIn = alphaIn;
  out.alphaOut = alphaEmission;
  out.alphaOutRao = alphaEmissionRao;
  out.excess = taoEmission > taoIn ? taoEmission - taoIn : 0;
  return out;
}
