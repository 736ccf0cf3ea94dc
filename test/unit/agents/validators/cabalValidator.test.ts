import { describe, expect, it } from 'vitest';
import type { AgentDecision, AgentSpec } from '../../../../src/agents/agent.ts';
import { CabalValidator, withCabalBoost } from '../../../../src/agents/validators/cabalValidator.ts';
import { HonestValidator } from '../../../../src/agents/validators/honestValidator.ts';
import { AssertionError } from '../../../../src/primitives/assert.ts';
import { Rng } from '../../../../src/primitives/rng.ts';
import { fakeSubnet, fakeWorld, viewAt, type FakeSubnet, type FakeWorld } from '../fakeAgentView.ts';

function cabalSpec(params: Record<string, unknown> = {}): AgentSpec {
  return {
    id: 'sn1.cabal.0',
    kind: 'validator.cabal',
    group: 'cabal',
    coldkey: 'ck',
    hotkey: 'hk0', hotkeys: ['hk0'],
    netuid: 1,
    params: { noise_sd: 0, sample_size: 0, weights_every_blocks: null, score_ema: 1, favoured_prefix: 'sn1.cabal_miners.', boost: 4, ...params },
  };
}

/** Validator at UID 0; UIDs 1, 3 belong to the cabal's miner group, 2 and 4 to honest miners. */
function setup(overrides: Partial<FakeSubnet> = {}): FakeWorld {
  const hotkeys = ['hk0', 'sn1.cabal_miners.0', 'sn1.miners.0', 'sn1.cabal_miners.1', 'sn1.miners.1'];
  return fakeWorld(fakeSubnet(5, { hotkeys, served: [null, 0.25, 0.5, 0.125, 1], ...overrides }), 0);
}

/** Phase pick, then the first evaluating act. */
function firstRound(v: { act: CabalValidator['act']; firstBlock: number }, w: FakeWorld): AgentDecision {
  const phase = v.act(viewAt(w, v.firstBlock));
  expect(phase.actions).toEqual([]);
  return v.act(viewAt(w, phase.nextBlock!));
}

describe('withCabalBoost', () => {
  it('multiplies favoured values and rescales so the largest is 65535', () => {
    // Scores after boost 3: uid1 1000·3 = 3000, uid2 2000, uid4 6000 → 3000/6000·65535 = 32767.5 → 32768,
    // 2000/6000·65535 = 21845, 65535.
    const w = withCabalBoost({ uids: [1, 2, 4], values: [1000, 2000, 6000] }, (u) => u === 1, 3, 0, []);
    expect(w).toEqual({ uids: [1, 2, 4], values: [32768, 21845, 65535] });
  });

  it('is the identity (up to rescaling) with boost 1', () => {
    expect(withCabalBoost({ uids: [1, 2], values: [65535, 100] }, () => true, 1, 0, [])).toEqual({ uids: [1, 2], values: [65535, 100] });
  });
});

describe('validator.cabal', () => {
  it('boosts the favoured miners over its honest weights', () => {
    // Honest u16 weights (noise 0, scores 0.25, 0.5, 0.125, 1): 16384 (16383.75), 32768 (32767.5), 8192
    // (8191.875), 65535. Boost 4 on uids 1 and 3: 65536, 32768, 32768, 65535; rescaled by 65535/65536:
    // 65535, 32768 (32767.5), 32768, 65534 (65534.00002).
    const d = firstRound(new CabalValidator(cabalSpec(), Rng.fromSeed('v')), setup());
    expect(d.actions).toEqual([{ type: 'set_weights', netuid: 1, uids: [1, 2, 3, 4], values: [65535, 32768, 32768, 65534] }]);
  });

  it('under-weights the rest: each honest miner gets a smaller share than an honest validator gives it', () => {
    const share = (d: AgentDecision, uid: number): number => {
      const a = d.actions[0]!;
      if (a.type !== 'set_weights') throw new Error('expected set_weights');
      const total = a.values.reduce((x, y) => x + y, 0);
      return a.values[a.uids.indexOf(uid)]! / total;
    };
    const cabal = firstRound(new CabalValidator(cabalSpec(), Rng.fromSeed('v')), setup());
    const honest = firstRound(new HonestValidator({ ...cabalSpec(), kind: 'validator.honest' }, Rng.fromSeed('v')), setup());
    for (const u of [2, 4]) expect(share(cabal, u)).toBeLessThan(share(honest, u));
    for (const u of [1, 3]) expect(share(cabal, u)).toBeGreaterThan(share(honest, u));
  });

  it('sets the honest weights with an empty prefix or boost 1, and keeps the timing of validator.honest', () => {
    for (const params of [{ favoured_prefix: '' }, { boost: 1 }]) {
      const cabal = new CabalValidator(cabalSpec(params), Rng.fromSeed('t'));
      const honest = new HonestValidator({ ...cabalSpec(), kind: 'validator.honest' }, Rng.fromSeed('t'));
      const w = setup();
      let block: number | null = 1;
      for (let i = 0; i < 4 && block !== null; i++) {
        const a = cabal.act(viewAt(w, block));
        expect(a).toEqual(honest.act(viewAt(w, block)));
        block = a.nextBlock;
      }
    }
  });

  it('commits under commit-reveal and keeps the padding up to MinAllowedWeights', () => {
    const d = firstRound(new CabalValidator(cabalSpec(), Rng.fromSeed('v')), setup({ commitRevealEnabled: true, served: [null, 0.5, null, null, null], minAllowedWeights: 3 }));
    expect(d.actions).toEqual([{ type: 'commit_weights', netuid: 1, uids: [1, 2, 3], values: [65535, 0, 0] }]);
  });

  it('gives no weight to a favoured miner that serves nothing', () => {
    const d = firstRound(new CabalValidator(cabalSpec(), Rng.fromSeed('v')), setup({ served: [null, null, 0.5, 0.5, 1] }));
    // Honest u16: uid2 32768, uid3 32768, uid4 65535. Boosted uid3 131072 is the max; uid2
    // 32768/131072·65535 = 16383.75 → 16384; uid4 65535²/131072 = 32767.00001 → 32767.
    expect(d.actions).toEqual([{ type: 'set_weights', netuid: 1, uids: [2, 3, 4], values: [16384, 65535, 32767] }]);
  });

  it('rejects a boost below 1 and a non-string prefix', () => {
    expect(() => new CabalValidator(cabalSpec({ boost: 0.5 }), Rng.fromSeed('x'))).toThrow(AssertionError);
    expect(() => new CabalValidator(cabalSpec({ favoured_prefix: 3 }), Rng.fromSeed('x'))).toThrow(AssertionError);
  });
});
