/**
 * The small pieces the scenario schema is built from: strict objects whose unknown keys get a
 * "did you mean", integers with readable range messages, and the documentation every key
 * carries (type, unit, default, meaning) — the README tables are generated from it
 * (`scenarioKeyDocs.ts`), so schema and documentation cannot drift apart unnoticed.
 */
import { z } from 'zod';
import { didYouMean } from './suggestName.ts';

/** What scenarios/README.md says about one key. */
export interface KeyDoc {
  /** Type as a reader sees it: `integer`, `TAO`, `fraction`, `boolean`, `string`, `list`, `mapping`, … */
  readonly type: string;
  /** Unit of the value, if it has one (`blocks`, `TAO`, `alpha`, `‰ of tempo`, …). */
  readonly unit?: string;
  /** The value used when the key is absent; absent = the key is required. */
  readonly default?: string;
  /** One or two sentences: what the key means and how the simulator uses it. */
  readonly doc: string;
}

/** Attaches the README documentation of a key to its schema. */
export function documented<T extends z.ZodType>(schema: T, info: KeyDoc): T {
  return schema.meta({ ...info }) as T;
}

/** The documentation attached with `documented`, if any. */
export function keyDocOf(schema: z.ZodType): KeyDoc | undefined {
  const meta = z.globalRegistry.get(schema) as Partial<KeyDoc> | undefined;
  return meta !== undefined && typeof meta.doc === 'string' && typeof meta.type === 'string' ? (meta as KeyDoc) : undefined;
}

/**
 * Keys that are not ours but that a user may well write, with the pointer we give instead of a
 * bare "unknown key" (e.g. the chain's deprecated `ActivityCutoff`, which the epoch ignores).
 */
const RENAMED_KEYS: Readonly<Record<string, string>> = {
  activity_cutoff: " (the epoch ignores the chain's deprecated ActivityCutoff; use 'activity_cutoff_factor_milli', in ‰ of tempo)",
  emission_share_rule: " (renamed: use 'emission_rule', same values)",
  liquid_alpha_on: " (did you mean 'liquid_alpha_enabled'?)",
  tempo_blocks: " (did you mean 'tempo'?)",
  task_kind: " (moved: the task belongs to the subnet — write subnets[].task.kind)",
  task_seed: " (moved: the task belongs to the subnet — write subnets[].task.seed)",
  task_input_dim: " (moved: the task belongs to the subnet — write subnets[].task.input_dim)",
  task_hidden_units: " (moved: the task belongs to the subnet — write subnets[].task.hidden_units)",
  task_label_noise_sd: " (moved: the task belongs to the subnet — write subnets[].task.label_noise_sd)",
  task_drift_per_day: " (moved: the task belongs to the subnet — write subnets[].task.drift_per_day)",
};

/** The pointer RENAMED_KEYS gives for a key, or '' (also for `--set` and `control:` paths). */
export function renamedKeyHint(key: string): string {
  return RENAMED_KEYS[key] ?? '';
}

/**
 * A strict object: unknown keys are errors, each with the closest valid key suggested. The zod
 * issue carries one message line per unknown key (in `keys` order); the loader splits them.
 */
export function strict<S extends z.core.$ZodLooseShape>(shape: S) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code !== 'unrecognized_keys') return undefined;
      return iss.keys.map((k) => `unknown key '${k}'${RENAMED_KEYS[k] ?? didYouMean(k, known)}`).join('\n');
    },
  });
}

/** An integer in [min, max] (both safe integers). */
export function integer(min: number, max: number = Number.MAX_SAFE_INTEGER) {
  const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `in [${min}, ${max}]`;
  return z
    .number({ error: (iss) => (iss.input === undefined ? undefined : `expected an integer, got ${typeof iss.input === 'string' ? JSON.stringify(iss.input) : typeof iss.input}`) })
    .refine((v) => Number.isInteger(v), { error: (iss) => `expected an integer, got ${String(iss.input)}`, abort: true })
    .refine((v) => v >= min && v <= max, { error: (iss) => `must be ${range}, got ${String(iss.input)}` });
}

/** A positive float (distribution shapes, standard deviations). */
export function positiveNumber(allowZero = false) {
  return z
    .number({ error: (iss) => (iss.input === undefined ? undefined : 'expected a number') })
    .refine((v) => Number.isFinite(v) && (allowZero ? v >= 0 : v > 0), { error: (iss) => `must be ${allowZero ? '≥ 0' : '> 0'}, got ${String(iss.input)}` });
}

export function booleanSchema() {
  return z.boolean({ error: (iss) => (iss.input === undefined ? undefined : `expected true or false, got ${JSON.stringify(iss.input)}`) });
}

/** An account or group name: letters, digits and `._-/`, so it fits in ids, CSV cells and paths. */
export function nameSchema() {
  return z
    .string({ error: (iss) => (iss.input === undefined ? undefined : 'expected a string') })
    .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, 'use letters, digits and . _ - / (starting with a letter or digit)');
}
