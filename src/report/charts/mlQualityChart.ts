/**
 * Proof-of-Intelligence subnets: does incentive follow measured model quality? Left: the Spearman
 * rank correlation between ML miners' held-out quality and their incentive at every recorded epoch
 * (1 = incentive in exactly the order of quality). Right: at the last recorded epoch, each miner's
 * quality against its share of the subnet's incentive, coloured by group. Below, over time: each
 * group's mean quality, and its share of the subnet's incentive (summed over its miners). From the
 * `ml_quality` events (src/report/readMlQuality.ts); absent when the run has none.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MlQualityEpoch } from '../readMlQuality.ts';
import { PANEL_HEIGHT, PANEL_WIDTH, VEGA_LITE_SCHEMA, type ReportChart } from './reportChart.ts';

export function mlQualityChart(epochs: readonly MlQualityEpoch[], subtitle: string): ReportChart | null {
  if (epochs.length === 0) return null;
  const rho = epochs.filter((e) => e.spearman !== null).map((e) => ({ block: e.block, netuid: `subnet ${e.netuid}`, spearman: e.spearman }));
  const lastBlock = new Map<number, number>();
  for (const e of epochs) lastBlock.set(e.netuid, Math.max(lastBlock.get(e.netuid) ?? 0, e.block));
  const points = epochs
    .filter((e) => lastBlock.get(e.netuid) === e.block)
    .flatMap((e) => e.miners.map((m) => ({ netuid: `subnet ${e.netuid}`, uid: m.uid, group: m.group, quality: m.quality, incentive_share: m.incentiveShare })));
  const series: { block: number; group: string; quality: number; incentive_share: number }[] = [];
  for (const e of epochs) {
    const byGroup = new Map<string, { quality: number; share: number; n: number }>();
    for (const m of e.miners) {
      const g = byGroup.get(m.group) ?? { quality: 0, share: 0, n: 0 };
      byGroup.set(m.group, { quality: g.quality + m.quality, share: g.share + m.incentiveShare, n: g.n + 1 });
    }
    const label = (group: string): string => (lastBlock.size > 1 ? `${e.netuid}/${group}` : group);
    for (const [group, g] of byGroup) series.push({ block: e.block, group: label(group), quality: g.quality / g.n, incentive_share: g.share });
  }
  const overTime = (field: 'quality' | 'incentive_share', title: string) => ({
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
    data: { values: series },
    mark: { type: 'line' as const },
    encoding: {
      x: { field: 'block', type: 'quantitative' as const, title: 'block' },
      y: { field, type: 'quantitative' as const, title },
      color: { field: 'group', type: 'nominal' as const, title: 'group' },
    },
  });
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: 'Measured model quality and incentive', subtitle },
    vconcat: [{ hconcat: [
      {
        width: PANEL_WIDTH,
        height: PANEL_HEIGHT,
        data: { values: rho },
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'block', type: 'quantitative', title: 'block' },
          y: { field: 'spearman', type: 'quantitative', title: 'rank correlation (quality, incentive)', scale: { domain: [-1, 1] } },
          // One line per subnet; coloured only when there are several, so the group legend stays the groups'.
          ...(lastBlock.size > 1 ? { strokeDash: { field: 'netuid', type: 'nominal', title: 'subnet' } } : {}),
        },
      },
      {
        width: PANEL_WIDTH,
        height: PANEL_HEIGHT,
        data: { values: points },
        mark: { type: 'point', filled: true },
        encoding: {
          x: { field: 'quality', type: 'quantitative', title: 'held-out quality (1 − normalised loss)', scale: { domain: [0, 1] } },
          y: { field: 'incentive_share', type: 'quantitative', title: 'incentive share, last epoch' },
          color: { field: 'group', type: 'nominal', title: 'group' },
          tooltip: [{ field: 'uid' }, { field: 'group' }, { field: 'quality' }, { field: 'incentive_share' }],
        },
      },
    ] }, { hconcat: [overTime('quality', 'mean held-out quality of the group'), overTime('incentive_share', 'group share of the subnet incentive')] }],
  };
  return {
    name: 'ml-quality',
    title: 'Measured model quality and incentive',
    caption: 'Top left: Spearman rank correlation between ML miners’ held-out quality and their incentive per epoch. Top right: quality against incentive share at the last recorded epoch. Bottom: each group’s mean quality and its share of the subnet’s incentive over time.',
    spec,
  };
}
