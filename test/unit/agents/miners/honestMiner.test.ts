import { describe, expect, it } from 'vitest';
import type { AgentDecision, AgentSpec } from '../../../../src/agents/agent.ts';
import { HonestMiner } from '../../../../src/agents/miners/honestMiner.ts';
import { AssertionError } from '../../../../src/primitives/assert.ts';
import { Rng } from '../../../../src/primitives/rng.ts';
import { fakeSubnet, fakeWorld, viewAt, type FakeWorld } from '../fakeAgentView.ts';

const DAY = 10;

function minerSpec(params: Record<string, unknown>): AgentSpec {
  return {
    id: 'sn1.miners.0',
    kind: 'miner.honest',
    group: 'miners',
    coldkey: 'ck',
    hotkey: 'hk3', hotkeys: ['hk3'],
    netuid: 1,
    params: { quality: { distribution: 'fixed', value: 0.5 }, drift_sd_per_day: 0, improvement_per_day: 0, ...params },
  };
}

function world(): FakeWorld {
  return fakeWorld(fakeSubnet(8), 3, DAY);
}

/** Acts at every block the miner asks for, up to `lastBlock`; returns the decisions with their blocks. */
function runMiner(miner: HonestMiner, w: FakeWorld, lastBlock: number): { block: number; decision: AgentDecision }[] {
  const out: { block: number; decision: AgentDecision }[] = [];
  let block: number | null = miner.firstBlock;
  while (block !== null && block <= lastBlock) {
    const decision = miner.act(viewAt(w, block));
    out.push({ block, decision });
    if (decision.nextBlock !== null) expect(decision.nextBlock).toBeGreaterThan(block);
    block = decision.nextBlock;
  }
  return out;
}

function servedQualities(run: { decision: AgentDecision }[]): number[] {
  return run.flatMap(({ decision }) => decision.actions.map((a) => (a.type === 'serve' ? a.quality : Number.NaN)));
}

