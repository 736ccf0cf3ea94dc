/**
 * What the sweep report plots: the metric (sweep.json `report.metric`, else a default metric
 * column of summary.csv), the axis on x (`report.x`, else the first axis) and on y (`report.y`,
 * else the next axis that varies on its own). Zip axes vary together, so an axis zipped with x
 * or y is determined by it and is neither a panel nor averaged over. The remaining axes become
 * panels when they have at most MAX_FACETS value combinations between them; beyond that one
 * panel per combination is unreadable, and their runs are pooled into the x–y cells instead (the
 * report says so). A metric or axis named in sweep.json that summary.csv does not have is an
 * InputError naming sweep.json.
 */
import { join } from 'node:path';
import { InputError } from '../../sim/input/readStructuredFile.ts';
import { SWEEP_MANIFEST_FILE } from '../../sim/sweep/sweepFiles.ts';
import type { SweepDirectory } from './readSweepDirectory.ts';

export const MAX_FACETS = 4;

export interface SweepView {
  /** Null only when summary.csv has no metric column and sweep.json names none (every run failed). */
  readonly metric: string | null;
  /** Axis indices into SweepDirectory.axes; x is null only for a sweep without axes. */
  readonly x: number | null;
  readonly y: number | null;
  /** Axes drawn as panels (one per value combination present), in axis order. */
  readonly facets: readonly number[];
  /** Axes whose runs are pooled into the x–y cells, in axis order. */
  readonly averaged: readonly number[];
  /** Zip axes that vary together with x or y (determined by them). */
  readonly zipped: readonly number[];
}

export function sweepView(data: SweepDirectory): SweepView {
  const { report } = data.manifest;
  const where = join(data.dir, SWEEP_MANIFEST_FILE);
  const fail = (what: string): never => {
    throw new InputError([`${where}: ${what}`]);
  };
  const paths = data.axes.map((a) => a.path);
  const axisIndex = (key: 'x' | 'y', path: string): number => {
    const i = paths.indexOf(path);
    if (i < 0) fail(`report.${key}: '${path}' is not an axis of this sweep (axes: ${paths.join(', ') || 'none'})`);
    return i;
  };

  let metric = report.metric;
  if (data.metricNames.length > 0) {
    if (metric === null) metric = defaultMetric(data.metricNames);
    else if (!data.metricNames.includes(metric)) fail(`report.metric: '${metric}' is not a column of summary.csv (metrics: ${listed(data.metricNames)})`);
  }

  const isZip = (i: number): boolean => data.axes[i]!.kind === 'zip';
  const chosenY = report.y === null ? null : axisIndex('y', report.y);
  const x = report.x !== null ? axisIndex('x', report.x) : paths.findIndex((_, i) => i !== chosenY);
  if (x < 0 && chosenY !== null) fail(`report.y: '${report.y}' is the only axis, and x needs one (leave report.y out for a line over it)`);
  if (chosenY === x) fail(`report.y: '${report.y}' is also report.x; choose two different axes`);
  // The default y varies on its own: not x, and not zipped with x.
  const y = chosenY ?? firstIndex(paths.length, (i) => i !== x && !(isZip(x) && isZip(i)));
  const xy = [x, y].filter((i): i is number => i !== null && i >= 0);
  const rest = paths.map((_, i) => i).filter((i) => !xy.includes(i));
  const zipped = rest.filter((i) => isZip(i) && xy.some(isZip));
  const extra = rest.filter((i) => !zipped.includes(i));
  const combos = new Set(data.rows.map((r) => JSON.stringify(extra.map((i) => r.coordinates[i]))));
  const facetable = extra.length > 0 && combos.size <= MAX_FACETS;
  return {
    metric,
    x: x >= 0 ? x : null,
    y,
    facets: facetable ? extra : [],
    averaged: facetable ? [] : extra,
    zipped,
  };
}

function firstIndex(n: number, ok: (i: number) => boolean): number | null {
  for (let i = 0; i < n; i++) if (ok(i)) return i;
  return null;
}

function listed(names: readonly string[]): string {
  return names.length <= 8 ? names.join(', ') : `${names.slice(0, 8).join(', ')}, … ${names.length - 8} more`;
}

/**
 * Without `report.metric`: the first group emission share (what most sweeps ask about), else the
 * first metric that is not run bookkeeping (blocks, epochs, issuance), else the first column.
 */
function defaultMetric(names: readonly string[]): string {
  const bookkeeping = new Set(['blocks', 'epochs', 'final_issuance_tao']);
  return names.find((n) => n.endsWith('.emission_share')) ?? names.find((n) => !bookkeeping.has(n)) ?? names[0]!;
}
