/**
 * What the sweep charts share: the metric, each role's title (the short axis name) and its labels
 * in the sweep's order (categories are drawn in the order the sweep file lists them, not sorted,
 * so `[0.4, 0.5, 0.45]` stays as the user wrote it), the subtitle, and the aggregate.
 */
import { axisNames, ONE_POINT, type SweepAggregate } from './aggregateSweepMetric.ts';
import type { SweepDirectory } from './readSweepDirectory.ts';
import type { SweepView } from './sweepView.ts';

export interface SweepChartInput {
  readonly metric: string;
  readonly xTitle: string;
  readonly xLabels: readonly string[];
  /** Null without a y axis. */
  readonly yTitle: string | null;
  readonly yLabels: readonly string[];
  /** Title of the panels (`kappa, tempo`), null without panels; labels in order of first run. */
  readonly facetTitle: string | null;
  readonly facetLabels: readonly string[];
  readonly subtitle: string;
  readonly aggregate: SweepAggregate;
}

export function sweepChartInput(data: SweepDirectory, view: SweepView, metric: string, aggregate: SweepAggregate): SweepChartInput {
  const names = axisNames(data.axes.map((a) => a.path));
  const m = data.manifest;
  const notes = [
    `${m.scenario.name} sweep`,
    `${m.replicates} replicate${m.replicates === 1 ? '' : 's'} per point`,
    view.averaged.length === 0 ? null : `pooled over ${view.averaged.map((i) => names[i]).join(', ')}`,
    aggregate.failed === 0 ? null : `${aggregate.failed} failed run${aggregate.failed === 1 ? '' : 's'} left out`,
  ];
  return {
    metric,
    xTitle: view.x === null ? '' : names[view.x]!,
    xLabels: view.x === null ? [ONE_POINT] : [...new Set(data.axes[view.x]!.labels)],
    yTitle: view.y === null ? null : names[view.y]!,
    yLabels: view.y === null ? [] : [...new Set(data.axes[view.y]!.labels)],
    facetTitle: view.facets.length === 0 ? null : view.facets.map((i) => names[i]).join(', '),
    facetLabels: [...new Set(aggregate.cells.map((c) => c.facet).filter((f): f is string => f !== null))],
    subtitle: notes.filter((n): n is string => n !== null).join(' · '),
    aggregate,
  };
}
