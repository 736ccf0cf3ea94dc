/**
 * Published report: the emission schedule and halvings (src/consensus/supply through the
 * emission-schedule study), including how recycling moves the halvings.
 */
import type { TopLevelSpec } from 'vega-lite';
import { emissionScheduleStudy } from '../studies/emissionScheduleStudy.ts';
import { fixed, type PublishedReport, type PublishOptions } from './publishedReport.ts';
import { VEGA_LITE_SCHEMA } from '../charts/reportChart.ts';

const START_TAO = '10500000';

export function emissionScheduleReport(o: PublishOptions): PublishedReport {
  const rates = [0, 1000, 3000];
  const years = o.quick ? 20 : 40;
  const study = emissionScheduleStudy(START_TAO, rates, years);
  const halvingsAt = (rate: number) => study.halvings.filter((h) => h.recycleTaoPerDay === rate);
  const none = halvingsAt(0);
  const endOf = (rate: number) => study.series.filter((p) => p.recycleTaoPerDay === rate).at(-1)!;
  const secondAt = (rate: number) => halvingsAt(rate).find((h) => h.halving === 2);
  const findings = [
    `From ${Number(START_TAO).toLocaleString('en-US')} TAO issued (the first halving's threshold) and with nothing recycled, the halvings come every ${fixed(none.length > 1 ? none[1]!.year - none[0]!.year : 0, 2)} years: each era issues half of what remains to the 21M cap at half the block emission, so the eras last equally long (${none.map((h) => `halving ${h.halving} in year ${fixed(h.year, 1)}`).slice(0, 4).join(', ')}, …). After ${years} years issuance is ${Math.round(endOf(0).issuanceTao).toLocaleString('en-US')} TAO.`,
    `Halvings are driven by issuance, not by time, so recycling (registration burns, recycled alpha and fees taken out of issuance) postpones them: at 1,000 TAO a day the second halving ${secondAt(1000) === undefined ? `does not come within ${years} years` : `comes in year ${fixed(secondAt(1000)!.year, 1)}`} instead of year ${fixed(secondAt(0)?.year ?? 0, 1)}, and at 3,000 TAO a day ${secondAt(3000) === undefined ? `not within ${years} years` : `in year ${fixed(secondAt(3000)!.year, 1)}`}.`,
    `Where the daily recycling exceeds an era's daily emission (7,200 blocks × the block emission), issuance stops rising: at 3,000 TAO a day that happens once the block emission drops to ${study.series.some((p) => p.recycleTaoPerDay === 3000 && p.blockEmissionTao <= 3000 / 7200) ? fixed(study.series.find((p) => p.recycleTaoPerDay === 3000 && p.blockEmissionTao <= 3000 / 7200)!.blockEmissionTao, 4) : 'a level not reached in this horizon'} TAO per block, and issuance ends the horizon at ${Math.round(endOf(3000).issuanceTao).toLocaleString('en-US')} TAO.`,
  ];
  const x = { field: 'year', type: 'quantitative', title: 'years ahead (12 s blocks)' } as const;
  const color = { field: 'recycling', type: 'nominal', title: 'recycled per day' } as const;
  const values = study.series.map((p) => ({ year: p.year, issuanceTao: p.issuanceTao, blockEmissionTao: p.blockEmissionTao, recycling: `${p.recycleTaoPerDay.toLocaleString('en-US')} TAO` }));
  const rules = none.map((h) => ({ year: h.year, label: `halving ${h.halving}` }));
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: 'Issuance and block emission under recycling', subtitle: `from ${Number(START_TAO).toLocaleString('en-US')} TAO; dashed rules: halvings without recycling` },
    vconcat: [
      {
        width: 560,
        height: 220,
        layer: [
          { data: { values }, mark: { type: 'line' }, encoding: { x, y: { field: 'issuanceTao', type: 'quantitative', scale: { zero: false }, title: 'total issuance (TAO)' }, color } },
          { data: { values: rules }, mark: { type: 'rule', strokeDash: [4, 3], color: '#d62728' }, encoding: { x } },
        ],
      },
      {
        width: 560,
        height: 160,
        layer: [
          { data: { values }, mark: { type: 'line', interpolate: 'step-after' }, encoding: { x, y: { field: 'blockEmissionTao', type: 'quantitative', title: 'block emission (TAO/block)' }, color } },
          { data: { values: rules }, mark: { type: 'rule', strokeDash: [4, 3], color: '#d62728' }, encoding: { x } },
        ],
      },
    ],
  } as TopLevelSpec;
  return {
    slug: 'emission-schedule',
    title: 'The emission schedule and halvings',
    question: 'When do the halvings come, and how does recycling TAO out of issuance move them?',
    method: `The chain's halving law (block emission = 1 TAO × 2^−k once issuance passes 21M × (1 − 2^−k)), projected exactly per era (src/consensus/supply/projectIssuance.ts, the model behind \`yumalab supply\`) from ${START_TAO} TAO for ${years} years with 0, 1,000 and 3,000 TAO recycled per day.`,
    scenarioFiles: [],
    findings,
    tables: [
      {
        heading: 'Halvings',
        note: 'Year = years after the start (12 s blocks, 365.25-day years); block emission from that halving on.',
        columns: ['recycled per day (TAO)', 'halving', 'year', 'issuance (TAO)', 'block emission (TAO)'],
        rows: study.halvings.map((h) => [h.recycleTaoPerDay.toLocaleString('en-US'), String(h.halving), fixed(h.year, 2), Math.round(h.issuanceTao).toLocaleString('en-US'), String(h.blockEmissionTao)]),
      },
    ],
    charts: [{ name: 'issuance-recycling', title: 'Issuance and block emission under recycling', caption: 'Each colour is one daily recycling rate; the dashed rules mark the halvings without recycling.', spec }],
  };
}
