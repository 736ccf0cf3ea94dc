import { describe, expect, it } from 'vitest';
import { createChain, type ChainState } from '../../../../src/consensus/chain/chainState.ts';
import { assertInvariants, auditLedger } from '../../../../src/consensus/chain/checkInvariants.ts';
import { addGenesisNeuronTable, type GenesisNeuron } from '../../../../src/consensus/chain/genesisNeuronTable.ts';
import { addGenesisSubnet } from '../../../../src/consensus/chain/genesisSubnet.ts';
import { setWeights } from '../../../../src/consensus/chain/setWeights.ts';
import { BlockWorkspace, stepBlock } from '../../../../src/consensus/chain/stepBlock.ts';
import { hotkeyOwner, hotkeyStake } from '../../../../src/consensus/staking/stakeLedger.ts';

const TAO = 1_000_000_000n;

function subnetOwnedBy(ownerHotkey: string, ownerColdkey: string, tempoBlocks = 10): ChainState {
  const state = createChain({ issuanceRao: 1_000_000n * TAO });
  addGenesisSubnet(state, {
    netuid: 1,
    ownerColdkey,
    ownerHotkey,
    taoReserveRao: 1000n * TAO,
    alphaReserveRao: 1000n * TAO,
    hyperparameters: { tempoBlocks, commitRevealWeightsEnabled: false },
  });
  return state;
}

const neuron = (hotkey: string, coldkey: string, o: Partial<GenesisNeuron> = {}): GenesisNeuron => ({
  hotkey,
  coldkey,
  alphaStakeRao: 0n,
  registrationBlock: -5000,
  lastUpdateBlock: -5000,
  validatorPermit: false,
  weights: [],
  bonds: [],
  ...o,
});

/** UID 0 a miner, UID 1 the owner (a validator with a weight row and bonds), UID 2 a miner. */
const TABLE: GenesisNeuron[] = [
  neuron('m0', 'cm'),
  neuron('own', 'cown', {
    alphaStakeRao: 500n * TAO,
    validatorPermit: true,
    lastUpdateBlock: -20,
    weights: [
      [0, 65535],
      [2, 30000],
    ],
    bonds: [[0, 1200]],
  }),
  neuron('m2', 'cm', { alphaStakeRao: 3n * TAO, registrationBlock: -100, lastUpdateBlock: -100 }),
];

describe('addGenesisNeuronTable', () => {
  it('lays the table out UID for UID, wherever the owner hotkey is, and keeps the invariants', () => {
    const state = subnetOwnedBy('own', 'cown');
    addGenesisNeuronTable(state, 1, TABLE);
    const s = state.subnets[0]!;
    expect([s.neurons.n, s.neurons.hotkeys]).toEqual([3, ['m0', 'own', 'm2']]);
    expect(s.neurons.blockAtRegistration).toEqual([-5000, -5000, -100]);
    expect(s.neurons.mechanisms[0]!.lastUpdate).toEqual([-5000, -20, -100]);
    expect(s.neurons.validatorPermit).toEqual([false, true, false]);
    expect(s.neurons.mechanisms[0]!.weights.get(1)).toEqual([
      [0, 65535],
      [2, 30000],
    ]);
    expect([...s.neurons.mechanisms[0]!.bonds.keys()]).toEqual([1]);
    expect([hotkeyOwner(state.ledger, 'm2'), hotkeyStake(state.ledger, 'm2', 1), hotkeyStake(state.ledger, 'own', 1)]).toEqual(['cm', 3n * TAO, 500n * TAO]);
    expect(s.economy.alphaOutRao).toBe(503n * TAO);
    expect(s.lastEmissionRao).toEqual([0n, 0n, 0n]);
    expect(() => assertInvariants(state, auditLedger(state))).not.toThrow();
  });

  it('runs epochs on the imported table: the validator keeps its weights and bonds meaning, the invariants hold', () => {
    const state = subnetOwnedBy('own', 'cown');
    addGenesisNeuronTable(state, 1, TABLE);
    const ws = new BlockWorkspace();
    let epochs = 0;
    ws.onEpoch = () => void epochs++;
    for (let b = 0; b < 25; b++) {
      stepBlock(state, ws);
      assertInvariants(state, auditLedger(state));
    }
    expect(epochs).toBeGreaterThanOrEqual(2);
    const s = state.subnets[0]!;
    // Incentive went to the miners the imported row weights (UID 0 most).
    expect(s.lastIncentiveRao[0]!).toBeGreaterThan(s.lastIncentiveRao[2]!);
    // The weights rate limit reads the imported LastUpdate (−20): 100 blocks must pass from there.
    expect(setWeights(state, { hotkey: 'own', netuid: 1, uids: [0, 2], values: [1, 1] })).toEqual({ ok: false, reason: 'SettingWeightsTooFast' });
  });

  it('refuses a table without the owner hotkey, a hotkey twice, a foreign coldkey and a row naming no UID', () => {
    expect(() => addGenesisNeuronTable(subnetOwnedBy('own', 'cown'), 1, [neuron('a', 'c')])).toThrow(/owner hotkey own holds no UID/);
    expect(() => addGenesisNeuronTable(subnetOwnedBy('own', 'cown'), 1, [neuron('own', 'cown'), neuron('own', 'cown')])).toThrow(/a hotkey appears twice/);
    expect(() => addGenesisNeuronTable(subnetOwnedBy('own', 'cown'), 1, [neuron('own', 'other')])).toThrow(/belongs to another coldkey/);
    expect(() => addGenesisNeuronTable(subnetOwnedBy('own', 'cown'), 1, [neuron('own', 'cown', { weights: [[3, 1]] })])).toThrow(/outside \[0, 1\) × u16/);
  });

  it('needs a fresh subnet (only its owner)', () => {
    const state = subnetOwnedBy('own', 'cown');
    addGenesisNeuronTable(state, 1, TABLE);
    expect(() => addGenesisNeuronTable(state, 1, TABLE)).toThrow(/already has neurons/);
    expect(() => addGenesisNeuronTable(state, 2, TABLE)).toThrow(/subnet 2 does not exist/);
  });
});
