import { describe, expect, it } from 'vitest';
import type { AgentDecision, AgentSpec } from '../../../../src/agents/agent.ts';
import type { Action } from '../../../../src/agents/action.ts';
import { HonestValidator, scoresToWeights } from '../../../../src/agents/validators/honestValidator.ts';
import { AssertionError } from '../../../../src/primitives/assert.ts';
import { Rng } from '../../../../src/primitives/rng.ts';
import { fakeSubnet, fakeWorld, viewAt, type FakeSubnet, type FakeWorld } from '../fakeAgentView.ts';

function validatorSpec(params: Record<string, unknown> = {}): AgentSpec {
  return {
    id: 'sn1.validators.0',
    kind: 'validator.honest',
    group: 'validators',
    coldkey: 'ck',
    hotkey: 'hk0', hotkeys: ['hk0'],
    netuid: 1,
    params: { noise_sd: 0, sample_size: 0, weights_every_blocks: null, score_ema: 1, ...params },
  };
}

/** A subnet of n UIDs where the validator is UID 0 and `served[u]` is what each UID serves. */
function setup(served: (number | null)[], overrides: Partial<FakeSubnet> = {}): FakeWorld {
  return fakeWorld(fakeSubnet(served.length, { served: served.slice(), ...overrides }), 0);
}

/** The validator's first act (phase pick) and the block of its first evaluation. */
function phase(v: HonestValidator, w: FakeWorld): number {
  const first = v.act(viewAt(w, v.firstBlock));
  expect(first.actions).toEqual([]);
  expect(first.nextBlock).not.toBeNull();
  return first.nextBlock!;
}

function weightsAction(d: AgentDecision): Extract<Action, { type: 'set_weights' | 'commit_weights' }> {
  expect(d.actions).toHaveLength(1);
  const a = d.actions[0]!;
  if (a.type !== 'set_weights' && a.type !== 'commit_weights') throw new Error(`expected a weights action, got ${a.type}`);
  return a;
}

describe('scoresToWeights', () => {
  it('maps the best score to 65535 and the others to the nearest u16 of their ratio', () => {
    // 0.4 / 0.8 · 65535 = 32767.5 → 32768; 0.2 / 0.8 · 65535 = 16383.75 → 16384; 0.001/0.8·65535 = 81.92 → 82.
    const w = scoresToWeights(new Map([[7, 0.2], [2, 0.8], [5, 0.4], [9, 0.001]]), 0, []);
    expect(w).toEqual({ uids: [2, 5, 7, 9], values: [65535, 32768, 16384, 82] });
  });

  it('omits scores that round to zero and pads zeros from the pad order up to the minimum', () => {
    // 0.000001 / 1 · 65535 = 0.0655 → 0: omitted.
    expect(scoresToWeights(new Map([[3, 1], [4, 0.000001], [6, 0]]), 0, [0, 1, 2, 3, 4, 5, 6])).toEqual({ uids: [3], values: [65535] });
    expect(scoresToWeights(new Map([[3, 1], [4, 0.000001]]), 3, [1, 2, 4, 0])).toEqual({ uids: [1, 2, 3], values: [0, 0, 65535] });
  });

  it('is empty when no score is positive', () => {
    expect(scoresToWeights(new Map([[1, 0], [2, 0]]), 2, [1, 2])).toEqual({ uids: [], values: [] });
    expect(scoresToWeights(new Map(), 2, [1, 2])).toEqual({ uids: [], values: [] });
  });
});

