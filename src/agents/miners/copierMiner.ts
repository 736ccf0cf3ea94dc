/**
 * `miner.copier`: serves another miner's outputs with a delay. Every `observe_every_blocks` it
 * fetches what its target serves now (the off-chain `servedQuality`, as any client querying that
 * miner could) and records it; it serves the record taken `delay_blocks` ago (the latest record
 * at or before `block − delay_blocks`) minus `degradation`, clamped at 0.
 *
 * Target: UID `target_uid` when set; otherwise, at each observation, the miner with the largest
 * incentive in the last epoch (`lastIncentiveRao`, ties → lowest UID), among the other UIDs that
 * serve something. It records nothing while there is no such UID (at genesis, before the first
 * epoch, nobody has incentive) or the fixed target serves nothing or is itself. Each record is what
 * the copier fetched then, from whichever UID was its target then.
 *
 * It announces a quality (`serve`) only when it changes. Until a record is `delay_blocks` old it
 * has nothing to serve and sends nothing (so validators see it serve nothing); a record of "nothing
 * fetched" keeps the last quality it served. It sends no chain action and retires once it has held
 * a UID and lost it (pruned), like `miner.honest`. It draws nothing from its RNG.
 */
import type { Agent, AgentDecision, AgentFactory, AgentSpec } from '../agent.ts';
import type { AgentView, SubnetView } from '../agentView.ts';
import { integerParam, nullableIntegerParam, numberParam } from '../agentParams.ts';
import { UidWatch } from './uidWatch.ts';

export const COPIER_MINER_KIND = 'miner.copier';

export interface CopierMinerParams {
  /** The UID to copy, or null for the best-incentive miner at each observation. */
  readonly targetUid: number | null;
  readonly delayBlocks: number;
  readonly degradation: number;
  readonly observeEveryBlocks: number;
}

export function readCopierMinerParams(spec: AgentSpec): CopierMinerParams {
  return {
    targetUid: nullableIntegerParam(spec, 'target_uid', 0),
    delayBlocks: integerParam(spec, 'delay_blocks', 0),
    degradation: numberParam(spec, 'degradation', 0, 1),
    observeEveryBlocks: integerParam(spec, 'observe_every_blocks', 1),
  };
}

/**
 * The UID with the largest last-epoch incentive among the UIDs other than `selfUid` that serve
 * something (ties → lowest UID); null when none has positive incentive.
 */
export function bestIncentiveUid(view: AgentView, subnet: SubnetView, selfUid: number | null): number | null {
  let best: number | null = null;
  let bestRao = 0n;
  for (let u = 0; u < subnet.n; u++) {
    if (u === selfUid) continue;
    const rao = subnet.lastIncentiveRao[u] ?? 0n;
    if (rao > bestRao && view.servedQuality(subnet.netuid, u) !== null) {
      best = u;
      bestRao = rao;
    }
  }
  return best;
}

interface Observation {
  readonly block: number;
  /** What the target served then (null = nothing fetched). */
  readonly quality: number | null;
}

export class CopierMiner implements Agent {
  readonly spec: AgentSpec;
  readonly firstBlock = 1;
  readonly params: CopierMinerParams;
  /** Observations, oldest first; only the newest one old enough to serve is kept of the old ones. */
  readonly #history: Observation[] = [];
  #servedQuality: number | null = null;
  readonly #life = new UidWatch();

  constructor(spec: AgentSpec) {
    this.spec = spec;
    this.params = readCopierMinerParams(spec);
  }

  act(view: AgentView): AgentDecision {
    if (this.#life.retiredAfter(view)) return { actions: [], nextBlock: null };
    const selfUid = view.self.uid;
    const subnet = view.subnet(this.spec.netuid);
    if (subnet === undefined) {
      this.#life.retire();
      return { actions: [], nextBlock: null };
    }
    this.#history.push({ block: view.block, quality: this.#fetch(view, subnet, selfUid) });

    const cutoff = view.block - this.params.delayBlocks;
    // Drop records superseded by a newer one that is also old enough.
    while (this.#history.length >= 2 && this.#history[1]!.block <= cutoff) this.#history.shift();
    const due = this.#history[0]!;
    const actions = [];
    if (due.block <= cutoff && due.quality !== null) {
      const quality = Math.max(0, due.quality - this.params.degradation);
      if (quality !== this.#servedQuality) actions.push({ type: 'serve' as const, netuid: this.spec.netuid, quality });
      this.#servedQuality = quality;
    }
    return { actions, nextBlock: view.block + this.params.observeEveryBlocks };
  }

  /** What the target serves now, or null when there is no target or it serves nothing. */
  #fetch(view: AgentView, subnet: SubnetView, selfUid: number | null): number | null {
    const fixed = this.params.targetUid;
    const target = fixed === null ? bestIncentiveUid(view, subnet, selfUid) : fixed < subnet.n && fixed !== selfUid ? fixed : null;
    return target === null ? null : view.servedQuality(this.spec.netuid, target);
  }
}

export const createCopierMiner: AgentFactory = (spec) => new CopierMiner(spec);
