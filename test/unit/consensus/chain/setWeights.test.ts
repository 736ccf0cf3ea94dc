import { describe, expect, it } from 'vitest';
import { subnetOf, type ChainState } from '../../../../src/consensus/chain/chainState.ts';
import { setWeights, weightRow } from '../../../../src/consensus/chain/setWeights.ts';
import { neuronHotkey, ownerHotkey, smallChain } from '../../../support/chainFixture.ts';

/** Subnet 1 with 3 neurons (UIDs 1–3) besides the owner, CR off, rate limit 100, UID 1 permitted. */
function chain(): ChainState {
  const state = smallChain({ subnets: 1, neurons: 3, subnet: { hyperparameters: { tempoBlocks: 10, commitRevealWeightsEnabled: false } } });
  subnetOf(state, 1)!.neurons.validatorPermit = [false, true, false, false];
  state.block = 500;
  return state;
}

describe('setWeights', () => {
  it('stores the max-upscaled row in the given order, zeros kept, and sets LastUpdate', () => {
    const state = chain();
    expect(setWeights(state, { hotkey: neuronHotkey(1, 0), netuid: 1, uids: [3, 2, 0], values: [10, 20, 0] })).toEqual({ ok: true, uid: 1 });
    const m = subnetOf(state, 1)!.neurons.mechanisms[0]!;
    // 20 → 65535, 10 → round(10·65535/20) = 32768 (half away from zero).
    expect(m.weights.get(1)).toEqual([
      [3, 32768],
      [2, 65535],
      [0, 0],
    ]);
    expect(m.lastUpdate[1]).toBe(500);
  });

  it('applies the rate limit from the last update (registration counts as one)', () => {
    const state = chain();
    // Genesis registration at block 0 sets LastUpdate 0, which the chain treats as "never set".
    expect(setWeights(state, { hotkey: neuronHotkey(1, 0), netuid: 1, uids: [2], values: [1] }).ok).toBe(true);
    state.block = 599;
    expect(setWeights(state, { hotkey: neuronHotkey(1, 0), netuid: 1, uids: [2], values: [1] })).toEqual({ ok: false, reason: 'SettingWeightsTooFast' });
    state.block = 600;
    expect(setWeights(state, { hotkey: neuronHotkey(1, 0), netuid: 1, uids: [2], values: [1] }).ok).toBe(true);
  });

  it('refuses in the chain order with the chain error names, changing nothing', () => {
    const state = chain();
    const snapshot = structuredClone(state);
    const hk = neuronHotkey(1, 0);
    expect(setWeights(state, { hotkey: hk, netuid: 0, uids: [1], values: [1] }).ok).toBe(false);
    expect(setWeights(state, { hotkey: hk, netuid: 9, uids: [1], values: [1] })).toEqual({ ok: false, reason: 'SubnetNotExists' });
    expect(setWeights(state, { hotkey: hk, netuid: 1, uids: [1, 2], values: [1] })).toEqual({ ok: false, reason: 'WeightVecNotEqualSize' });
    expect(setWeights(state, { hotkey: hk, netuid: 1, uids: [0, 1, 2, 3, 4], values: [1, 1, 1, 1, 1] })).toEqual({ ok: false, reason: 'UidsLengthExceedUidsInSubNet' });
    expect(setWeights(state, { hotkey: 'stranger', netuid: 1, uids: [1], values: [1] })).toEqual({ ok: false, reason: 'HotKeyNotRegisteredInSubNet' });
    // UID 2 has no permit: only a single self-weight is allowed.
    expect(setWeights(state, { hotkey: neuronHotkey(1, 1), netuid: 1, uids: [1], values: [1] })).toEqual({ ok: false, reason: 'NeuronNoValidatorPermit' });
    expect(setWeights(state, { hotkey: hk, netuid: 1, uids: [2, 2], values: [1, 1] })).toEqual({ ok: false, reason: 'DuplicateUids' });
    expect(setWeights(state, { hotkey: hk, netuid: 1, uids: [2, 7], values: [1, 1] })).toEqual({ ok: false, reason: 'UidVecContainInvalidOne' });
    subnetOf(state, 1)!.weights.minAllowedWeights = 3;
    expect(setWeights(state, { hotkey: hk, netuid: 1, uids: [2, 3], values: [1, 1] })).toEqual({ ok: false, reason: 'WeightVecLengthIsLow' });
    subnetOf(state, 1)!.weights.minAllowedWeights = 1;
    subnetOf(state, 1)!.weights.maxWeightLimitU16 = 40000;
    expect(setWeights(state, { hotkey: hk, netuid: 1, uids: [2, 3], values: [9, 1] })).toEqual({ ok: false, reason: 'MaxWeightExceeded' });
    subnetOf(state, 1)!.weights.maxWeightLimitU16 = 65535;
    subnetOf(state, 1)!.hyperparameters = { ...subnetOf(state, 1)!.hyperparameters, commitRevealWeightsEnabled: true };
    expect(setWeights(state, { hotkey: hk, netuid: 1, uids: [2], values: [1] })).toEqual({ ok: false, reason: 'CommitRevealEnabled' });
    subnetOf(state, 1)!.hyperparameters = snapshot.subnets[0]!.hyperparameters;
    expect(state).toEqual(snapshot);
  });

  it('lets a UID without a permit set a single self-weight, and the owner set weights without one', () => {
    const state = chain();
    expect(setWeights(state, { hotkey: neuronHotkey(1, 1), netuid: 1, uids: [2], values: [7] }).ok).toBe(true);
    expect(setWeights(state, { hotkey: ownerHotkey(1), netuid: 1, uids: [1, 2], values: [1, 1] }).ok).toBe(true);
  });

  it('weightRow max-upscales like the chain', () => {
    expect(weightRow([0, 1], [1, 3])).toEqual([
      [0, 21845],
      [1, 65535],
    ]);
  });
});
