/**
 * Stake share of the adversaries against the honest majority, per subnet over time: at each
 * recorded epoch, the summed metrics.csv `stake_share` (share of the epoch's stake weight) of the
 * adversarial groups and of the rest (the rule is groupSides.ts: a kind that is not `*.honest`,
 * or a trader). The dashed rule at 50 % is the line a majority attack has to cross. Groups that
 * hold no UID (traders) have no stake weight of their own and add 0.
 */
import type { TopLevelSpec } from 'vega-lite';
import { kindLookup, sideOfKind, type GroupSide } from '../groupSides.ts';
import type { RunData } from '../readRunDirectory.ts';
import { DAY_AXIS, keptBlocks, PANEL_HEIGHT, PANEL_WIDTH, shownSubnets, SUBNET_FACET, subtitle, type ReportChart, VEGA_LITE_SCHEMA } from './reportChart.ts';

export function adversaryStakeChart(run: RunData): ReportChart | null {
  if (run.metrics.length === 0) return null;
  const kindOf = kindLookup(run.groups);
  const { shown, note } = shownSubnets(run.metrics.map((m) => m.netuid));
  const kept = keptBlocks(run.metrics.map((m) => m.block));
  const sums = new Map<string, { day: number; netuid: number; adversarial: number; honest: number }>();
  const adversaries = new Set<string>();
  for (const m of run.metrics) {
    if (!shown.has(m.netuid) || !kept.has(m.block)) continue;
    const key = `${m.block}/${m.netuid}`;
    let s = sums.get(key);
    if (s === undefined) {
      s = { day: m.day, netuid: m.netuid, adversarial: 0, honest: 0 };
      sums.set(key, s);
    }
    const side: GroupSide = sideOfKind(kindOf(m.netuid, m.group));
    if (side === 'adversarial') adversaries.add(m.group);
    s[side] += Number.isFinite(m.stakeShare) ? m.stakeShare : 0;
  }
  const values = [...sums.values()].flatMap((s) => [
    { day: s.day, netuid: s.netuid, side: 'adversarial', share: s.adversarial },
    { day: s.day, netuid: s.netuid, side: 'honest', share: s.honest },
  ]);
  const who = adversaries.size === 0 ? 'no adversarial group in this run' : `adversarial: ${[...adversaries].sort().join(', ')}`;
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: 'Stake share: adversaries against the honest majority', subtitle: subtitle(`${run.manifest.scenario.name}, seed ${run.manifest.seed}`, who, note) },
    data: { values },
    facet: { ...SUBNET_FACET },
    columns: 2,
    spec: {
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT,
      layer: [
        {
          mark: { type: 'line', point: kept.size < 40 },
          encoding: {
            x: { ...DAY_AXIS },
            y: { field: 'share', type: 'quantitative', title: 'share of stake weight', axis: { format: '.0%' }, scale: { domain: [0, 1] } },
            color: { field: 'side', type: 'nominal', title: 'side', scale: { domain: ['adversarial', 'honest'], range: ['#d62728', '#1f77b4'] } },
          },
        },
        { mark: { type: 'rule', strokeDash: [4, 4], color: '#555' }, encoding: { y: { datum: 0.5 } } },
      ],
    },
  } as TopLevelSpec;
  return {
    name: 'adversary-stake',
    title: 'Stake share: adversaries against the honest majority',
    caption: 'Share of each subnet\'s stake weight held by adversarial groups (any kind not "*.honest", and traders) against everyone else; the dashed line is 50 %.',
    spec,
  };
}
