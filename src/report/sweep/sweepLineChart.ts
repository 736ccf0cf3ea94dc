/**
 * One axis: the metric's replicate mean as a line over the axis values (ordinal, in the sweep's
 * order), a band from the lowest to the highest replicate, and every replicate as a dot — the
 * spread is part of the chart itself.
 */
import type { TopLevelSpec } from 'vega-lite';
import { subtitle as joinSubtitle, VEGA_LITE_SCHEMA, type ReportChart } from '../charts/reportChart.ts';
import { ONE_POINT } from './aggregateSweepMetric.ts';
import type { SweepChartInput } from './sweepChartInput.ts';
import { categoryAxis, facetWrap } from './sweepFacet.ts';

export function sweepLineChart(input: SweepChartInput): ReportChart | null {
  const { aggregate } = input;
  if (input.yTitle !== null || input.xLabels[0] === ONE_POINT || aggregate.values.length === 0) return null;
  const values = [
    ...aggregate.values.map((v) => ({ kind: 'run', x: v.x, facet: v.facet, value: v.value, run: v.run, replicate: v.replicate })),
    ...aggregate.cells.filter((c) => c.stats !== null).map((c) => ({ kind: 'mean', x: c.x, facet: c.facet, value: c.stats!.mean, sd: c.stats!.sd, min: c.stats!.min, max: c.stats!.max, n: c.stats!.n })),
  ];
  const x = categoryAxis('x', input.xLabels, input.xTitle);
  const meanOnly = [{ filter: "datum.kind == 'mean'" }];
  const inner = {
    width: Math.max(320, input.xLabels.length * 48),
    height: 220,
    layer: [
      {
        transform: meanOnly,
        mark: { type: 'area', opacity: 0.2, color: '#1f77b4' },
        encoding: { x, y: { field: 'min', type: 'quantitative', title: input.metric, scale: { zero: false } }, y2: { field: 'max' } },
      },
      {
        transform: meanOnly,
        mark: { type: 'line', color: '#1f77b4', point: { color: '#1f77b4' } },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative' },
          tooltip: [{ field: 'x', title: input.xTitle }, { field: 'value', title: 'mean' }, { field: 'sd' }, { field: 'min' }, { field: 'max' }, { field: 'n', title: 'runs with a value' }],
        },
      },
      {
        transform: [{ filter: "datum.kind == 'run'" }],
        mark: { type: 'circle', size: 30, opacity: 0.55, color: '#333' },
        encoding: { x, y: { field: 'value', type: 'quantitative' }, tooltip: [{ field: 'run' }, { field: 'replicate' }, { field: 'value', title: input.metric }] },
      },
    ],
  };
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: `Mean ${input.metric} over ${input.xTitle}`, subtitle: joinSubtitle(input.subtitle, 'line: mean · band: min–max · dots: one per run') },
    data: { values },
    ...facetWrap(inner, input.facetLabels.length === 0 ? null : { field: 'facet', sort: input.facetLabels }, null),
  } as TopLevelSpec;
  return {
    name: 'sweep-line',
    title: `Mean ${input.metric} over ${input.xTitle}`,
    caption: `The mean of ${input.metric} over each point's replicates (line), the range from the lowest to the highest replicate (band) and every complete run (dots).`,
    spec,
  };
}
