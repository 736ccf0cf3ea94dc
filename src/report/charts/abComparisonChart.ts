/**
 * The attack against its control for an A/B pair (ab.csv): per (subnet, group), the TAO value of
 * its emission and its profit in the attack run, in the control run, and the difference attack −
 * control. A group present on one side only counts as 0 on the other (as ab.csv's delta does).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AbData } from '../readRunDirectory.ts';
import { subtitle, type ReportChart, VEGA_LITE_SCHEMA } from './reportChart.ts';

const METRICS = ['emission (TAO)', 'profit (TAO)'] as const;

export function abComparisonChart(pair: AbData): ReportChart | null {
  if (pair.ab.length === 0) return null;
  const values = pair.ab.flatMap((r) => {
    const label = `sn${r.netuid} ${r.group}`;
    return ([
      [METRICS[0], r.emissionTao],
      [METRICS[1], r.profitTao],
    ] as const).flatMap(([metric, v]) => [
      { label, metric, side: 'attack', tao: v.attack ?? 0 },
      { label, metric, side: 'control', tao: v.control ?? 0 },
      { label, metric, side: 'attack − control', tao: v.delta },
    ]);
  });
  const labels = [...new Set(values.map((v) => v.label))];
  const overrides = pair.manifest.control_overrides.map((o) => `${o.path}=${JSON.stringify(o.value)}`).join(', ');
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: 'Attack against control, per group', subtitle: subtitle(`${pair.manifest.scenario.name}, seed ${pair.manifest.seed}`, `control: ${overrides}`) },
    data: { values },
    facet: { row: { field: 'metric', type: 'nominal', title: null, sort: [...METRICS], header: { labelOrient: 'top', labelAngle: 0, labelAnchor: 'start', labelFontWeight: 'bold', labelFontSize: 12 } } },
    spec: {
      width: Math.max(320, labels.length * 54),
      height: 170,
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            x: { field: 'label', type: 'nominal', title: 'subnet and agent group', sort: labels, axis: { labelAngle: -30 } },
            xOffset: { field: 'side', type: 'nominal', sort: ['attack', 'control', 'attack − control'] },
            y: { field: 'tao', type: 'quantitative', title: 'TAO' },
            color: { field: 'side', type: 'nominal', title: 'run', sort: ['attack', 'control', 'attack − control'], scale: { range: ['#d62728', '#1f77b4', '#7f7f7f'] } },
            tooltip: [{ field: 'label' }, { field: 'side' }, { field: 'tao', format: ',.6f' }],
          },
        },
        { mark: { type: 'rule', color: '#333' }, encoding: { y: { datum: 0 } } },
      ],
    },
    resolve: { scale: { y: 'independent' } },
  } as TopLevelSpec;
  return {
    name: 'ab-comparison',
    title: 'Attack against control, per group',
    caption: "Each group's emission (TAO value when credited) and profit (final − initial wealth) in the attack run and in the control run with the same seed, and the difference.",
    spec,
  };
}
