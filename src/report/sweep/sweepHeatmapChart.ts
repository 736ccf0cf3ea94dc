/**
 * Two axes: a heatmap of the metric's replicate mean, x and y as ordinal categories in the
 * sweep's order (the first y value at the bottom), each cell labelled `mean ± sd` (or the mean
 * alone when it has one value) so the spread is readable without the legend. A cell whose runs
 * all failed or lack the metric is grey and says so. Extra axes with few values are panels.
 */
import type { TopLevelSpec } from 'vega-lite';
import { subtitle as joinSubtitle, VEGA_LITE_SCHEMA, type ReportChart } from '../charts/reportChart.ts';
import { decimalText } from './decimalText.ts';
import type { SweepChartInput } from './sweepChartInput.ts';
import { categoryAxis, facetWrap } from './sweepFacet.ts';

const CELL_HEIGHT = 30;

export function sweepHeatmapChart(input: SweepChartInput): ReportChart | null {
  const { aggregate } = input;
  if (input.yTitle === null || aggregate.values.length === 0) return null;
  const values = aggregate.cells.map((c) => ({
    x: c.x,
    y: c.y,
    facet: c.facet,
    mean: c.stats?.mean ?? null,
    sd: c.stats?.sd ?? null,
    n: c.stats?.n ?? 0,
    failed: c.failed,
    label: c.stats === null ? (c.failed === c.runs ? 'failed' : 'no value') : meanLabel(c.stats.mean, c.stats.sd),
  }));
  const means = values.map((v) => v.mean).filter((m): m is number => m !== null);
  // Light text on the dark (low) half of viridis, dark text on the light half.
  const mid = (Math.min(...means) + Math.max(...means)) / 2;
  const longest = Math.max(...values.map((v) => v.label.length), ...input.xLabels.map((l) => l.length));
  const inner = {
    width: { step: Math.max(56, Math.ceil(longest * 6.2) + 14) },
    height: { step: CELL_HEIGHT },
    encoding: {
      x: categoryAxis('x', input.xLabels, input.xTitle),
      y: { field: 'y', type: 'ordinal', sort: [...input.yLabels].reverse(), title: input.yTitle },
    },
    layer: [
      {
        transform: [{ filter: 'isValid(datum.mean)' }],
        mark: { type: 'rect' },
        encoding: {
          color: { field: 'mean', type: 'quantitative', title: ['mean', input.metric], scale: { scheme: 'viridis' }, legend: { titleLimit: 400 } },
          tooltip: [{ field: 'x', title: input.xTitle }, { field: 'y', title: input.yTitle }, { field: 'mean' }, { field: 'sd' }, { field: 'n', title: 'runs with a value' }, { field: 'failed', title: 'failed runs' }],
        },
      },
      { transform: [{ filter: '!isValid(datum.mean)' }], mark: { type: 'rect', color: '#d9d9d9' } },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          text: { field: 'label' },
          color: { condition: { test: `isValid(datum.mean) && datum.mean < ${mid}`, value: 'white' }, value: 'black' },
        },
      },
    ],
  };
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: `Mean ${input.metric}`, subtitle: joinSubtitle(input.subtitle, `cells: mean ± sd over replicates`) },
    data: { values },
    ...facetWrap(inner, input.facetLabels.length === 0 ? null : { field: 'facet', sort: input.facetLabels }, null),
  } as TopLevelSpec;
  return {
    name: 'sweep-heatmap',
    title: `Mean ${input.metric} over ${input.xTitle} and ${input.yTitle}`,
    caption: `The mean of ${input.metric} over each point's replicates (colour), labelled mean ± sample sd; grey cells have no complete run with a value${input.facetTitle === null ? '' : `; one panel per ${input.facetTitle}`}.`,
    spec,
  };
}

/**
 * `mean ± sd` with the mean to the digit of the sd's second significant digit (4 to 8 significant
 * digits), so differences between cells smaller than the replicate noise are not printed as if
 * they were real; the mean alone (4 digits) for a single value.
 */
export function meanLabel(mean: number, sd: number | null): string {
  if (sd === null) return decimalText(mean, 4);
  if (sd === 0 || mean === 0) return `${decimalText(mean, 4)} ± ${decimalText(sd, 2)}`;
  const digits = Math.floor(Math.log10(Math.abs(mean))) - Math.floor(Math.log10(sd)) + 2;
  return `${decimalText(mean, Math.min(8, Math.max(4, digits)))} ± ${decimalText(sd, 2)}`;
}
