/**
 * `validator.honest`: every interval (`weights_every_blocks`, or the subnet tempo when null) it
 * evaluates the miners of its subnet — every other UID that serves something, or a uniform sample
 * of `sample_size` of them drawn without replacement — as true quality + N(0, noise_sd) clamped at
 * 0, keeps a per-UID score EMA (`score_ema` = weight of the newest evaluation), and sets weights
 * proportional to the scores (`commit_weights` while the subnet has commit-reveal on).
 *
 * Timing. The first act (block 1, or whenever the simulator first wakes the agent) only picks a
 * phase: the first evaluation is `offset` ∈ [1, interval] blocks later, drawn from the agent's RNG,
 * so validators do not all set weights in one block; the offset is ≥ 1 so the miners' first
 * `serve` (their first act, block 1) is visible. After that it acts every interval, but never
 * before the chain's rate limit allows (`weights.rs` `check_rate_limit` at 14bc6f9:
 * `LastUpdate == 0 || block - LastUpdate >= WeightsSetRateLimit`, where registration also writes
 * LastUpdate) — it tracks its own last act and reads its UID's registration block, so it does not
 * spam refusals.
 *
 * It skips a round (no action) while it holds no UID, and while it holds no validator permit and is
 * not the subnet owner (the chain refuses it with `NeuronNoValidatorPermit`; permits come from the
 * epoch, so at genesis a validator waits for the first epoch). If its subnet is gone it retires.
 *
 * Scores are keyed by UID and remember the hotkey they were measured on: when a UID's hotkey changes
 * (pruned and re-registered) or it stops serving, its score is forgotten. Weights go to the UIDs
 * with a score, scaled so the best is 65535 (others rounded to nearest), zeros omitted, then padded
 * with zero entries (lowest UIDs first, its own UID last) up to `min(n, MinAllowedWeights)`
 * (`weights.rs` `check_length`); if every score is 0 it sets nothing. Iteration is in UID order.
 */
import type { Rng } from '../../primitives/rng.ts';
import { WeightsSchedule } from './weightsSchedule.ts';
import type { Agent, AgentDecision, AgentFactory, AgentSpec } from '../agent.ts';
import type { AgentView, SubnetView } from '../agentView.ts';
import { integerParam, nullableIntegerParam, numberParam } from '../agentParams.ts';
import { sampleUids } from './sampleUids.ts';

export const HONEST_VALIDATOR_KIND = 'validator.honest';

const U16_MAX = 65535;

export interface HonestValidatorParams {
  readonly noiseSd: number;
  /** Miners evaluated per round; 0 = all. */
  readonly sampleSize: number;
  /** Blocks between rounds; null = the subnet's tempo. */
  readonly weightsEveryBlocks: number | null;
  readonly scoreEma: number;
}

export function readHonestValidatorParams(spec: AgentSpec): HonestValidatorParams {
  return {
    noiseSd: numberParam(spec, 'noise_sd', 0),
    sampleSize: integerParam(spec, 'sample_size', 0),
    weightsEveryBlocks: nullableIntegerParam(spec, 'weights_every_blocks', 1),
    scoreEma: numberParam(spec, 'score_ema', 0, 1),
  };
}

interface Score {
  /** The hotkey the UID had when it was evaluated. */
  readonly hotkey: string | null;
  readonly score: number;
}

/** A weight vector as `set_weights` takes it: UIDs ascending, u16 values. */
export interface WeightVector {
  readonly uids: readonly number[];
  readonly values: readonly number[];
}

/**
 * Scores → u16 weights: the largest score becomes 65535, the others `round(score / max · 65535)`;
 * zero values are omitted, then zero entries are added from `padOrder` (in that order, skipping
 * UIDs already present) until there are `minEntries`. Empty when no score is positive.
 */
export function scoresToWeights(scores: ReadonlyMap<number, number>, minEntries: number, padOrder: readonly number[]): WeightVector {
  let max = 0;
  for (const s of scores.values()) if (s > max) max = s;
  if (!(max > 0)) return { uids: [], values: [] };
  const entries = new Map<number, number>();
  for (const [uid, s] of scores) {
    const value = Math.round((s / max) * U16_MAX);
    if (value > 0) entries.set(uid, Math.min(value, U16_MAX));
  }
  for (const uid of padOrder) {
    if (entries.size >= minEntries) break;
    if (!entries.has(uid)) entries.set(uid, 0);
  }
  const uids = [...entries.keys()].sort((a, b) => a - b);
  return { uids, values: uids.map((u) => entries.get(u)!) };
}

export class HonestValidator implements Agent {
  readonly spec: AgentSpec;
  readonly firstBlock = 1;
  readonly params: HonestValidatorParams;
  readonly #rng: Rng;
  readonly #schedule: WeightsSchedule;
  readonly #scores = new Map<number, Score>();

  constructor(spec: AgentSpec, rng: Rng) {
    this.spec = spec;
    this.params = readHonestValidatorParams(spec);
    this.#rng = rng;
    // The schedule draws its phase from the same stream, first, as before it was shared.
    this.#schedule = new WeightsSchedule(rng, this.params.weightsEveryBlocks);
  }

  /** Current score per UID (ascending), for inspection. */
  scores(): ReadonlyMap<number, number> {
    return new Map([...this.#scores].sort((a, b) => a[0] - b[0]).map(([uid, s]) => [uid, s.score]));
  }

  act(view: AgentView): AgentDecision {
    const subnet = view.subnet(this.spec.netuid);
    if (subnet === undefined) return { actions: [], nextBlock: null };
    const gate = this.#schedule.gate(view, subnet);
    if (!gate.ready) return gate.decision;
    const uid = gate.uid;
    this.#evaluate(view, subnet, uid);
    const current = new Map<number, number>();
    for (const [u, sc] of this.#scores) current.set(u, sc.score);
    const padOrder = [...Array(subnet.n).keys()].filter((u) => u !== uid);
    padOrder.push(uid);
    const w = scoresToWeights(current, Math.min(subnet.n, subnet.minAllowedWeights), padOrder);
    return this.#schedule.decide(view, subnet, gate.intervalBlocks, w);
  }

  /** Forgets stale scores, picks this round's miners and folds their noisy evaluations in. */
  #evaluate(view: AgentView, subnet: SubnetView, selfUid: number): void {
    const netuid = this.spec.netuid;
    const candidates: number[] = [];
    const quality: number[] = [];
    for (let u = 0; u < subnet.n; u++) {
      if (u === selfUid) continue;
      const q = view.servedQuality(netuid, u);
      if (q === null) continue;
      candidates.push(u);
      quality[u] = q;
    }
    for (const [u, s] of [...this.#scores]) {
      if (u >= subnet.n || u === selfUid || quality[u] === undefined || (subnet.hotkeys[u] ?? null) !== s.hotkey) this.#scores.delete(u);
    }
    for (const u of sampleUids(this.#rng, candidates, this.params.sampleSize)) {
      const measured = Math.max(0, quality[u]! + (this.params.noiseSd > 0 ? this.#rng.nextNormal(0, this.params.noiseSd) : 0));
      const old = this.#scores.get(u);
      const score = old === undefined ? measured : this.params.scoreEma * measured + (1 - this.params.scoreEma) * old.score;
      this.#scores.set(u, { hotkey: subnet.hotkeys[u] ?? null, score });
    }
  }
}

export const createHonestValidator: AgentFactory = (spec, rng) => new HonestValidator(spec, rng);
