import { describe, expect, it } from 'vitest';
import type { AgentSpec } from '../../../../src/agents/agent.ts';
import { SybilMiner } from '../../../../src/agents/miners/sybilMiner.ts';
import { AssertionError } from '../../../../src/primitives/assert.ts';
import { Rng } from '../../../../src/primitives/rng.ts';
import { fakeSubnet, viewAt, type FakeWorld } from '../fakeAgentView.ts';

const TAO = 1_000_000_000n;
const ID = 'sn1.sybils.0';
const HOTKEYS = [ID, `${ID}.h1`, `${ID}.h2`];

function sybilSpec(params: Record<string, unknown> = {}): AgentSpec {
  return {
    id: ID,
    kind: 'miner.sybil',
    group: 'sybils',
    coldkey: ID,
    hotkey: ID,
    hotkeys: HOTKEYS,
    netuid: 1,
    params: {
      identities: 3,
      register_at_genesis: true,
      quality: { distribution: 'fixed', value: 0.1 },
      quality_jitter: 0,
      register_every_blocks: 100,
      reregister: false,
      ...params,
    },
  };
}

/** A 5-UID subnet; with `genesis` the three identities hold UIDs 2, 3, 4. */
function sybilWorld(genesis: boolean, balanceRao = 0n, burnRao = 3n * TAO): FakeWorld {
  const hotkeys = genesis ? ['hk0', 'hk1', ...HOTKEYS] : ['hk0', 'hk1'];
  const subnet = fakeSubnet(hotkeys.length, { hotkeys, burnRao, maxAllowedUids: 16 });
  return { blocksPerDay: 7200, self: { id: ID, coldkey: ID, hotkey: ID, hotkeys: [...HOTKEYS], netuid: 1, uid: genesis ? 2 : null }, subnets: [subnet], balanceRao };
}

/** What the chain does for a successful burned registration on a non-full subnet. */
function chainRegisters(w: FakeWorld, hotkey: string, block: number): void {
  const s = w.subnets[0]!;
  s.hotkeys.push(hotkey);
  s.blockAtRegistration.push(block);
  s.validatorPermit.push(false);
  s.served.push(null);
  w.balanceRao = (w.balanceRao ?? 0n) - (s.burnRao ?? 0n);
}

