/**
 * Incentive distribution across miners at each subnet's last recorded epoch (neurons.csv
 * `incentive`, u16 / 65535): one bar per miner UID, sorted from the largest share down, coloured
 * by group — a flat profile means evenly shared rewards, a cliff means a few UIDs take most.
 * Miners: every UID not in a validator group (groupSides.ts) and not the subnet owner's.
 */
import type { TopLevelSpec } from 'vega-lite';
import { isValidatorGroup, kindLookup } from '../groupSides.ts';
import type { RunData } from '../readRunDirectory.ts';
import { PANEL_HEIGHT, PANEL_WIDTH, shownSubnets, SUBNET_FACET, subtitle, type ReportChart, VEGA_LITE_SCHEMA } from './reportChart.ts';

export function incentiveDistributionChart(run: RunData): ReportChart | null {
  const kindOf = kindLookup(run.groups);
  const miners = run.lastNeurons.filter((n) => n.group !== 'owner' && !isValidatorGroup(n.group, kindOf(n.netuid, n.group)));
  if (miners.length === 0) return null;
  const { shown, note } = shownSubnets(miners.map((n) => n.netuid));
  const values: { netuid: number; rank: number; uid: number; group: string; incentive: number; block: number }[] = [];
  for (const netuid of [...shown].sort((a, b) => a - b)) {
    const sorted = miners.filter((n) => n.netuid === netuid).sort((a, b) => b.incentive - a.incentive || a.uid - b.uid);
    sorted.forEach((n, i) => values.push({ netuid, rank: i + 1, uid: n.uid, group: n.group, incentive: n.incentive, block: n.block }));
  }
  const blocks = [...new Set(values.map((v) => v.block))].sort((a, b) => a - b);
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: 'Incentive across miners at the last recorded epoch',
      subtitle: subtitle(`${run.manifest.scenario.name}, seed ${run.manifest.seed}`, `block ${blocks.join(', ')}`, 'UIDs sorted by incentive', note),
    },
    data: { values },
    facet: { ...SUBNET_FACET },
    columns: 2,
    spec: {
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT,
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'rank', type: 'ordinal', title: 'miner UIDs, by incentive (rank)', axis: { labels: false, ticks: false } },
        y: { field: 'incentive', type: 'quantitative', title: 'incentive (share of subnet)', axis: { format: '.1%' } },
        color: { field: 'group', type: 'nominal', title: 'agent group', scale: { scheme: 'tableau10' } },
        tooltip: [{ field: 'uid' }, { field: 'group' }, { field: 'incentive', format: '.4f' }],
      },
    },
    resolve: { scale: { x: 'independent' } },
  } as TopLevelSpec;
  return {
    name: 'incentive-distribution',
    title: 'Incentive across miners at the last recorded epoch',
    caption: "Each miner UID's incentive (its share of the subnet's miner emission) at the last recorded epoch, sorted from largest to smallest.",
    spec,
  };
}
