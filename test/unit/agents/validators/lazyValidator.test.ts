import { describe, expect, it } from 'vitest';
import type { AgentDecision, AgentSpec } from '../../../../src/agents/agent.ts';
import { HonestValidator } from '../../../../src/agents/validators/honestValidator.ts';
import { LazyValidator } from '../../../../src/agents/validators/lazyValidator.ts';
import { AssertionError } from '../../../../src/primitives/assert.ts';
import { Rng } from '../../../../src/primitives/rng.ts';
import { fakeSubnet, fakeWorld, viewAt, type FakeWorld } from '../fakeAgentView.ts';

function lazySpec(params: Record<string, unknown> = {}): AgentSpec {
  return { id: 'sn1.lazy.0', kind: 'validator.lazy', group: 'lazy', coldkey: 'ck', hotkey: 'hk0', hotkeys: ['hk0'], netuid: 1, params: { noise_sd: 0, sample_size: 3, update_every_tempos: 10, ...params } };
}

const SERVED = [null, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
const setup = (): FakeWorld => fakeWorld(fakeSubnet(SERVED.length, { served: SERVED.slice(), tempoBlocks: 100 }), 0);

function run(agent: { act: HonestValidator['act'] }, w: FakeWorld, acts: number): AgentDecision[] {
  const out: AgentDecision[] = [];
  let b: number | null = 1;
  for (let i = 0; i < acts && b !== null; i++) {
    const d = agent.act(viewAt(w, b));
    out.push(d);
    b = d.nextBlock;
  }
  return out;
}

describe('validator.lazy', () => {
  it('is the honest validator with sample_size miners and update_every_tempos · tempo blocks between rounds', () => {
    const lazy = run(new LazyValidator(lazySpec({ noise_sd: 0.05 }), Rng.fromSeed('l')), setup(), 6);
    const honestSpec = { ...lazySpec(), kind: 'validator.honest', params: { noise_sd: 0.05, sample_size: 3, weights_every_blocks: 1000, score_ema: 1 } };
    expect(lazy).toEqual(run(new HonestValidator(honestSpec, Rng.fromSeed('l')), setup(), 6));
  });

  it('phases within ten tempos and then updates only every ten tempos', () => {
    const offsets = Array.from({ length: 200 }, (_, i) => new LazyValidator(lazySpec(), Rng.fromSeed(`l${i}`)).act(viewAt(setup(), 1)).nextBlock! - 1);
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...offsets)).toBeLessThanOrEqual(1000);
    expect(Math.max(...offsets)).toBeGreaterThan(100); // beyond one tempo: it is the ten-tempo interval
    const ds = run(new LazyValidator(lazySpec({ update_every_tempos: 3 }), Rng.fromSeed('l')), setup(), 4);
    for (let i = 2; i < ds.length; i++) expect(ds[i]!.nextBlock! - ds[i - 1]!.nextBlock!).toBe(300);
  });

  it('evaluates only sample_size new miners per round and keeps the stale scores of the rest', () => {
    const w = setup();
    const v = new LazyValidator(lazySpec({ sample_size: 2 }), Rng.fromSeed('stale'));
    let b = v.act(viewAt(w, 1)).nextBlock!;
    b = v.act(viewAt(w, b)).nextBlock!;
    const first = v.inner!.scores();
    expect(first.size).toBe(2);
    // Every miner now serves 0.05 better; only the (at most 2) re-sampled ones can show it.
    for (let u = 1; u < SERVED.length; u++) w.subnets[0]!.served[u] = SERVED[u]! + 0.05;
    v.act(viewAt(w, b));
    const second = v.inner!.scores();
    let updated = 0;
    for (const [u, s] of second) if (Math.abs(s - (SERVED[u]! + 0.05)) < 1e-12) updated++;
    expect(updated).toBeLessThanOrEqual(2);
    const stale = [...first.keys()].filter((u) => Math.abs(second.get(u)! - SERVED[u]!) < 1e-12);
    expect(stale.length + updated).toBe(second.size);
  });

  it('retires when its subnet does not exist, and refuses a zero sample or interval', () => {
    const w = fakeWorld(fakeSubnet(3, { netuid: 2 }), 0);
    expect(new LazyValidator(lazySpec(), Rng.fromSeed('l')).act(viewAt(w, 1))).toEqual({ actions: [], nextBlock: null });
    expect(() => new LazyValidator(lazySpec({ sample_size: 0 }), Rng.fromSeed('l'))).toThrow(AssertionError);
    expect(() => new LazyValidator(lazySpec({ update_every_tempos: 0 }), Rng.fromSeed('l'))).toThrow(AssertionError);
  });
});
