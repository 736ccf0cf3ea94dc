/**
 * The sweep report's content, in the shape renderHtml.ts and renderMarkdown.ts draw: the
 * definition (axes with their values and roles, replicates, seeding), the run counts and the
 * provenance (sweep.json's digests and versions) as key–value blocks; the metric per point and
 * the failed runs with their errors as tables; the charts. Everything comes from sweep.json and
 * summary.csv — the only time in it is sweep.json's own `generated_at` — so the same sweep
 * directory gives the same document.
 */
import { YUMALAB_VERSION } from '../../sim/version.ts';
import type { ChartSection } from '../buildCharts.ts';
import type { KeyValueBlock, ReportDocument, Table } from '../reportDocument.ts';
import { axisNames, type SweepAggregate } from './aggregateSweepMetric.ts';
import { decimalText } from './decimalText.ts';
import type { SweepDirectory } from './readSweepDirectory.ts';
import type { SweepView } from './sweepView.ts';

export function sweepReportDocument(data: SweepDirectory, view: SweepView, aggregate: SweepAggregate, sections: readonly ChartSection[]): ReportDocument {
  const m = data.manifest;
  const paths = data.axes.map((a) => a.path);
  const names = axisNames(paths);
  const points = aggregate.points.length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const over = [view.x, view.y].filter((i): i is number => i !== null).map((i) => names[i]).join(' and ');
  const summary = [
    `${plural(data.rows.length, 'run')} (${plural(points, 'point')} × ${plural(m.replicates, 'replicate')}): ${aggregate.complete} complete, ${aggregate.failed} failed.`,
    view.metric === null
      ? 'No run reported a metric, so there is nothing to chart.'
      : `Metric ${view.metric}, mean over replicates${over === '' ? '' : ` by ${over}`}${view.facets.length === 0 ? '' : `, one panel per ${view.facets.map((i) => names[i]).join(', ')}`}.`,
    view.averaged.length === 0 ? '' : `The charts pool the runs of ${view.averaged.map((i) => paths[i]).join(', ')} (more than 4 value combinations to show as panels); the table lists every point.`,
    view.metric !== null && aggregate.values.length === 0 ? 'No complete run has a value of the metric, so there is nothing to chart.' : '',
  ].filter((s) => s !== '').join(' ');

  const role = (i: number): string => {
    if (i === view.x) return 'x';
    if (i === view.y) return 'y';
    if (view.facets.includes(i)) return 'panels';
    if (view.averaged.includes(i)) return 'pooled';
    return 'zipped with x/y';
  };
  const definition: KeyValueBlock = {
    heading: 'Sweep definition',
    rows: [
      ...data.axes.map((a, i): [string, string] => [a.path, `${a.kind}, ${role(i)}: ${a.labels.join(', ')}`]),
      ['replicates', String(m.replicates)],
      ['seeding', m.common_random_numbers ? `common random numbers: replicate r has the same seed at every point (from seed ${m.seed} and r)` : `each run's seed derives from seed ${m.seed}, the point's coordinates and the replicate`],
      ['common random numbers', m.common_random_numbers ? 'yes' : 'no'],
      ['overrides (--set)', m.overrides.length === 0 ? 'none' : m.overrides.map((o) => `${o.path}=${JSON.stringify(o.value)}`).join('; ')],
      ['metric', view.metric === null ? 'none' : `${view.metric}${m.report.metric === null ? ' (the first metric column)' : ''}`],
    ],
  };
  const counts: KeyValueBlock = {
    heading: 'Runs',
    rows: [
      ['runs', String(data.rows.length)],
      ['points', String(points)],
      ['complete', String(aggregate.complete)],
      ['failed', String(aggregate.failed)],
      ['complete without a value of the metric', String(aggregate.missing)],
    ],
  };
  const provenance: KeyValueBlock = {
    heading: 'Provenance',
    rows: [
      ['directory', data.dir],
      ['subject', m.subject],
      ['scenario', m.scenario.name],
      ['scenario file', m.scenario.file],
      ['file sha256', m.scenario.file_sha256],
      ['seed', String(m.seed)],
      ['yumalab version (sweep)', m.yumalab_version],
      ['yumalab version (report)', YUMALAB_VERSION],
      ['definition sha256', m.definition_sha256],
      ['summary.csv sha256', m.summary_sha256],
      ['sweep digest', m.digest],
      ['sweep.json sha256', data.manifestSha256],
      ['generated at', m.generated_at],
      ['command', m.command.join(' ')],
    ],
  };

  const perPoint: Table = {
    heading: view.metric === null ? 'Runs per point' : `${view.metric} per point`,
    note: 'Over each point\'s complete runs with a decimal value (n); failed runs and empty cells are left out. Mean to 6 significant digits, sample sd to 3; min and max unrounded.',
    columns: [...paths, 'runs', 'failed', 'n', 'mean', 'sd', 'min', 'max'],
    rows: aggregate.points.map((p) => [
      ...p.coordinates,
      String(p.runs),
      String(p.failed),
      String(p.stats?.n ?? 0),
      p.stats === null ? '' : decimalText(p.stats.mean, 6),
      p.stats?.sd == null ? '' : decimalText(p.stats.sd, 3),
      p.stats === null ? '' : String(p.stats.min),
      p.stats === null ? '' : String(p.stats.max),
    ]),
  };
  const failedRuns = data.rows.filter((r) => r.status === 'failed');
  const failures: Table = {
    heading: 'Failed runs',
    note: 'Each failed run with the error it ended with (summary.csv `error`); rerun the sweep with --resume to retry them.',
    columns: ['run', ...paths, 'replicate', 'seed', 'error'],
    rows: failedRuns.map((r) => [String(r.index), ...r.coordinates, String(r.replicate), r.seed, r.error]),
  };
  return {
    title: `yumalab report: ${m.scenario.name} sweep`,
    summary,
    provenance: [definition, counts, provenance],
    tables: failedRuns.length === 0 ? [perPoint] : [perPoint, failures],
    sections,
  };
}
