/**
 * Hand-made sweep directories for the sweep report's tests: summary.csv written by the sweep's own
 * summaryCsv from the sweep's own run order (expandSweep), and a sweep.json with the fields
 * runSweep.ts writes, its summary_sha256 matching — so the report reads them as it reads a real
 * sweep, without running one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../../../../src/sim/artifacts/scenarioHash.ts';
import { expandSweep, type SweepPoint } from '../../../../src/sim/sweep/expandSweep.ts';
import type { SweepAxis, SweepReportChoice } from '../../../../src/sim/sweep/sweepDefinition.ts';
import { summaryCsv } from '../../../../src/sim/sweep/summaryTable.ts';

export interface SweepFixture {
  readonly axes: readonly SweepAxis[];
  readonly replicates?: number;
  readonly crn?: boolean;
  readonly report?: Partial<SweepReportChoice>;
  /** A run's metrics (text cells), or a string: the run failed with that error. */
  readonly run: (point: SweepPoint) => Record<string, string> | string;
}

export const grid = (path: string, values: unknown[]): SweepAxis => ({ path, values, kind: 'grid' });
export const zip = (path: string, values: unknown[]): SweepAxis => ({ path, values, kind: 'zip' });

export function writeSweepFixture(dir: string, f: SweepFixture): string {
  const replicates = f.replicates ?? 2;
  const report: SweepReportChoice = { metric: null, x: null, y: null, ...f.report };
  const definition = { axes: f.axes, replicates, commonRandomNumbers: f.crn ?? false, report };
  const rows = expandSweep(definition, 7).map((point) => {
    const r = f.run(point);
    return typeof r === 'string'
      ? { point, status: 'failed' as const, digest: '', runDir: '', error: r, metrics: new Map<string, string>() }
      : { point, status: 'complete' as const, digest: `sha256:${'d'.repeat(64)}`, runDir: `runs/${String(point.index).padStart(16, '0')}`, error: '', metrics: new Map(Object.entries(r)) };
  });
  const summary = summaryCsv(
    f.axes.map((a) => a.path),
    rows,
  );
  const complete = rows.filter((r) => r.status === 'complete').length;
  const manifest = {
    yumalab_version: '0.1.0',
    kind: 'sweep',
    subject: 'scenario',
    scenario: { name: 'fixture', file: 'scenarios/fixture.yaml', file_sha256: 'a'.repeat(64) },
    seed: 7,
    overrides: [],
    axes: f.axes.map((a) => ({ path: a.path, kind: a.kind, values: a.values })),
    replicates,
    common_random_numbers: f.crn ?? false,
    report,
    runs: rows.length,
    complete,
    failed: rows.length - complete,
    definition_sha256: 'b'.repeat(64),
    summary_sha256: sha256Hex(summary),
    digest: `sha256:${sha256Hex(summary)}`,
    generated_at: '2026-01-01T00:00:00.000Z',
    command: ['yumalab', 'sweep', 'scenarios/fixture.yaml'],
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'summary.csv'), summary);
  writeFileSync(join(dir, 'sweep.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}

/** The value of a point's coordinate on an axis. */
export function coordinate(point: SweepPoint, path: string): unknown {
  return point.coordinates.find((c) => c.path === path)?.value;
}
