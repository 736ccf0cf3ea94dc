import { describe, expect, it } from 'vitest';
import {
  appendNeuron,
  emptyMechanism,
  gatherEpochInputs,
  hasDuplicateHotkeys,
  persistBonds,
  replaceNeuron,
  resetBondsTo,
  storeWeights,
  type SubnetNeurons,
} from '../../../../src/consensus/chain/subnetNeurons.ts';
import { sparseFromRows } from '../../../../src/consensus/epoch/sparseMatrix.ts';
import { NEW_SUBNET_EPOCH_HYPERPARAMETERS } from '../../../../src/consensus/epoch/defaults.ts';

function table(n: number): SubnetNeurons {
  return {
    n,
    hotkeys: Array.from({ length: n }, (_, i) => `hk${i}`),
    blockAtRegistration: Array.from({ length: n }, () => 0),
    validatorPermit: Array.from({ length: n }, () => true),
    lastMechanismStepBlock: 0,
    mechanisms: [emptyMechanism()],
    currentEpoch: 0,
    commits: [],
  };
}

describe('the subnet neuron table', () => {
  it('stores a weight row as given and stamps LastUpdate, padding shorter vectors', () => {
    const s = table(3);
    storeWeights(s, 0, 2, [[1, 0], [0, 65535]], 77);
    expect(s.mechanisms[0]!.weights.get(2)).toEqual([[1, 0], [0, 65535]]);
    expect(s.mechanisms[0]!.lastUpdate).toEqual([0, 0, 77]);
    expect(() => storeWeights(s, 1, 0, [], 1)).toThrow(/mechanism 1/);
  });

  it('replacing a neuron drops its rows, zeroes weights to it but keeps other bonds to it', () => {
    const s = table(3);
    const m = s.mechanisms[0]!;
    m.weights.set(0, [[1, 100], [2, 200]]);
    m.weights.set(1, [[1, 5]]);
    m.bonds.set(0, [[1, 300]]);
    m.bonds.set(1, [[0, 9]]);
    replaceNeuron(s, 1, 'new', 50);
    expect(m.weights.get(0)).toEqual([[1, 0], [2, 200]]);
    expect(m.weights.has(1)).toBe(false);
    expect(m.bonds.has(1)).toBe(false);
    expect(m.bonds.get(0)).toEqual([[1, 300]]);
    expect(s.blockAtRegistration[1]).toBe(50);
    expect(s.validatorPermit[1]).toBe(false);
    expect(s.hotkeys?.[1]).toBe('new');
    expect(m.lastUpdate[1]).toBe(50);
  });

  it('appends a neuron at the next uid with its registration block', () => {
    const s = table(2);
    expect(appendNeuron(s, 'x', 9)).toBe(2);
    expect(s.n).toBe(3);
    expect(s.blockAtRegistration).toEqual([0, 0, 9]);
    expect(s.hotkeys).toEqual(['hk0', 'hk1', 'x']);
  });

  it('resets bonds to a uid in every row', () => {
    const s = table(3);
    s.mechanisms[0]!.bonds.set(0, [[1, 1], [2, 2]]);
    s.mechanisms[0]!.bonds.set(2, [[1, 3]]);
    resetBondsTo(s, 1);
    expect(s.mechanisms[0]!.bonds.get(0)).toEqual([[2, 2]]);
    expect(s.mechanisms[0]!.bonds.get(2)).toEqual([]);
  });

  it('persists bonds without empty rows', () => {
    const s = table(2);
    persistBonds(s.mechanisms[0]!, sparseFromRows([[], [[0, 7]]], 2));
    expect([...s.mechanisms[0]!.bonds.entries()]).toEqual([[1, [[0, 7]]]]);
  });

  it('finds duplicate hotkeys, ignoring untracked entries', () => {
    expect(hasDuplicateHotkeys({ hotkeys: null })).toBe(false);
    expect(hasDuplicateHotkeys({ hotkeys: ['a', null, null, 'b'] })).toBe(false);
    expect(hasDuplicateHotkeys({ hotkeys: ['a', 'b', 'a'] })).toBe(true);
  });

  it('gathers the epoch inputs of a mechanism, or null for a missing one', () => {
    const s = table(2);
    storeWeights(s, 0, 0, [[1, 65535]], 3);
    const ctx = { block: 10, ownerUid: 0, alphaStakeRao: [1n, 2n], rootStakeRao: [0n, 0n], hyperparameters: NEW_SUBNET_EPOCH_HYPERPARAMETERS };
    const inputs = gatherEpochInputs(s, ctx, 0, 99n);
    expect(inputs?.n).toBe(2);
    expect(inputs?.weights.rowCount).toBe(2);
    expect(inputs?.emissionRao).toBe(99n);
    expect(gatherEpochInputs(s, ctx, 1, 99n)).toBeNull();
  });
});
