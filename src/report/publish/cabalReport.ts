/**
 * Published report: minority cabals and the bonds penalty (scenarios/attacks/cabal.yaml).
 */
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { cabalStudy } from '../studies/cabalStudy.ts';
import { compared, fixed, percent, type PublishedReport, type PublishOptions } from './publishedReport.ts';
import { VEGA_LITE_SCHEMA } from '../charts/reportChart.ts';

export function cabalReport(o: PublishOptions): PublishedReport {
  const file = join(o.root, 'scenarios', 'attacks', 'cabal.yaml');
  const stakes = o.quick ? [36000] : [12000, 36000, 68000];
  const points = cabalStudy(file, stakes, [0, 1], o.quick ? { 'duration.days': 1 } : {});
  const withPenalty = points.filter((p) => p.bondsPenalty === 1);
  const without = points.filter((p) => p.bondsPenalty === 0);
  const allBelow = withPenalty.every((p) => p.cabalDividendPerStake < 1);
  const penaltyHelps = stakes.filter((s) => {
    const a = withPenalty.find((p) => p.cabalStakePerValidatorAlpha === s)!;
    const b = without.find((p) => p.cabalStakePerValidatorAlpha === s)!;
    return a.cabalDividendPerStake < b.cabalDividendPerStake;
  }).length;
  const shrinking = withPenalty.filter((p) => p.stakeRetention < 1).length;
  const findings = [
    `With the chain's bonds penalty (1), a cabal holding ${withPenalty.map((p) => percent(p.cabalStakeShare, 0)).join(', ')} of the stake earns ${withPenalty.map((p) => fixed(p.cabalDividendPerStake)).join(', ')} of the dividend its stake would earn honestly: ${allBelow ? 'below 1 at every size' : 'not below 1 at every size'}. Kappa clipping caps its boosted miners at the honest consensus, so the weight it puts on them earns neither incentive beyond their quality nor bonds, and its validator trust drops.`,
    `Without the penalty (0) bonds follow the cabal's raw weights; the cabal keeps ${without.map((p) => fixed(p.cabalDividendPerStake)).join(', ')} — ${penaltyHelps === stakes.length ? 'more than with the penalty at every size' : `more than with the penalty at ${penaltyHelps} of ${stakes.length} sizes`}. ${
      without.every((p) => p.cabalDividendPerStake < 1)
        ? `Even then it is paid below its stake: kappa clipping alone makes the boost a loss, and the penalty deepens it by ${stakes.map((st) => fixed(without.find((p) => p.cabalStakePerValidatorAlpha === st)!.cabalDividendPerStake - withPenalty.find((p) => p.cabalStakePerValidatorAlpha === st)!.cabalDividendPerStake, 3)).join(', ')} of a stake-proportional share.`
        : 'Without the penalty the boost can pay: the penalty is what keeps a cabal below its stake-proportional share.'
    }`,
    `Stake retention: dividends are paid as stake, so a cabal paid below its stake share loses ground to the honest validators. With the penalty its share of the validators' stake ${shrinking === withPenalty.length ? 'shrinks at every size' : `shrinks at ${shrinking} of ${withPenalty.length} sizes`} (last ÷ first epoch: ${withPenalty.map((p) => fixed(p.stakeRetention, 4)).join(', ')}; without the penalty: ${without.map((p) => fixed(p.stakeRetention, 4)).join(', ')}); over ${o.quick ? 'one day' : 'three days'} the loss is small, and it compounds on longer horizons.`,
  ];
  const scatter = points.map((p) => ({ stakeShare: p.cabalStakeShare, dividendPerStake: p.cabalDividendPerStake, penalty: `bonds_penalty ${p.bondsPenalty}` }));
  const divSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: 'Cabal dividend per unit of stake', subtitle: 'cabal.yaml at several cabal stake shares; 1 = paid like honest stake' },
    width: 520,
    height: 240,
    layer: [
      { data: { values: scatter }, mark: { type: 'line', point: true }, encoding: { x: { field: 'stakeShare', type: 'quantitative', axis: { format: '.0%' }, title: 'cabal share of stake' }, y: { field: 'dividendPerStake', type: 'quantitative', scale: { zero: false }, title: 'dividend per unit of stake' }, color: { field: 'penalty', type: 'nominal', title: null } } },
      { data: { values: [{ y: 1 }] }, mark: { type: 'rule', strokeDash: [4, 3], color: '#888' }, encoding: { y: { field: 'y', type: 'quantitative' } } },
    ],
  } as TopLevelSpec;
  const series = points.flatMap((p) => {
    const first = p.stakeShareSeries[0]?.stakeShare ?? 1;
    return p.stakeShareSeries.map((s) => ({ day: s.day, retention: s.stakeShare / first, size: `${percent(p.cabalStakeShare, 0)} cabal`, penalty: `bonds_penalty ${p.bondsPenalty}` }));
  });
  const seriesSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: 'Cabal stake retention over time', subtitle: 'the cabal’s share of the validators’ stake ÷ that share at the first epoch' },
    width: 520,
    height: 260,
    data: { values: series },
    mark: { type: 'line' },
    encoding: {
      x: { field: 'day', type: 'quantitative', title: 'time (simulated days)' },
      y: { field: 'retention', type: 'quantitative', scale: { zero: false }, title: 'share of validator stake ÷ initial' },
      color: { field: 'size', type: 'nominal', title: 'cabal size' },
      strokeDash: { field: 'penalty', type: 'nominal', title: null },
    },
  } as TopLevelSpec;
  return {
    slug: 'cabal-bonds-penalty',
    title: 'Minority cabals and the bonds penalty',
    question: 'Can a minority-stake coalition that over-weights its own miners profit under Yuma Consensus, and how much does the bonds penalty protect the honest majority?',
    method: `scenarios/attacks/cabal.yaml (15 honest validators; 5 cabal validators boosting their 20 low-quality miners tenfold; 80 honest miners), cabal stake of ${stakes.join(', ')} alpha per validator, bonds_penalty 0 and 1, ${o.quick ? '1 day' : '3 days'} per run, the same seed throughout.`,
    scenarioFiles: [file],
    findings,
    tables: [
      {
        heading: 'Cabal outcome by stake share and bonds penalty',
        note: 'dividend per stake = cabal share of dividends ÷ its mean stake share; retention = its share of the validators’ stake at the last epoch ÷ at the first; miners’ incentive in alpha.',
        columns: ['cabal stake share', 'bonds_penalty', 'dividend per stake', 'stake retention', 'cabal miners incentive (alpha)'],
        rows: points.map((p) => [percent(p.cabalStakeShare), String(p.bondsPenalty), fixed(p.cabalDividendPerStake, 4), fixed(p.stakeRetention, 4), p.cabalMinersIncentiveAlpha.toFixed(1)]),
      },
    ],
    charts: [
      { name: 'cabal-dividend-per-stake', title: 'Cabal dividend per unit of stake', caption: `Below the dashed line the cabal is paid less than honest stake; the penalty-1 line lies ${compared(withPenalty[0]!.cabalDividendPerStake, without[0]!.cabalDividendPerStake, 'above', 'below')} the penalty-0 line at the smallest cabal.`, spec: divSpec },
      { name: 'cabal-stake-retention', title: 'Cabal stake retention over time', caption: 'The cabal’s share of the validators’ stake relative to its first epoch, by cabal size (colour) and bonds penalty (dash).', spec: seriesSpec },
    ],
  };
}
