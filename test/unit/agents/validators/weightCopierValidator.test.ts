import { describe, expect, it } from 'vitest';
import type { AgentSpec } from '../../../../src/agents/agent.ts';
import { stakeWeightedVisibleWeights, WeightCopierValidator } from '../../../../src/agents/validators/weightCopierValidator.ts';
import { AssertionError } from '../../../../src/primitives/assert.ts';
import { Rng } from '../../../../src/primitives/rng.ts';
import { fakeSubnet, fakeWorld, viewAt, type FakeSubnet, type FakeWorld } from '../fakeAgentView.ts';

function copierSpec(params: Record<string, unknown> = {}): AgentSpec {
  return { id: 'sn1.copiers.0', kind: 'validator.weight_copier', group: 'copiers', coldkey: 'ck', hotkey: 'hk4', hotkeys: ['hk4'], netuid: 1, params: { weights_every_blocks: null, ...params } };
}

/**
 * UIDs 0 and 1 are honest validators (stakes 300 and 100), 2 and 3 miners, 4 the copier.
 * Row 0 puts everything on UID 2; row 1 splits 1:3 between UIDs 2 and 3.
 */
function world(overrides: Partial<FakeSubnet> = {}): FakeWorld {
  return fakeWorld(
    fakeSubnet(5, {
      validatorPermit: [true, true, false, false, true],
      stakes: [300n, 100n, 0n, 0n, 50n],
      weights: [[[2, 65535], [3, 0]], [[2, 1000], [3, 3000]], [], [], []],
      ...overrides,
    }),
    4,
  );
}

function firstWeights(w: FakeWorld, v = new WeightCopierValidator(copierSpec(), Rng.fromSeed('c'))) {
  const phase = v.act(viewAt(w, 1));
  expect(phase.actions).toEqual([]);
  return v.act(viewAt(w, phase.nextBlock!));
}

describe('stakeWeightedVisibleWeights', () => {
  it('averages the row-normalised rows of permitted validators by stake', () => {
    // UID 2: (300 · 1 + 100 · 0.25) / 400 = 0.8125; UID 3: (100 · 0.75) / 400 = 0.1875.
    const view = viewAt(world(), 1).subnet(1)!;
    expect([...stakeWeightedVisibleWeights(view, 4)]).toEqual([[2, 0.8125], [3, 0.1875]]);
  });

  it('ignores rows without a permit or without stake, and weights on the copier or on the row’s own validator', () => {
    const w = world({
      validatorPermit: [true, true, false, true, true],
      stakes: [300n, 0n, 0n, 1000n, 50n],
      // UID 1 has no stake; UID 2 has no permit; UID 3 is permitted and staked but weights only itself and the
      // copier; UID 0's weights on the copier and on itself are dropped, leaving all of it on UID 2.
      weights: [[[2, 500], [4, 500], [0, 500]], [[3, 1]], [[0, 1]], [[3, 7], [4, 7]], []],
    });
    expect([...stakeWeightedVisibleWeights(viewAt(w, 1).subnet(1)!, 4)]).toEqual([[2, 1]]);
    const noPermit = world({ validatorPermit: [false, true, false, false, true] });
    // Only row 1 remains: 0.25 / 0.75.
    expect([...stakeWeightedVisibleWeights(viewAt(noPermit, 1).subnet(1)!, 4)]).toEqual([[2, 0.25], [3, 0.75]]);
  });
});

describe('validator.weight_copier', () => {
  it('sets the stake-weighted average of the visible rows, best = 65535', () => {
    // 0.1875 / 0.8125 · 65535 = 65535 · 3 / 13 = 15123.46 → 15123.
    expect(firstWeights(world()).actions).toEqual([{ type: 'set_weights', netuid: 1, uids: [2, 3], values: [65535, 15123] }]);
  });

  it('follows the stakes: moving stake to the second validator moves the copy', () => {
    // UID 2: (100 · 1 + 300 · 0.25) / 400 = 0.4375; UID 3: 0.5625 → UID 2 gets 0.4375 / 0.5625 · 65535 = 50971.67 → 50972.
    expect(firstWeights(world({ stakes: [100n, 300n, 0n, 0n, 50n] })).actions).toEqual([
      { type: 'set_weights', netuid: 1, uids: [2, 3], values: [50972, 65535] },
    ]);
  });

  it('sets nothing while no weights are visible (e.g. not yet revealed under commit-reveal), and commits once they are', () => {
    const w = world({ commitRevealEnabled: true, weights: [[], [], [], [], []] });
    const v = new WeightCopierValidator(copierSpec(), Rng.fromSeed('c'));
    const phase = v.act(viewAt(w, 1));
    const d = v.act(viewAt(w, phase.nextBlock!));
    expect(d).toEqual({ actions: [], nextBlock: phase.nextBlock! + 100 });
    w.subnets[0]!.weights = [[[3, 9]], [], [], [], []];
    expect(v.act(viewAt(w, d.nextBlock!)).actions).toEqual([{ type: 'commit_weights', netuid: 1, uids: [3], values: [65535] }]);
  });

  it('pads to MinAllowedWeights with zeros, itself last', () => {
    const w = world({ minAllowedWeights: 4, weights: [[[2, 5]], [], [], [], []] });
    expect(firstWeights(w).actions).toEqual([{ type: 'set_weights', netuid: 1, uids: [0, 1, 2, 3], values: [0, 0, 65535, 0] }]);
  });

  it('staggers its first copy within the interval, then copies every interval within the rate limit', () => {
    const offsets = Array.from({ length: 200 }, (_, i) => new WeightCopierValidator(copierSpec({ weights_every_blocks: 9 }), Rng.fromSeed(`c${i}`)).act(viewAt(world(), 1)).nextBlock! - 1);
    expect(new Set(offsets)).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    const w = world({ weightsSetRateLimitBlocks: 250 });
    const v = new WeightCopierValidator(copierSpec(), Rng.fromSeed('c'));
    const b = v.act(viewAt(w, 1)).nextBlock!;
    const d = v.act(viewAt(w, b));
    expect(d.actions).toHaveLength(1);
    expect(d.nextBlock).toBe(b + 250);
    expect(v.act(viewAt(w, b + 100))).toEqual({ actions: [], nextBlock: b + 250 });
  });

  it('does nothing without a permit, and retires when its subnet is gone', () => {
    const w = world({ validatorPermit: [true, true, false, false, false] });
    const v = new WeightCopierValidator(copierSpec(), Rng.fromSeed('c'));
    const b = v.act(viewAt(w, 1)).nextBlock!;
    expect(v.act(viewAt(w, b))).toEqual({ actions: [], nextBlock: b + 100 });
    const gone = world({ netuid: 2 });
    expect(new WeightCopierValidator(copierSpec(), Rng.fromSeed('c')).act(viewAt(gone, 1))).toEqual({ actions: [], nextBlock: null });
  });

  it('refuses parameters the scenario schema would not produce', () => {
    expect(() => new WeightCopierValidator(copierSpec({ weights_every_blocks: 0 }), Rng.fromSeed('c'))).toThrow(AssertionError);
  });
});
