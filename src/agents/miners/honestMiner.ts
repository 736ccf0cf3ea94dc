/**
 * `miner.honest`: serves outputs of a true quality drawn once from its `quality` distribution
 * (clamped to [0, 1]); every simulated day the quality takes one step of a Gaussian random walk
 * (sd `drift_sd_per_day`) plus a trend (`improvement_per_day`), clamped to [0, 1] after each day.
 * It never sends a chain action: the simulator registers and stakes it at genesis.
 *
 * Serving is off-chain (Action `serve`): the miner announces a quality when it first acts and
 * again whenever a day changed it. A miner whose quality can never change (no drift, no trend)
 * sleeps for good after its first serve, so constant populations cost nothing per block.
 *
 * Pruning: once the miner has held a UID and then finds none, it retires (nextBlock null). It sends
 * no chain actions, so it cannot re-register, and updating a quality nobody can query is
 * pointless; what validators see for the UID is the simulator's business (the UID's new holder
 * serves its own quality, or nothing). Before it has ever held a UID (an agent that joins later and
 * is registered by the simulator) it serves and evolves normally.
 */
import { assert } from '../../primitives/assert.ts';
import type { Rng } from '../../primitives/rng.ts';
import type { Agent, AgentDecision, AgentFactory, AgentSpec } from '../agent.ts';
import type { AgentView } from '../agentView.ts';
import { numberParam, rawParam } from '../agentParams.ts';
import { asNumberDistribution, sampleNumberDistribution, type NumberDistributionShape } from '../sampleDistribution.ts';
import { UidWatch } from './uidWatch.ts';
import { clampUnit } from './clampQuality.ts';

export const HONEST_MINER_KIND = 'miner.honest';

export interface HonestMinerParams {
  readonly quality: NumberDistributionShape;
  readonly driftSdPerDay: number;
  readonly improvementPerDay: number;
}

export function readHonestMinerParams(spec: AgentSpec): HonestMinerParams {
  return {
    quality: asNumberDistribution(rawParam(spec, 'quality'), `agent ${spec.id}: params.quality`),
    driftSdPerDay: numberParam(spec, 'drift_sd_per_day', 0),
    improvementPerDay: numberParam(spec, 'improvement_per_day'),
  };
}


export class HonestMiner implements Agent {
  readonly spec: AgentSpec;
  readonly firstBlock = 1;
  readonly params: HonestMinerParams;
  readonly #rng: Rng;
  #quality: number;
  /** The quality last announced with `serve` (null before the first). */
  #servedQuality: number | null = null;
  /** Block of the first act; day k of the miner's life starts at `#startBlock + k · blocksPerDay`. */
  #startBlock: number | null = null;
  #daysApplied = 0;
  readonly #life = new UidWatch();

  constructor(spec: AgentSpec, rng: Rng) {
    this.spec = spec;
    this.params = readHonestMinerParams(spec);
    this.#rng = rng;
    this.#quality = clampUnit(sampleNumberDistribution(this.params.quality, rng));
  }

  /** The current true quality (what the miner serves, or will serve at its next act). */
  get quality(): number {
    return this.#quality;
  }

  act(view: AgentView): AgentDecision {
    if (this.#life.retiredAfter(view)) return { actions: [], nextBlock: null };
    const blocksPerDay = view.blocksPerDay;
    assert(Number.isSafeInteger(blocksPerDay) && blocksPerDay > 0, () => `blocksPerDay must be a positive integer, got ${blocksPerDay}`);
    this.#startBlock ??= view.block;
    // Whole days since the first act, so a late wake-up still applies every missed day in order.
    const daysElapsed = Math.floor((view.block - this.#startBlock) / blocksPerDay);
    while (this.#daysApplied < daysElapsed) {
      this.#stepOneDay();
      this.#daysApplied++;
    }
    const actions =
      this.#quality === this.#servedQuality ? [] : [{ type: 'serve' as const, netuid: this.spec.netuid, quality: this.#quality }];
    this.#servedQuality = this.#quality;
    const evolves = this.params.driftSdPerDay > 0 || this.params.improvementPerDay !== 0;
    return { actions, nextBlock: evolves ? this.#startBlock + (this.#daysApplied + 1) * blocksPerDay : null };
  }

  /** One day: drift, then trend, then clamp (a clamped walk: it sticks at a bound, never reflects). */
  #stepOneDay(): void {
    const drift = this.params.driftSdPerDay > 0 ? this.#rng.nextNormal(0, this.params.driftSdPerDay) : 0;
    this.#quality = clampUnit(this.#quality + drift + this.params.improvementPerDay);
  }
}

export const createHonestMiner: AgentFactory = (spec, rng) => new HonestMiner(spec, rng);
