/**
 * Small chain states for tests: a genesis with a few funded coldkeys and subnets that already
 * run (pools seeded, owner at UID 0, a few neurons with alpha stake), built only through the
 * public genesis functions.
 */
import { createChain, type ChainOptions, type ChainState } from '../../src/consensus/chain/chainState.ts';
import { addGenesisNeuron, addGenesisStake, addGenesisSubnet, type GenesisSubnet } from '../../src/consensus/chain/genesisSubnet.ts';

export const TAO = 1_000_000_000n;

export interface FixtureOptions {
  readonly subnets?: number;
  /** Neurons per subnet besides the owner (each with its own coldkey and some alpha stake). */
  readonly neurons?: number;
  readonly chain?: Partial<ChainOptions>;
  readonly subnet?: Partial<GenesisSubnet>;
}

/** Coldkey names used by the fixture. */
export const ownerColdkey = (netuid: number): string => `owner-ck-${netuid}`;
export const ownerHotkey = (netuid: number): string => `owner-hk-${netuid}`;
export const neuronColdkey = (netuid: number, i: number): string => `ck-${netuid}-${i}`;
export const neuronHotkey = (netuid: number, i: number): string => `hk-${netuid}-${i}`;

export function smallChain(o: FixtureOptions = {}): ChainState {
  const subnets = o.subnets ?? 2;
  const neurons = o.neurons ?? 3;
  const balances: Record<string, bigint> = { whale: 100_000n * TAO };
  for (let netuid = 1; netuid <= subnets; netuid++) {
    balances[ownerColdkey(netuid)] = 5_000n * TAO;
    for (let i = 0; i < neurons; i++) balances[neuronColdkey(netuid, i)] = 100n * TAO;
  }
  const state = createChain({
    issuanceRao: 10_000_000n * TAO,
    balancesRao: balances,
    rootStakes: [{ hotkey: 'root-validator', coldkey: 'root-ck', taoRao: 500_000n * TAO }],
    ...o.chain,
  });
  for (let netuid = 1; netuid <= subnets; netuid++) {
    addGenesisSubnet(state, {
      netuid,
      ownerColdkey: ownerColdkey(netuid),
      ownerHotkey: ownerHotkey(netuid),
      taoReserveRao: BigInt(netuid) * 10_000n * TAO,
      alphaReserveRao: 200_000n * TAO,
      hyperparameters: { tempoBlocks: 10, commitRevealWeightsEnabled: false },
      turnover: { maxAllowedUids: neurons + 2, immunityPeriodBlocks: 20, minNonImmuneUids: 0 },
      ...o.subnet,
    });
    for (let i = 0; i < neurons; i++) {
      addGenesisNeuron(state, netuid, neuronHotkey(netuid, i), neuronColdkey(netuid, i));
      addGenesisStake(state, netuid, neuronHotkey(netuid, i), neuronColdkey(netuid, i), BigInt(1 + i) * 1_000n * TAO);
    }
  }
  return state;
}
