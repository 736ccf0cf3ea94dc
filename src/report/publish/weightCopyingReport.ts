/**
 * Published report: weight copying and commit-reveal (scenarios/attacks/weight-copying.yaml).
 */
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { weightCopyingStudy, type WeightCopyingPoint } from '../studies/weightCopyingStudy.ts';
import { compared, fixed, type PublishedReport, type PublishOptions } from './publishedReport.ts';
import { VEGA_LITE_SCHEMA } from '../charts/reportChart.ts';

function label(p: WeightCopyingPoint): string {
  return p.revealPeriodEpochs === null ? 'off' : `${p.revealPeriodEpochs} epoch${p.revealPeriodEpochs === 1 ? '' : 's'}`;
}

export function weightCopyingReport(o: PublishOptions): PublishedReport {
  const file = join(o.root, 'scenarios', 'attacks', 'weight-copying.yaml');
  const points = weightCopyingStudy(file, o.quick ? [1, 3] : [1, 2, 3, 4], o.quick ? { 'duration.days': 1 } : {});
  const off = points[0]!;
  const on = points.slice(1);
  const breakEven = on.find((p) => p.ratio < 1);
  const longest = on.at(-1)!;
  const spread = Math.max(...points.map((p) => Math.abs(p.ratio - 1)));
  const monotone = on.every((p, i) => i === 0 || p.ratio <= on[i - 1]!.ratio) && on[0]!.ratio <= off.ratio;
  const findings = [
    off.ratio > 1
      ? `Without commit-reveal the copiers earn ${fixed(off.ratio)} times the honest validators' dividend per unit of stake: the stake-weighted average of the latest rows they copy carries less evaluation noise than any single honest validator's row, so free-riding pays better than evaluating.`
      : `Without commit-reveal the copiers earn ${fixed(off.ratio)} times the honest validators' dividend per unit of stake: even copying the latest rows does not pay better than evaluating.`,
    breakEven === undefined
      ? `No reveal period tried makes copying pay less than evaluating: with a ${label(longest)} reveal the ratio is still ${fixed(longest.ratio)}.`
      : `With commit-reveal a copier sees each row only after the reveal period, so it copies weights that many epochs old. From a reveal period of ${label(breakEven)} the copiers earn less than honest validators (ratio ${fixed(breakEven.ratio)}); with ${label(longest)} the ratio is ${fixed(longest.ratio)}.`,
    `The ratio ${monotone ? 'falls with every longer reveal period' : 'does not fall monotonically with the reveal period'} (${points.map((p) => `${label(p)}: ${fixed(p.ratio)}`).join(', ')}). ${
      spread < 0.1
        ? `Every setting stays within ${(100 * spread).toFixed(1)}% of parity: the chain's EMA bonds (bonds_moving_average) smooth what a copier gains or loses per epoch, so commit-reveal turns copying from slightly profitable into slightly unprofitable rather than ruinous.`
        : `The spread reaches ${(100 * spread).toFixed(1)}% of parity, so the reveal period decides whether copying pays.`
    }`,
  ];
  const rows = points.map((p) => ({ setting: label(p), copier: p.copierDividendPerStake, honest: p.honestDividendPerStake, ratio: p.ratio }));
  const order = rows.map((r) => r.setting);
  const ratioSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: 'Copier dividend per unit of stake, relative to honest validators', subtitle: 'weight-copying.yaml; 1 = paid like an honest validator' },
    width: 520,
    height: 240,
    layer: [
      { data: { values: rows }, mark: { type: 'line', point: true }, encoding: { x: { field: 'setting', type: 'ordinal', sort: order, title: 'commit-reveal period', axis: { labelAngle: 0 } }, y: { field: 'ratio', type: 'quantitative', scale: { zero: false }, title: 'copier ÷ honest dividend per stake' } } },
      { data: { values: [{ y: 1 }] }, mark: { type: 'rule', strokeDash: [4, 3], color: '#888' }, encoding: { y: { field: 'y', type: 'quantitative' } } },
    ],
  } as TopLevelSpec;
  const long = rows.flatMap((r) => [
    { setting: r.setting, who: 'copiers', value: r.copier },
    { setting: r.setting, who: 'honest validators', value: r.honest },
  ]);
  const barsSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: 'Dividend per unit of stake by commit-reveal period', subtitle: 'share of the subnet’s dividends ÷ mean share of stake weight' },
    width: 520,
    height: 240,
    data: { values: long },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'setting', type: 'ordinal', sort: order, title: 'commit-reveal period', axis: { labelAngle: 0 } },
      xOffset: { field: 'who' },
      y: { field: 'value', type: 'quantitative', scale: { zero: false }, title: 'dividend per unit of stake' },
      color: { field: 'who', type: 'nominal', title: null },
    },
  } as TopLevelSpec;
  return {
    slug: 'weight-copying',
    title: 'Weight copying and commit-reveal',
    question: 'Does commit-reveal stop validators that copy the visible weights from out-earning the validators who evaluate, and how long must the reveal period be?',
    method: `scenarios/attacks/weight-copying.yaml (16 honest validators, 4 weight copiers with 20% of validator stake, 100 miners whose quality drifts quickly), ${o.quick ? '1 day' : '3 days'} per setting, commit-reveal off and reveal periods ${on.map((p) => p.revealPeriodEpochs).join(', ')} epochs, the same seed throughout.`,
    scenarioFiles: [file],
    findings,
    tables: [
      {
        heading: 'Dividend per unit of stake',
        note: 'Share of the subnet’s dividends divided by mean share of stake weight; ratio = copiers ÷ honest validators; copier profit = final − initial wealth of the copiers, TAO.',
        columns: ['commit-reveal', 'copiers', 'honest validators', 'ratio', 'copier profit (TAO)'],
        rows: points.map((p) => [label(p), fixed(p.copierDividendPerStake, 4), fixed(p.honestDividendPerStake, 4), fixed(p.ratio, 4), p.copierProfitTao.toFixed(1)]),
      },
    ],
    charts: [
      { name: 'copier-ratio', title: 'Copier ÷ honest dividend per stake', caption: `Above the dashed line copying pays better than evaluating; the ratio is ${compared(longest.ratio, off.ratio, 'higher', 'lower')} with a ${label(longest)} reveal than without commit-reveal.`, spec: ratioSpec },
      { name: 'dividend-per-stake', title: 'Dividend per unit of stake', caption: 'Copiers and honest validators side by side for each commit-reveal setting.', spec: barsSpec },
    ],
  };
}
