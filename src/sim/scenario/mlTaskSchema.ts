/**
 * `subnets[].task`: the Proof-of-Intelligence task of a subnet (src/agents/ml/mlTaskSpec.ts) — what
 * its ML miners learn and its ML validators measure. Keys that only apply to one kind or source
 * are refused on the others, so a scenario never carries a setting that silently does nothing.
 */
import { z } from 'zod';
import { mlTaskSpec, type MlTaskSpec } from '../../agents/ml/mlTaskSpec.ts';
import type { Problem } from './resolveScenario.ts';
import { documented, integer, positiveNumber, strict } from './schemaParts.ts';

export const mlTaskSchema = strict({
  kind: documented(z.enum(['regression', 'classification']), {
    type: 'regression | classification',
    doc: 'Regression (one value per example, loss MSE / target variance) or classification (one probability per class, loss cross-entropy / ln classes).',
  }),
  source: documented(z.enum(['teacher', 'gaussian_mixture']).optional(), {
    type: 'teacher | gaussian_mixture',
    default: 'teacher (regression), gaussian_mixture (classification)',
    doc: 'The seeded data source: a fixed random tanh teacher network (inputs N(0, I); classification labels = argmax of its outputs), or one Gaussian cluster per class (classification only).',
  }),
  seed: documented(z.string().min(1).optional(), {
    type: 'string',
    default: 'the subnet name',
    doc: 'Names the data source (independent of the run seed): the same task keys give the same function in every run.',
  }),
  input_dim: documented(integer(1, 256).optional(), { type: 'integer', unit: 'features', default: '8', doc: 'Input features per example.' }),
  hidden_units: documented(integer(1, 256).optional(), { type: 'integer', unit: 'units', default: '16', doc: 'Source teacher: hidden units of the teacher network (its complexity).' }),
  classes: documented(integer(2, 64).optional(), { type: 'integer', unit: 'classes', default: '4', doc: 'Classification: number of classes.' }),
  separation: documented(positiveNumber().optional(), {
    type: 'number',
    default: '3',
    doc: 'Source gaussian_mixture: typical distance of a class mean from the origin (coordinates N(0, separation² / input_dim)).',
  }),
  cluster_sd: documented(positiveNumber().optional(), { type: 'number', default: '1', doc: 'Source gaussian_mixture: standard deviation of each cluster around its mean, per coordinate.' }),
  label_noise_sd: documented(positiveNumber(true).optional(), {
    type: 'number',
    default: '0.05',
    doc: 'Regression: standard deviation of the noise on miners’ training labels (validators evaluate on noise-free targets).',
  }),
  label_flip_probability: documented(z.number().min(0).max(1).optional(), {
    type: 'fraction',
    default: '0.05',
    doc: 'Classification: probability that a miner’s training label is replaced by a random class (validators evaluate on true labels).',
  }),
  drift_per_day: documented(positiveNumber(true).optional(), {
    type: 'number',
    unit: 'radians per day',
    default: '0',
    doc: 'Concept drift: rotation speed of the source (teacher weights or class means) between two random endpoints (0 = a static task).',
  }),
});

export type RawMlTask = z.infer<typeof mlTaskSchema>;

type Key = keyof RawMlTask;

/** Resolves a subnet's `task:` with its defaults, reporting keys that do not apply at `at`. */
export function resolveMlTask(raw: RawMlTask, subnetName: string, at: readonly PropertyKey[], problems: Problem[]): MlTaskSpec {
  const classification = raw.kind === 'classification';
  const source = raw.source ?? (classification ? 'gaussian_mixture' : 'teacher');
  const refuse = (key: Key, why: string): void => {
    if (raw[key] !== undefined) problems.push({ path: [...at, key], message: `${key} ${why}`, at: 'key' });
  };
  if (!classification && source === 'gaussian_mixture') problems.push({ path: [...at, 'source'], message: 'gaussian_mixture is a classification source; a regression task uses teacher' });
  if (classification) refuse('label_noise_sd', 'applies to regression tasks only (classification uses label_flip_probability)');
  else {
    refuse('classes', 'applies to classification tasks only');
    refuse('label_flip_probability', 'applies to classification tasks only (regression uses label_noise_sd)');
  }
  if (source === 'teacher') {
    refuse('separation', 'applies to the gaussian_mixture source only');
    refuse('cluster_sd', 'applies to the gaussian_mixture source only');
  } else refuse('hidden_units', 'applies to the teacher source only');
  const fields = {
    source,
    inputDim: raw.input_dim,
    hiddenUnits: raw.hidden_units,
    classes: raw.classes,
    separation: raw.separation,
    clusterSd: raw.cluster_sd,
    labelNoiseSd: raw.label_noise_sd,
    labelFlipProbability: raw.label_flip_probability,
    driftPerDay: raw.drift_per_day,
  };
  // Absent keys take mlTaskSpec's defaults (undefined values are dropped, not passed as values).
  return mlTaskSpec(raw.kind, raw.seed ?? subnetName, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
}
