import { beforeAll, describe, expect, it } from 'vitest';
import { initMlBackend } from '../../../../src/agents/ml/mlBackend.ts';
import { MlMiner } from '../../../../src/agents/ml/mlMiner.ts';
import { MlValidator } from '../../../../src/agents/ml/mlValidator.ts';
import { MlCopierMiner } from '../../../../src/agents/ml/mlCopierMiner.ts';
import { MlOverfitMiner } from '../../../../src/agents/ml/mlOverfitMiner.ts';
import { MlRandomMiner } from '../../../../src/agents/ml/mlRandomMiner.ts';
import type { AgentView } from '../../../../src/agents/agentView.ts';
import { Rng } from '../../../../src/primitives/rng.ts';
import { AGENT_KINDS } from '../../../../src/sim/scenario/agentKinds.ts';
import { fakeSubnet, fakeWorld, viewAt } from '../fakeAgentView.ts';
import { mlTaskSpec } from '../../../../src/agents/ml/mlTaskSpec.ts';

const TASK = mlTaskSpec('regression', 'task');

function spec(kind: string, id: string, hotkey: string, params: Record<string, unknown>) {
  return { id, kind, group: 'g', coldkey: `ck-${hotkey}`, hotkey, hotkeys: [hotkey], netuid: 1, params: AGENT_KINDS[kind]!.params.parse(params), task: TASK };
}

describe('miner.ml and validator.ml', () => {
  beforeAll(async () => {
    await initMlBackend();
  });

  it('a miner with a training budget gets measured better than one without, and the validator weights it higher', () => {
    const trained = new MlMiner(spec('miner.ml', 'm1', 'hk1', { steps_per_tempo: 100 }), Rng.fromSeed('m1'));
    const idle = new MlMiner(spec('miner.ml', 'm2', 'hk2', { steps_per_tempo: 0 }), Rng.fromSeed('m2'));
    const world = fakeWorld(fakeSubnet(3, { served: [null, null, null] }), 1);
    const subnet = world.subnets[0]!;
    subnet.hotkeys = ['val', 'hk1', 'hk2'];
    subnet.validatorPermit = [true, false, false];
    trained.act(viewAt(world, 1));
    idle.act(viewAt(world, 1));
    const validator = new MlValidator(spec('validator.ml', 'v', 'val', {}), Rng.fromSeed('v'));
    const miners = new Map([
      [1, trained],
      [2, idle],
    ]);
    const withQuery = (block: number): AgentView => ({
      ...viewAt(world, block),
      self: { ...viewAt(world, block).self, uid: 0 },
      query: (_netuid, uid, inputs, count) => miners.get(uid)?.answerQuery(inputs, count) ?? null,
    });
    const first = validator.act(withQuery(1));
    expect(first.actions).toEqual([]);
    const round = validator.act(withQuery(first.nextBlock!));
    const losses = validator.losses();
    expect(losses.get(1)!).toBeLessThan(losses.get(2)!);
    const action = round.actions[0] as unknown as { type: string; uids: number[]; values: number[] };
    expect(action.type).toBe('set_weights');
    expect(action.values[action.uids.indexOf(1)]).toBe(65535);
    // The idle miner's weight is far below (softmax of a large loss gap rounds to 0 and is omitted).
    expect(action.values[action.uids.indexOf(2)] ?? 0).toBeLessThan(65535);
  });

  it('answers a query without changing its model', () => {
    const miner = new MlMiner(spec('miner.ml', 'm', 'hk', { steps_per_tempo: 3 }), Rng.fromSeed('m'));
    const x = new Float32Array(8 * 4).fill(0.5);
    const a = miner.answerQuery(x, 4);
    expect(Array.from(miner.answerQuery(x, 4)!.predictions)).toEqual(Array.from(a!.predictions));
  });
});

