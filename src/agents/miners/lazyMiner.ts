/**
 * `miner.lazy`: a `miner.honest` (same quality, drift and trend parameters, same quality path for
 * the same stream) that is up only part of the time. At the start of each simulated day of its
 * life it is up with probability `uptime` (one Bernoulli draw per day, independent across days);
 * on an up day it serves its true quality, on a down day stale output, modelled as the true
 * quality minus `stale_penalty`, clamped at 0.
 *
 * Like the honest miner it sends no chain action and announces a quality (`serve`) only when it
 * changes; it wakes once per day (or never again when neither its quality nor its uptime can vary:
 * no drift, no trend, uptime 0 or 1). It retires once it has held a UID and lost it (pruned).
 *
 * Streams: the inner honest miner uses the agent's stream as `miner.honest` would; the daily
 * uptime draws come from the substream `uptime`, so the uptime coin never shifts the quality path.
 */
import { assert } from '../../primitives/assert.ts';
import type { Rng } from '../../primitives/rng.ts';
import type { Agent, AgentDecision, AgentFactory, AgentSpec } from '../agent.ts';
import type { AgentView } from '../agentView.ts';
import { numberParam } from '../agentParams.ts';
import { HonestMiner } from './honestMiner.ts';
import { UidWatch } from './uidWatch.ts';

export const LAZY_MINER_KIND = 'miner.lazy';

export interface LazyMinerParams {
  /** Probability of being up on a given day, in [0, 1]. */
  readonly uptime: number;
  /** Quality lost by stale output on a down day, in [0, 1]. */
  readonly stalePenalty: number;
}

export function readLazyMinerParams(spec: AgentSpec): LazyMinerParams {
  return { uptime: numberParam(spec, 'uptime', 0, 1), stalePenalty: numberParam(spec, 'stale_penalty', 0, 1) };
}

export class LazyMiner implements Agent {
  readonly spec: AgentSpec;
  readonly firstBlock = 1;
  readonly params: LazyMinerParams;
  readonly #inner: HonestMiner;
  readonly #uptimeRng: Rng;
  #startBlock: number | null = null;
  /** Days whose up/down coin has been drawn (day k is drawn when the miner first acts in or after it). */
  #daysDrawn = 0;
  #up = true;
  #servedQuality: number | null = null;
  readonly #life = new UidWatch();

  constructor(spec: AgentSpec, rng: Rng) {
    this.spec = spec;
    this.params = readLazyMinerParams(spec);
    this.#uptimeRng = rng.stream('uptime');
    this.#inner = new HonestMiner(spec, rng);
  }

  /** Its true quality (what it serves on an up day). */
  get quality(): number {
    return this.#inner.quality;
  }

  /** Whether the current day is an up day. */
  get up(): boolean {
    return this.#up;
  }

  act(view: AgentView): AgentDecision {
    if (this.#life.retiredAfter(view)) return { actions: [], nextBlock: null };
    const blocksPerDay = view.blocksPerDay;
    assert(Number.isSafeInteger(blocksPerDay) && blocksPerDay > 0, () => `blocksPerDay must be a positive integer, got ${blocksPerDay}`);
    this.#startBlock ??= view.block;
    // The inner miner applies its own elapsed days (same start block); its serve actions are not ours.
    this.#inner.act(view);
    const today = Math.floor((view.block - this.#startBlock) / blocksPerDay);
    // One draw per day in order, so a late wake-up consumes the missed days' coins too.
    while (this.#daysDrawn <= today) {
      this.#up = this.#uptimeRng.nextBool(this.params.uptime);
      this.#daysDrawn++;
    }
    const quality = this.#up ? this.#inner.quality : Math.max(0, this.#inner.quality - this.params.stalePenalty);
    const actions = quality === this.#servedQuality ? [] : [{ type: 'serve' as const, netuid: this.spec.netuid, quality }];
    this.#servedQuality = quality;
    const p = this.#inner.params;
    const varies = p.driftSdPerDay > 0 || p.improvementPerDay !== 0 || (this.params.uptime > 0 && this.params.uptime < 1);
    return { actions, nextBlock: varies ? this.#startBlock + (today + 1) * blocksPerDay : null };
  }
}

export const createLazyMiner: AgentFactory = (spec, rng) => new LazyMiner(spec, rng);
