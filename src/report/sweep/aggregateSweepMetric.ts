/**
 * The chosen metric over replicates: per point of the sweep (every coordinate, for the table),
 * per chart cell (x, y and panel; axes the view pools are left out of the key, so their runs fall
 * into one cell), and every replicate's value (for the spread charts). Failed runs are excluded
 * and counted; a complete run whose metric cell is empty or not a decimal number (a run that did
 * not report it) is excluded and counted as missing.
 */
import { parseDecimal } from './decimalText.ts';
import type { SweepDirectory, SweepRunRow } from './readSweepDirectory.ts';
import { replicateStats, type ReplicateStats } from './replicateStats.ts';
import type { SweepView } from './sweepView.ts';

/** The x label of a sweep without axes: all its runs are one point. */
export const ONE_POINT = 'all runs';

interface Counts {
  readonly runs: number;
  readonly failed: number;
  readonly missing: number;
  /** Null when no run has a value. */
  readonly stats: ReplicateStats | null;
}

export interface PointAggregate extends Counts {
  /** One label per axis, in axis order. */
  readonly coordinates: readonly string[];
}

export interface CellAggregate extends Counts {
  readonly x: string;
  /** Null without a y axis. */
  readonly y: string | null;
  /** The panel's label (`kappa=0.4, tempo=100`); null without panels. */
  readonly facet: string | null;
}

export interface ReplicateValue {
  readonly run: number;
  readonly replicate: number;
  readonly x: string;
  readonly y: string | null;
  readonly facet: string | null;
  readonly value: number;
}

export interface SweepAggregate {
  readonly points: readonly PointAggregate[];
  readonly cells: readonly CellAggregate[];
  readonly values: readonly ReplicateValue[];
  readonly complete: number;
  readonly failed: number;
  /** Complete runs without a value of the metric. */
  readonly missing: number;
}

/** Short axis names for charts: the last key of each path, or the whole path where that is ambiguous. */
export function axisNames(paths: readonly string[]): string[] {
  const last = paths.map((p) => p.slice(p.lastIndexOf('.') + 1));
  return paths.map((p, i) => (last.filter((l) => l === last[i]).length === 1 ? last[i]! : p));
}

export function aggregateSweepMetric(data: SweepDirectory, view: SweepView): SweepAggregate {
  const names = axisNames(data.axes.map((a) => a.path));
  const pointGroups = new Map<string, { coordinates: readonly string[]; rows: SweepRunRow[] }>();
  const cellGroups = new Map<string, { x: string; y: string | null; facet: string | null; rows: SweepRunRow[] }>();
  const values: ReplicateValue[] = [];
  let missing = 0;
  for (const row of data.rows) {
    const c = row.coordinates;
    const x = view.x === null ? ONE_POINT : c[view.x]!;
    const y = view.y === null ? null : c[view.y]!;
    const facet = view.facets.length === 0 ? null : view.facets.map((i) => `${names[i]}=${c[i]}`).join(', ');
    const pointKey = JSON.stringify(c);
    const cellKey = JSON.stringify([x, y, facet]);
    if (!pointGroups.has(pointKey)) pointGroups.set(pointKey, { coordinates: c, rows: [] });
    if (!cellGroups.has(cellKey)) cellGroups.set(cellKey, { x, y, facet, rows: [] });
    pointGroups.get(pointKey)!.rows.push(row);
    cellGroups.get(cellKey)!.rows.push(row);
    const value = valueOf(row, view.metric);
    if (value !== null) values.push({ run: row.index, replicate: row.replicate, x, y, facet, value });
    else if (row.status === 'complete') missing++;
  }
  const failed = data.rows.filter((r) => r.status === 'failed').length;
  return {
    points: [...pointGroups.values()].map((g) => ({ coordinates: g.coordinates, ...counts(g.rows, view.metric) })),
    cells: [...cellGroups.values()].map((g) => ({ x: g.x, y: g.y, facet: g.facet, ...counts(g.rows, view.metric) })),
    values,
    complete: data.rows.length - failed,
    failed,
    missing,
  };
}

function valueOf(row: SweepRunRow, metric: string | null): number | null {
  if (row.status !== 'complete' || metric === null) return null;
  return parseDecimal(row.metrics.get(metric) ?? '');
}

function counts(rows: readonly SweepRunRow[], metric: string | null): Counts {
  const values: number[] = [];
  let failed = 0;
  let missing = 0;
  for (const r of rows) {
    const v = valueOf(r, metric);
    if (v !== null) values.push(v);
    else if (r.status === 'failed') failed++;
    else missing++;
  }
  return { runs: rows.length, failed, missing, stats: replicateStats(values) };
}
