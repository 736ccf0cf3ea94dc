import { beforeAll, describe, expect, it } from 'vitest';
import { initMlBackend } from '../../../src/agents/ml/mlBackend.ts';
import { ML_TASK_KINDS } from '../../../src/agents/ml/mlKinds.ts';
import { mlTaskSpec } from '../../../src/agents/ml/mlTaskSpec.ts';
import { AGENT_FACTORIES, agentFactoryFor, createAgent } from '../../../src/agents/registry.ts';
import { AssertionError } from '../../../src/primitives/assert.ts';
import { Rng } from '../../../src/primitives/rng.ts';
import { AGENT_KINDS, agentKeysOf, agentKindNames } from '../../../src/sim/scenario/agentKinds.ts';
import { fakeSubnet, fakeWorld, viewAt } from './fakeAgentView.ts';

describe('agent registry', () => {
  // ML kinds build tfjs models, which need the wasm backend.
  beforeAll(async () => {
    await initMlBackend();
  });

  it('has a behaviour for exactly the kinds the scenario schema accepts', () => {
    expect(Object.keys(AGENT_FACTORIES).sort()).toEqual(agentKindNames());
  });

  it('builds every kind from the schema defaults and lets it act at its first block', () => {
    for (const kind of agentKindNames()) {
      const params = AGENT_KINDS[kind]!.params.parse({});
      // As many hotkeys as the kind controls (a sybil owner several), as the world gives it.
      const hotkeys = Array.from({ length: agentKeysOf(kind, params).hotkeys }, (_v, k) => (k === 0 ? 'hk1' : `hk1.h${k}`));
      // ML kinds get their subnet's task, as the scenario loader gives it to them.
      const task = ML_TASK_KINDS.has(kind) ? { task: mlTaskSpec('regression', 'registry') } : {};
      const spec = { id: `sn1.${kind}.0`, kind, group: 'g', coldkey: 'ck', hotkey: 'hk1', hotkeys, netuid: 1, params, ...task };
      const agent = createAgent(spec, Rng.fromSeed(`agent/${spec.id}`));
      expect(agent.spec).toBe(spec);
      const w = fakeWorld(fakeSubnet(4, { served: [0.5, null, 0.7, 0.2] }), 1);
      const decision = agent.act(viewAt(w, agent.firstBlock));
      if (decision.nextBlock !== null) expect(decision.nextBlock).toBeGreaterThan(agent.firstBlock);
    }
  });

  it('has no factory for an unknown kind, and refuses to build one', () => {
    expect(agentFactoryFor('miner.no_such_kind')).toBeUndefined();
    expect(agentFactoryFor('toString')).toBeUndefined();
    const spec = { id: 'x', kind: 'miner.no_such_kind', group: 'g', coldkey: 'ck', hotkey: 'hk', hotkeys: ['hk'], netuid: 1, params: {} };
    expect(() => createAgent(spec, Rng.fromSeed('x'))).toThrow(AssertionError);
  });
});
