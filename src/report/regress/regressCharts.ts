/**
 * The charts of a regression report: for every drifted scenario, its drifted totals (the change
 * from the baseline in %, one bar per metric, labelled baseline → now) and its drifted series (one
 * panel per series, the baseline dashed under this run's line); and, when scenarios name an attacker, how
 * far each attacker's share moved. Every drifted metric is drawn: a scenario with many gets
 * several charts of at most TOTALS_PER_CHART rows / SERIES_PER_CHART panels, in drift order
 * (worst first). A series that is new or gone is drawn on its one side; a shape change shows
 * both recordings as they are.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AttackerShift, ScenarioVerdict } from '../../sim/regress/scenarioVerdict.ts';
import type { ChartSection } from '../buildCharts.ts';
import { keptBlocks, subtitle, VEGA_LITE_SCHEMA, type ReportChart } from '../charts/reportChart.ts';

export const TOTALS_PER_CHART = 30;
export const SERIES_PER_CHART = 12;

const SIDES = ['baseline', 'now'] as const;
const SIDE_COLOURS = ['#7f7f7f', '#d62728'];

export function regressSections(verdicts: readonly ScenarioVerdict[], shifts: readonly AttackerShift[]): ChartSection[] {
  const sections: ChartSection[] = [];
  const shift = attackerShiftChart(shifts);
  if (shift !== null) sections.push({ heading: 'Attacker share moved', charts: [shift] });
  for (const v of verdicts) {
    if (v.drifts.length === 0 || v.baseline === null || v.now === null) continue;
    sections.push({ heading: `${v.id}: drifted metrics`, charts: [...totalsCharts(v), ...seriesCharts(v)] });
  }
  return sections;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `(2 of 3)` when a scenario's drifts take several charts. */
function part(i: number, n: number): string {
  return n === 1 ? '' : ` (${i + 1} of ${n})`;
}

function totalsCharts(v: ScenarioVerdict): ReportChart[] {
  const drifts = v.drifts.filter((d) => !d.series);
  const groups = chunks(drifts, TOTALS_PER_CHART);
  return groups.map((part_, i) => {
    const names = part_.map((d) => d.metric);
    // Δ% on one axis, so sizes compare; a total that is new, gone or was 0 sits at 0 with its label.
    const values = part_.map((d) => {
      const pct = d.kind === 'value' && d.baseline !== 0 && Number.isFinite(d.baseline!) && Number.isFinite(d.now!) ? ((d.now! - d.baseline!) / Math.abs(d.baseline!)) * 100 : 0;
      const text = (x: number | null): string => (x === null ? 'absent' : String(x));
      return { metric: d.metric, pct, label: `${text(d.baseline)} → ${text(d.now)}` };
    });
    const spec = {
      $schema: VEGA_LITE_SCHEMA,
      title: { text: `${v.id}: drifted totals${part(i, groups.length)}`, subtitle: subtitle('change from the baseline in %', 'label: baseline → this run') },
      data: { values },
      width: 360,
      height: { step: 20 },
      encoding: { y: { field: 'metric', type: 'nominal', sort: names, title: null, axis: { labelLimit: 320 } } },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            x: { field: 'pct', type: 'quantitative', title: 'Δ from baseline (%)' },
            color: { condition: { test: 'datum.pct < 0', value: SIDE_COLOURS[0] }, value: SIDE_COLOURS[1] },
          },
        },
        { mark: { type: 'rule', color: '#333' }, encoding: { x: { datum: 0 } } },
        // Right of the plot, clear of the bars.
        { mark: { type: 'text', align: 'left', fontSize: 10, color: '#333' }, encoding: { x: { value: 372 }, text: { field: 'label' } } },
      ],
    } as TopLevelSpec;
    return {
      name: `${v.id}-totals-${i + 1}`,
      title: `${v.id}: drifted totals${part(i, groups.length)}`,
      caption: 'Each drifted total over the whole run as its change from the baseline in percent (red: up, grey: down), labelled baseline → this run; a total that was 0, is new or is gone sits at 0.',
      spec,
    };
  });
}

function seriesCharts(v: ScenarioVerdict): ReportChart[] {
  const metrics = v.drifts.filter((d) => d.series).map((d) => d.metric);
  const groups = chunks(metrics, SERIES_PER_CHART);
  return groups.map((names, i) => {
    const values = names.flatMap((metric) =>
      SIDES.flatMap((side) => {
        const s = (side === 'baseline' ? v.baseline : v.now)!.series[metric];
        if (s === undefined) return [];
        const kept = keptBlocks(s.blocks);
        return s.blocks.flatMap((block, k) => (kept.has(block) && Number.isFinite(s.values[k]!) ? [{ metric, side, block, value: s.values[k]! }] : []));
      }),
    );
    const spec = {
      $schema: VEGA_LITE_SCHEMA,
      title: { text: `${v.id}: drifted series${part(i, groups.length)}`, subtitle: subtitle('grey dashed: baseline · red: this run', 'one panel per series, each on its own scale') },
      data: { values },
      facet: { field: 'metric', type: 'nominal', sort: names, title: null, header: { labelFontSize: 11, labelLimit: 0 } },
      columns: 3,
      spec: {
        width: 240,
        height: 120,
        mark: { type: 'line', strokeWidth: 1.5 },
        encoding: {
          x: { field: 'block', type: 'quantitative', title: 'block' },
          y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } },
          color: { field: 'side', type: 'nominal', title: 'run', sort: [...SIDES], scale: { domain: [...SIDES], range: SIDE_COLOURS } },
          strokeDash: { field: 'side', type: 'nominal', sort: [...SIDES], scale: { domain: [...SIDES], range: [[5, 3], [1, 0]] }, legend: null },
        },
      },
      resolve: { scale: { y: 'independent', x: 'independent' } },
    } as TopLevelSpec;
    return {
      name: `${v.id}-series-${i + 1}`,
      title: `${v.id}: drifted series${part(i, groups.length)}`,
      caption: 'Each drifted per-epoch series over the run\'s recorded epochs: the baseline (grey, dashed) and this run (red), one panel per series on its own scale.',
      spec,
    };
  });
}

function attackerShiftChart(shifts: readonly AttackerShift[]): ReportChart | null {
  // Shares only: their moves share one unit (percentage points); other metrics are in the table.
  const values = shifts.filter((s) => /share$/.test(s.metric) && s.delta !== null && Number.isFinite(s.delta)).map((s) => ({ scenario: s.id, metric: s.metric, pp: s.delta! * 100 }));
  if (values.length === 0) return null;
  const order = values.map((v) => v.scenario);
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: "How far each attacker's share moved", subtitle: subtitle('this run − baseline, percentage points', 'largest move first') },
    data: { values },
    width: 420,
    height: { step: 22 },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'scenario', type: 'nominal', sort: order, title: null, axis: { labelLimit: 240 } },
          x: { field: 'pp', type: 'quantitative', title: 'Δ share (percentage points)' },
          color: { condition: { test: 'datum.pp < 0', value: '#1f77b4' }, value: '#d62728' },
        },
      },
      { mark: { type: 'rule', color: '#333' }, encoding: { x: { datum: 0 } } },
    ],
  } as TopLevelSpec;
  return {
    name: 'attacker-shift',
    title: "How far each attacker's share moved",
    caption: "Per scenario that names an attacker, the change of the attacker's metric (its emission share unless the suite names another) from the baseline to this run, in percentage points, largest move first.",
    spec,
  };
}
