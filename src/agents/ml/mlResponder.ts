/**
 * An agent that answers Proof-of-Intelligence queries: given a validator's inputs (row-major,
 * `count` rows), it returns one prediction per row, or null when it does not answer. The world
 * routes `AgentView.query` to the responder holding the queried UID's hotkey. Answering must be
 * deterministic and side-effect free: a validator's query may not change the miner, or the order
 * in which validators query would change the run.
 *
 * `late` marks an answer that could not have arrived within a validator's timeout — a miner that
 * forwards the query to another miner and relays its answer (`miner.ml_copier`) pays a second
 * round trip. Whether a late answer counts is the validator's rule, not the chain's.
 */
import type { Agent } from '../agent.ts';

export interface MlAnswer {
  readonly predictions: Float32Array;
  readonly late: boolean;
}

/** Forwards the same query to another UID of the subnet (as any client could), or null. */
export type MlRelay = (uid: number) => MlAnswer | null;

export interface MlResponder {
  answerQuery(inputs: Float32Array, count: number, block: number, relay: MlRelay): MlAnswer | null;
}

export function isMlResponder(agent: Agent): agent is Agent & MlResponder {
  return typeof (agent as Partial<MlResponder>).answerQuery === 'function';
}
