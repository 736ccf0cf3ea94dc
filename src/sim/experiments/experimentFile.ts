/**
 * A research experiment file: a built-in computation (not a world simulation) with named
 * parameters, run by `yumalab sweep` through the same axes, seeds, cache and workers as scenario
 * sweeps. One experiment exists, `consensus_guarantees` — the retention maps of
 * shared/spec/retention-map.md — whose parameters are those of one map:
 *
 *     experiment: consensus_guarantees
 *     name: consensus-guarantees
 *     seed: 0
 *     parameters: {stake: 0.6, weights_stddev: 0.4, kappa: 0.5, bonds_penalty: 1,
 *                  validator_emission_ratio: 0.5, numeric: float, weight_steps: 50}
 *     sweep: {grid: {parameters.stake: [...]}, zip: {...}, replicates: 4}
 *
 * Problems are reported like scenario problems (`file:line:col: key.path: message`); overrides
 * (`--set parameters.kappa=0.6`, sweep coordinates) are applied to the data before validation.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { formatPath, InputError, parseStructuredText, positionOf } from '../input/readStructuredFile.ts';
import type { ScenarioOverride } from '../scenario/scenarioOverride.ts';
import { integer, strict } from '../scenario/schemaParts.ts';
import { sweepSchema, type RawSweep } from '../sweep/sweepSchema.ts';
import type { RetentionParams } from './consensusGuarantees/retentionParams.ts';

export const EXPERIMENT_KINDS = ['consensus_guarantees'] as const;

const fraction = (open: boolean) =>
  z
    .number({ error: (iss) => (iss.input === undefined ? undefined : 'expected a number') })
    .refine((v) => Number.isFinite(v) && (open ? v > 0 && v < 1 : v >= 0 && v <= 1), { error: (iss) => `must be in ${open ? '(0, 1)' : '[0, 1]'}, got ${String(iss.input)}` });

export const consensusGuaranteesParametersSchema = strict({
  stake: fraction(true),
  weights_stddev: z.number().refine((v) => Number.isFinite(v) && v >= 0 && v <= 10, { error: (iss) => `must be in [0, 10], got ${String(iss.input)}` }),
  kappa: fraction(false),
  bonds_penalty: fraction(false),
  validator_emission_ratio: fraction(false),
  numeric: z.enum(['chain', 'float']),
  weight_steps: integer(1, 1000),
});

/** Parameter names, for sweep paths (`parameters.<name>`) and messages. */
export const CONSENSUS_GUARANTEES_PARAMETERS = Object.keys(consensusGuaranteesParametersSchema.shape) as (keyof z.output<typeof consensusGuaranteesParametersSchema>)[];

const experimentFileSchema = strict({
  experiment: z.enum(EXPERIMENT_KINDS),
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, _ and - (it names the output directory)'),
  description: z.string().optional(),
  seed: integer(0).optional(),
  parameters: consensusGuaranteesParametersSchema,
  sweep: sweepSchema.optional(),
});

export interface ExperimentFile {
  readonly experiment: (typeof EXPERIMENT_KINDS)[number];
  readonly name: string;
  readonly description: string;
  readonly seed: number;
  readonly params: RetentionParams;
  /** The resolved parameters as written keys (what the run's manifest records). */
  readonly parameters: z.output<typeof consensusGuaranteesParametersSchema>;
  readonly sweep: RawSweep | undefined;
}

/** Whether a file is an experiment file: a top-level `experiment:` key (a cheap look, before the full parse). */
export function isExperimentFile(file: string): boolean {
  try {
    return /^experiment\s*:/m.test(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

/** Whether a dotted path is an experiment key an override or sweep axis may set. */
export function experimentPathOk(path: string): boolean {
  const [head, name, ...rest] = path.split('.');
  if (head === 'seed' || head === 'description') return name === undefined;
  return head === 'parameters' && rest.length === 0 && (CONSENSUS_GUARANTEES_PARAMETERS as readonly string[]).includes(name ?? '');
}

export function parseExperimentFile(text: string, file: string, overrides: readonly ScenarioOverride[]): ExperimentFile {
  const parsed = parseStructuredText(text, file);
  const data = parsed.doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  const setProblems: string[] = [];
  for (const o of overrides) {
    if (!experimentPathOk(o.path)) {
      setProblems.push(`${o.label}: '${o.path}' is not an experiment key (parameters.<${CONSENSUS_GUARANTEES_PARAMETERS.join('|')}> or seed)`);
      continue;
    }
    const [head, name] = o.path.split('.');
    if (name === undefined) data[head!] = o.value;
    else {
      const params = (data.parameters ?? {}) as Record<string, unknown>;
      if (typeof params !== 'object' || params === null) continue;
      params[name] = o.value;
      data.parameters = params;
    }
  }
  if (setProblems.length > 0) throw new InputError(setProblems);
  const result = experimentFileSchema.safeParse(data);
  if (!result.success) {
    throw new InputError(
      result.error.issues.flatMap((issue) => {
        const path = [...issue.path];
        const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...path, k]) : [path];
        return keys.map((p, i) => {
          const owner = overrides.findLast((o) => formatPath(p) === o.path);
          const message = issue.code === 'unrecognized_keys' ? (issue.message.split('\n')[i] ?? issue.message) : issue.code === 'invalid_type' && issue.input === undefined ? 'required key is missing' : issue.message;
          return owner !== undefined ? `${owner.label}: ${message}` : `${file}:${positionOf(parsed, p, issue.code === 'unrecognized_keys' ? 'key' : 'value')}: ${formatPath(p)}: ${message}`;
        });
      }),
    );
  }
  const r = result.data;
  const p = r.parameters;
  return {
    experiment: r.experiment,
    name: r.name,
    description: r.description ?? '',
    seed: r.seed ?? 0,
    parameters: p,
    params: {
      stake: p.stake,
      weightsStddev: p.weights_stddev,
      kappa: p.kappa,
      bondsPenalty: p.bonds_penalty,
      validatorEmissionRatio: p.validator_emission_ratio,
      mode: p.numeric,
      seed: r.seed ?? 0,
      weightSteps: p.weight_steps,
    },
    sweep: r.sweep,
  };
}
