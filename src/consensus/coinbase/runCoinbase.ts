/**
 * One block's coinbase: split the block's minted TAO among the eligible subnets, inject it into
 * their pools (or chain-buy with it), mint each subnet's alpha into its pool and into pending
 * emission, recycle whatever was not spent, then move the EMA prices (tokenomics.md §2.1 step 4–5,
 * conformance.md §8). Chain: pallets/subtensor/src/coinbase/run_coinbase.rs `run_coinbase` at
 * 14bc6f9, without `drain_pending` (see epochSchedule.ts: the caller runs the scheduler, the
 * epochs and the distribution after this; none of them reads what the moving-price update writes).
 *
 * Per block: eligible subnets (netuid order) → the emission rule advances its state (tao_flow: the
 * flow EMAs; emissionRules.ts) → shares and tao_emission_i = E·share_i (price rule: from the EMA
 * prices left by the previous block) → root_sell_flag = Σ p_i > 1 → emit_to_subnets → recycle the
 * leftover credit → update the EMA prices.
 *
 * `mode` 'chain' is bit-exact; 'float' computes shares, prices, root_prop, terms and the moving
 * price in float64 and floors amounts to integer rao where the chain does (the pool injection and
 * the chain buy use the AMM's exact functions in both modes).
 */
import type { NumericMode } from '../epoch/arithmetic.ts';
import { newCoinbaseTally, resetCoinbaseTally, type CoinbaseTally } from './coinbaseTally.ts';
import { emitToSubnetsFloat, emitToSubnetsU96F32 } from './emitToSubnets.ts';
import type { CoinbaseGlobals, SubnetEconomy } from './subnetEconomy.ts';
import { subnetBlockEmissionsFloat, subnetBlockEmissionsU96F32 } from './subnetBlockEmissions.ts';
import { rootSellFlag, rootSellFlagFloat } from './subnetEmissionShares.ts';
import { isEligibleForEmission } from './subnetsToEmitTo.ts';
import { emissionRuleOf } from './emissionRules.ts';
import { updateMovingPrice, updateMovingPriceFloat } from './updateMovingPrice.ts';

export interface CoinbaseResult {
  /** The credit the block minted and handed to the coinbase, rao. */
  mintedRao: bigint;
  /** Credit left unspent and recycled (TotalIssuance goes down by it), rao. */
  recycledTaoRao: bigint;
  /** TAO injected into pools as liquidity, rao. */
  injectedTaoRao: bigint;
  /** TAO spent on chain buys, rao. */
  chainBuyTaoRao: bigint;
  /** TAO taken for chain buys that the pools refused (stays on the subnet accounts), rao. */
  strandedTaoRao: bigint;
  /** ΔTotalIssuance = minted − recycled, rao. */
  totalIssuanceDeltaRao: bigint;
  /** ΔTotalStake = injected + chain buys, rao. */
  totalStakeDeltaRao: bigint;
  /** Alpha injected into pools, summed over subnets (each in its own alpha-rao). */
  injectedAlphaRao: bigint;
  /** Alpha bought by chain buys (protocol alpha), summed over subnets. */
  chainBoughtAlphaRao: bigint;
  /** alpha_out minted, summed over subnets. */
  alphaOutRao: bigint;
  /** Root alpha recycled (root not sold), summed over subnets. */
  recycledAlphaRao: bigint;
  /** Σ EMA prices > 1 this block: root alpha went to pending root dividends instead of being recycled. */
  rootSellFlag: boolean;
  /** How many subnets were eligible. */
  eligibleCount: number;
}

/**
 * Memory a simulation reuses from block to block. A result computed with a workspace is
 * overwritten by the next `runCoinbase` that uses the same workspace.
 */
export class CoinbaseWorkspace {
  eligible: SubnetEconomy[] = [];
  emission: Float64Array = new Float64Array(0);
  readonly tally: CoinbaseTally = newCoinbaseTally(0n);
  readonly result: CoinbaseResult = emptyResult();
}

