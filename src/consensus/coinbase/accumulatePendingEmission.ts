/**
 * Mints a subnet's alpha_out for the block and splits it into the four pending accumulators the
 * next epoch drains (tokenomics.md §2.6–§2.7, conformance.md §8 rule 5). Chain:
 * pallets/subtensor/src/coinbase/run_coinbase.rs `emit_to_subnets` (the alpha_out part) at
 * 14bc6f9, in U96F32:
 *
 *   alpha_out += ⌊αE⌋
 *   owner  = αE · cut/65535                     (0 when the subnet's owner cut is disabled)
 *   rest   = αE − owner
 *   root   = root_prop' · rest · 0.5            root_prop' read NOW: issuance includes this block's alpha
 *   server = rest · 0.5
 *   valid  = (rest − server) − root
 *   pending_* += ⌊·⌋ ;  root goes to PendingRootAlphaDivs when root_sell_flag, else it is
 *   recycled (taken back out of SubnetAlphaOut)
 *
 * Each amount is floored on its own, so owner + server + validator + root falls short of αE by
 * at most 3 alpha-rao, and server − (validator + root) is 0 or 1.
 */
import { mulU96F32, ownerCutU96F32, saturatingSubU, U96F32_HALF } from './coinbaseFixed.ts';
import { rootProportionFloat, rootProportionU96F32, taoWeightFraction } from './rootProportion.ts';
import { alphaIssuanceRao, type CoinbaseGlobals, type SubnetEconomy } from './subnetEconomy.ts';

type SplitGlobals = Pick<CoinbaseGlobals, 'rootTaoRao' | 'taoWeightRaw' | 'subnetOwnerCutU16'>;

/**
 * Chain-exact: mints αE (U96F32 raw) into `s` and adds the split to its pending accumulators.
 * Returns the alpha recycled (root alpha when root is not sold), alpha-rao.
 */
export function accumulatePendingEmissionU96F32(globals: SplitGlobals, s: SubnetEconomy, alphaOutU96F32: bigint, rootSellFlag: boolean): bigint {
  const minted = alphaOutU96F32 >> 32n;
  s.alphaOutRao += minted;
  s.alphaOutEmissionRao = minted;
  const ownerCut = s.ownerCutEnabled ? mulU96F32(alphaOutU96F32, ownerCutU96F32(globals.subnetOwnerCutU16)) : 0n;
  const rest = saturatingSubU(alphaOutU96F32, ownerCut);
  const rootProp = rootProportionU96F32(globals.rootTaoRao, globals.taoWeightRaw, alphaIssuanceRao(s));
  const root = mulU96F32(mulU96F32(rootProp, rest), U96F32_HALF);
  const server = mulU96F32(rest, U96F32_HALF);
  const validator = saturatingSubU(saturatingSubU(rest, server), root);
  s.pendingOwnerCutRao += ownerCut >> 32n;
  s.pendingServerRao += server >> 32n;
  s.pendingValidatorRao += validator >> 32n;
  const rootRao = root >> 32n;
  if (rootSellFlag) {
    s.pendingRootRao += rootRao;
    return 0n;
  }
  s.alphaOutRao -= rootRao;
  return rootRao;
}

/**
 * Float mode: the same split in float64, each amount floored to alpha-rao. `alphaOutRao` is αE as
 * the integer the chain mints. Returns the alpha recycled.
 */
export function accumulatePendingEmissionFloat(globals: SplitGlobals, s: SubnetEconomy, alphaOutRao: bigint, rootSellFlag: boolean): bigint {
  s.alphaOutRao += alphaOutRao;
  s.alphaOutEmissionRao = alphaOutRao;
  const alphaOut = Number(alphaOutRao);
  const ownerCut = s.ownerCutEnabled ? (alphaOut * globals.subnetOwnerCutU16) / 65535 : 0;
  const rest = alphaOut - ownerCut;
  const rootProp = rootProportionFloat(Number(globals.rootTaoRao), taoWeightFraction(globals.taoWeightRaw), Number(alphaIssuanceRao(s)));
  const root = rootProp * rest * 0.5;
  const server = rest * 0.5;
  const validator = rest - server - root;
  if (ownerCut > 0) s.pendingOwnerCutRao += BigInt(Math.floor(ownerCut));
  s.pendingServerRao += BigInt(Math.floor(server));
  if (validator > 0) s.pendingValidatorRao += BigInt(Math.floor(validator));
  const rootRao = root > 0 ? BigInt(Math.floor(root)) : 0n;
  if (rootSellFlag) {
    s.pendingRootRao += rootRao;
    return 0n;
  }
  s.alphaOutRao -= rootRao;
  return rootRao;
}
