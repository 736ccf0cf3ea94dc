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

export const AGENT_KINDS: Readonly<Record<string, AgentKind>> = Object.freeze({
  'miner.honest': { doc: 'Serves outputs of a true quality drawn from a distribution; the quality may drift or trend.', params: minerHonestParams },
  'validator.honest': { doc: 'Scores a sample of miners by their true quality plus seeded noise and sets weights every interval.', params: validatorHonestParams },
});

export function agentKindNames(): string[] {
  return Object.keys(AGENT_KINDS).sort();
}

export function findAgentKind(name: string): AgentKind | undefined {
  return Object.prototype.hasOwnProperty.call(AGENT_KINDS, name) ? AGENT_KINDS[name] : undefined;
}
