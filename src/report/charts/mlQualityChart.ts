/**
 * Proof-of-Intelligence subnets: does incentive follow measured model quality? Left: the Spearman
 * rank correlation between ML miners' held-out quality and their incentive at every recorded epoch
 * (1 = incentive in exactly the order of quality). Right: at the last recorded epoch, each miner's
 * quality against its share of the subnet's incentive, coloured by group. From the `ml_quality`
 * events (src/report/readMlQuality.ts); absent when the run has none.
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
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: 'Measured model quality and incentive', subtitle },
    hconcat: [
      {
        width: PANEL_WIDTH,
        height: PANEL_HEIGHT,
        data: { values: rho },
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'block', type: 'quantitative', title: 'block' },
          y: { field: 'spearman', type: 'quantitative', title: 'rank correlation (quality, incentive)', scale: { domain: [-1, 1] } },
          color: { field: 'netuid', type: 'nominal', title: null },
        },
      },
      {
        width: PANEL_WIDTH,
        height: PANEL_HEIGHT,
        data: { values: points },
        mark: { type: 'point', filled: true },
        encoding: {
          x: { field: 'quality', type: 'quantitative', title: 'held-out quality (1 − MSE / variance)', scale: { domain: [0, 1] } },
          y: { field: 'incentive_share', type: 'quantitative', title: 'incentive share, last epoch' },
          color: { field: 'group', type: 'nominal', title: 'group' },
          tooltip: [{ field: 'uid' }, { field: 'group' }, { field: 'quality' }, { field: 'incentive_share' }],
        },
      },
    ],
  };
  return {
    name: 'ml-quality',
    title: 'Measured model quality and incentive',
    caption: 'Left: Spearman rank correlation between ML miners’ held-out quality and their incentive per epoch. Right: quality against incentive share at the last recorded epoch.',
    spec,
  };
}
