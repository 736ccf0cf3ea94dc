/**
 * An agent that answers Proof-of-Intelligence queries: given a validator's inputs (row-major,
 * `count` rows), it returns one prediction per row, or null when it does not answer. The world
 * routes `AgentView.query` to the responder holding the queried UID's hotkey. Answering must be
 * deterministic and side-effect free: a validator's query may not change the miner, or the order
 * in which validators query would change the run.
 */
import type { Agent } from '../agent.ts';

export interface MlResponder {
  answerQuery(inputs: Float32Array, count: number, block: number): Float32Array | null;
}

export function isMlResponder(agent: Agent): agent is Agent & MlResponder {
  return typeof (agent as Partial<MlResponder>).answerQuery === 'function';
}
