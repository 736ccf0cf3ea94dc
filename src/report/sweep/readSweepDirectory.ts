/**
 * Loads what a sweep report is made from: `sweep.json` (the definition, counts and provenance
 * runSweep.ts writes) and `summary.csv` (one row per run, summaryTable.ts), both checked before
 * anything is drawn — present, parseable, the CSV's sha256 equal to the one sweep.json records
 * (so an edited or half-copied summary is caught), its columns those of the sweep's axes and
 * every coordinate one of its axis's values. Each problem is an InputError of one line naming
 * the file. Metric cells stay text here; aggregateSweepMetric.ts decides what is a number.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { sha256Hex } from '../../sim/artifacts/scenarioHash.ts';
import { InputError } from '../../sim/input/readStructuredFile.ts';
import { parseCsv } from '../../sim/sweep/csvRecords.ts';
import { SWEEP_MANIFEST_FILE } from '../../sim/sweep/sweepFiles.ts';
import { SUMMARY_FILE, valueCell } from '../../sim/sweep/summaryTable.ts';

const SHA256 = z.string().regex(/^[0-9a-f]{64}$/);

/** The fields of sweep.json (runSweep.ts) the report uses. */
const SWEEP_MANIFEST = z.object({
  yumalab_version: z.string(),
  kind: z.literal('sweep'),
  subject: z.string(),
  scenario: z.object({ name: z.string(), file: z.string(), file_sha256: SHA256 }),
  seed: z.number().int(),
  overrides: z.array(z.object({ path: z.string(), value: z.unknown() })),
  axes: z.array(z.object({ path: z.string(), kind: z.enum(['grid', 'zip']), values: z.array(z.unknown()).min(1) })),
  replicates: z.number().int().min(1),
  common_random_numbers: z.boolean(),
  report: z.object({ metric: z.string().nullable(), x: z.string().nullable(), y: z.string().nullable() }),
  runs: z.number().int().nonnegative(),
  complete: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  definition_sha256: SHA256,
  summary_sha256: SHA256,
  digest: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  generated_at: z.string(),
  command: z.array(z.string()),
});

export type SweepManifestData = z.infer<typeof SWEEP_MANIFEST>;

export interface SweepAxisData {
  readonly path: string;
  readonly kind: 'grid' | 'zip';
  /** The values as summary.csv writes them (`valueCell`), in the sweep's order. */
  readonly labels: readonly string[];
}

export interface SweepRunRow {
  readonly index: number;
  /** One label per axis, in axis order. */
  readonly coordinates: readonly string[];
  readonly replicate: number;
  readonly seed: string;
  readonly status: 'complete' | 'failed';
  readonly error: string;
  /** Metric column → cell text (possibly empty). */
  readonly metrics: ReadonlyMap<string, string>;
}

export interface SweepDirectory {
  readonly dir: string;
  readonly manifest: SweepManifestData;
  /** sha256 of sweep.json's bytes. */
  readonly manifestSha256: string;
  readonly axes: readonly SweepAxisData[];
  readonly rows: readonly SweepRunRow[];
  /** The metric columns of summary.csv, in its order (sorted by name). */
  readonly metricNames: readonly string[];
}

/** The columns summary.csv has between the axes and the metrics. */
const FIXED_COLUMNS = ['replicate', 'seed', 'status', 'digest', 'run_dir', 'error'];

export function isSweepDirectory(dir: string): boolean {
  try {
    return statSync(join(dir, SWEEP_MANIFEST_FILE)).isFile();
  } catch {
    return false;
  }
}

export function readSweepDirectory(dir: string): SweepDirectory {
  const manifestText = readText(dir, SWEEP_MANIFEST_FILE, 'not a sweep directory, or the sweep did not finish');
  const manifest = parseManifest(dir, manifestText);
  const summaryText = readText(dir, SUMMARY_FILE, 'the sweep did not finish or the file was moved');
  const summaryPath = join(dir, SUMMARY_FILE);
  const fail = (what: string): never => {
    throw new InputError([`${summaryPath}: ${what}`]);
  };
  if (sha256Hex(summaryText) !== manifest.summary_sha256) fail(`does not match the summary_sha256 in ${SWEEP_MANIFEST_FILE} (corrupt, edited or from another sweep)`);

  const axes: SweepAxisData[] = manifest.axes.map((a) => ({ path: a.path, kind: a.kind, labels: a.values.map(valueCell) }));
  const table = parseCsv(summaryText);
  const header = table.shift() ?? [];
  const expected = ['run', ...axes.map((a) => a.path), ...FIXED_COLUMNS];
  const wrongAt = expected.findIndex((c, i) => header[i] !== c);
  if (wrongAt >= 0) fail(`column ${wrongAt + 1} is '${header[wrongAt] ?? ''}', expected '${expected[wrongAt]}' (not the summary of this sweep)`);
  const metricNames = header.slice(expected.length);
  const rows = table.map((cells, i): SweepRunRow => {
    const line = i + 2;
    if (cells.length !== header.length) fail(`line ${line}: ${cells.length} fields, expected ${header.length}`);
    const at = (name: string): string => cells[header.indexOf(name)]!;
    const coordinates = axes.map((a, k) => {
      const cell = cells[1 + k]!;
      if (!a.labels.includes(cell)) fail(`line ${line}: '${cell}' is not a value of the axis ${a.path}`);
      return cell;
    });
    const status = at('status');
    if (status !== 'complete' && status !== 'failed') fail(`line ${line}: status '${status}' is neither complete nor failed`);
    const index = Number(cells[0]);
    const replicate = Number(at('replicate'));
    if (!/^\d+$/.test(cells[0]!) || !/^\d+$/.test(at('replicate'))) fail(`line ${line}: run and replicate must be whole numbers`);
    return {
      index,
      coordinates,
      replicate,
      seed: at('seed'),
      status: status as 'complete' | 'failed',
      error: at('error'),
      metrics: new Map(metricNames.map((m, k) => [m, cells[expected.length + k]!])),
    };
  });
  if (rows.length !== manifest.runs) fail(`${rows.length} runs, ${SWEEP_MANIFEST_FILE} says ${manifest.runs}`);
  return { dir, manifest, manifestSha256: sha256Hex(manifestText), axes, rows, metricNames };
}

function readText(dir: string, file: string, why: string): string {
  try {
    return readFileSync(join(dir, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError([code === 'ENOENT' ? `${join(dir, file)}: missing (${why})` : `${join(dir, file)}: cannot be read (${code ?? String(e)})`]);
  }
}

function parseManifest(dir: string, text: string): SweepManifestData {
  const path = join(dir, SWEEP_MANIFEST_FILE);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InputError([`${path}: not valid JSON (corrupt or partial sweep)`]);
  }
  const parsed = SWEEP_MANIFEST.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError([`${path}: not a yumalab sweep manifest (${issue.path.join('.') || 'top level'}: ${issue.message})`]);
  }
  return parsed.data;
}
