/**
 * Subnet registration (tokenomics.md §8.3–8.4): the coldkey pays the current lock cost, the whole
 * lock seeds the new subnet's pool at the median price of the existing subnets, the owner hotkey
 * takes UID 0, and nothing is emitted until the owner's `start_call` (and root enabling emission).
 * When `SubnetLimit` is reached, the prune candidate is dissolved first and its netuid reused.
 *
 * Chain: pallets/subtensor/src/subnets/subnet.rs `do_register_network`, `get_network_lock_cost`,
 * `do_start_call`, coinbase/root.rs `get_network_to_prune` at 14bc6f9.
 */
import { blockEmissionForIssuanceRao } from '../supply/blockEmission.ts';
import { balanceOf, removeBalance } from '../staking/stakeLedger.ts';
import { lockCostRao } from '../subnets/lockCost.ts';
import { medianSubnetPriceU64F64 } from '../subnets/medianSubnetPrice.ts';
import { networkToPrune } from '../subnets/networkToPrune.ts';
import { chainFail, type ChainFailure } from './chainResult.ts';
import { subnetOf, type ChainState } from './chainState.ts';
import { dissolveNetwork, type Dissolution } from './dissolveNetwork.ts';
import { createSubnetRecord } from './genesisSubnet.ts';

/** The lock a subnet registration costs at the state's current block, rao. */
export function currentLockCostRao(state: ChainState): bigint {
  const n = state.network;
  return lockCostRao({
    lastLockRao: n.lastLockRao,
    lastLockBlock: BigInt(n.lastLockBlock),
    block: BigInt(state.block),
    minLockRao: n.minLockRao,
    lockReductionIntervalBlocks: BigInt(n.lockReductionIntervalBlocks),
    blockEmissionRao: blockEmissionForIssuanceRao(state.globals.totalIssuanceRao),
  });
}

/** The netuid a registration would take now: the lowest free one, or the prune candidate; null = none. */
function netuidForNewSubnet(state: ChainState): { netuid: number; dissolve: boolean } | null {
  if (state.subnets.length < state.network.subnetLimit) {
    let netuid = 1;
    for (const s of state.subnets) {
      if (s.netuid !== netuid) break;
      netuid++;
    }
    return { netuid, dissolve: false };
  }
  const netuid = networkToPrune({
    block: BigInt(state.block),
    networkImmunityPeriodBlocks: BigInt(state.network.immunityPeriodBlocks),
    subnets: state.subnets.map((s) => ({
      netuid: s.netuid,
      added: true,
      mechanism: s.economy.pool.mechanism,
      movingPriceI96F32: s.economy.movingPriceI96F32,
      registeredAt: BigInt(s.registeredAtBlock),
    })),
  });
  return netuid === null ? null : { netuid, dissolve: true };
}

export interface NetworkRegistration {
  readonly ok: true;
  readonly netuid: number;
  readonly lockRao: bigint;
  /** Alpha seeded into the pool, alpha-rao. */
  readonly alphaInRao: bigint;
  /** The subnet dissolved to make room, if any. */
  readonly dissolved: Dissolution | null;
}

/** `register_network(coldkey, hotkey)`. */
export function registerNetwork(state: ChainState, a: { readonly coldkey: string; readonly hotkey: string }): NetworkRegistration | ChainFailure {
  const net = state.network;
  if (net.lastLockBlock !== 0 && state.block - net.lastLockBlock < net.rateLimitBlocks) return chainFail('NetworkTxRateLimitExceeded');
  const owner = state.ledger.hotkeyOwner.get(a.hotkey);
  if (owner !== undefined && owner !== a.coldkey) return chainFail('NonAssociatedColdKey');
  const lockRao = currentLockCostRao(state);
  if (balanceOf(state.ledger, a.coldkey) < lockRao) return chainFail('NotEnoughBalanceToStake');
  const slot = netuidForNewSubnet(state);
  if (slot === null) return chainFail('SubnetLimitReached');

  const dissolved = slot.dissolve ? dissolveNetwork(state, slot.netuid) : null;
  // The median is taken over the subnets that exist before the new one (after any dissolution).
  const medianU64F64 = medianSubnetPriceU64F64(state.subnets.map((s) => ({ netuid: s.netuid, added: true, pool: s.economy.pool })));
  const taoRao = lockRao > net.minLockRao ? lockRao : net.minLockRao;
  const alphaInRao = medianU64F64 === 0n ? taoRao : (taoRao << 64n) / medianU64F64;
  removeBalance(state.ledger, a.coldkey, lockRao);
  const subnet = createSubnetRecord(
    state,
    { netuid: slot.netuid, ownerColdkey: a.coldkey, ownerHotkey: a.hotkey, taoReserveRao: taoRao, alphaReserveRao: alphaInRao, started: false, emissionEnabled: false },
    state.block,
  );
  // max(lock, MinLock) = lock (the lock cost is floored at MinLock), so the coldkey paid exactly the pool TAO.
  subnet.lockedRao = lockRao;
  net.lastLockRao = lockRao;
  net.lastLockBlock = state.block;
  return { ok: true, netuid: slot.netuid, lockRao, alphaInRao, dissolved };
}

/** `start_call(netuid)` by the subnet owner: emission may flow from the next block. */
export function startCall(state: ChainState, a: { readonly coldkey: string; readonly netuid: number }): { ok: true } | ChainFailure {
  const subnet = subnetOf(state, a.netuid);
  if (subnet === undefined) return chainFail('SubnetNotExists');
  if (subnet.ownerColdkey !== a.coldkey) return chainFail('NotSubnetOwner');
  if (subnet.economy.firstEmissionBlock !== null) return chainFail('FirstEmissionBlockNumberAlreadySet');
  if (state.block < subnet.registeredAtBlock + state.network.startCallDelayBlocks) return chainFail('NeedWaitingMoreBlocksToStarCall');
  subnet.economy.firstEmissionBlock = BigInt(state.block) + 1n;
  subnet.economy.subtokenEnabled = true;
  return { ok: true };
}

/** Root/sudo `SubnetEmissionEnabled` switch (emission of new subnets starts disabled). */
export function setSubnetEmissionEnabled(state: ChainState, netuid: number, enabled: boolean): { ok: true } | ChainFailure {
  const subnet = subnetOf(state, netuid);
  if (subnet === undefined) return chainFail('SubnetNotExists');
  subnet.economy.emissionEnabled = enabled;
  return { ok: true };
}
