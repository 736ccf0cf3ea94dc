/**
 * `summary.csv`: one row per run of the sweep, in the sweep's order — `run` (its index), one
 * column per axis (the key path), `replicate`, `seed`, `status` (`complete` or `failed`),
 * `digest` (the run directory's overall digest), `run_dir`, `error`, then every key metric any
 * run reported, sorted by name (empty where a run has none). Built only from what is on disk, so
 * it is the same byte for byte whether a run was computed now, by another worker, or found in
 * the cache.
 */
import { csvField } from '../artifacts/csvTable.ts';
import type { SweepPoint } from './expandSweep.ts';

export const SUMMARY_FILE = 'summary.csv';

export interface SummaryRow {
  readonly point: SweepPoint;
  readonly status: 'complete' | 'failed';
  readonly digest: string;
  readonly runDir: string;
  readonly error: string;
  readonly metrics: ReadonlyMap<string, string>;
}

/** An axis value as a cell: strings as written, other values as JSON (`0.5`, `true`, `[1,2]`). */
export function valueCell(v: unknown): string {
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v);
}

export function summaryCsv(axisPaths: readonly string[], rows: readonly SummaryRow[]): string {
  const metricNames = [...new Set(rows.flatMap((r) => [...r.metrics.keys()]))].sort();
  const header = ['run', ...axisPaths, 'replicate', 'seed', 'status', 'digest', 'run_dir', 'error', ...metricNames];
  const lines = [header.map(csvField).join(',')];
  for (const r of rows) {
    const cells = [
      String(r.point.index),
      ...r.point.coordinates.map((c) => valueCell(c.value)),
      String(r.point.replicate),
      String(r.point.seed),
      r.status,
      r.digest,
      r.runDir,
      r.error,
      ...metricNames.map((m) => r.metrics.get(m) ?? ''),
    ];
    lines.push(cells.map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}
