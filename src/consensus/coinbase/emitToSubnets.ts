/**
 * Emits one block to the eligible subnets, given each one's TAO emission: terms, injection and
 * chain buy, then alpha_out and its split into pending emission (tokenomics.md §2.4–§2.7,
 * conformance.md §8 rules 3–5). Chain: pallets/subtensor/src/coinbase/run_coinbase.rs
 * `emit_to_subnets` at 14bc6f9.
 *
 * The chain runs each phase over all subnets before the next; every phase of subnet i reads only
 * subnet i (and root's TAO, which the coinbase does not move) plus the shared credit, which only
 * the injection phase spends in netuid order, so doing all phases per subnet in netuid order is
 * the same computation with one pass.
 */
import type { NumericMode } from '../epoch/arithmetic.ts';
import { accumulatePendingEmissionFloat, accumulatePendingEmissionU96F32 } from './accumulatePendingEmission.ts';
import { newCoinbaseTally, type CoinbaseTally } from './coinbaseTally.ts';
import { FLOAT_POOL_MATH } from '../amm/poolMath.ts';
import { injectAndMaybeSwap } from './injectAndMaybeSwap.ts';
import type { CoinbaseGlobals, SubnetEconomy } from './subnetEconomy.ts';
import { emptyTermsFloat, emptyTermsU96F32, subnetTermsFloat, subnetTermsU96F32 } from './subnetTerms.ts';

type EmitGlobals = Pick<CoinbaseGlobals, 'rootTaoRao' | 'taoWeightRaw' | 'subnetOwnerCutU16' | 'minimumReserveRao'>;

const termsU96F32 = emptyTermsU96F32();
const termsFloat = emptyTermsFloat();

/** Chain mode: `taoEmissionU96F32[i]` is subnet i's TAO emission as a U96F32 raw. */
export function emitToSubnetsU96F32(
  globals: EmitGlobals,
  subnets: readonly SubnetEconomy[],
  taoEmissionU96F32: readonly bigint[],
  rootSellFlag: boolean,
  tally: CoinbaseTally,
): CoinbaseTally {
  for (let i = 0; i < subnets.length; i++) {
    const s = subnets[i]!;
    const t = subnetTermsU96F32(globals, s, taoEmissionU96F32[i] ?? 0n, termsU96F32);
    const alphaOut = t.alphaOut;
    injectAndMaybeSwap(s, t.taoIn >> 32n, t.alphaIn >> 32n, t.excess >> 32n, globals.minimumReserveRao, tally);
    tally.recycledAlphaRao += accumulatePendingEmissionU96F32(globals, s, alphaOut, rootSellFlag);
    tally.alphaOutRao += s.alphaOutEmissionRao;
  }
  return tally;
}

/** Float mode: `taoEmission[i]` is subnet i's TAO emission in rao (float64, not floored). */
export function emitToSubnetsFloat(
  globals: EmitGlobals,
  subnets: readonly SubnetEconomy[],
  taoEmission: Float64Array,
  rootSellFlag: boolean,
  tally: CoinbaseTally,
): CoinbaseTally {
  for (let i = 0; i < subnets.length; i++) {
    const s = subnets[i]!;
    const t = subnetTermsFloat(globals, s, taoEmission[i] ?? 0, termsFloat);
    const alphaOutRao = t.alphaOutRao;
    injectAndMaybeSwap(s, floorRao(t.taoIn), floorRao(t.alphaIn), floorRao(t.excess), globals.minimumReserveRao, tally, FLOAT_POOL_MATH);
    tally.recycledAlphaRao += accumulatePendingEmissionFloat(globals, s, alphaOutRao, rootSellFlag);
    tally.alphaOutRao += alphaOutRao;
  }
  return tally;
}

/** A non-negative float amount floored to integer rao. */
export function floorRao(x: number): bigint {
  return x >= 1 ? BigInt(Math.floor(x)) : 0n;
}

/**
 * Either mode, with the emission given as U96F32 raws (the conformance op `emit_to_subnets`):
 * spends `creditRao` and returns the tally; whatever credit is left is the caller's to recycle.
 */
export function emitToSubnets(
  globals: EmitGlobals,
  subnets: readonly SubnetEconomy[],
  taoEmissionU96F32: readonly bigint[],
  rootSellFlag: boolean,
  creditRao: bigint,
  mode: NumericMode,
): CoinbaseTally {
  const tally = newCoinbaseTally(creditRao);
  if (mode === 'chain') return emitToSubnetsU96F32(globals, subnets, taoEmissionU96F32, rootSellFlag, tally);
  const te = Float64Array.from(taoEmissionU96F32, (x) => Number(x) / 4294967296);
  return emitToSubnetsFloat(globals, subnets, te, rootSellFlag, tally);
}
