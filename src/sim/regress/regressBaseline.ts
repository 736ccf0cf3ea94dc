/**
 * `baseline/<id>.json`: what one suite scenario produced when the baseline was last written —
 * what ran (the scenario file as the suite names it, its resolved hash, seed, numeric mode,
 * length, the overrides applied), the run's digest, and its key metrics (regressMetrics.ts).
 *
 * The file is deterministic and meant to be reviewed in diffs: keys sorted at every level, two-space
 * indentation, every series' `blocks` and `values` on one line each, numbers as JavaScript's
 * shortest round-trip text (the artifacts' 9 significant digits survive unchanged), non-finite
 * numbers as the strings `"inf"`, `"-inf"`, `"NaN"`, one trailing newline. No clock and no
 * version: the same results give the same bytes.
 */
import { InputError } from '../input/readStructuredFile.ts';
import { artifactNumber, sortedRecord, type MetricSeries, type RegressMetrics } from './regressMetrics.ts';

export const BASELINE_FORMAT = 'yumalab-regress-baseline-1';

export interface BaselineRecord extends RegressMetrics {
  readonly format: typeof BASELINE_FORMAT;
  readonly id: string;
  readonly scenario: {
    readonly name: string;
    /** As the suite names it (relative to the suite directory). */
    readonly file: string;
    readonly resolved_sha256: string;
    readonly seed: number;
    readonly numeric_mode: string;
    readonly duration_blocks: number;
  };
  /** Suite, entry and command-line overrides, in the order they were applied. */
  readonly overrides: readonly { readonly path: string; readonly value: unknown }[];
  /** The run's overall digest (`sha256:<hex>`), as `yumalab run` prints it. */
  readonly digest: string;
}

export function baselineFileName(id: string): string {
  return `${id}.json`;
}

export function baselineJson(r: BaselineRecord): string {
  const doc = {
    format: r.format,
    id: r.id,
    scenario: r.scenario,
    overrides: r.overrides.map((o) => ({ path: o.path, value: o.value })),
    digest: r.digest,
    totals: Object.fromEntries(Object.entries(sortedRecord(r.totals)).map(([k, v]) => [k, jsonNumber(v)])),
    series: Object.fromEntries(Object.entries(sortedRecord(r.series)).map(([k, s]) => [k, { blocks: s.blocks, values: s.values.map(jsonNumber) }])),
  };
  return `${pretty(doc, '')}\n`;
}

/** Reads a baseline file's text; anything malformed is a one-line InputError naming the file. */
export function parseBaseline(text: string, file: string): BaselineRecord {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError([`${file}: not a baseline file: ${(e as Error).message}`]);
  }
  const bad = (what: string): never => {
    throw new InputError([`${file}: not a baseline file (${what}); rewrite it with yumalab regress --update`]);
  };
  if (data === null || typeof data !== 'object') bad('expected a JSON object');
  const d = data as Record<string, unknown>;
  if (d.format !== BASELINE_FORMAT) bad(`format is ${JSON.stringify(d.format)}, expected "${BASELINE_FORMAT}"`);
  if (typeof d.id !== 'string' || typeof d.digest !== 'string') bad('id and digest must be strings');
  const s = d.scenario as Record<string, unknown> | undefined;
  if (s === undefined || s === null || typeof s !== 'object' || typeof s.name !== 'string' || typeof s.file !== 'string' || typeof s.resolved_sha256 !== 'string') bad('scenario needs name, file and resolved_sha256');
  const totals: Record<string, number> = {};
  for (const [k, v] of Object.entries(objectOf(d.totals, 'totals', bad))) totals[k] = numberOf(v, `totals.${k}`, bad);
  const series: Record<string, MetricSeries> = {};
  for (const [k, v] of Object.entries(objectOf(d.series, 'series', bad))) {
    const e = objectOf(v, `series.${k}`, bad);
    if (!Array.isArray(e.blocks) || !Array.isArray(e.values) || e.blocks.length !== e.values.length) bad(`series.${k} needs blocks and values of one length`);
    const blocks = e.blocks as unknown[];
    const values = e.values as unknown[];
    series[k] = { blocks: blocks.map((b, i) => numberOf(b, `series.${k}.blocks.${i}`, bad)), values: values.map((x, i) => numberOf(x, `series.${k}.values.${i}`, bad)) };
  }
  return {
    format: BASELINE_FORMAT,
    id: d.id as string,
    scenario: s as unknown as BaselineRecord['scenario'],
    overrides: Array.isArray(d.overrides) ? (d.overrides as BaselineRecord['overrides']) : [],
    digest: d.digest as string,
    totals,
    series,
  };
}

function objectOf(v: unknown, what: string, bad: (what: string) => never): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) bad(`${what} must be an object`);
  return v as Record<string, unknown>;
}

function numberOf(v: unknown, what: string, bad: (what: string) => never): number {
  if (typeof v === 'number') return v;
  if (v === 'inf' || v === '-inf' || v === 'NaN') return artifactNumber(v)!;
  return bad(`${what} must be a number`);
}

function jsonNumber(v: number): number | string {
  if (Number.isFinite(v)) return v;
  return Number.isNaN(v) ? 'NaN' : v > 0 ? 'inf' : '-inf';
}

/** Two-space JSON, keys sorted at every level, arrays of scalars on one line. */
function pretty(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    if (value.length === 0) return '[]';
    const inner = `${indent}  `;
    return `[\n${value.map((v) => inner + pretty(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pretty(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
