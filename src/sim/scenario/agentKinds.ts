/**
 * The agent kinds a scenario may name in `population[].kind`, each with the schema of its
 * `params` and a one-line description. The behaviours themselves live in src/agents (written
 * against these schemas); keeping the parameter schemas here lets `yumalab validate` check a
 * scenario without loading any agent code, and lets the README document every parameter.
 *
 * Adding a kind: add an entry below (strict params with a default for every key), then document
 * it — the README test fails until scenarios/README.md lists its parameters.
 */
import { z } from 'zod';
import { numberDistributionSchema } from './numberDistribution.ts';
import { documented, integer, positiveNumber, strict } from './schemaParts.ts';

export interface AgentKind {
  /** One line for the README and error messages. */
  readonly doc: string;
  /** Schema of `params`; its output (defaults filled) is what the agent receives. */
  readonly params: z.ZodType<Readonly<Record<string, unknown>>>;
  /**
   * How many hotkeys one agent of the kind controls and how many of them hold a UID at genesis
   * (default: one of each). Traders hold no UID; a sybil owner holds several; a UID sniper starts
   * unregistered and registers through the chain.
   */
  readonly keys?: (params: Readonly<Record<string, unknown>>) => AgentKeys;
}

export interface AgentKeys {
  readonly hotkeys: number;
  readonly genesisUids: number;
}

const ONE_UID: AgentKeys = { hotkeys: 1, genesisUids: 1 };

/** Hotkeys and genesis UIDs of one agent of `kind` with its parsed `params`. */
export function agentKeysOf(kind: string, params: Readonly<Record<string, unknown>>): AgentKeys {
  return findAgentKind(kind)?.keys?.(params) ?? ONE_UID;
}

const minerHonestParams = strict({
  quality: documented(numberDistributionSchema.default({ distribution: 'uniform', min: 0, max: 1 }), {
    type: 'number distribution',
    default: '{distribution: uniform, min: 0, max: 1}',
    doc: 'True quality of each miner, drawn once at genesis (clamped to [0, 1]).',
  }),
  drift_sd_per_day: documented(positiveNumber(true).default(0), {
    type: 'number',
    unit: 'quality per √day',
    default: '0',
    doc: 'Standard deviation of the random walk quality follows (0 = constant quality).',
  }),
  improvement_per_day: documented(z.number().refine(Number.isFinite, 'expected a finite number').default(0), {
    type: 'number',
    unit: 'quality per day',
    default: '0',
    doc: 'Deterministic trend added to quality every day (negative = decay).',
  }),
});

const validatorHonestParams = strict({
  noise_sd: documented(positiveNumber(true).default(0.05), {
    type: 'number',
    unit: 'quality',
    default: '0.05',
    doc: 'Standard deviation of the Gaussian noise on each evaluation of a miner’s true quality.',
  }),
  sample_size: documented(integer(0).default(0), {
    type: 'integer',
    unit: 'miners',
    default: '0',
    doc: 'Miners evaluated per round, drawn without replacement (0 = all miners).',
  }),
  weights_every_blocks: documented(integer(1).nullable().default(null), {
    type: 'integer | null',
    unit: 'blocks',
    default: 'null',
    doc: 'Blocks between two weight settings (null = once per subnet tempo); the chain rate limit still applies.',
  }),
  score_ema: documented(positiveNumber(true).refine((v) => v <= 1, 'must be in [0, 1]').default(1), {
    type: 'number',
    default: '1',
    doc: 'Weight of the newest evaluation in the score moving average (1 = use only the latest).',
  }),
});

const validatorLazyParams = strict({
  noise_sd: validatorHonestParams.shape.noise_sd,
  sample_size: documented(integer(1).default(3), {
    type: 'integer',
    unit: 'miners',
    default: '3',
    doc: 'Miners evaluated per round, drawn without replacement; the others keep the score of their last evaluation.',
  }),
  update_every_tempos: documented(integer(1).default(10), {
    type: 'integer',
    unit: 'tempos',
    default: '10',
    doc: 'Subnet tempos between two weight settings (read once, at its first act); the chain rate limit still applies.',
  }),
});

const validatorWeightCopierParams = strict({
  weights_every_blocks: documented(integer(1).nullable().default(null), {
    type: 'integer | null',
    unit: 'blocks',
    default: 'null',
    doc: 'Blocks between two copies (null = once per subnet tempo); it copies the stake-weighted average of the visible (revealed) rows of permitted validators.',
  }),
});

const validatorSelfWeightingParams = strict({
  ...validatorHonestParams.shape,
  self_share: documented(positiveNumber(true).refine((v) => v <= 1, 'must be in [0, 1]').default(0.9), {
    type: 'number',
    unit: 'fraction',
    default: '0.9',
    doc: 'Share of its weight put on its own UID; the rest follows its honest evaluation (1 = pure self-weight).',
  }),
});

