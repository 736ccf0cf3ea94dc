import { describe, expect, it } from 'vitest';
import type { AgentSpec } from '../../../../src/agents/agent.ts';
import { CopierMiner, createCopierMiner } from '../../../../src/agents/miners/copierMiner.ts';
import { AssertionError } from '../../../../src/primitives/assert.ts';
import { Rng } from '../../../../src/primitives/rng.ts';
import { fakeSubnet, fakeWorld, viewAt, type FakeWorld } from '../fakeAgentView.ts';

function copierSpec(params: Record<string, unknown>): AgentSpec {
  return {
    id: 'sn1.copiers.0',
    kind: 'miner.copier',
    group: 'copiers',
    coldkey: 'ck',
    hotkey: 'hk3', hotkeys: ['hk3'],
    netuid: 1,
    params: { target_uid: 1, delay_blocks: 20, degradation: 0.05, observe_every_blocks: 10, ...params },
  };
}

/** Copier at UID 3 of 6 UIDs; UID 1 serves 0.6, UID 2 serves 0.9. */
function world(): FakeWorld {
  return fakeWorld(fakeSubnet(6, { served: [null, 0.6, 0.9, null, 0.2, null] }), 3);
}

function served(decision: ReturnType<CopierMiner['act']>): number[] {
  return decision.actions.map((a) => (a.type === 'serve' ? a.quality : Number.NaN));
}

describe('miner.copier', () => {
  it('serves nothing until its first observation is delay_blocks old, then the copy minus degradation', () => {
    const w = world();
    const c = new CopierMiner(copierSpec({}));
    expect(c.act(viewAt(w, 1))).toEqual({ actions: [], nextBlock: 11 });
    expect(c.act(viewAt(w, 11))).toEqual({ actions: [], nextBlock: 21 });
    // Block 21: the observation of block 1 is 20 blocks old.
    expect(c.act(viewAt(w, 21))).toEqual({ actions: [{ type: 'serve', netuid: 1, quality: 0.6 - 0.05 }], nextBlock: 31 });
    // Unchanged target → no new announcement.
    expect(c.act(viewAt(w, 31)).actions).toEqual([]);
  });

  it('serves the target as it was delay_blocks ago, not as it is now', () => {
    const w = world();
    const c = new CopierMiner(copierSpec({ degradation: 0 }));
    const log: number[][] = [];
    for (let block = 1; block <= 71; block += 10) {
      // The target improves by 0.01 at every observation.
      w.subnets[0]!.served[1] = 0.5 + (block - 1) / 1000;
      log.push(served(c.act(viewAt(w, block))));
    }
    // At block b it serves what it fetched at b - 20, i.e. 0.5 + (b - 21) / 1000.
    expect(log).toEqual([[], [], [0.5], [0.5 + 10 / 1000], [0.5 + 20 / 1000], [0.5 + 30 / 1000], [0.5 + 40 / 1000], [0.5 + 50 / 1000]]);
  });

  it('with delay 0 serves the target now; degradation clamps at 0', () => {
    const c = new CopierMiner(copierSpec({ delay_blocks: 0, target_uid: 4, degradation: 0.5 }));
    expect(served(c.act(viewAt(world(), 1)))).toEqual([0]);
  });

  it('without a target UID copies the serving miner with the largest last-epoch incentive', () => {
    const w = world();
    const c = new CopierMiner(copierSpec({ target_uid: null, delay_blocks: 0, degradation: 0 }));
    // Genesis: no incentive anywhere → nothing to copy.
    expect(c.act(viewAt(w, 1)).actions).toEqual([]);
    // UID 0 has the most incentive but serves nothing; UID 3 is the copier itself; UID 4 beats 1 and 2.
    w.subnets[0]!.incentiveRao = [900n, 100n, 300n, 1000n, 500n, 0n];
    expect(served(c.act(viewAt(w, 11)))).toEqual([0.2]);
    // Ties go to the lowest UID.
    w.subnets[0]!.incentiveRao = [0n, 700n, 700n, 0n, 0n, 0n];
    expect(served(c.act(viewAt(w, 21)))).toEqual([0.6]);
  });

  it('keeps its last quality while the fixed target serves nothing, and ignores a target that is itself or out of range', () => {
    const w = world();
    const c = new CopierMiner(copierSpec({ delay_blocks: 0 }));
    expect(served(c.act(viewAt(w, 1)))).toEqual([0.6 - 0.05]);
    w.subnets[0]!.served[1] = null;
    expect(c.act(viewAt(w, 11)).actions).toEqual([]);
    expect(c.act(viewAt(w, 21)).actions).toEqual([]);
    for (const target_uid of [3, 6]) expect(new CopierMiner(copierSpec({ delay_blocks: 0, target_uid })).act(viewAt(world(), 1)).actions).toEqual([]);
  });

  it('retires once its UID is pruned', () => {
    const w = world();
    const c = new CopierMiner(copierSpec({}));
    c.act(viewAt(w, 1));
    w.self.uid = null;
    expect(c.act(viewAt(w, 11))).toEqual({ actions: [], nextBlock: null });
    w.self.uid = 3;
    expect(c.act(viewAt(w, 21))).toEqual({ actions: [], nextBlock: null });
  });

  it('draws nothing from its stream and is built by its factory', () => {
    const rng = Rng.fromSeed('c');
    const before = rng.save();
    const agent = createCopierMiner(copierSpec({}), rng);
    agent.act(viewAt(world(), 1));
    expect(rng.save()).toEqual(before);
  });

  it('rejects parameters out of range', () => {
    expect(() => new CopierMiner(copierSpec({ delay_blocks: -1 }))).toThrow(AssertionError);
    expect(() => new CopierMiner(copierSpec({ observe_every_blocks: 0 }))).toThrow(AssertionError);
    expect(() => new CopierMiner(copierSpec({ degradation: 2 }))).toThrow(AssertionError);
  });
});
