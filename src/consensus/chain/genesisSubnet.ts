/**
 * Setting up a network that is already running at block 0: subnets with given pools and owners,
 * neurons already registered, alpha already staked. None of this pays a lock or a burn — the TAO in
 * the pools comes out of the genesis issuance held outside the simulated accounts
 * (`externalTaoRao`), and genesis alpha is counted in `SubnetAlphaOut` as already issued.
 * Scenarios use these to start from a chosen state; a live registration goes through
 * registerNetwork.ts / burnedRegister.ts instead.
 *
 * The record a subnet gets mirrors the chain's `init_new_network` (pallets/subtensor/src/coinbase/
 * root.rs and subnets/subnet.rs at 14bc6f9) with `start_call` already done.
 */
import { resetUninitializedPool } from '../amm/initializePool.ts';
import { spotPriceU64F64 } from '../amm/spotPrice.ts';
import { newSubnetEconomy } from '../coinbase/subnetEconomy.ts';
import type { EpochHyperparameters } from '../epoch/types.ts';
import { registerHotkey } from '../staking/stakeLedger.ts';
import { increaseStakeForHotkeyAndColdkey } from '../staking/stakeUpdates.ts';
import {
  defaultRegistrationPrice,
  defaultSubnetHyperparameters,
  defaultTurnoverParams,
  defaultWeightsParams,
  subnetOf,
  type ChainState,
  type RegistrationPrice,
  type SubnetChain,
  type TurnoverParams,
  type WeightsParams,
} from './chainState.ts';
import { appendNeuron, emptyMechanism } from './subnetNeurons.ts';

export interface GenesisSubnet {
  readonly netuid: number;
  readonly ownerColdkey: string;
  readonly ownerHotkey: string;
  /** `SubnetTAO`, rao (taken from the external genesis TAO). */
  readonly taoReserveRao: bigint;
  /** `SubnetAlphaIn`, alpha-rao. */
  readonly alphaReserveRao: bigint;
  readonly hyperparameters?: Partial<EpochHyperparameters>;
  readonly registration?: Partial<RegistrationPrice>;
  readonly turnover?: Partial<TurnoverParams>;
  readonly weights?: Partial<WeightsParams>;
  readonly mechanismCount?: number;
  /** Whether `start_call` has happened (default true: emission flows from block 1). */
  readonly started?: boolean;
  /** `SubnetEmissionEnabled` (default true for a running network). */
  readonly emissionEnabled?: boolean;
  readonly recycleOwnerIncentive?: boolean;
}

const U64F64_ONE = 1n << 64n;

/** A new subnet record with owner hotkey at UID 0; the subnet is inserted in netuid order. */
export function createSubnetRecord(state: ChainState, g: GenesisSubnet, block: number): SubnetChain {
  if (subnetOf(state, g.netuid) !== undefined) throw new RangeError(`subnet ${g.netuid} already exists`);
  if (!Number.isInteger(g.netuid) || g.netuid <= 0 || g.netuid > 65535) throw new RangeError(`netuid must be in 1..65535, got ${g.netuid}`);
  const hyperparameters: EpochHyperparameters = { ...defaultSubnetHyperparameters(state.globals.taoWeightRaw), ...g.hyperparameters };
  const economy = newSubnetEconomy({ netuid: g.netuid, taoReserveRao: g.taoReserveRao, alphaReserveRao: g.alphaReserveRao });
  economy.pool = resetUninitializedPool(economy.pool);
  economy.tempoBlocks = hyperparameters.tempoBlocks;
  economy.emissionEnabled = g.emissionEnabled ?? true;
  // init_new_network staggers epochs: LastEpochBlock = now − (netuid mod tempo).
  const tempo = BigInt(hyperparameters.tempoBlocks);
  const offset = tempo === 0n ? 0n : BigInt(g.netuid) % tempo;
  economy.lastEpochBlock = BigInt(block) > offset ? BigInt(block) - offset : 0n;
  const mechanismCount = g.mechanismCount ?? 1;
  const subnet: SubnetChain = {
    netuid: g.netuid,
    economy,
    neurons: {
      n: 0,
      hotkeys: [],
      blockAtRegistration: [],
      validatorPermit: [],
      lastMechanismStepBlock: 0,
      mechanisms: Array.from({ length: mechanismCount }, emptyMechanism),
      currentEpoch: 0,
      commits: [],
    },
    ownerColdkey: g.ownerColdkey,
    ownerHotkey: g.ownerHotkey,
    hyperparameters,
    mechanismCount,
    registration: { ...defaultRegistrationPrice(), ...g.registration },
    turnover: { ...defaultTurnoverParams(), ...g.turnover },
    weights: { ...defaultWeightsParams(), ...g.weights },
    pendingCommits: [],
    recycleOwnerIncentive: g.recycleOwnerIncentive ?? false,
    lastEmissionRao: [],
    lastIncentiveRao: [],
    lastDividendRao: [],
    lockedRao: 0n,
    registeredAtBlock: block,
  };
  if (g.started ?? true) {
    economy.firstEmissionBlock = BigInt(block) + 1n;
    economy.subtokenEnabled = true;
  }
  if (!registerHotkey(state.ledger, g.ownerHotkey, g.ownerColdkey)) {
    throw new RangeError(`owner hotkey ${g.ownerHotkey} belongs to another coldkey`);
  }
  addNeuron(subnet, g.ownerHotkey, block);
  state.subnets.push(subnet);
  state.subnets.sort((a, b) => a.netuid - b.netuid);
  return subnet;
}