const validatorOfflineParams = strict({
  ...validatorHonestParams.shape,
  stop_at_day: documented(positiveNumber(true).default(1), {
    type: 'number',
    unit: 'days',
    default: '1',
    doc: 'Day from which it stops setting weights for good (used when stop_at_block is null).',
  }),
  stop_at_block: documented(integer(0).nullable().default(null), {
    type: 'integer | null',
    unit: 'blocks',
    default: 'null',
    doc: 'Block from which it stops setting weights for good (null = use stop_at_day).',
  }),
});

const minerLazyParams = strict({
  ...minerHonestParams.shape,
  uptime: documented(positiveNumber(true).refine((v) => v <= 1, 'must be in [0, 1]').default(0.8), {
    type: 'number',
    unit: 'probability per day',
    default: '0.8',
    doc: 'Probability of being up on a given day (one independent draw per day); up days serve the true quality.',
  }),
  stale_penalty: documented(positiveNumber(true).refine((v) => v <= 1, 'must be in [0, 1]').default(0.5), {
    type: 'number',
    unit: 'quality',
    default: '0.5',
    doc: 'Quality lost on a down day (stale output): it serves max(0, true quality - stale_penalty).',
  }),
});

const minerCopierParams = strict({
  target_uid: documented(integer(0).nullable().default(null), {
    type: 'integer | null',
    default: 'null',
    doc: 'UID whose outputs it copies (null = at each observation, the serving miner with the largest last-epoch incentive).',
  }),
  delay_blocks: documented(integer(0).default(360), {
    type: 'integer',
    unit: 'blocks',
    default: '360',
    doc: 'It serves what the target served this many blocks ago (nothing until its first observation is that old).',
  }),
  degradation: documented(positiveNumber(true).refine((v) => v <= 1, 'must be in [0, 1]').default(0.02), {
    type: 'number',
    unit: 'quality',
    default: '0.02',
    doc: 'Quality lost in copying: it serves max(0, copied quality - degradation).',
  }),
  observe_every_blocks: documented(integer(1).default(10), {
    type: 'integer',
    unit: 'blocks',
    default: '10',
    doc: 'Blocks between two fetches of the target’s output (the resolution of the delay).',
  }),
});

const validatorCabalParams = strict({
  ...validatorHonestParams.shape,
  favoured_prefix: documented(z.string().default(''), {
    type: 'string',
    default: "''",
    doc: 'Hotkey (= agent id) prefix of the cabal’s miners, e.g. `sn1.cabal_miners.`; empty favours nobody.',
  }),
  boost: documented(z.number().refine((v) => Number.isFinite(v) && v >= 1, 'must be a finite number >= 1').default(10), {
    type: 'number',
    unit: 'factor',
    default: '10',
    doc: 'Factor applied to its honest weight on each favoured miner before rescaling, so the other miners get relatively less.',
  }),
});

export const AGENT_KINDS: Readonly<Record<string, AgentKind>> = Object.freeze({
  'miner.honest': { doc: 'Serves outputs of a true quality drawn from a distribution; the quality may drift or trend.', params: minerHonestParams },
  'miner.lazy': { doc: 'An honest miner that is up only on some days (daily Bernoulli uptime) and serves stale, lower-quality output on the others.', params: minerLazyParams },
  'miner.copier': { doc: 'Serves another miner’s outputs (a fixed UID or the best-incentive miner) with a delay, minus a small degradation.', params: minerCopierParams },
  'validator.honest': { doc: 'Scores a sample of miners by their true quality plus seeded noise and sets weights every interval.', params: validatorHonestParams },
  'validator.cabal': { doc: 'A coalition member: an honest validator that multiplies its weight on the cabal’s own miners (a hotkey prefix) by a boost, under-weighting the rest.', params: validatorCabalParams },
  'validator.lazy': { doc: 'An honest validator that evaluates only a few miners per round and sets weights only every few tempos, so its weights go stale.', params: validatorLazyParams },
  'validator.weight_copier': { doc: 'Evaluates nobody: copies the stake-weighted average of the weights it can see (revealed rows only, so it lags under commit-reveal).', params: validatorWeightCopierParams },
  'validator.self_weighting': { doc: 'An honest validator that puts most of its weight on its own UID (kept by the epoch only for the subnet owner).', params: validatorSelfWeightingParams },
  'validator.offline': { doc: 'An honest validator that stops setting weights for good at a configured block or day.', params: validatorOfflineParams },
});

export function agentKindNames(): string[] {
  return Object.keys(AGENT_KINDS).sort();
}

export function findAgentKind(name: string): AgentKind | undefined {
  return Object.prototype.hasOwnProperty.call(AGENT_KINDS, name) ? AGENT_KINDS[name] : undefined;
}
