import { describe, expect, it } from 'vitest';
import type { AgentDecision, AgentSpec } from '../../../../src/agents/agent.ts';
import { HonestValidator } from '../../../../src/agents/validators/honestValidator.ts';
import { OfflineValidator, offlineStopBlock } from '../../../../src/agents/validators/offlineValidator.ts';
import { AssertionError } from '../../../../src/primitives/assert.ts';
import { Rng } from '../../../../src/primitives/rng.ts';
import { fakeSubnet, fakeWorld, viewAt, type FakeWorld } from '../fakeAgentView.ts';

const HONEST = { noise_sd: 0.05, sample_size: 0, weights_every_blocks: 50, score_ema: 1 };

function offlineSpec(params: Record<string, unknown> = {}): AgentSpec {
  return { id: 'sn1.offline.0', kind: 'validator.offline', group: 'offline', coldkey: 'ck', hotkey: 'hk0', hotkeys: ['hk0'], netuid: 1, params: { ...HONEST, stop_at_day: 1, stop_at_block: null, ...params } };
}

const setup = (blocksPerDay = 7200): FakeWorld => fakeWorld(fakeSubnet(4, { served: [null, 0.3, 0.6, 0.9] }), 0, blocksPerDay);

function runUntil(agent: { act: HonestValidator['act'] }, w: FakeWorld, lastBlock: number): AgentDecision[] {
  const out: AgentDecision[] = [];
  let b: number | null = 1;
  while (b !== null && b <= lastBlock) {
    const d = agent.act(viewAt(w, b));
    out.push(d);
    b = d.nextBlock;
  }
  return out;
}

describe('offlineStopBlock', () => {
  it('is stop_at_block when set, else the first block of day stop_at_day', () => {
    expect(offlineStopBlock(123, 5, 7200)).toBe(123);
    expect(offlineStopBlock(null, 1, 7200)).toBe(7200);
    expect(offlineStopBlock(null, 0.25, 7200)).toBe(1800);
    expect(offlineStopBlock(null, 1 / 3, 100)).toBe(34); // 33.3 → 34
  });
});

describe('validator.offline', () => {
  it('acts exactly like validator.honest before the stop block, then never again', () => {
    const w = setup();
    const off = runUntil(new OfflineValidator(offlineSpec({ stop_at_block: 400 }), Rng.fromSeed('o')), w, 10_000);
    const honestSpec = { ...offlineSpec(), kind: 'validator.honest', params: HONEST };
    const honest = runUntil(new HonestValidator(honestSpec, Rng.fromSeed('o')), setup(), 399);
    expect(off.slice(0, -1)).toEqual(honest);
    expect(honest.filter((d) => d.actions.length > 0).length).toBeGreaterThan(5);
    expect(off.at(-1)).toEqual({ actions: [], nextBlock: null });
  });

  it('stops on day stop_at_day when no block is given', () => {
    const w = setup(200);
    const v = new OfflineValidator(offlineSpec({ stop_at_day: 2 }), Rng.fromSeed('o'));
    expect(v.act(viewAt(w, 1)).nextBlock).not.toBeNull();
    expect(v.act(viewAt(w, 399)).actions).toHaveLength(1);
    expect(v.act(viewAt(w, 400))).toEqual({ actions: [], nextBlock: null });
  });

  it('refuses parameters the scenario schema would not produce', () => {
    expect(() => new OfflineValidator(offlineSpec({ stop_at_day: -1 }), Rng.fromSeed('o'))).toThrow(AssertionError);
    expect(() => new OfflineValidator(offlineSpec({ stop_at_block: 1.5 }), Rng.fromSeed('o'))).toThrow(AssertionError);
    expect(() => new OfflineValidator(offlineSpec({ score_ema: 2 }), Rng.fromSeed('o'))).toThrow(AssertionError);
  });
});