/** Appends a UID with the per-UID arrays the chain state keeps beside the neuron table. */
export function addNeuron(subnet: SubnetChain, hotkey: string, block: number): number {
  const uid = appendNeuron(subnet.neurons, hotkey, block);
  subnet.lastEmissionRao[uid] = 0n;
  subnet.lastIncentiveRao[uid] = 0n;
  subnet.lastDividendRao[uid] = 0n;
  return uid;
}

/** A subnet that exists at genesis; its pool TAO comes out of the external genesis TAO. */
export function addGenesisSubnet(state: ChainState, g: GenesisSubnet): SubnetChain {
  if (g.taoReserveRao < 0n || g.alphaReserveRao < 0n) throw new RangeError('pool reserves must be ≥ 0');
  if (g.taoReserveRao > state.externalTaoRao) {
    throw new RangeError(`subnet ${g.netuid}: pool TAO ${g.taoReserveRao} rao exceeds the genesis TAO not yet assigned (${state.externalTaoRao} rao)`);
  }
  const subnet = createSubnetRecord(state, g, state.block);
  state.externalTaoRao -= g.taoReserveRao;
  // A running network's EMA price has converged: start it at min(spot, 1) (I96F32 from U64F64),
  // so emission shares are meaningful from block 1 instead of ramping up from the storage default 0.
  const spot = spotPriceU64F64(subnet.economy.pool);
  subnet.economy.movingPriceI96F32 = (spot < U64F64_ONE ? spot : U64F64_ONE) >> 32n;
  return subnet;
}

/** A neuron registered at genesis (no burn paid). Returns its UID. */
export function addGenesisNeuron(state: ChainState, netuid: number, hotkey: string, coldkey: string): number {
  const subnet = subnetOf(state, netuid);
  if (subnet === undefined) throw new RangeError(`subnet ${netuid} does not exist`);
  if (subnet.neurons.n >= subnet.turnover.maxAllowedUids) throw new RangeError(`subnet ${netuid} is full (${subnet.turnover.maxAllowedUids} UIDs)`);
  if (subnet.neurons.hotkeys.includes(hotkey)) throw new RangeError(`hotkey ${hotkey} is already registered on subnet ${netuid}`);
  if (!registerHotkey(state.ledger, hotkey, coldkey)) throw new RangeError(`hotkey ${hotkey} belongs to another coldkey`);
  return addNeuron(subnet, hotkey, state.block);
}

/** Alpha staked at genesis on (hotkey, coldkey): already issued, so `SubnetAlphaOut` grows by it. */
export function addGenesisStake(state: ChainState, netuid: number, hotkey: string, coldkey: string, alphaRao: bigint): void {
  const subnet = subnetOf(state, netuid);
  if (subnet === undefined) throw new RangeError(`subnet ${netuid} does not exist`);
  if (alphaRao <= 0n) throw new RangeError(`genesis stake must be > 0, got ${alphaRao}`);
  // Nominating someone else's hotkey is fine; an unknown hotkey is created for this coldkey.
  if (!state.ledger.hotkeyOwner.has(hotkey)) registerHotkey(state.ledger, hotkey, coldkey);
  increaseStakeForHotkeyAndColdkey(state.ledger, hotkey, coldkey, netuid, alphaRao);
  subnet.economy.alphaOutRao += alphaRao;
}
