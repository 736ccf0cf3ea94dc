/**
 * Which charts a report holds, in order. A single run: issuance, its long-horizon projection
 * (when `projectionYears` > 0), emission share, validator dividends, validator trust, adversary
 * stake share, incentive distribution, pools, and for Proof-of-Intelligence subnets measured quality
 * against incentive. An A/B pair: the attack-against-control chart, then
 * the run charts of the attack and of the control (names prefixed `attack-` / `control-`); the
 * projection only once, from the attack run's end. A chart with nothing to draw (e.g. no
 * validator groups) is left out.
 */
import { parseTao } from '../primitives/units.ts';
import { abComparisonChart } from './charts/abComparisonChart.ts';
import { adversaryStakeChart } from './charts/adversaryStakeChart.ts';
import { emissionShareChart } from './charts/emissionShareChart.ts';
import { incentiveDistributionChart } from './charts/incentiveDistributionChart.ts';
import { issuanceChart } from './charts/issuanceChart.ts';
import { issuanceProjectionChart } from './charts/issuanceProjectionChart.ts';
import { poolsChart } from './charts/poolsChart.ts';
import { mlQualityChart } from './charts/mlQualityChart.ts';
import type { ReportChart } from './charts/reportChart.ts';
import { validatorDividendsChart } from './charts/validatorDividendsChart.ts';
import { validatorTrustChart } from './charts/validatorTrustChart.ts';
import type { RunData, RunDirectory } from './readRunDirectory.ts';

export interface ChartSection {
  /** Heading in the report; null for the charts of a single run. */
  readonly heading: string | null;
  readonly charts: readonly ReportChart[];
}

export function buildCharts(source: RunDirectory, projectionYears: number): ChartSection[] {
  if (source.kind === 'single') return [{ heading: null, charts: [...runCharts(source.run, '', projectionYears)] }];
  const { pair } = source;
  const ab = abComparisonChart(pair);
  return [
    { heading: 'Attack against control', charts: ab === null ? [] : [ab] },
    { heading: 'Attack run', charts: runCharts(pair.attack, 'attack-', projectionYears) },
    { heading: 'Control run', charts: runCharts(pair.control, 'control-', 0) },
  ];
}

function runCharts(run: RunData, prefix: string, projectionYears: number): ReportChart[] {
  const projection =
    projectionYears > 0
      ? issuanceProjectionChart({
          startIssuanceRao: parseTao(run.manifest.final_issuance_tao),
          years: projectionYears,
          origin: `from the end of ${run.manifest.scenario.name} seed ${run.manifest.seed}`,
        })
      : null;
  const charts = [
    issuanceChart(run),
    projection,
    emissionShareChart(run),
    validatorDividendsChart(run),
    validatorTrustChart(run),
    adversaryStakeChart(run),
    incentiveDistributionChart(run),
    poolsChart(run),
    mlQualityChart(run.mlQuality ?? [], `${run.manifest.scenario.name}, seed ${run.manifest.seed}`),
  ];
  return charts.filter((c): c is ReportChart => c !== null).map((c) => ({ ...c, name: `${prefix}${c.name}` }));
}
