/**
 * Published report: dTAO price manipulation — pump-for-share against price-based and flow-based
 * emission shares (scenarios/attacks/pump-for-share.yaml).
 */
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { priceManipulationStudy, type PricePumpPoint } from '../studies/priceManipulationStudy.ts';
import { compared, fixed, percent, type PublishedReport, type PublishOptions } from './publishedReport.ts';
import { VEGA_LITE_SCHEMA } from '../charts/reportChart.ts';

interface RulePoint extends PricePumpPoint {
  readonly rule: 'price' | 'tao_flow';
}

export function priceManipulationReport(o: PublishOptions): PublishedReport {
  const file = join(o.root, 'scenarios', 'attacks', 'pump-for-share.yaml');
  const pumps = o.quick ? [50000, 200000] : [25000, 50000, 100000, 200000];
  const base = o.quick ? { 'duration.days': 3, 'subnets.0.population.2.params.hold_days': 1 } : {};
  const points: RulePoint[] = (['price', 'tao_flow'] as const).flatMap((rule) =>
    priceManipulationStudy(file, pumps, { ...base, 'chain.emission_rule': rule }).map((p) => ({ ...p, rule })),
  );
  const price = points.filter((p) => p.rule === 'price');
  const flow = points.filter((p) => p.rule === 'tao_flow');
  const biggestPrice = price.at(-1)!;
  const biggestFlow = flow.at(-1)!;
  const findings = [
    `Under the price rule (shares follow each subnet's EMA price) the largest pump, ${biggestPrice.pumpTao.toLocaleString('en-US')} TAO, lifts the target's spot price to ${fixed(biggestPrice.maxPriceAttack / biggestPrice.maxPriceControl, 2)}× the control's peak, but its realised share of TAO emission only from ${percent(biggestPrice.targetShareControl, 2)} to ${percent(biggestPrice.targetShareAttack, 2)}: the moving price averages over EMAPriceHalvingBlocks, so a pump of a few days barely moves it.`,
    `Under the flow rule (shares follow the EMA of net TAO flow into each subnet) the same pump takes the target's share from ${percent(biggestFlow.targetShareControl, 2)} to ${percent(biggestFlow.targetShareAttack, 2)}${
      biggestFlow.targetShareAttack - biggestFlow.targetShareControl > 5 * (biggestPrice.targetShareAttack - biggestPrice.targetShareControl)
        ? `, ${fixed((biggestFlow.targetShareAttack - biggestFlow.targetShareControl) / Math.max(biggestPrice.targetShareAttack - biggestPrice.targetShareControl, 1e-12), 0)} times the price rule's gain: buying is inflow, so a pump is what the rule rewards until the exit's outflow reaches the EMA.`
        : ': no more than under the price rule.'
    }`,
    `The pumper's profit under the price rule (${price.map((p) => `${p.pumpTao.toLocaleString('en-US')} TAO pumped: ${p.pumperProfitTao.toFixed(0)} TAO`).join('; ')}) is ${fixed(biggestPrice.pumperProfitTao / Math.max(biggestPrice.extraEmissionTao, 1e-9), 0)} times the extra TAO emission its largest pump brought the subnet (${biggestPrice.extraEmissionTao.toFixed(1)} TAO): it comes from holding alpha while the price rose — by ${percent(biggestPrice.finalPriceControl / biggestPrice.initialPrice - 1)} over the run even without a pump, as the coinbase injects TAO into the pool — not from the share. The subnet's validators end ${price.every((p) => p.validatorsWealthDeltaTao < 0) ? 'poorer than in the control run at every pump size' : 'with mixed results against the control'} (${price.map((p) => p.validatorsWealthDeltaTao.toFixed(0)).join(', ')} TAO): the exit sells into the pool and leaves a ${compared(biggestPrice.finalPriceAttack, biggestPrice.finalPriceControl)} final price (${fixed(biggestPrice.finalPriceAttack / biggestPrice.finalPriceControl, 3)}× the control's).`,
  ];
  const share = points.map((p) => ({ pump: p.pumpTao, rule: p.rule, shareGain: p.targetShareAttack - p.targetShareControl }));
  const shareSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: 'Extra emission share bought by a pump', subtitle: 'target subnet’s realised TAO emission share, attack − control' },
    width: 520,
    height: 240,
    data: { values: share },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'pump', type: 'quantitative', title: 'TAO pumped in' },
      y: { field: 'shareGain', type: 'quantitative', axis: { format: '.1%' }, title: 'share gained (percentage points)' },
      color: { field: 'rule', type: 'nominal', title: 'emission_rule' },
    },
  } as TopLevelSpec;
  const priceSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: 'Peak spot price against the control', subtitle: 'price rule; the target subnet’s highest spot price ÷ the control run’s' },
    width: 520,
    height: 240,
    data: { values: price.map((p) => ({ pump: p.pumpTao, peak: p.maxPriceAttack / p.maxPriceControl })) },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'pump', type: 'quantitative', title: 'TAO pumped in' },
      y: { field: 'peak', type: 'quantitative', title: 'peak price ÷ control peak' },
    },
  } as TopLevelSpec;
  return {
    slug: 'dtao-price-manipulation',
    title: 'dTAO price manipulation: pump for emission share',
    question: 'Can a trader buy a subnet a larger share of the network’s TAO emission by pumping its alpha price, and does the choice of emission-share rule matter?',
    method: `scenarios/attacks/pump-for-share.yaml (four identical subnets of 200,000 TAO pools; a trader buys subnet 1’s alpha in ten tranches over a day, holds, sells over a day), pumps of ${pumps.map((p) => p.toLocaleString('en-US')).join(', ')} TAO, each against its control without a pump, under emission_rule price and tao_flow, ${o.quick ? '3 days' : '5 days'} per run.`,
    scenarioFiles: [file],
    findings,
    tables: [
      {
        heading: 'Pump outcomes',
        note: 'Shares are the target’s realised share of TAO emission over the run; prices in TAO per alpha; profit and wealth deltas in TAO.',
        columns: ['rule', 'pump (TAO)', 'share (control)', 'share (attack)', 'extra emission (TAO)', 'peak price ÷ control', 'final price ÷ control', 'pumper profit', 'validators’ wealth Δ'],
        rows: points.map((p) => [p.rule, p.pumpTao.toLocaleString('en-US'), percent(p.targetShareControl, 2), percent(p.targetShareAttack, 2), p.extraEmissionTao.toFixed(1), fixed(p.maxPriceAttack / p.maxPriceControl, 3), fixed(p.finalPriceAttack / p.finalPriceControl, 3), p.pumperProfitTao.toFixed(1), p.validatorsWealthDeltaTao.toFixed(1)]),
      },
    ],
    charts: [
      { name: 'share-gain', title: 'Extra emission share bought by a pump', caption: 'Percentage points of TAO emission share the target gained over its control, by pump size and rule.', spec: shareSpec },
      { name: 'peak-price', title: 'Peak spot price against the control', caption: 'How far the pump moved the spot price, for comparison with the share it bought.', spec: priceSpec },
    ],
  };
}