describe('validator.honest', () => {
  it('staggers its first evaluation within the first interval, deterministically per seed', () => {
    const w = setup([null, 0.5, 0.5]);
    const offsets = Array.from({ length: 400 }, (_, i) => phase(new HonestValidator(validatorSpec(), Rng.fromSeed(`v${i}`)), w) - 1);
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...offsets)).toBeLessThanOrEqual(100); // tempo 100
    expect(new Set(offsets).size).toBeGreaterThan(90);
    const again = Array.from({ length: 400 }, (_, i) => phase(new HonestValidator(validatorSpec(), Rng.fromSeed(`v${i}`)), w) - 1);
    expect(again).toEqual(offsets);
    const custom = Array.from({ length: 100 }, (_, i) => phase(new HonestValidator(validatorSpec({ weights_every_blocks: 7 }), Rng.fromSeed(`v${i}`)), w) - 1);
    expect(new Set(custom)).toEqual(new Set([1, 2, 3, 4, 5, 6, 7]));
  });

  it('acts once per tempo by default, and every weights_every_blocks when set', () => {
    const w = setup([null, 0.5, 0.5], { tempoBlocks: 360 });
    const byTempo = new HonestValidator(validatorSpec(), Rng.fromSeed('v'));
    const b = phase(byTempo, w);
    expect(byTempo.act(viewAt(w, b)).nextBlock).toBe(b + 360);
    const every = new HonestValidator(validatorSpec({ weights_every_blocks: 50 }), Rng.fromSeed('v'));
    const b2 = phase(every, w);
    expect(every.act(viewAt(w, b2)).nextBlock).toBe(b2 + 50);
    expect(every.act(viewAt(w, b2 + 50)).nextBlock).toBe(b2 + 100);
  });

  it('weights only the other UIDs that serve, scaled so the best gets 65535', () => {
    // UID 0 is the validator (it serves 1.0 itself, which must be ignored); UIDs 2, 4, 5 serve.
    const w = setup([1, null, 0.8, null, 0.4, 0.2, null]);
    const v = new HonestValidator(validatorSpec(), Rng.fromSeed('v'));
    const a = weightsAction(v.act(viewAt(w, phase(v, w))));
    expect(a).toEqual({ type: 'set_weights', netuid: 1, uids: [2, 4, 5], values: [65535, 32768, 16384] });
  });

  it('omits miners serving quality 0', () => {
    const w = setup([null, 0, 0.6, 0]);
    const v = new HonestValidator(validatorSpec(), Rng.fromSeed('v'));
    expect(weightsAction(v.act(viewAt(w, phase(v, w))))).toMatchObject({ uids: [2], values: [65535] });
  });

  it('pads with zero weights to MinAllowedWeights, lowest UIDs first and itself last', () => {
    const w = setup([null, null, null, 0.9, null, null], { minAllowedWeights: 3 });
    const v = new HonestValidator(validatorSpec(), Rng.fromSeed('v'));
    expect(weightsAction(v.act(viewAt(w, phase(v, w))))).toMatchObject({ uids: [1, 2, 3], values: [0, 0, 65535] });

    const small = setup([null, null, 0.9], { minAllowedWeights: 8 });
    const v2 = new HonestValidator(validatorSpec(), Rng.fromSeed('v'));
    expect(weightsAction(v2.act(viewAt(small, phase(v2, small))))).toMatchObject({ uids: [0, 1, 2], values: [0, 0, 65535] });
  });

  it('sets nothing when no miner serves or every score is 0', () => {
    const none = setup([null, null, null]);
    const v = new HonestValidator(validatorSpec(), Rng.fromSeed('v'));
    const b = phase(v, none);
    expect(v.act(viewAt(none, b))).toEqual({ actions: [], nextBlock: b + 100 });
    const zeros = setup([null, 0, 0]);
    const v2 = new HonestValidator(validatorSpec(), Rng.fromSeed('v'));
    const b2 = phase(v2, zeros);
    expect(v2.act(viewAt(zeros, b2))).toEqual({ actions: [], nextBlock: b2 + 100 });
  });

  it('evaluates sample_size distinct serving miners per round, varying with the seed', () => {
    const served = [null, ...Array.from({ length: 20 }, (_, i) => (i % 4 === 3 ? null : 0.1 + i * 0.04))];
    const serving = served.flatMap((q, u) => (q === null || u === 0 ? [] : [u]));
    const samples = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const w = setup(served);
      const v = new HonestValidator(validatorSpec({ sample_size: 4 }), Rng.fromSeed(`s${i}`));
      const a = weightsAction(v.act(viewAt(w, phase(v, w))));
      expect(a.uids).toHaveLength(4);
      expect(new Set(a.uids).size).toBe(4);
      expect(a.uids).toEqual([...a.uids].sort((x, y) => x - y));
      for (const u of a.uids) expect(serving).toContain(u);
      samples.add(a.uids.join(','));
    }
    expect(samples.size).toBeGreaterThan(20);
  });

  it('remembers the scores of miners sampled in earlier rounds', () => {
    const w = setup([null, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]);
    const v = new HonestValidator(validatorSpec({ sample_size: 2, weights_every_blocks: 10 }), Rng.fromSeed('mem'));
    let b = phase(v, w);
    const seen = new Set<number>();
    for (let round = 0; round < 4; round++) {
      const before = new Set(v.scores().keys());
      const d = v.act(viewAt(w, b));
      const now = new Set(v.scores().keys());
      const added = [...now].filter((u) => !before.has(u));
      expect(added.length).toBeLessThanOrEqual(2);
      for (const u of before) expect(now.has(u)).toBe(true);
      for (const u of now) seen.add(u);
      expect(weightsAction(d).uids).toEqual([...now]);
      b = d.nextBlock!;
    }
    expect(seen.size).toBeGreaterThan(2);
  });

  it('evaluates everyone when sample_size is at least the number of serving miners', () => {
    const w = setup([null, 0.5, 0.6, null]);
    const v = new HonestValidator(validatorSpec({ sample_size: 2 }), Rng.fromSeed('v'));
    expect(weightsAction(v.act(viewAt(w, phase(v, w)))).uids).toEqual([1, 2]);
  });

  it('commits instead of setting while commit-reveal is on', () => {
    const plain = setup([null, 0.8, 0.4]);
    const cr = setup([null, 0.8, 0.4], { commitRevealEnabled: true });
    const v1 = new HonestValidator(validatorSpec(), Rng.fromSeed('v'));
    const v2 = new HonestValidator(validatorSpec(), Rng.fromSeed('v'));
    const set = weightsAction(v1.act(viewAt(plain, phase(v1, plain))));
    const commit = weightsAction(v2.act(viewAt(cr, phase(v2, cr))));
    expect(set.type).toBe('set_weights');
    expect(commit).toEqual({ ...set, type: 'commit_weights' });
  });

  it('waits out the weights rate limit after its own act and after its registration', () => {
    const w = setup([null, 0.5], { weightsSetRateLimitBlocks: 150 });
    const v = new HonestValidator(validatorSpec(), Rng.fromSeed('v'));
    const b = phase(v, w);
    const d = v.act(viewAt(w, b));
    expect(d.actions).toHaveLength(1);
    expect(d.nextBlock).toBe(b + 150); // the tempo (100) is shorter than the limit

    const late = setup([null, 0.5], { weightsSetRateLimitBlocks: 100, blockAtRegistration: [500, 0] });
    const v2 = new HonestValidator(validatorSpec({ weights_every_blocks: 5 }), Rng.fromSeed('v'));
    v2.act(viewAt(late, 520)); // phase
    expect(v2.act(viewAt(late, 540))).toEqual({ actions: [], nextBlock: 600 });
    expect(v2.act(viewAt(late, 600)).actions).toHaveLength(1);
  });

  it('keeps a score EMA with score_ema as the weight of the newest evaluation', () => {
    const w = setup([null, 0.8, 0.4]);
    const v = new HonestValidator(validatorSpec({ score_ema: 0.25, weights_every_blocks: 10 }), Rng.fromSeed('v'));
    let b = phase(v, w);
    b = v.act(viewAt(w, b)).nextBlock!;
    expect([...v.scores()]).toEqual([[1, 0.8], [2, 0.4]]);
    w.subnets[0]!.served[1] = 0;
    w.subnets[0]!.served[2] = 0.8;
    v.act(viewAt(w, b));
    // 0.25 · 0 + 0.75 · 0.8 = 0.6; 0.25 · 0.8 + 0.75 · 0.4 = 0.5.
    const s = v.scores();
    expect(s.get(1)).toBeCloseTo(0.6, 12);
    expect(s.get(2)).toBeCloseTo(0.5, 12);
  });

  it('resets a UID’s score when its hotkey changes, and forgets UIDs that stop serving', () => {
    const w = setup([null, 0.8, 0.4, 0.6]);
    const v = new HonestValidator(validatorSpec({ score_ema: 0.5, weights_every_blocks: 10 }), Rng.fromSeed('v'));
    let b = phase(v, w);
    b = v.act(viewAt(w, b)).nextBlock!;
    const sn = w.subnets[0]!;
    sn.hotkeys[1] = 'newcomer';
    sn.served[1] = 0.2;
    sn.served[2] = 0.2;
    sn.served[3] = null;
    const d = v.act(viewAt(w, b));
    const s = v.scores();
    expect(s.get(1)).toBeCloseTo(0.2, 12); // fresh: the old 0.8 is not blended in
    expect(s.get(2)).toBeCloseTo(0.3, 12); // 0.5 · 0.2 + 0.5 · 0.4
    expect(s.has(3)).toBe(false);
    // 0.2 / 0.3 · 65535 = 43690.
    expect(weightsAction(d)).toMatchObject({ uids: [1, 2], values: [43690, 65535] });
  });

  it('adds seeded Gaussian noise to each evaluation, clamped at 0', () => {
    const measured: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const w = setup([null, 0.5, 0]);
      const v = new HonestValidator(validatorSpec({ noise_sd: 0.1 }), Rng.fromSeed(`n${i}`));
      v.act(viewAt(w, phase(v, w)));
      const s = v.scores();
      measured.push(s.get(1)!);
      expect(s.get(2)).toBeGreaterThanOrEqual(0);
    }
    const mean = measured.reduce((a, b) => a + b, 0) / measured.length;
    const sd = Math.sqrt(measured.reduce((a, b) => a + (b - mean) ** 2, 0) / (measured.length - 1));
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.015);
    expect(Math.abs(sd - 0.1)).toBeLessThan(0.01);
  });

  it('makes the same decisions for the same seed and different ones for different seeds', () => {
    const run = (seed: string): AgentDecision[] => {
      const w = setup([null, 0.3, 0.5, 0.7, 0.9, 0.2, 0.4]);
      const v = new HonestValidator(validatorSpec({ noise_sd: 0.05, sample_size: 3, weights_every_blocks: 20 }), Rng.fromSeed(seed));
      const out: AgentDecision[] = [];
      let b: number | null = v.firstBlock;
      for (let i = 0; i < 6 && b !== null; i++) {
        const d = v.act(viewAt(w, b));
        out.push(d);
        b = d.nextBlock;
      }
      return out;
    };
    expect(run('a')).toEqual(run('a'));
    expect(run('a')).not.toEqual(run('b'));
  });

  it('does nothing without a UID or without a validator permit, and tries again next interval', () => {
    const w = fakeWorld(fakeSubnet(3, { served: [null, 0.5, 0.5] }), null);
    const v = new HonestValidator(validatorSpec(), Rng.fromSeed('v'));
    const b = phase(v, w);
    expect(v.act(viewAt(w, b))).toEqual({ actions: [], nextBlock: b + 100 });
    w.self.uid = 0;
    expect(v.act(viewAt(w, b + 100)).actions).toHaveLength(1);

    const noPermit = setup([null, 0.5], { validatorPermit: [false, true] });
    const v2 = new HonestValidator(validatorSpec(), Rng.fromSeed('v'));
    const b2 = phase(v2, noPermit);
    expect(v2.act(viewAt(noPermit, b2))).toEqual({ actions: [], nextBlock: b2 + 100 });
  });

  it('sets weights without a permit when it is the subnet owner', () => {
    const w = setup([null, 0.5], { validatorPermit: [], ownerHotkey: 'hk0' });
    const v = new HonestValidator(validatorSpec(), Rng.fromSeed('v'));
    expect(v.act(viewAt(w, phase(v, w))).actions).toHaveLength(1);
  });

  it('retires when its subnet does not exist', () => {
    const w = setup([null, 0.5], { netuid: 2 });
    const v = new HonestValidator(validatorSpec(), Rng.fromSeed('v'));
    expect(v.act(viewAt(w, 1))).toEqual({ actions: [], nextBlock: null });
  });

  it('refuses parameters the scenario schema would not produce', () => {
    expect(() => new HonestValidator(validatorSpec({ score_ema: 1.5 }), Rng.fromSeed('v'))).toThrow(AssertionError);
    expect(() => new HonestValidator(validatorSpec({ sample_size: 2.5 }), Rng.fromSeed('v'))).toThrow(AssertionError);
    expect(() => new HonestValidator(validatorSpec({ weights_every_blocks: 0 }), Rng.fromSeed('v'))).toThrow(AssertionError);
  });
});
