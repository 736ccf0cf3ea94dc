/**
 * Emission share by agent group over time: metrics.csv `emission_share`, the group's share of the
 * alpha its subnet credited at that epoch as incentive plus dividends (src/sim/run/records.ts).
 */
import type { RunData } from '../readRunDirectory.ts';
import { groupSeriesSpec } from './groupSeriesSpec.ts';
import type { ReportChart } from './reportChart.ts';

export function emissionShareChart(run: RunData): ReportChart | null {
  const spec = groupSeriesSpec({
    title: 'Emission share by agent group',
    notes: [`${run.manifest.scenario.name}, seed ${run.manifest.seed}`, 'incentive + dividends credited at each epoch'],
    rows: run.metrics,
    value: (m) => m.emissionShare,
    yTitle: 'share of subnet emission',
    yFormat: '.0%',
    yDomain: [0, 1],
  });
  return spec === null
    ? null
    : { name: 'emission-share', title: 'Emission share by agent group', caption: "Each group's share of the alpha its subnet credited (incentive + dividends) at each recorded epoch.", spec };
}
