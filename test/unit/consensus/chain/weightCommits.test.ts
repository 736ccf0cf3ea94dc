import { describe, expect, it } from 'vitest';
import { subnetOf, type ChainState } from '../../../../src/consensus/chain/chainState.ts';
import { BlockWorkspace, stepBlock } from '../../../../src/consensus/chain/stepBlock.ts';
import { commitWeights, MAX_UNREVEALED_COMMITS } from '../../../../src/consensus/chain/weightCommits.ts';
import { neuronHotkey, smallChain } from '../../../support/chainFixture.ts';

/** Subnet 1, tempo 10, commit-reveal on with a 1-epoch reveal period, no weights rate limit. */
function chain(): ChainState {
  const state = smallChain({
    subnets: 1,
    neurons: 3,
    subnet: { hyperparameters: { tempoBlocks: 10, commitRevealWeightsEnabled: true, revealPeriodEpochs: 1 }, weights: { weightsSetRateLimitBlocks: 0 } },
  });
  subnetOf(state, 1)!.neurons.validatorPermit = [true, true, true, true];
  return state;
}

function runTo(state: ChainState, block: number): void {
  const ws = new BlockWorkspace();
  while (state.block < block) stepBlock(state, ws);
}

describe('timelocked weight commits', () => {
  it('hide the weights until the epoch one reveal period later, then reveal them before it computes', () => {
    const state = chain();
    runTo(state, 3);
    const s = subnetOf(state, 1)!;
    const r = commitWeights(state, { hotkey: neuronHotkey(1, 0), netuid: 1, uids: [2, 3], values: [1, 2] });
    expect(r).toEqual({ ok: true, uid: 1, revealEpoch: 1 });
    // LastUpdate moves at commit time; nothing is stored yet; the epoch sees a commit mask.
    expect(s.neurons.mechanisms[0]!.lastUpdate[1]).toBe(3);
    expect(s.neurons.mechanisms[0]!.weights.has(1)).toBe(false);
    expect(s.neurons.commits).toEqual([{ uid: 1, block: 3, epoch: 0, kind: 'timelocked', mechanism: 0 }]);
    runTo(state, 9);
    expect(s.neurons.mechanisms[0]!.weights.has(1)).toBe(false);
    // Block 10: the epoch with index 1 fires; the commit of epoch 0 is revealed first.
    runTo(state, 10);
    expect(s.neurons.mechanisms[0]!.weights.get(1)).toEqual([
      [2, 32768],
      [3, 65535],
    ]);
    expect(s.neurons.commits).toEqual([]);
    expect(s.pendingCommits).toEqual([]);
    expect(s.neurons.mechanisms[0]!.lastUpdate[1]).toBe(3);
  });

  it('drops a payload that is invalid at reveal time', () => {
    const state = chain();
    runTo(state, 2);
    expect(commitWeights(state, { hotkey: neuronHotkey(1, 0), netuid: 1, uids: [2, 2], values: [1, 1] }).ok).toBe(true);
    runTo(state, 10);
    expect(subnetOf(state, 1)!.neurons.mechanisms[0]!.weights.has(1)).toBe(false);
    expect(subnetOf(state, 1)!.pendingCommits).toEqual([]);
  });

  it('refuses commits when commit-reveal is off, from unregistered hotkeys, and beyond 10 unrevealed', () => {
    const state = chain();
    expect(commitWeights(state, { hotkey: 'nobody', netuid: 1, uids: [1], values: [1] })).toEqual({ ok: false, reason: 'HotKeyNotRegisteredInSubNet' });
    for (let i = 0; i < MAX_UNREVEALED_COMMITS; i++) expect(commitWeights(state, { hotkey: neuronHotkey(1, 0), netuid: 1, uids: [2], values: [1] }).ok).toBe(true);
    expect(commitWeights(state, { hotkey: neuronHotkey(1, 0), netuid: 1, uids: [2], values: [1] })).toEqual({ ok: false, reason: 'TooManyUnrevealedCommits' });
    const s = subnetOf(state, 1)!;
    s.hyperparameters = { ...s.hyperparameters, commitRevealWeightsEnabled: false };
    expect(commitWeights(state, { hotkey: neuronHotkey(1, 1), netuid: 1, uids: [2], values: [1] })).toEqual({ ok: false, reason: 'CommitRevealDisabled' });
  });
});
