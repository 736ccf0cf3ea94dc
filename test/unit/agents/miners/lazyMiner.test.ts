import { describe, expect, it } from 'vitest';
import type { Agent, AgentDecision, AgentSpec } from '../../../../src/agents/agent.ts';
import { HonestMiner } from '../../../../src/agents/miners/honestMiner.ts';
import { LazyMiner } from '../../../../src/agents/miners/lazyMiner.ts';
import { AssertionError } from '../../../../src/primitives/assert.ts';
import { Rng } from '../../../../src/primitives/rng.ts';
import { fakeSubnet, fakeWorld, viewAt, type FakeWorld } from '../fakeAgentView.ts';

const DAY = 10;

function lazySpec(params: Record<string, unknown>): AgentSpec {
  return {
    id: 'sn1.lazy.0',
    kind: 'miner.lazy',
    group: 'lazy',
    coldkey: 'ck',
    hotkey: 'hk3', hotkeys: ['hk3'],
    netuid: 1,
    params: { quality: { distribution: 'fixed', value: 0.8 }, drift_sd_per_day: 0, improvement_per_day: 0, uptime: 0.5, stale_penalty: 0.5, ...params },
  };
}

function world(): FakeWorld {
  return fakeWorld(fakeSubnet(8), 3, DAY);
}

/** Acts at every block the agent asks for, up to `lastBlock`. */
function run(agent: Agent, w: FakeWorld, lastBlock: number): { block: number; decision: AgentDecision }[] {
  const out: { block: number; decision: AgentDecision }[] = [];
  let block: number | null = agent.firstBlock;
  while (block !== null && block <= lastBlock) {
    const decision = agent.act(viewAt(w, block));
    out.push({ block, decision });
    if (decision.nextBlock !== null) expect(decision.nextBlock).toBeGreaterThan(block);
    block = decision.nextBlock;
  }
  return out;
}

/** The quality in force on each day 0..days-1 (the last serve at or before the day's wake-up). */
function qualityPerDay(out: { block: number; decision: AgentDecision }[], days: number): number[] {
  const perDay: number[] = [];
  let current = Number.NaN;
  let i = 0;
  for (let d = 0; d < days; d++) {
    while (i < out.length && out[i]!.block <= 1 + d * DAY) {
      for (const a of out[i]!.decision.actions) if (a.type === 'serve') current = a.quality;
      i++;
    }
    perDay.push(current);
  }
  return perDay;
}

