import { describe, expect, it } from 'vitest';
import type { AgentSpec } from '../../../../src/agents/agent.ts';
import { predictPrunedUid, UidSniperMiner } from '../../../../src/agents/miners/uidSniperMiner.ts';
import { Rng } from '../../../../src/primitives/rng.ts';
import { fakeSubnet, viewAt, type FakeSubnet, type FakeWorld } from '../fakeAgentView.ts';

const TAO = 1_000_000_000n;
const ID = 'sn1.snipers.0';

function sniperSpec(params: Record<string, unknown> = {}): AgentSpec {
  return {
    id: ID,
    kind: 'miner.uid_sniper',
    group: 'snipers',
    coldkey: ID,
    hotkey: ID,
    hotkeys: [ID],
    netuid: 1,
    params: {
      quality: { distribution: 'fixed', value: 0.05 },
      check_every_blocks: 1,
      require_positive_incentive: true,
      max_registrations: 1,
      reserve_tao: 0n,
      ...params,
    },
  };
}

/**
 * A full 6-UID subnet (tempo 100, immunity 50), after an epoch at block 100. UID 0 is the owner
 * (never pruned, emission 0). UID 5 registered at block 80, so it is still immune and its 0
 * emission does not count. Among UIDs 1–4, UID 3 has the lowest emission (tied with nobody).
 */
function fullSubnet(overrides: Partial<FakeSubnet> = {}): FakeSubnet {
  return fakeSubnet(6, {
    tempoBlocks: 100,
    lastEpochBlock: 100,
    maxAllowedUids: 6,
    immunityPeriodBlocks: 50,
    ownerHotkey: 'hk0',
    blockAtRegistration: [0, 0, 0, 0, 0, 80],
    emissionRao: [0n, 900n, 700n, 300n, 500n, 0n],
    incentiveRao: [0n, 900n, 700n, 300n, 500n, 0n],
    burnRao: 1n * TAO,
    ...overrides,
  });
}

function sniperWorld(subnet: FakeSubnet, balanceRao = 10n * TAO): FakeWorld {
  return { blocksPerDay: 7200, self: { id: ID, coldkey: ID, hotkey: ID, netuid: 1, uid: null }, subnets: [subnet], balanceRao };
}

/** The chain's replacement of `uid` by the sniper in `block` (burn paid). */
function chainReplaces(w: FakeWorld, uid: number, block: number): void {
  const s = w.subnets[0]!;
  s.hotkeys[uid] = ID;
  s.blockAtRegistration[uid] = block;
  s.emissionRao![uid] = 0n;
  s.incentiveRao![uid] = 0n;
  w.balanceRao = (w.balanceRao ?? 0n) - (s.burnRao ?? 0n);
}

describe('predictPrunedUid', () => {
  it('picks the lowest emission among UIDs past immunity, skipping the owner and immune UIDs', () => {
    const v = viewAt(sniperWorld(fullSubnet()), 100).subnet(1)!;
    expect(predictPrunedUid(v, 100)).toBe(3);
  });

  it('breaks emission ties by earlier registration, then by lower UID', () => {
    const s = fullSubnet({ emissionRao: [0n, 300n, 700n, 300n, 300n, 0n], blockAtRegistration: [0, 10, 0, 10, 5, 80] });
    // UIDs 1, 3, 4 tie at 300; UID 4 registered first (block 5).
    expect(predictPrunedUid(viewAt(sniperWorld(s), 100).subnet(1)!, 100)).toBe(4);
    s.blockAtRegistration[4] = 10;
    // All three registered at 10: the lowest UID.
    expect(predictPrunedUid(viewAt(sniperWorld(s), 100).subnet(1)!, 100)).toBe(1);
  });

  it('counts UID 5 once its immunity has run out (age ≥ ImmunityPeriod)', () => {
    const v = viewAt(sniperWorld(fullSubnet()), 130).subnet(1)!;
    expect(predictPrunedUid(v, 130)).toBe(5);
    expect(predictPrunedUid(v, 129)).toBe(3);
  });

  it('reads MinNonImmuneUids from the view: with too few UIDs past immunity the chain may take an immune one', () => {
    // Four UIDs (1–4) are past immunity: more than 3, so UID 3 goes; not more than 4, so immune UID 5 (emission 0) goes.
    expect(predictPrunedUid(viewAt(sniperWorld(fullSubnet({ minNonImmuneUids: 3 })), 100).subnet(1)!, 100)).toBe(3);
    expect(predictPrunedUid(viewAt(sniperWorld(fullSubnet({ minNonImmuneUids: 4 })), 100).subnet(1)!, 100)).toBe(5);
  });

  it('keeps every UID of the owner coldkey after the first immune (limit 1): an owner miner can be pruned', () => {
    // UID 1 is the owner's second hotkey (same coldkey) and has the lowest emission.
    const s = fullSubnet({ coldkeys: ['owner-ck', 'owner-ck', null, null, null, null], emissionRao: [0n, 100n, 700n, 300n, 500n, 0n] });
    expect(predictPrunedUid(viewAt(sniperWorld(s), 100).subnet(1)!, 100)).toBe(1);
  });
});