function emptyResult(): CoinbaseResult {
  return {
    mintedRao: 0n,
    recycledTaoRao: 0n,
    injectedTaoRao: 0n,
    chainBuyTaoRao: 0n,
    strandedTaoRao: 0n,
    totalIssuanceDeltaRao: 0n,
    totalStakeDeltaRao: 0n,
    injectedAlphaRao: 0n,
    chainBoughtAlphaRao: 0n,
    alphaOutRao: 0n,
    recycledAlphaRao: 0n,
    rootSellFlag: false,
    eligibleCount: 0,
  };
}

/** Fills `ws.eligible` with the eligible subnets in netuid order, without allocating. */
function collectEligible(subnets: readonly SubnetEconomy[], ws: CoinbaseWorkspace): SubnetEconomy[] {
  const out = ws.eligible;
  out.length = 0;
  let sorted = true;
  for (const s of subnets) {
    if (!isEligibleForEmission(s)) continue;
    if (out.length > 0 && out[out.length - 1]!.netuid >= s.netuid) sorted = false;
    out.push(s);
  }
  if (!sorted) out.sort((a, b) => a.netuid - b.netuid);
  return out;
}

/**
 * Runs the coinbase of `block` with `blockEmissionRao` minted (normally
 * `mintForBlockRao(globals.totalIssuanceRao)` from supply/blockEmission.ts). Mutates the subnets
 * and `globals.totalIssuanceRao` / `globals.totalStakeRao`; returns what moved where.
 */
export function runCoinbase(
  globals: CoinbaseGlobals,
  subnets: readonly SubnetEconomy[],
  blockEmissionRao: bigint,
  block: bigint,
  mode: NumericMode = 'chain',
  workspace?: CoinbaseWorkspace,
): CoinbaseResult {
  const ws = workspace ?? new CoinbaseWorkspace();
  const eligible = collectEligible(subnets, ws);
  const tally = resetCoinbaseTally(ws.tally, blockEmissionRao);
  const rule = emissionRuleOf(globals.emissionRule);
  let sellRoot: boolean;
  if (mode === 'chain') {
    rule.advance(eligible, globals, mode);
    const { emissions } = subnetBlockEmissionsU96F32(globals, eligible, blockEmissionRao);
    sellRoot = rootSellFlag(eligible);
    emitToSubnetsU96F32(globals, eligible, emissions, sellRoot, tally);
    for (const s of eligible) updateMovingPrice(s, block, globals.subnetMovingAlphaI96F32);
  } else {
    rule.advance(eligible, globals, mode);
    if (ws.emission.length < eligible.length) ws.emission = new Float64Array(Math.max(eligible.length, 2 * ws.emission.length));
    const emission = subnetBlockEmissionsFloat(globals, eligible, Number(blockEmissionRao), ws.emission);
    sellRoot = rootSellFlagFloat(eligible);
    emitToSubnetsFloat(globals, eligible, emission, sellRoot, tally);
    const movingAlpha = Math.max(0, Number(globals.subnetMovingAlphaI96F32) / 4294967296);
    for (const s of eligible) updateMovingPriceFloat(s, block, movingAlpha);
  }

  const r = workspace === undefined ? emptyResult() : ws.result;
  r.mintedRao = blockEmissionRao;
  r.recycledTaoRao = tally.creditRao;
  r.injectedTaoRao = tally.injectedTaoRao;
  r.chainBuyTaoRao = tally.chainBuyTaoRao;
  r.strandedTaoRao = tally.strandedTaoRao;
  r.totalIssuanceDeltaRao = blockEmissionRao - tally.creditRao;
  r.totalStakeDeltaRao = tally.injectedTaoRao + tally.chainBuyTaoRao;
  r.injectedAlphaRao = tally.injectedAlphaRao;
  r.chainBoughtAlphaRao = tally.chainBoughtAlphaRao;
  r.alphaOutRao = tally.alphaOutRao;
  r.recycledAlphaRao = tally.recycledAlphaRao;
  r.rootSellFlag = sellRoot;
  r.eligibleCount = eligible.length;
  globals.totalIssuanceRao += r.totalIssuanceDeltaRao;
  globals.totalStakeRao += r.totalStakeDeltaRao;
  return r;
}
