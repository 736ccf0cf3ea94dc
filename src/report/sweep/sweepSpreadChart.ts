/**
 * The replicate spread: every complete run's value of the metric as a dot over its x category,
 * with the point's mean as a black tick, so a reader sees how far replicates scatter around the
 * mean the heatmap colours (and whether a mean hides an outlier). With a y axis there is one
 * panel per y value (and a row per extra-axis panel); a sweep without axes is one column of dots.
 */
import type { TopLevelSpec } from 'vega-lite';
import { subtitle as joinSubtitle, VEGA_LITE_SCHEMA, type ReportChart } from '../charts/reportChart.ts';
import type { SweepChartInput } from './sweepChartInput.ts';
import { categoryAxis, facetWrap } from './sweepFacet.ts';

export function sweepSpreadChart(input: SweepChartInput): ReportChart | null {
  const { aggregate } = input;
  if (aggregate.values.length === 0) return null;
  const panel = (y: string | null): string | null => (y === null ? null : `${input.yTitle}=${y}`);
  const values = [
    ...aggregate.values.map((v) => ({ kind: 'run', x: v.x, panel: panel(v.y), facet: v.facet, value: v.value, run: v.run, replicate: v.replicate })),
    ...aggregate.cells.filter((c) => c.stats !== null).map((c) => ({ kind: 'mean', x: c.x, panel: panel(c.y), facet: c.facet, value: c.stats!.mean, n: c.stats!.n })),
  ];
  const inner = {
    width: Math.max(150, input.xLabels.length * 44),
    height: 190,
    encoding: {
      x: categoryAxis('x', input.xLabels, input.xTitle),
      y: { field: 'value', type: 'quantitative', title: input.metric, scale: { zero: false } },
    },
    layer: [
      {
        transform: [{ filter: "datum.kind == 'run'" }],
        mark: { type: 'circle', size: 40, opacity: 0.6, color: '#1f77b4' },
        encoding: { tooltip: [{ field: 'run' }, { field: 'replicate' }, { field: 'x', title: input.xTitle }, { field: 'value', title: input.metric }] },
      },
      {
        transform: [{ filter: "datum.kind == 'mean'" }],
        mark: { type: 'tick', color: 'black', thickness: 2, size: 26 },
        encoding: { tooltip: [{ field: 'x', title: input.xTitle }, { field: 'value', title: 'mean' }, { field: 'n', title: 'runs with a value' }] },
      },
    ],
  };
  const columns = input.yTitle === null ? null : { field: 'panel', sort: input.yLabels.map((y) => panel(y)!) };
  const rows = input.facetLabels.length === 0 ? null : { field: 'facet', sort: input.facetLabels };
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: `Replicates of ${input.metric}`, subtitle: joinSubtitle(input.subtitle, 'dots: one per run · tick: mean') },
    data: { values },
    ...(columns === null ? facetWrap(inner, rows, null) : facetWrap(inner, columns, rows)),
  } as TopLevelSpec;
  return {
    name: 'sweep-spread',
    title: `Replicates of ${input.metric} at each point`,
    caption: `Every complete run's value of ${input.metric} (a dot per replicate) and the point's mean (black tick)${input.yTitle === null ? '' : `, one panel per value of ${input.yTitle}`}${input.facetTitle === null ? '' : ` (a row per ${input.facetTitle})`}.`,
    spec,
  };
}
