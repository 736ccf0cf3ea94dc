/**
 * Neuron registration by burn (tokenomics.md §8.1–8.2): the coldkey pays the subnet's current
 * `Burn`, the TAO is swapped into the pool with the normal fee, and the alpha it buys is recycled
 * (taken out of `SubnetAlphaOut`) — TAO in, alpha destroyed, price up. The burn then rises by
 * `BurnIncreaseMult`. The hotkey takes the next UID, or, when the subnet is full, the UID
 * `get_neuron_to_prune` picks; the replaced hotkey keeps its stake.
 *
 * Chain: pallets/subtensor/src/subnets/registration.rs `do_burned_registration` (also what
 * `register` and `register_limit` do: PoW is ignored) and subnets/uids.rs at 14bc6f9.
 */
import { recordTaoFlow } from '../coinbase/taoFlowShares.ts';
import { executeSwap, simulateSwap } from '../staking/poolSwap.ts';
import { balanceOf, ownedHotkeys, registerHotkey, removeBalance } from '../staking/stakeLedger.ts';
import { ROOT_NETUID } from '../staking/stakingSubnet.ts';
import { neuronToPrune } from '../subnets/neuronToPrune.ts';
import { bumpBurnRao } from '../subnets/registrationBurn.ts';
import { chainFail, type ChainFailure } from './chainResult.ts';
import { subnetOf, type ChainState, type SubnetChain } from './chainState.ts';
import { addNeuron } from './genesisSubnet.ts';
import { replaceNeuron } from './subnetNeurons.ts';


export interface BurnedRegistration {
  readonly ok: true;
  readonly uid: number;
  /** The hotkey that lost this UID, or null when the UID was new. */
  readonly replacedHotkey: string | null;
  /** TAO paid by the coldkey (fee included), rao. */
  readonly burnPaidRao: bigint;
  /** Alpha bought with it and recycled, alpha-rao. */
  readonly recycledAlphaRao: bigint;
  /** The swap fee, and the part of it burned for want of a block author, rao. */
  readonly feeRao: bigint;
  readonly burnedFeeRao: bigint;
}

/** Which UID a registration would take: the next one, or the prune choice when full (null = none). */
function uidForNewcomer(state: ChainState, subnet: SubnetChain): { uid: number; replace: boolean } | null {
  const nrn = subnet.neurons;
  if (nrn.n < subnet.turnover.maxAllowedUids) return { uid: nrn.n, replace: false };
  const uid = neuronToPrune({
    block: BigInt(state.block),
    immunityPeriodBlocks: BigInt(subnet.turnover.immunityPeriodBlocks),
    minNonImmuneUids: subnet.turnover.minNonImmuneUids,
    immuneOwnerUidsLimit: subnet.turnover.immuneOwnerUidsLimit,
    subnetOwnerHotkey: subnet.ownerHotkey,
    ownerColdkeyHotkeys: ownedHotkeys(state.ledger, subnet.ownerColdkey),
    neurons: nrn.hotkeys.map((hotkey, uid) => ({
      uid,
      hotkey: hotkey ?? '',
      blockAtRegistration: BigInt(nrn.blockAtRegistration[uid] ?? 0),
      emissionRao: subnet.lastEmissionRao[uid] ?? 0n,
    })),
  });
  return uid === null ? null : { uid, replace: true };
}

/**
 * `burned_register(coldkey, hotkey, netuid)`; with `limitRao`, `register_limit` (fails when the
 * burn is above the limit).
 */
export function burnedRegister(
  state: ChainState,
  a: { readonly coldkey: string; readonly hotkey: string; readonly netuid: number; readonly limitRao?: bigint },
): BurnedRegistration | ChainFailure {
  if (a.netuid === ROOT_NETUID) return chainFail('RegistrationNotPermittedOnRootSubnet');
  const subnet = subnetOf(state, a.netuid);
  if (subnet === undefined) return chainFail('SubnetNotExists');
  if (!subnet.economy.registrationAllowed) return chainFail('SubNetRegistrationDisabled');
  if (subnet.neurons.hotkeys.includes(a.hotkey)) return chainFail('HotKeyAlreadyRegisteredInSubNet');
  const owner = state.ledger.hotkeyOwner.get(a.hotkey);
  if (owner !== undefined && owner !== a.coldkey) return chainFail('NonAssociatedColdKey');
  const burnRao = subnet.registration.burnRao;
  if (a.limitRao !== undefined && burnRao > a.limitRao) return chainFail('RegistrationBurnAboveLimit');
  if (balanceOf(state.ledger, a.coldkey) < burnRao) return chainFail('NotEnoughBalanceToStake');
  const slot = uidForNewcomer(state, subnet);
  if (slot === null) return chainFail('NoNeuronIdAvailable');
  const fees = { blockAuthorColdkey: state.blockAuthorColdkey, minimumReserveRao: state.globals.minimumReserveRao };
  const sim = simulateSwap(subnet.economy, 'buy', burnRao, {}, fees);
  if (!sim.ok) return chainFail(sim.error);

  // Nothing can fail from here on.
  registerHotkey(state.ledger, a.hotkey, a.coldkey);
  removeBalance(state.ledger, a.coldkey, burnRao);
  const done = executeSwap(state.ledger, subnet.economy, 'buy', burnRao, {}, fees);
  if (!done.ok) throw new Error(`burnedRegister: swap failed after a successful simulation (${done.error})`);
  const alpha = done.swap.paidOutRao;
  subnet.economy.alphaOutRao -= alpha;
  recordTaoFlow(subnet.economy, burnRao);
  state.totals.burnedTaoRao += done.swap.burnedTaoRao;

  const reg = subnet.registration;
  reg.raoRecycledRao += burnRao;
  reg.registrationsThisBlock += 1;
  reg.burnRao = bumpBurnRao(reg.burnRao, reg);

  let replacedHotkey: string | null = null;
  if (slot.replace) {
    replacedHotkey = subnet.neurons.hotkeys[slot.uid] ?? null;
    replaceNeuron(subnet.neurons, slot.uid, a.hotkey, state.block);
    subnet.lastEmissionRao[slot.uid] = 0n;
    subnet.lastIncentiveRao[slot.uid] = 0n;
    subnet.lastDividendRao[slot.uid] = 0n;
  } else {
    addNeuron(subnet, a.hotkey, state.block);
  }
  return {
    ok: true,
    uid: slot.uid,
    replacedHotkey,
    burnPaidRao: burnRao,
    recycledAlphaRao: alpha,
    feeRao: done.swap.feeRao,
    burnedFeeRao: done.swap.burnedTaoRao,
  };
}
