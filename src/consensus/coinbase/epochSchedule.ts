/**
 * When each subnet's epoch runs, and taking its pending emission out for it (tokenomics.md §3.1,
 * conformance.md §13). Chain: pallets/subtensor/src/coinbase/run_coinbase.rs (`drain_pending`,
 * `should_run_epoch`, `blocks_until_next_epoch`) and block_step.rs at 14bc6f9.
 *
 * Every block, in netuid order: BlocksSinceLastStep += 1; a subnet is due iff tempo > 0 and
 * (an owner-triggered or deferred epoch is due, PendingEpochAt > 0 and block ≥ it) or
 * (BlocksSinceLastStep > 50,400) or (block − LastEpochBlock ≥ tempo). Only MaxEpochsPerBlock due
 * subnets get a slot; the rest are deferred to the next block (PendingEpochAt = block + 1), which
 * spreads a burst of simultaneous epochs over several blocks. A slot sets LastEpochBlock = block,
 * clears PendingEpochAt and bumps the epoch index; if the subnet's hotkeys are consistent the epoch
 * runs — BlocksSinceLastStep = 0 and the four pending accumulators are drained — otherwise it is
 * skipped and the pending emission keeps growing.
 *
 * Running the epoch and distributing what was drained is the caller's job; this module only decides
 * and drains.
 */
import type { SubnetEconomy } from './subnetEconomy.ts';

export const U64_MAX = (1n << 64n) - 1n;

/** An epoch is forced once this many blocks passed without a successful one (`> 50,400`). */
export const MAX_BLOCKS_WITHOUT_EPOCH = 50_400n;

/**
 * `blocks_until_next_epoch`: LastEpochBlock + tempo − block, saturating at 0 and u64::MAX;
 * u64::MAX when tempo is 0 (never).
 */
export function blocksUntilNextEpoch(lastEpochBlock: bigint, tempoBlocks: number, block: bigint): bigint {
  if (tempoBlocks === 0) return U64_MAX;
  let next = lastEpochBlock + BigInt(tempoBlocks);
  if (next > U64_MAX) next = U64_MAX;
  return next > block ? next - block : 0n;
}

/** Whether `s` is due at `block` (after this block's BlocksSinceLastStep increment). */
export function isEpochDue(s: SubnetEconomy, block: bigint): boolean {
  if (s.tempoBlocks === 0) return false;
  if (s.pendingEpochAt > 0n && block >= s.pendingEpochAt) return true;
  if (s.blocksSinceLastStep > MAX_BLOCKS_WITHOUT_EPOCH) return true;
  return block >= s.lastEpochBlock && block - s.lastEpochBlock >= BigInt(s.tempoBlocks);
}

/** What one epoch takes out of its subnet: the four pending accumulators, alpha-rao. */
export interface DrainedEpoch {
  readonly netuid: number;
  readonly serverRao: bigint;
  readonly validatorRao: bigint;
  readonly rootRao: bigint;
  readonly ownerCutRao: bigint;
}

export interface EpochDrainResult {
  /** Subnets whose epoch runs this block, in netuid order, with what was drained for it. */
  readonly ran: DrainedEpoch[];
  /** Subnets that used a slot but skip their epoch (duplicate hotkeys): nothing drained. */
  readonly skipped: number[];
  /** Due subnets beyond the cap, moved to the next block. */
  readonly deferred: number[];
}

function isSortedByNetuid(subnets: readonly SubnetEconomy[]): boolean {
  for (let i = 1; i < subnets.length; i++) if (subnets[i - 1]!.netuid >= subnets[i]!.netuid) return false;
  return true;
}

/**
 * One block of the scheduler: advances every subnet's counters, picks the epochs that run at
 * `block` (at most `maxEpochsPerBlock`, in netuid order), drains their pending emission and defers
 * the rest. Mutates `subnets`; returns what ran.
 */
export function drainDueEpochs(subnets: readonly SubnetEconomy[], block: bigint, maxEpochsPerBlock: number): EpochDrainResult {
  const ordered = isSortedByNetuid(subnets) ? subnets : [...subnets].sort((a, b) => a.netuid - b.netuid);
  const ran: DrainedEpoch[] = [];
  const skipped: number[] = [];
  const deferred: number[] = [];
  let slots = 0;
  for (const s of ordered) {
    if (s.blocksSinceLastStep < U64_MAX) s.blocksSinceLastStep += 1n;
    if (!isEpochDue(s, block)) continue;
    if (slots >= maxEpochsPerBlock) {
      s.pendingEpochAt = block + 1n;
      deferred.push(s.netuid);
      continue;
    }
    slots++;
    s.lastEpochBlock = block;
    s.pendingEpochAt = 0n;
    s.epochIndex += 1n;
    if (!s.hotkeysConsistent) {
      skipped.push(s.netuid);
      continue;
    }
    s.blocksSinceLastStep = 0n;
    ran.push({
      netuid: s.netuid,
      serverRao: s.pendingServerRao,
      validatorRao: s.pendingValidatorRao,
      rootRao: s.pendingRootRao,
      ownerCutRao: s.pendingOwnerCutRao,
    });
    s.pendingServerRao = 0n;
    s.pendingValidatorRao = 0n;
    s.pendingRootRao = 0n;
    s.pendingOwnerCutRao = 0n;
  }
  return { ran, skipped, deferred };
}
