/**
 * The shape several charts share: one panel per subnet (at most MAX_SUBNETS), time in days on x,
 * one coloured line per agent group. The caller picks the rows and the y field.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MetricsPoint } from '../runTables.ts';
import { DAY_AXIS, keptBlocks, PANEL_HEIGHT, PANEL_WIDTH, shownSubnets, SUBNET_FACET, subtitle, VEGA_LITE_SCHEMA } from './reportChart.ts';

export interface GroupSeriesOptions {
  readonly title: string;
  /** Extra subtitle parts (the run's name first). */
  readonly notes: readonly (string | null)[];
  readonly rows: readonly MetricsPoint[];
  readonly value: (m: MetricsPoint) => number;
  readonly yTitle: string;
  /** d3 format of the y axis, e.g. `.0%`. */
  readonly yFormat?: string;
  readonly yDomain?: readonly [number, number];
}

/** Null when there is nothing to draw. */
export function groupSeriesSpec(o: GroupSeriesOptions): TopLevelSpec | null {
  if (o.rows.length === 0) return null;
  const { shown, note } = shownSubnets(o.rows.map((m) => m.netuid));
  const kept = keptBlocks(o.rows.map((m) => m.block));
  const values = o.rows.filter((m) => shown.has(m.netuid) && kept.has(m.block)).map((m) => ({ day: m.day, netuid: m.netuid, group: m.group, value: o.value(m) }));
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: o.title, subtitle: subtitle(...o.notes, note) },
    data: { values },
    facet: { ...SUBNET_FACET },
    columns: 2,
    spec: {
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT,
      mark: { type: 'line', point: kept.size < 40 },
      encoding: {
        x: { ...DAY_AXIS },
        y: {
          field: 'value',
          type: 'quantitative',
          title: o.yTitle,
          ...(o.yFormat === undefined ? {} : { axis: { format: o.yFormat } }),
          ...(o.yDomain === undefined ? {} : { scale: { domain: [...o.yDomain] } }),
        },
        color: { field: 'group', type: 'nominal', title: 'agent group', scale: { scheme: 'tableau10' } },
      },
    },
    resolve: { scale: { y: 'shared' } },
  } as TopLevelSpec;
}
