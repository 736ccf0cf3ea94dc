import { describe, expect, it } from 'vitest';
import type { AgentSpec } from '../../../../src/agents/agent.ts';
import { ownMinerUidsOf, SelfWeightingValidator, withSelfShare } from '../../../../src/agents/validators/selfWeightingValidator.ts';
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
    params: { noise_sd: 0, sample_size: 0, weights_every_blocks: null, score_ema: 1, self_share: 0.5, own_coldkeys: [], own_miners_share: 0, ...params },
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

describe('withSelfShare with own miners', () => {
  it('gives own miners own_miners_share of the self share, split equally, on top of their honest part', () => {
    // self 0.5 · (1 − 0.5) = 0.25; own miner 3: 0.25; UID 1: 0.5 · 3/4 = 0.375 (max); UID 2: 0.125.
    // 0.25 / 0.375 · 65535 = 43690; 0.125 / 0.375 · 65535 = 21845.
    expect(withSelfShare({ uids: [1, 2, 3], values: [3000, 1000, 0] }, 0, 0.5, 0, [1, 2, 3, 0], [3], 0.5)).toEqual({ uids: [0, 1, 2, 3], values: [43690, 65535, 21845, 43690] });
    // Own miner 2 also keeps its honest 0.125: 0.375, tied with UID 1.
    expect(withSelfShare({ uids: [1, 2, 3], values: [3000, 1000, 0] }, 0, 0.5, 0, [1, 2, 3, 0], [2], 0.5)).toEqual({ uids: [0, 1, 2], values: [43690, 65535, 65535] });
  });

  it('at self_share 1 gives only self and own miners, in their ratio; the own UID drops out at own_miners_share 1', () => {
    // self 0.5, own miners 0.25 each: 0.25 / 0.5 · 65535 = 32767.5 → 32768.
    expect(withSelfShare({ uids: [1, 2, 3], values: [9, 9, 9] }, 0, 1, 0, [1, 2, 3, 0], [2, 3], 0.5)).toEqual({ uids: [0, 2, 3], values: [65535, 32768, 32768] });
    expect(withSelfShare({ uids: [1], values: [9] }, 0, 1, 0, [1, 2, 3, 0], [2], 1)).toEqual({ uids: [2], values: [65535] });
    // No honest weight at all: the same split, no pure self-weight.
    expect(withSelfShare({ uids: [], values: [] }, 0, 0.3, 0, [1, 2, 3, 0], [2], 0.5)).toEqual({ uids: [0, 2], values: [65535, 65535] });
  });

  it('is the old re-weighting when own_miners_share is 0 or no own miner exists', () => {
    const w = { uids: [1, 2, 3], values: [3000, 1000, 0] };
    const old = withSelfShare(w, 3, 0.75, 0, [0, 1, 2, 3]);
    expect(withSelfShare(w, 3, 0.75, 0, [0, 1, 2, 3], [1, 2], 0)).toEqual(old);
    expect(withSelfShare(w, 3, 0.75, 0, [0, 1, 2, 3], [], 0.8)).toEqual(old);
    // Its own UID listed among the own miners is not a miner.
    expect(withSelfShare(w, 3, 0.75, 0, [0, 1, 2, 3], [3], 0.8)).toEqual(old);
  });
});

describe('ownMinerUidsOf', () => {
  it('lists the other UIDs whose hotkey belongs to one of the coldkeys', () => {
    const view = viewAt(setup({ hotkeys: ['hk0', 'hk1', 'hk2'], coldkeys: ['ck', 'sybil', 'ck'] }), 1).subnet(1)!;
    expect(ownMinerUidsOf(view, 0, new Set(['ck', 'sybil']))).toEqual([1, 2]);
    expect(ownMinerUidsOf(view, 0, new Set(['ck']))).toEqual([2]);
    expect(ownMinerUidsOf(view, 2, new Set(['ck']))).toEqual([0]);
  });
});

describe('validator.self_weighting', () => {
  it('favours the miners of its own coldkey and of own_coldkeys, read from the chain Owner of each UID', () => {
    // UID 0 is the validator (coldkey ck); UID 3 also belongs to ck, UID 2 to a sybil owner it
    // names, UID 1 to a stranger. Honest: 0.8, 0.4, 0.1 → 65535, 32768, 8192 (sum 106495).
    // self 0.5 · 0.5 = 0.25; UIDs 2 and 3 get 0.125 each on top of their honest part of 0.5.
    // UID 1 = 0.5 · 65535/106495 is the max; self → 0.25 · 106495 / 0.5 = 53247.5 → 53248;
    // UID 2 → 32768 + 0.125 · 106495 / 0.5 = 59391.75 → 59392; UID 3 → 8192 + 26623.75 → 34816.
    const w = fakeWorld(fakeSubnet(4, { served: [null, 0.8, 0.4, 0.1], coldkeys: ['ck', 'stranger', 'sn1.sybils.0', 'ck'] }), 0);
    const v = new SelfWeightingValidator(selfSpec({ own_coldkeys: ['sn1.sybils.0'], own_miners_share: 0.5 }), Rng.fromSeed('s'));
    const d = firstDecision(v, w);
    expect(d.actions).toEqual([{ type: 'set_weights', netuid: 1, uids: [0, 1, 2, 3], values: [53248, 65535, 59392, 34816] }]);
  });

  it('keeps today’s weights with own_miners_share 0 even when it has own miners', () => {
    const w = fakeWorld(fakeSubnet(4, { served: [null, 0.8, 0.4, 0.1], coldkeys: ['ck', 'stranger', 'sn1.sybils.0', 'ck'] }), 0);
    const a = firstDecision(new SelfWeightingValidator(selfSpec({ own_coldkeys: ['sn1.sybils.0'] }), Rng.fromSeed('s')), w);
    const b = firstDecision(new SelfWeightingValidator(selfSpec(), Rng.fromSeed('s')), fakeWorld(fakeSubnet(4, { served: [null, 0.8, 0.4, 0.1] }), 0));
    expect(a).toEqual(b);
  });

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

  it('refuses a share outside [0, 1] and own_coldkeys that are not strings', () => {
    expect(() => new SelfWeightingValidator(selfSpec({ self_share: 1.2 }), Rng.fromSeed('s'))).toThrow(AssertionError);
    expect(() => new SelfWeightingValidator(selfSpec({ own_miners_share: -0.1 }), Rng.fromSeed('s'))).toThrow(AssertionError);
    expect(() => new SelfWeightingValidator(selfSpec({ own_coldkeys: [3] }), Rng.fromSeed('s'))).toThrow(AssertionError);
  });
});
