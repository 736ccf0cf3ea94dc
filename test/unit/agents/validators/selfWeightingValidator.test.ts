import { describe, expect, it } from 'vitest';
import type { AgentSpec } from '../../../../src/agents/agent.ts';
import { SelfWeightingValidator, withSelfShare } from '../../../../src/agents/validators/selfWeightingValidator.ts';
import { AssertionError } from '../../../../src/primitives/assert.ts';
import { Rng } from '../../../../src/primitives/rng.ts';
import { fakeSubnet, fakeWorld, viewAt, type FakeSubnet, type FakeWorld } from '../fakeAgentView.ts';

function selfSpec(params: Record<string, unknown> = {}): AgentSpec {
  return {
    id: 'sn1.selfish.0',
    kind: 'validator.self_weighting',
    group: 'selfish',
    coldkey: 'ck',
    hotkey: 'hk0', hotkeys: ['hk0'],
    netuid: 1,
    params: { noise_sd: 0, sample_size: 0, weights_every_blocks: null, score_ema: 1, self_share: 0.5, ...params },
  };
}

const setup = (overrides: Partial<FakeSubnet> = {}): FakeWorld => fakeWorld(fakeSubnet(3, { served: [null, 0.8, 0.4], ...overrides }), 0);

function firstDecision(v: SelfWeightingValidator, w: FakeWorld) {
  const phase = v.act(viewAt(w, 1));
  expect(phase.actions).toEqual([]);
  return v.act(viewAt(w, phase.nextBlock!));
}

describe('withSelfShare', () => {
  it('gives its own UID the share and splits the rest by the other values', () => {
    // self 0.75 → 65535; UID 1: 0.25 · 3/4 = 0.1875 → 0.25 · 65535 = 16383.75 → 16384; UID 2: 0.0625 → 65535/12 = 5461.25 → 5461.
    expect(withSelfShare({ uids: [1, 2, 3], values: [3000, 1000, 0] }, 3, 0.75, 0, [0, 1, 2, 3])).toEqual({ uids: [1, 2, 3], values: [16384, 5461, 65535] });
    // self 0.4 vs one miner at 0.6: the miner is the max; self = 0.4 / 0.6 · 65535 = 43690.
    expect(withSelfShare({ uids: [1], values: [7] }, 0, 0.4, 0, [1, 2, 0])).toEqual({ uids: [0, 1], values: [43690, 65535] });
  });

  it('is the pure self-weight at share 1 or when no other weight is positive', () => {
    expect(withSelfShare({ uids: [1, 2], values: [5, 6] }, 2, 1, 3, [0, 1, 2])).toEqual({ uids: [2], values: [65535] });
    expect(withSelfShare({ uids: [0, 1, 2], values: [0, 0, 0] }, 2, 0.3, 3, [0, 1, 2])).toEqual({ uids: [2], values: [65535] });
  });

  it('pads to the minimum entries otherwise, and drops its own UID at share 0 unless needed as padding', () => {
    expect(withSelfShare({ uids: [2], values: [9] }, 0, 0.5, 3, [1, 2, 3, 0])).toEqual({ uids: [0, 1, 2], values: [65535, 0, 65535] });
    expect(withSelfShare({ uids: [2], values: [9] }, 0, 0, 1, [1, 2, 3, 0])).toEqual({ uids: [2], values: [65535] });
  });
});

describe('validator.self_weighting', () => {
  it('re-weights the honest evaluation so its own UID holds self_share', () => {
    // Honest: UID 1 → 65535, UID 2 → 32768 (sum 98303). Self 0.5 → 65535; UID 1: 0.5 · 65535/98303 / 0.5 · 65535
    // = 43689.8 → 43690; UID 2: 0.5 · 32768/98303 / 0.5 · 65535 = 21845.2 → 21845.
    const d = firstDecision(new SelfWeightingValidator(selfSpec(), Rng.fromSeed('s')), setup());
    expect(d.actions).toEqual([{ type: 'set_weights', netuid: 1, uids: [0, 1, 2], values: [65535, 43690, 21845] }]);
  });

  it('sets the pure self-weight at self_share 1, and commits under commit-reveal', () => {
    const d = firstDecision(new SelfWeightingValidator(selfSpec({ self_share: 1 }), Rng.fromSeed('s')), setup({ commitRevealEnabled: true, minAllowedWeights: 3 }));
    expect(d.actions).toEqual([{ type: 'commit_weights', netuid: 1, uids: [0], values: [65535] }]);
  });

  it('keeps the self share close to self_share for any share', () => {
    for (const share of [0.1, 0.5, 0.9, 0.99]) {
      const d = firstDecision(new SelfWeightingValidator(selfSpec({ self_share: share }), Rng.fromSeed('s')), setup());
      const a = d.actions[0]!;
      if (a.type !== 'set_weights') throw new Error(`expected set_weights, got ${a.type}`);
      const total = a.values.reduce((x, y) => x + y, 0);
      expect(Math.abs(a.values[a.uids.indexOf(0)]! / total - share)).toBeLessThan(1e-3);
    }
  });

  it('acts only when the honest validator would', () => {
    const w = setup({ served: [null, null, null] });
    const v = new SelfWeightingValidator(selfSpec(), Rng.fromSeed('s'));
    const b = v.act(viewAt(w, 1)).nextBlock!;
    expect(v.act(viewAt(w, b))).toEqual({ actions: [], nextBlock: b + 100 });
  });

  it('refuses a share outside [0, 1]', () => {
    expect(() => new SelfWeightingValidator(selfSpec({ self_share: 1.2 }), Rng.fromSeed('s'))).toThrow(AssertionError);
  });
});