describe('miner.lazy', () => {
  it('wakes once per day and serves either the true quality or the stale one', () => {
    const out = run(new LazyMiner(lazySpec({}), Rng.fromSeed('l')), world(), 1 + 199 * DAY);
    expect(out.map((o) => o.block)).toEqual(Array.from({ length: 200 }, (_, d) => 1 + d * DAY));
    const perDay = qualityPerDay(out, 200);
    // 0.8 up, max(0, 0.8 - 0.5) = 0.3 down (float subtraction as the code path does it).
    expect(perDay.every((q) => q === 0.8 || q === 0.8 - 0.5)).toBe(true);
    const upDays = perDay.filter((q) => q === 0.8).length;
    // Binomial(200, 0.5): mean 100, sd ≈ 7.1; ±35 is a 5-sigma band.
    expect(upDays).toBeGreaterThan(65);
    expect(upDays).toBeLessThan(135);
  });

  it('announces a quality only when it changes', () => {
    const out = run(new LazyMiner(lazySpec({}), Rng.fromSeed('l2')), world(), 1 + 99 * DAY);
    const served = out.flatMap((o) => o.decision.actions.map((a) => (a.type === 'serve' ? a.quality : Number.NaN)));
    for (let i = 1; i < served.length; i++) expect(served[i]).not.toBe(served[i - 1]);
    expect(served.length).toBeGreaterThan(1);
  });

  it('tracks the uptime probability', () => {
    const frac = (uptime: number): number => {
      const perDay = qualityPerDay(run(new LazyMiner(lazySpec({ uptime }), Rng.fromSeed('u')), world(), 1 + 999 * DAY), 1000);
      return perDay.filter((q) => q === 0.8).length / 1000;
    };
    // Binomial(1000, p): sd ≤ 0.016, bands of ±0.06.
    expect(Math.abs(frac(0.2) - 0.2)).toBeLessThan(0.06);
    expect(Math.abs(frac(0.9) - 0.9)).toBeLessThan(0.06);
  });

  it('clamps the stale quality at 0', () => {
    const m = new LazyMiner(lazySpec({ uptime: 0, quality: { distribution: 'fixed', value: 0.3 }, stale_penalty: 0.7 }), Rng.fromSeed('z'));
    expect(m.act(viewAt(world(), 1))).toEqual({ actions: [{ type: 'serve', netuid: 1, quality: 0 }], nextBlock: null });
  });

  it('with uptime 1 serves exactly the quality path of miner.honest on the same stream', () => {
    const params = { quality: { distribution: 'uniform', min: 0.2, max: 0.8 }, drift_sd_per_day: 0.05, improvement_per_day: 0.001, uptime: 1 };
    const lazy = new LazyMiner(lazySpec(params), Rng.fromSeed('same'));
    const honest = new HonestMiner({ ...lazySpec(params), kind: 'miner.honest' }, Rng.fromSeed('same'));
    expect(qualityPerDay(run(lazy, world(), 1 + 59 * DAY), 60)).toEqual(qualityPerDay(run(honest, world(), 1 + 59 * DAY), 60));
  });

  it('applies the penalty to the drifting quality on down days', () => {
    const params = { quality: { distribution: 'fixed', value: 0.5 }, improvement_per_day: 0.01, uptime: 0, stale_penalty: 0.1 };
    const perDay = qualityPerDay(run(new LazyMiner(lazySpec(params), Rng.fromSeed('d')), world(), 1 + 9 * DAY), 10);
    perDay.forEach((q, d) => expect(q).toBeCloseTo(0.5 + 0.01 * d - 0.1, 12));
  });

  it('draws one coin per day even when it wakes late, so the outcome does not depend on wake-ups', () => {
    const w = world();
    // A miner that drew a single coin on its late wake-up would disagree for about half the seeds.
    const outcomes = Array.from({ length: 8 }, (_, i) => {
      const a = new LazyMiner(lazySpec({}), Rng.fromSeed(`late${i}`));
      run(a, w, 1 + 30 * DAY);
      const b = new LazyMiner(lazySpec({}), Rng.fromSeed(`late${i}`));
      b.act(viewAt(w, 1));
      b.act(viewAt(w, 1 + 30 * DAY));
      return a.up === b.up;
    });
    expect(outcomes.every(Boolean)).toBe(true);
  });

  it('sleeps for good when nothing can vary (uptime 1, constant quality)', () => {
    const m = new LazyMiner(lazySpec({ uptime: 1 }), Rng.fromSeed('s'));
    expect(m.act(viewAt(world(), 1))).toEqual({ actions: [{ type: 'serve', netuid: 1, quality: 0.8 }], nextBlock: null });
  });

  it('retires once its UID is pruned', () => {
    const w = world();
    const m = new LazyMiner(lazySpec({}), Rng.fromSeed('p'));
    expect(m.act(viewAt(w, 1)).nextBlock).toBe(1 + DAY);
    w.self.uid = null;
    expect(m.act(viewAt(w, 1 + DAY))).toEqual({ actions: [], nextBlock: null });
    w.self.uid = 3;
    expect(m.act(viewAt(w, 1 + 2 * DAY))).toEqual({ actions: [], nextBlock: null });
  });

  it('is deterministic given its stream', () => {
    const a = run(new LazyMiner(lazySpec({ drift_sd_per_day: 0.1 }), Rng.fromSeed('det')), world(), 1 + 50 * DAY);
    const b = run(new LazyMiner(lazySpec({ drift_sd_per_day: 0.1 }), Rng.fromSeed('det')), world(), 1 + 50 * DAY);
    expect(a).toEqual(b);
  });

  it('rejects parameters out of range', () => {
    expect(() => new LazyMiner(lazySpec({ uptime: 1.5 }), Rng.fromSeed('x'))).toThrow(AssertionError);
    expect(() => new LazyMiner(lazySpec({ stale_penalty: -0.1 }), Rng.fromSeed('x'))).toThrow(AssertionError);
  });
});