describe('miner.honest', () => {
  it('serves its drawn quality at block 1 and then sleeps for good when the quality cannot change', () => {
    const miner = new HonestMiner(minerSpec({ quality: { distribution: 'fixed', value: 0.7 } }), Rng.fromSeed('m'));
    expect(miner.firstBlock).toBe(1);
    expect(miner.act(viewAt(world(), 1))).toEqual({ actions: [{ type: 'serve', netuid: 1, quality: 0.7 }], nextBlock: null });
  });

  it('clamps the drawn quality to [0, 1]', () => {
    const high = new HonestMiner(minerSpec({ quality: { distribution: 'fixed', value: 1.5 } }), Rng.fromSeed('m'));
    const low = new HonestMiner(minerSpec({ quality: { distribution: 'normal', mean: -3, sd: 0.1 } }), Rng.fromSeed('m'));
    expect(high.quality).toBe(1);
    expect(low.quality).toBe(0);
  });

  it('draws its quality from the distribution with its own stream', () => {
    const qualities = Array.from({ length: 200 }, (_, i) => new HonestMiner(minerSpec({ quality: { distribution: 'uniform', min: 0.2, max: 0.4 } }), Rng.fromSeed(`m${i}`)).quality);
    expect(qualities.every((q) => q >= 0.2 && q < 0.4)).toBe(true);
    expect(new Set(qualities).size).toBe(200);
  });

  it('adds the trend once per day and serves each new quality at the start of the day', () => {
    const miner = new HonestMiner(minerSpec({ improvement_per_day: 0.1 }), Rng.fromSeed('m'));
    const run = runMiner(miner, world(), 1 + 3 * DAY);
    expect(run.map((r) => r.block)).toEqual([1, 11, 21, 31]);
    const served = servedQualities(run);
    expect(served).toHaveLength(4);
    [0.5, 0.6, 0.7, 0.8].forEach((q, i) => expect(served[i]).toBeCloseTo(q, 12));
  });

  it('stops at 1 under a positive trend and at 0 under decay, serving nothing once the quality stops changing', () => {
    const up = runMiner(new HonestMiner(minerSpec({ improvement_per_day: 0.2 }), Rng.fromSeed('m')), world(), 1 + 6 * DAY);
    expect(servedQualities(up).at(-1)).toBe(1);
    expect(servedQualities(up)).toHaveLength(4); // 0.5, 0.7, 0.9, 1 — days 4..6 change nothing
    expect(up.at(-1)!.decision.actions).toEqual([]);
    expect(up.at(-1)!.decision.nextBlock).toBe(1 + 7 * DAY);

    const down = runMiner(new HonestMiner(minerSpec({ improvement_per_day: -0.3 }), Rng.fromSeed('m')), world(), 1 + 4 * DAY);
    expect(servedQualities(down).at(-1)).toBe(0);
  });

  it('follows a Gaussian random walk of the given daily sd, drawn from its stream after the quality draw', () => {
    const sd = 0.05;
    const trend = 0.01;
    const miner = new HonestMiner(minerSpec({ drift_sd_per_day: sd, improvement_per_day: trend }), Rng.fromSeed('walk'));
    const served = servedQualities(runMiner(miner, world(), 1 + 20 * DAY));
    // A fixed quality draws nothing, so day k uses the stream's k-th normal deviate.
    const replay = Rng.fromSeed('walk');
    let q = 0.5;
    const expected = [q];
    for (let day = 1; day <= 20; day++) {
      q = Math.min(1, Math.max(0, q + replay.nextNormal(0, sd) + trend));
      expected.push(q);
    }
    expect(served).toEqual(expected);
  });

  it('has daily steps with mean = trend and sd = drift_sd_per_day across many miners', () => {
    const steps = Array.from({ length: 3000 }, (_, i) => {
      const miner = new HonestMiner(minerSpec({ drift_sd_per_day: 0.02, improvement_per_day: 0.005 }), Rng.fromSeed(`pop${i}`));
      const served = servedQualities(runMiner(miner, world(), 1 + DAY));
      return served[1]! - served[0]!;
    });
    const mean = steps.reduce((a, b) => a + b, 0) / steps.length;
    const sd = Math.sqrt(steps.reduce((a, b) => a + (b - mean) ** 2, 0) / (steps.length - 1));
    expect(Math.abs(mean - 0.005)).toBeLessThan(0.0015);
    expect(Math.abs(sd - 0.02)).toBeLessThan(0.0015);
  });

  it('applies every missed day in order when woken late', () => {
    const params = { drift_sd_per_day: 0.05, improvement_per_day: -0.01 };
    const daily = new HonestMiner(minerSpec(params), Rng.fromSeed('late'));
    const dailyServed = servedQualities(runMiner(daily, world(), 1 + 5 * DAY));
    const late = new HonestMiner(minerSpec(params), Rng.fromSeed('late'));
    const w = world();
    late.act(viewAt(w, 1));
    const decision = late.act(viewAt(w, 1 + 5 * DAY + 3));
    expect(decision.actions).toEqual([{ type: 'serve', netuid: 1, quality: dailyServed.at(-1) }]);
    expect(decision.nextBlock).toBe(1 + 6 * DAY);
  });

  it('makes the same decisions for the same seed and different ones for different seeds', () => {
    const params = { quality: { distribution: 'beta', a: 2, b: 2 }, drift_sd_per_day: 0.03 };
    const a = runMiner(new HonestMiner(minerSpec(params), Rng.fromSeed('s1')), world(), 1 + 10 * DAY);
    const b = runMiner(new HonestMiner(minerSpec(params), Rng.fromSeed('s1')), world(), 1 + 10 * DAY);
    const c = runMiner(new HonestMiner(minerSpec(params), Rng.fromSeed('s2')), world(), 1 + 10 * DAY);
    expect(a).toEqual(b);
    expect(servedQualities(a)).not.toEqual(servedQualities(c));
  });

  it('retires once it has lost its UID, but serves before it ever held one', () => {
    const w = world();
    const miner = new HonestMiner(minerSpec({ improvement_per_day: 0.1 }), Rng.fromSeed('m'));
    expect(miner.act(viewAt(w, 1)).actions).toHaveLength(1);
    w.self.uid = null;
    expect(miner.act(viewAt(w, 1 + DAY))).toEqual({ actions: [], nextBlock: null });
    w.self.uid = 3;
    expect(miner.act(viewAt(w, 1 + 2 * DAY))).toEqual({ actions: [], nextBlock: null });

    const unregistered = fakeWorld(fakeSubnet(8), null, DAY);
    const joiner = new HonestMiner(minerSpec({ improvement_per_day: 0.1 }), Rng.fromSeed('m'));
    expect(joiner.act(viewAt(unregistered, 1)).actions).toEqual([{ type: 'serve', netuid: 1, quality: 0.5 }]);
    expect(joiner.act(viewAt(unregistered, 1 + DAY)).actions).toHaveLength(1);
  });

  it('refuses parameters the scenario schema would not produce', () => {
    expect(() => new HonestMiner(minerSpec({ drift_sd_per_day: -1 }), Rng.fromSeed('m'))).toThrow(AssertionError);
    expect(() => new HonestMiner(minerSpec({ quality: { distribution: 'uniform', min: 1, max: 0 } }), Rng.fromSeed('m'))).toThrow(AssertionError);
    const { improvement_per_day: _omitted, ...missing } = minerSpec({}).params;
    expect(() => new HonestMiner({ ...minerSpec({}), params: missing }, Rng.fromSeed('m'))).toThrow(/improvement_per_day/);
  });
});
