/**
 * One block of the chain, in the order of tokenomics.md §2.1 (pallets/subtensor/src/coinbase/
 * block_step.rs `block_step` and run_coinbase.rs at 14bc6f9):
 *
 *   1. every subnet's registration burn decays one step; registrations-this-block reset;
 *   2. mint E(TotalIssuance), clipped to the cap;
 *   4. the coinbase: shares from the previous block's EMA prices, injections, chain buys, alpha
 *      into pending, recycling of the unspent credit — then the EMA prices move (step 5; nothing
 *      later in the block reads them);
 *   4f. the epoch scheduler drains due subnets; each one's due timelocked weight commits are
 *      revealed (step 3, weightCommits.ts), then its epoch runs and is distributed
 *      (runDueEpoch.ts), which also applies due childkey changes (step 7);
 *   8. root dividends are auto-claimed for 5 root-staking coldkeys (autoClaimRoot.ts).
 *
 * Not modelled here: `RootProp` storage (step 6, informational).
 */
import type { Arena } from '../../primitives/arena.ts';
import { CoinbaseWorkspace, runCoinbase, type CoinbaseResult } from '../coinbase/runCoinbase.ts';
import { drainDueEpochs } from '../coinbase/epochSchedule.ts';
import type { SubnetEconomy } from '../coinbase/subnetEconomy.ts';
import { decayBurnRao } from '../subnets/registrationBurn.ts';
import { mintForBlockRao } from '../supply/blockEmission.ts';
import { autoClaimRoot } from './autoClaimRoot.ts';
import { subnetOf, type ChainState, type SubnetChain } from './chainState.ts';
import { runDueEpoch, type EpochReport } from './runDueEpoch.ts';
import { revealDueCommits } from './weightCommits.ts';

export interface BlockReport {
  readonly block: number;
  readonly mintedRao: bigint;
  readonly coinbase: CoinbaseResult;
  readonly epochs: readonly EpochReport[];
  /** Subnets whose epoch was due but deferred to the next block by the per-block cap. */
  readonly deferred: readonly number[];
  /** Subnets whose epoch slot was used but skipped (duplicate hotkeys). */
  readonly skipped: readonly number[];
  /** Root-dividend claims the auto-claim paid this block. */
  readonly rootClaims: number;
}

/** Memory reused from block to block (a simulation runs millions of blocks). */
export class BlockWorkspace {
  readonly coinbase = new CoinbaseWorkspace();
  economies: SubnetEconomy[] = [];
  /**
   * Arena for the epochs; absent = each epoch allocates. With an arena, an epoch's `output` is valid
   * only until the next epoch: read it in `onEpoch`.
   */
  epochArena: Arena | undefined;
  /** Called right before each subnet's epoch (after the scheduler drained it). */
  beforeEpoch: ((subnet: SubnetChain) => void) | undefined;
  /** Called right after each epoch of the block, before the next one runs. */
  onEpoch: ((report: EpochReport) => void) | undefined;
}

/** The subnets' economies in netuid order, rebuilt only when the subnet list changed. */
function economiesOf(state: ChainState, ws: BlockWorkspace): SubnetEconomy[] {
  const list = ws.economies;
  let same = list.length === state.subnets.length;
  for (let i = 0; same && i < list.length; i++) same = list[i] === state.subnets[i]!.economy;
  if (!same) ws.economies = state.subnets.map((s) => s.economy);
  return ws.economies;
}

/** Runs the next block; mutates `state` and returns what happened. */
export function stepBlock(state: ChainState, ws: BlockWorkspace = new BlockWorkspace()): BlockReport {
  state.block += 1;
  const block = state.block;
  const blockBig = BigInt(block);
  const g = state.globals;

  for (const s of state.subnets) {
    const reg = s.registration;
    reg.burnRao = decayBurnRao(reg.burnRao, blockBig, reg);
    reg.registrationsThisBlock = 0;
  }

  const mintedRao = mintForBlockRao(g.totalIssuanceRao);
  state.totals.mintedTaoRao += mintedRao;
  // Root TAO and total stake are derived from the pools rather than tracked by every operation.
  g.rootTaoRao = state.root.pool.taoReserveRao;
  let stake = g.rootTaoRao;
  for (const s of state.subnets) stake += s.economy.pool.taoReserveRao;
  g.totalStakeRao = stake;

  const economies = economiesOf(state, ws);
  const coinbase = runCoinbase(g, economies, mintedRao, blockBig, state.mode, ws.coinbase);
  state.totals.recycledTaoRao += coinbase.recycledTaoRao;

  const drain = drainDueEpochs(economies, blockBig, g.maxEpochsPerBlock);
  const epochs: EpochReport[] = [];
  for (const d of drain.ran) {
    const subnet = subnetOf(state, d.netuid)!;
    ws.beforeEpoch?.(subnet);
    // Timelocked commits due at this epoch are revealed before it computes (spec/yuma.md §5.2).
    if (subnet.pendingCommits.length > 0) revealDueCommits(state, subnet);
    const report = runDueEpoch(state, subnet, d, ws.epochArena);
    ws.onEpoch?.(report);
    epochs.push(report);
  }
  const rootClaims = autoClaimRoot(state);
  return { block, mintedRao, coinbase, epochs, deferred: drain.deferred, skipped: drain.skipped, rootClaims };
}
