/**
 * Which charts a sweep report holds: with two axes the mean heatmap and the replicate spread;
 * with one axis the line with its band and dots (which shows the spread itself); without axes
 * the spread alone. No chart when no complete run has a value of the metric.
 */
import type { ChartSection } from '../buildCharts.ts';
import type { ReportChart } from '../charts/reportChart.ts';
import type { SweepAggregate } from './aggregateSweepMetric.ts';
import type { SweepDirectory } from './readSweepDirectory.ts';
import { sweepChartInput } from './sweepChartInput.ts';
import { sweepHeatmapChart } from './sweepHeatmapChart.ts';
import { sweepLineChart } from './sweepLineChart.ts';
import { sweepSpreadChart } from './sweepSpreadChart.ts';
import type { SweepView } from './sweepView.ts';

export function sweepCharts(data: SweepDirectory, view: SweepView, aggregate: SweepAggregate): ChartSection[] {
  if (view.metric === null || aggregate.values.length === 0) return [];
  const input = sweepChartInput(data, view, view.metric, aggregate);
  const charts = view.y !== null ? [sweepHeatmapChart(input), sweepSpreadChart(input)] : view.x !== null ? [sweepLineChart(input)] : [sweepSpreadChart(input)];
  return [{ heading: `Charts: ${view.metric}`, charts: charts.filter((c): c is ReportChart => c !== null) }];
}
