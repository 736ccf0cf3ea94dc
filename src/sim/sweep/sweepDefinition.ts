/**
 * A sweep section, checked and put in order: its axes (grid axes crossed, zip axes varied
 * together), replicates, seeding and report choice. Cross-key problems — zip lists of unequal
 * length, a path on two axes, a path that is not a scenario key — are `Problem`s at the offending
 * key, so the loader reports them as `file:line:col: sweep.zip.<path>: message`.
 */
import type { Problem } from '../scenario/resolveScenario.ts';
import { renamedKeyHint } from '../scenario/schemaParts.ts';
import type { RawSweep } from './sweepSchema.ts';

export interface SweepAxis {
  /** Dotted key path, as in `--set` and `control:` (`subnets.0.hyperparameters.kappa`). */
  readonly path: string;
  readonly values: readonly unknown[];
  readonly kind: 'grid' | 'zip';
}

export interface SweepReportChoice {
  readonly metric: string | null;
  readonly x: string | null;
  readonly y: string | null;
}

export interface SweepDefinition {
  /** Grid axes in file order, then zip axes in file order. */
  readonly axes: readonly SweepAxis[];
  readonly replicates: number;
  readonly commonRandomNumbers: boolean;
  readonly report: SweepReportChoice;
}

/** Paths a sweep may not vary, with the reason given to the user. */
const RESERVED: Readonly<Record<string, string>> = {
  seed: 'seeds come from the scenario seed and each run\'s coordinates; use sweep.replicates for more seeds',
  name: 'every run of a sweep belongs to the scenario it is named after',
  sweep: 'a sweep cannot vary itself',
  control: 'vary the keys of the control run through the scenario keys themselves',
};

/**
 * Orders and checks a parsed sweep section. `pathOk(path)` says whether a dotted path is a
 * scenario (or experiment) key path; its message names an example.
 */
export function readSweepDefinition(raw: RawSweep, pathOk: (path: string) => boolean, example: string): { definition: SweepDefinition | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const axes: SweepAxis[] = [];
  const seen = new Set<string>();
  for (const kind of ['grid', 'zip'] as const) {
    for (const [path, values] of Object.entries(raw[kind] ?? {})) {
      const head = path.split('.')[0]!;
      if (RESERVED[head] !== undefined) {
        problems.push({ path: ['sweep', kind, path], message: `'${head}' cannot be swept: ${RESERVED[head]}`, at: 'key' });
        continue;
      }
      if (!/^[^.\s]+(\.[^.\s]+)*$/.test(path) || !pathOk(path)) {
        const hint = renamedKeyHint(path.split('.').at(-1)!);
        problems.push({ path: ['sweep', kind, path], message: `'${path}' is not a key path${hint === '' ? ` (e.g. ${example})` : hint}`, at: 'key' });
        continue;
      }
      if (seen.has(path)) {
        problems.push({ path: ['sweep', kind, path], message: `'${path}' is already an axis of sweep.grid; a key can vary on one axis only`, at: 'key' });
        continue;
      }
      seen.add(path);
      axes.push({ path, values, kind });
    }
  }
  const zip = axes.filter((a) => a.kind === 'zip');
  if (zip.length > 1) {
    const first = zip[0]!;
    for (const a of zip.slice(1)) {
      if (a.values.length !== first.values.length) {
        problems.push({
          path: ['sweep', 'zip', a.path],
          message: `zip axes vary together and need lists of one length: '${a.path}' has ${a.values.length} values, '${first.path}' has ${first.values.length} (use sweep.grid for a Cartesian product)`,
        });
      }
    }
  }
  if (problems.length > 0) return { definition: null, problems };
  return {
    definition: {
      axes,
      replicates: raw.replicates ?? 1,
      commonRandomNumbers: raw.common_random_numbers ?? false,
      report: { metric: raw.report?.metric ?? null, x: raw.report?.x ?? null, y: raw.report?.y ?? null },
    },
    problems,
  };
}
