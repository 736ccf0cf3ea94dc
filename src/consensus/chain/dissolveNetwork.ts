/**
 * Dissolving a subnet (tokenomics.md §8.4 "Dissolution settlement", invariant 25): the pot
 * `SubnetTAO` is paid to every (hotkey, coldkey) staker pro rata to the alpha it holds, by largest
 * remainder; `SubnetProtocolAlpha` and `SubnetAlphaIn` are claimants too (the subnet is registered
 * after the refund deployment) and their share is recycled, as is any other TAO left on the subnet
 * account; all alpha state of the subnet is deleted. No lock refund (new subnets get none).
 *
 * Chain: pallets/subtensor/src/coinbase/root.rs `do_dissolve_network` / `destroy_alpha_in_out_stakes`
 * at 14bc6f9.
 */
import { sharePoolValues } from '../staking/sharePool.ts';
import { addBalance, splitKey } from '../staking/stakeLedger.ts';
import { dissolvePayouts } from '../subnets/dissolvePayouts.ts';
import type { ChainState } from './chainState.ts';

export interface Dissolution {
  readonly netuid: number;
  /** `SubnetTAO` at dissolution, rao. */
  readonly potRao: bigint;
  /** TAO paid back to stakers, rao. */
  readonly paidRao: bigint;
  /** TAO recycled: the protocol claimants' share plus TAO stranded on the subnet account, rao. */
  readonly recycledRao: bigint;
}

/** Removes `netuid` from the state and settles it. The subnet must exist. */
export function dissolveNetwork(state: ChainState, netuid: number): Dissolution {
  const index = state.subnets.findIndex((s) => s.netuid === netuid);
  if (index < 0) throw new RangeError(`subnet ${netuid} does not exist`);
  const subnet = state.subnets[index]!;
  const ledger = state.ledger;

  // Stakers in a fixed order (hotkey, then coldkey), so remainder ties are deterministic.
  const stakers: { coldkey: string; alphaRao: bigint }[] = [];
  const poolKeys = [...ledger.stake.keys()].filter((k) => splitKey(k).netuid === netuid).sort();
  for (const k of poolKeys) {
    for (const [coldkey, value] of sharePoolValues(ledger.stake.get(k)!).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) {
      if (value > 0n) stakers.push({ coldkey, alphaRao: value });
    }
  }
  const econ = subnet.economy;
  const potRao = econ.pool.taoReserveRao;
  const split = dissolvePayouts(
    potRao,
    stakers.map((s) => s.alphaRao),
    econ.protocolAlphaRao + econ.pool.alphaReserveRao,
  );
  let paidRao = 0n;
  split.payoutsRao.forEach((p, i) => {
    addBalance(ledger, stakers[i]!.coldkey, p);
    paidRao += p;
  });
  const recycledRao = split.protocolShareRao + econ.strandedTaoRao;
  state.globals.totalIssuanceRao -= recycledRao;
  state.totals.recycledTaoRao += recycledRao;

  // All alpha state of the subnet goes.
  for (const k of poolKeys) ledger.stake.delete(k);
  for (const m of [ledger.childKeys, ledger.parentKeys, ledger.pendingChildKeys, ledger.lastSetChildrenBlock, ledger.childkeyTakeU16, ledger.lastChildkeyTakeBlock, ledger.autoStakeDestination]) {
    for (const k of [...m.keys()]) if (splitKey(k).netuid === netuid) m.delete(k);
  }
  for (const perSubnet of ledger.rootClaimable.values()) perSubnet.delete(netuid);
  for (const k of [...ledger.rootClaimed.keys()]) if (splitKey(k).netuid === netuid) ledger.rootClaimed.delete(k);
  state.subnets.splice(index, 1);
  return { netuid, potRao, paidRao, recycledRao };
}
