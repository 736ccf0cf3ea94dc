/**
 * An agent: a behaviour attached to one coldkey/hotkey on one subnet. It sees an `AgentView`, never
 * the state, and returns actions plus the block it next wants to act in — so a run of 16,000 agents
 * does not wake each one every block. It is deterministic given its RNG substream (`agent/<id>` of
 * the run seed) and what its views showed.
 */
import type { Rng } from '../primitives/rng.ts';
import type { Action } from './action.ts';
import type { AgentView } from './agentView.ts';
import type { MlTaskSpec } from './ml/mlTaskSpec.ts';

export interface AgentSpec {
  /** Stable id `<subnet name>.<group>.<index>`. */
  readonly id: string;
  /** `role.behaviour`, e.g. `validator.honest`. */
  readonly kind: string;
  readonly group: string;
  readonly coldkey: string;
  /** Its main hotkey (`hotkeys[0]`): the one it registers, stakes and serves with by default. */
  readonly hotkey: string;
  /**
   * Every hotkey it controls, all owned by `coldkey` (a sybil owner runs several identities); the
   * first is `hotkey`, the others `<id>.h<k>`. Agents without any UID (traders) still have one.
   */
  readonly hotkeys: readonly string[];
  readonly netuid: number;
  /** The kind's parameters, validated and with defaults filled by the scenario loader. */
  readonly params: Readonly<Record<string, unknown>>;
  /** The subnet's Proof-of-Intelligence task (`subnets[].task`), given to ML agents only. */
  readonly task?: MlTaskSpec;
}

export interface AgentDecision {
  readonly actions: readonly Action[];
  /** The next block the agent wants to act in; must be > the current block (null = never again). */
  readonly nextBlock: number | null;
}

export interface Agent {
  readonly spec: AgentSpec;
  /** The first block the agent acts in (usually 1, or staggered). */
  readonly firstBlock: number;
  act(view: AgentView): AgentDecision;
}

/** Builds an agent from its spec and its own RNG substream. */
export type AgentFactory = (spec: AgentSpec, rng: Rng) => Agent;
