/**
 * The regression report's content (rendered by renderHtml.ts / renderMarkdown.ts): the verdict
 * per scenario, the ranking of attacker shares when scenarios name attackers, every drifted
 * metric with baseline, now and Δ%, and what was compared (suite, baseline directory, drift rule,
 * command-line overrides). No clock: the same comparison gives the same document.
 */
import { describeDrift, formatChange, type DriftRule, type MetricDrift } from '../../sim/regress/compareMetrics.ts';
import { attackerShifts, formatShift, passed, verdictLine, type ScenarioVerdict } from '../../sim/regress/scenarioVerdict.ts';
import { YUMALAB_VERSION } from '../../sim/version.ts';
import type { ChartSection } from '../buildCharts.ts';
import type { ReportDocument, Table } from '../reportDocument.ts';

export interface RegressReportInput {
  readonly suite: { readonly name: string; readonly dir: string; readonly file: string | null; readonly description: string };
  readonly baselineDir: string;
  readonly rule: DriftRule;
  /** Command-line `--set` overrides applied to every scenario. */
  readonly overrides: readonly { readonly path: string; readonly value: unknown }[];
  readonly verdicts: readonly ScenarioVerdict[];
  /** `--update`: the baseline was rewritten from this run after the comparison. */
  readonly updated: boolean;
}

export function regressReportDocument(input: RegressReportInput, sections: readonly ChartSection[]): ReportDocument {
  const { verdicts } = input;
  const pass = verdicts.filter(passed).length;
  const sets = input.overrides.map((o) => `${o.path}=${JSON.stringify(o.value)}`).join(', ');
  const drifted = verdicts.filter((v) => v.status === 'drift').length;
  const summary = [
    `${pass} passed, ${verdicts.length - pass} failed against the baseline in ${input.baselineDir}${drifted > 0 ? ` (${drifted} drifted)` : ''}.`,
    sets === '' ? '' : `Every scenario ran with ${sets}: the drifts are what this variant changes against the baseline.`,
    input.updated ? 'The baseline was then rewritten from this run (--update).' : '',
  ].filter((s) => s !== '').join(' ');

  const status: Table = {
    heading: 'Scenarios',
    note: 'One line per scenario as yumalab regress prints it; "scenario changed" means the resolved scenario (overrides included) differs from the one the baseline ran.',
    columns: ['scenario', 'result', 'drifted metrics', 'scenario changed', 'baseline digest', 'this run\'s digest'],
    rows: verdicts.map((v) => [v.id, verdictLine(v).slice(v.id.length + 2), String(v.drifts.length), v.scenarioChanged ? 'yes' : 'no', v.baseline?.digest ?? '', v.now?.digest ?? '']),
  };
  const tables: Table[] = [status];
  const shifts = attackerShifts(verdicts);
  if (shifts.length > 0) {
    tables.push({
      heading: "Attacker share moved (largest first)",
      note: "Each scenario that names an attacker in the suite: the attacker's metric (its group's emission share over the run unless the suite names another) in the baseline and in this run.",
      columns: ['rank', 'scenario', 'metric', 'baseline', 'this run', 'Δ'],
      rows: shifts.map((s, i) => [String(i + 1), s.id, s.metric, s.baseline === null ? 'absent' : String(s.baseline), s.now === null ? 'absent' : String(s.now), formatShift(s.metric, s.delta)]),
    });
  }
  const driftRows = verdicts.flatMap((v) => v.drifts.map((d) => driftRow(v.id, d)));
  if (driftRows.length > 0) {
    tables.push({
      heading: 'Drifted metrics',
      note: 'Every metric beyond the tolerance, per scenario, worst first: totals over the run, then per-epoch series at their worst point (or a change of the blocks they were recorded at).',
      columns: ['scenario', 'metric', 'kind', 'block', 'baseline', 'this run', 'Δ%', 'drift'],
      rows: driftRows,
    });
  }
  return {
    title: `yumalab regress: ${input.suite.name}`,
    summary,
    provenance: [
      {
        heading: 'What was compared',
        rows: [
          ['suite', input.suite.file ?? input.suite.dir],
          ...(input.suite.description === '' ? [] : [['description', input.suite.description] as [string, string]]),
          ['baseline', input.baselineDir],
          ['tolerance', `relative ${input.rule.relative}, absolute floor ${input.rule.absolute}: a value drifts when |now − baseline| > max(relative × max(|baseline|, |now|), floor)`],
          ['overrides (--set)', sets === '' ? 'none' : sets],
          ['yumalab version', YUMALAB_VERSION],
        ],
      },
    ],
    tables,
    sections,
  };
}

function driftRow(id: string, d: MetricDrift): string[] {
  const kind = d.series ? (d.kind === 'value' ? 'series point' : `series ${d.kind}`) : d.kind === 'value' ? 'total' : `total ${d.kind}`;
  const value = (x: number | null): string => (x === null ? 'absent' : String(x));
  const change = d.kind === 'value' ? formatChange(d.baseline!, d.now!) : '';
  return [id, d.metric, kind, d.block === null ? '' : String(d.block), value(d.baseline), value(d.now), change, describeDrift(d)];
}