describe('the adversarial ML miners', () => {
  beforeAll(async () => {
    await initMlBackend();
  });

  const x = Float32Array.from({ length: 8 * 16 }, (_v, i) => Math.sin(i));

  it('a copier relays its target’s answer, marked late, and answers nothing before it has a target', () => {
    const copier = new MlCopierMiner(spec('miner.ml_copier', 'c', 'hc', { target_uid: 2 }), Rng.fromSeed('c'));
    const target = new MlMiner(spec('miner.ml', 't', 'ht', { steps_per_tempo: 0 }), Rng.fromSeed('t'));
    const relay = (uid: number) => (uid === 2 ? target.answerQuery(x, 16) : null);
    const answer = copier.answerQuery(x, 16, 5, relay)!;
    expect(answer.late).toBe(true);
    expect(Array.from(answer.predictions)).toEqual(Array.from(target.answerQuery(x, 16)!.predictions));
    const unset = new MlCopierMiner(spec('miner.ml_copier', 'c2', 'hc2', {}), Rng.fromSeed('c2'));
    expect(unset.answerQuery(x, 16, 5, relay)).toBeNull();
  });

  it('a random miner answers deterministically per query and is not late', () => {
    const m = new MlRandomMiner(spec('miner.ml_random', 'r', 'hr', {}), Rng.fromSeed('r'));
    const a = m.answerQuery(x, 16, 7);
    expect(a.late).toBe(false);
    expect(Array.from(m.answerQuery(x, 16, 7).predictions)).toEqual(Array.from(a.predictions));
  });

  it('an overfitter drives its loss on the public batch down', () => {
    const m = new MlOverfitMiner(spec('miner.ml_overfit', 'o', 'ho', { steps_per_tempo: 200 }), Rng.fromSeed('o'));
    const world = fakeWorld(fakeSubnet(2, { served: [null, null] }), 1);
    m.act(viewAt(world, 1));
    expect(m.lastTrainLoss!).toBeLessThan(0.05);
  });

  it('validator.ml drops late answers unless accept_late, which scores a copier like its target', () => {
    const target = new MlMiner(spec('miner.ml', 't', 'hk1', { steps_per_tempo: 50 }), Rng.fromSeed('t'));
    const world = fakeWorld(fakeSubnet(3, { served: [null, null, null] }), 1);
    const subnet = world.subnets[0]!;
    subnet.hotkeys = ['val', 'hk1', 'hk2'];
    subnet.validatorPermit = [true, false, false];
    target.act(viewAt(world, 1));
    const copier = new MlCopierMiner(spec('miner.ml_copier', 'c', 'hk2', { target_uid: 1 }), Rng.fromSeed('c'));
    const lossesWith = (acceptLate: boolean): ReadonlyMap<number, number> => {
      const v = new MlValidator(spec('validator.ml', 'v', 'val', { accept_late: acceptLate }), Rng.fromSeed('v'));
      const view = (block: number): AgentView => ({
        ...viewAt(world, block),
        self: { ...viewAt(world, block).self, uid: 0 },
        query: (_n, uid, inputs, count) =>
          uid === 1 ? target.answerQuery(inputs, count) : uid === 2 ? copier.answerQuery(inputs, count, block, (u) => (u === 1 ? target.answerQuery(inputs, count) : null)) : null,
      });
      v.act(view(v.act(view(1)).nextBlock!));
      return v.losses();
    };
    expect(lossesWith(false).has(2)).toBe(false);
    const accepting = lossesWith(true);
    expect(accepting.get(2)).toBe(accepting.get(1));
  });

  it('on a classification task, answers are class distributions and validator.ml scores a learner below a random miner', () => {
    const classification = mlTaskSpec('classification', 'cls', { classes: 3 });
    const withTask = (kind: string, id: string, hotkey: string, params: Record<string, unknown>) => ({ ...spec(kind, id, hotkey, params), task: classification });
    const learner = new MlMiner(withTask('miner.ml', 'l', 'hk1', { steps_per_tempo: 150 }), Rng.fromSeed('l'));
    const random = new MlRandomMiner(withTask('miner.ml_random', 'r', 'hk2', {}), Rng.fromSeed('r'));
    const world = fakeWorld(fakeSubnet(3, { served: [null, null, null] }), 1);
    const subnet = world.subnets[0]!;
    subnet.hotkeys = ['val', 'hk1', 'hk2'];
    subnet.validatorPermit = [true, false, false];
    learner.act(viewAt(world, 1));
    const answer = random.answerQuery(x, 16, 3).predictions;
    expect(answer.length).toBe(16 * 3);
    for (let i = 0; i < 16; i++) expect(Math.abs(answer[i * 3]! + answer[i * 3 + 1]! + answer[i * 3 + 2]! - 1)).toBeLessThan(0.002);
    const v = new MlValidator(withTask('validator.ml', 'v', 'val', {}), Rng.fromSeed('v'));
    const view = (block: number): AgentView => ({
      ...viewAt(world, block),
      self: { ...viewAt(world, block).self, uid: 0 },
      query: (_n, uid, inputs, count) => (uid === 1 ? learner.answerQuery(inputs, count) : uid === 2 ? random.answerQuery(inputs, count, block) : null),
    });
    v.act(view(v.act(view(1)).nextBlock!));
    const losses = v.losses();
    expect(losses.get(1)!).toBeLessThan(0.5);
    expect(losses.get(2)!).toBeGreaterThan(1);
  });
});
