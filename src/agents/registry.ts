/**
 * Agent kind (`role.behaviour`, as written in a scenario's `population[].kind`) → factory. The
 * parameter schemas of the same kinds live in src/sim/scenario/agentKinds.ts; a unit test keeps
 * the two lists equal.
 */
import type { Agent, AgentFactory, AgentSpec } from './agent.ts';
import type { Rng } from '../primitives/rng.ts';
import { assert } from '../primitives/assert.ts';
import { createHonestMiner, HONEST_MINER_KIND } from './miners/honestMiner.ts';
import { createHonestValidator, HONEST_VALIDATOR_KIND } from './validators/honestValidator.ts';

export const AGENT_FACTORIES: Readonly<Record<string, AgentFactory>> = Object.freeze({
  [HONEST_MINER_KIND]: createHonestMiner,
  [HONEST_VALIDATOR_KIND]: createHonestValidator,
});

export function agentFactoryFor(kind: string): AgentFactory | undefined {
  return Object.prototype.hasOwnProperty.call(AGENT_FACTORIES, kind) ? AGENT_FACTORIES[kind] : undefined;
}

/**
 * Builds the agent for `spec` from its own RNG substream. The loader has already rejected unknown
 * kinds with a user-facing message, so an unknown kind here is a bug.
 */
export function createAgent(spec: AgentSpec, rng: Rng): Agent {
  const factory = agentFactoryFor(spec.kind);
  assert(factory !== undefined, () => `no agent behaviour for kind ${spec.kind} (agent ${spec.id})`);
  return factory(spec, rng);
}