describe('miner.uid_sniper', () => {
  it('waits for the epoch, then registers right after it onto the predicted UID and serves it a block later', () => {
    const s = fullSubnet({ lastEpochBlock: 0 });
    const w = sniperWorld(s);
    const m = new UidSniperMiner(sniperSpec(), Rng.fromSeed('s'));
    // Block 1 is not right after an epoch: sleep until the one due at 0 + 100.
    expect(m.act(viewAt(w, 1))).toEqual({ actions: [], nextBlock: 100 });
    s.lastEpochBlock = 100;
    expect(m.act(viewAt(w, 100))).toEqual({ actions: [{ type: 'register', netuid: 1 }], nextBlock: 101 });
    expect(m.snipes).toEqual([{ block: 100, predictedUid: 3 }]);
    chainReplaces(w, 3, 100);
    expect(m.act(viewAt(w, 101))).toEqual({ actions: [{ type: 'serve', netuid: 1, quality: 0.05 }], nextBlock: null });
    expect(m.registrations).toBe(1);
  });

  it('polls every check_every_blocks when the epoch is late, and registers only at the first look after it', () => {
    const s = fullSubnet({ lastEpochBlock: 0 });
    const w = sniperWorld(s);
    const m = new UidSniperMiner(sniperSpec({ check_every_blocks: 10 }), Rng.fromSeed('s'));
    expect(m.act(viewAt(w, 1)).nextBlock).toBe(100);
    // The epoch due at 100 has not run yet.
    expect(m.act(viewAt(w, 100))).toEqual({ actions: [], nextBlock: 110 });
    s.lastEpochBlock = 104;
    // 110 − 104 = 6 < 10: first look since the epoch.
    expect(m.act(viewAt(w, 110)).actions).toEqual([{ type: 'register', netuid: 1 }]);
  });

  it('skips a target that earned no incentive, unless require_positive_incentive is off', () => {
    const s = fullSubnet({ incentiveRao: [0n, 900n, 700n, 0n, 500n, 0n] });
    const strict = new UidSniperMiner(sniperSpec(), Rng.fromSeed('s'));
    expect(strict.act(viewAt(sniperWorld(s), 100))).toEqual({ actions: [], nextBlock: 200 });
    expect(strict.lastSkip).toBe('no_incentive');
    const loose = new UidSniperMiner(sniperSpec({ require_positive_incentive: false }), Rng.fromSeed('s'));
    expect(loose.act(viewAt(sniperWorld(s), 100)).actions).toEqual([{ type: 'register', netuid: 1 }]);
  });

  it('does not register onto a still-immune target', () => {
    // Every non-owner UID registered at 80: all immune at 100, so the chain would pick among them.
    const s = fullSubnet({ blockAtRegistration: [0, 80, 80, 80, 80, 80] });
    const m = new UidSniperMiner(sniperSpec(), Rng.fromSeed('s'));
    expect(m.act(viewAt(sniperWorld(s), 100)).actions).toEqual([]);
    expect(m.lastSkip).toBe('target_immune');
  });

  it('waits on a subnet with free UIDs (nothing to inherit) unless require_positive_incentive is off', () => {
    const s = fullSubnet({ maxAllowedUids: 8 });
    const m = new UidSniperMiner(sniperSpec(), Rng.fromSeed('s'));
    expect(m.act(viewAt(sniperWorld(s), 100)).actions).toEqual([]);
    expect(m.lastSkip).toBe('not_full');
    const loose = new UidSniperMiner(sniperSpec({ require_positive_incentive: false }), Rng.fromSeed('s'));
    expect(loose.act(viewAt(sniperWorld(s), 100)).actions).toEqual([{ type: 'register', netuid: 1 }]);
    expect(loose.snipes).toEqual([{ block: 100, predictedUid: null }]);
  });

  it('needs the burn plus reserve_tao in free balance', () => {
    const s = fullSubnet();
    // 1.5 TAO against a 1 TAO burn: enough with no reserve, not with a 1 TAO reserve.
    const reserved = new UidSniperMiner(sniperSpec({ reserve_tao: 1n * TAO }), Rng.fromSeed('s'));
    expect(reserved.act(viewAt(sniperWorld(s, 1_500_000_000n), 100))).toEqual({ actions: [], nextBlock: 200 });
    expect(reserved.lastSkip).toBe('funds');
    const plain = new UidSniperMiner(sniperSpec(), Rng.fromSeed('s'));
    expect(plain.act(viewAt(sniperWorld(s, 1_500_000_000n), 100)).actions).toEqual([{ type: 'register', netuid: 1 }]);
  });

  it('re-snipes after being pruned up to max_registrations, and stops when out of funds', () => {
    const s = fullSubnet();
    // 2.5 TAO: two 1 TAO burns; max_registrations 3 would allow a third.
    const w = sniperWorld(s, 2_500_000_000n);
    const m = new UidSniperMiner(sniperSpec({ max_registrations: 3 }), Rng.fromSeed('s'));
    expect(m.act(viewAt(w, 100)).actions).toEqual([{ type: 'register', netuid: 1 }]);
    chainReplaces(w, 3, 100);
    // Held: it looks again at the next epoch.
    expect(m.act(viewAt(w, 101))).toEqual({ actions: [{ type: 'serve', netuid: 1, quality: 0.05 }], nextBlock: 200 });
    // Pruned at block 150 by a newcomer on UID 3; the epoch of 200 leaves UID 4 the weakest past
    // immunity (UID 3's newcomer is exactly ImmunityPeriod old, so prunable, but earned more).
    s.hotkeys[3] = 'newcomer';
    s.blockAtRegistration[3] = 150;
    s.lastEpochBlock = 200;
    s.emissionRao = [0n, 900n, 700n, 800n, 200n, 600n];
    s.incentiveRao = [0n, 900n, 700n, 800n, 200n, 600n];
    expect(m.act(viewAt(w, 200)).actions).toEqual([{ type: 'register', netuid: 1 }]);
    expect(m.snipes.map((x) => x.predictedUid)).toEqual([3, 4]);
    chainReplaces(w, 4, 200);
    expect(m.act(viewAt(w, 201)).actions).toEqual([{ type: 'serve', netuid: 1, quality: 0.05 }]);
    expect(m.registrations).toBe(2);
    // Pruned again; 0.5 TAO left < 1 TAO burn: no third snipe, it keeps looking each epoch.
    s.hotkeys[4] = 'newcomer2';
    s.blockAtRegistration[4] = 250;
    s.lastEpochBlock = 300;
    expect(m.act(viewAt(w, 300))).toEqual({ actions: [], nextBlock: 400 });
    expect(m.lastSkip).toBe('funds');
  });

  it('retires once max_registrations registrations are used up and it is pruned', () => {
    const s = fullSubnet();
    const w = sniperWorld(s);
    const m = new UidSniperMiner(sniperSpec({ max_registrations: 1 }), Rng.fromSeed('s'));
    m.act(viewAt(w, 100));
    chainReplaces(w, 3, 100);
    expect(m.act(viewAt(w, 101)).nextBlock).toBeNull();
    s.hotkeys[3] = 'newcomer';
    s.lastEpochBlock = 300;
    expect(m.act(viewAt(w, 300))).toEqual({ actions: [], nextBlock: null });
    expect(m.lastSkip).toBe('max_registrations');
  });
});