describe('miner.sybil', () => {
  it('serves the same quality on every identity that holds a UID, then sleeps', () => {
    const m = new SybilMiner(sybilSpec(), Rng.fromSeed('s'));
    const d = m.act(viewAt(sybilWorld(true), 1));
    expect(d.actions).toEqual(HOTKEYS.map((hotkey) => ({ type: 'serve', netuid: 1, quality: 0.1, hotkey })));
    expect(d.nextBlock).toBeNull();
  });

  it('draws the owner quality once and one jitter per identity, in identity order', () => {
    const params = { quality: { distribution: 'uniform', min: 0.05, max: 0.2 }, quality_jitter: 0.02 };
    const m = new SybilMiner(sybilSpec(params), Rng.fromSeed('q'));
    // The documented draw order, replayed on the same stream.
    const r = Rng.fromSeed('q');
    const base = 0.05 + (0.2 - 0.05) * r.nextFloat();
    const expected = HOTKEYS.map(() => Math.min(1, Math.max(0, base + r.nextNormal(0, 0.02))));
    expect(m.qualities).toEqual(expected);
    expect(new Set(m.qualities).size).toBe(3);
    // Without jitter every identity serves the single owner draw.
    const plain = new SybilMiner(sybilSpec({ quality: params.quality }), Rng.fromSeed('q'));
    expect(plain.qualities).toEqual([base, base, base]);
  });

  it('registers one identity per interval while its balance covers the burn, serving each the block after', () => {
    const w = sybilWorld(false, 10n * TAO);
    const m = new SybilMiner(sybilSpec({ register_at_genesis: false }), Rng.fromSeed('s'));
    const log: string[] = [];
    let block: number | null = m.firstBlock;
    while (block !== null && block < 1000) {
      const d = m.act(viewAt(w, block));
      for (const a of d.actions) {
        log.push(`${block} ${a.type} ${'hotkey' in a ? a.hotkey : ''}`);
        if (a.type === 'register') chainRegisters(w, a.hotkey!, block);
      }
      if (d.nextBlock !== null) expect(d.nextBlock).toBeGreaterThan(block);
      block = d.nextBlock;
    }
    // 10 TAO at 3 TAO per burn: three registrations at blocks 1, 101, 201, each served a block later.
    expect(log).toEqual([
      `1 register ${HOTKEYS[0]}`,
      `2 serve ${HOTKEYS[0]}`,
      `101 register ${HOTKEYS[1]}`,
      `102 serve ${HOTKEYS[1]}`,
      `201 register ${HOTKEYS[2]}`,
      `202 serve ${HOTKEYS[2]}`,
    ]);
    expect(block).toBeNull();
    expect(w.balanceRao).toBe(1n * TAO);
  });

  it('stops registering when its balance no longer covers the burn, and keeps looking each interval', () => {
    const w = sybilWorld(false, 5n * TAO);
    const m = new SybilMiner(sybilSpec({ register_at_genesis: false }), Rng.fromSeed('s'));
    const first = m.act(viewAt(w, 1));
    expect(first.actions).toEqual([{ type: 'register', netuid: 1, hotkey: HOTKEYS[0] }]);
    chainRegisters(w, HOTKEYS[0]!, 1);
    expect(m.act(viewAt(w, 2)).actions).toEqual([{ type: 'serve', netuid: 1, quality: 0.1, hotkey: HOTKEYS[0] }]);
    // 2 TAO left, burn 3 TAO: nothing, but it looks again one interval later (the burn may decay).
    expect(m.act(viewAt(w, 101))).toEqual({ actions: [], nextBlock: 201 });
    w.subnets[0]!.burnRao = 2n * TAO;
    expect(m.act(viewAt(w, 201)).actions).toEqual([{ type: 'register', netuid: 1, hotkey: HOTKEYS[1] }]);
  });

  it('re-registers a pruned identity with reregister, and serves again on its new UID', () => {
    const w = sybilWorld(true, 10n * TAO);
    const m = new SybilMiner(sybilSpec({ reregister: true }), Rng.fromSeed('s'));
    expect(m.act(viewAt(w, 1)).actions.length).toBe(3);
    const s = w.subnets[0]!;
    // Identity 1 (UID 3) is pruned by someone else's registration at block 50.
    s.hotkeys[3] = 'newcomer';
    s.blockAtRegistration[3] = 50;
    expect(m.act(viewAt(w, 101)).actions).toEqual([{ type: 'register', netuid: 1, hotkey: HOTKEYS[1] }]);
    chainRegisters(w, HOTKEYS[1]!, 101);
    expect(m.act(viewAt(w, 102))).toEqual({ actions: [{ type: 'serve', netuid: 1, quality: 0.1, hotkey: HOTKEYS[1] }], nextBlock: 201 });
  });

  it('leaves a pruned identity out without reregister', () => {
    const w = sybilWorld(true, 10n * TAO);
    const m = new SybilMiner(sybilSpec({ reregister: false }), Rng.fromSeed('s'));
    expect(m.act(viewAt(w, 1)).nextBlock).toBeNull();
    w.subnets[0]!.hotkeys[3] = 'newcomer';
    // Woken anyway (it asked not to be): nothing to register.
    expect(m.act(viewAt(w, 500))).toEqual({ actions: [], nextBlock: null });
  });

  it('retires when its subnet is gone, and refuses a hotkey count that disagrees with identities', () => {
    const w = sybilWorld(true);
    w.subnets = [];
    expect(new SybilMiner(sybilSpec(), Rng.fromSeed('s')).act(viewAt(w, 1))).toEqual({ actions: [], nextBlock: null });
    expect(() => new SybilMiner(sybilSpec({ identities: 2 }), Rng.fromSeed('s'))).toThrow(AssertionError);
  });
});
