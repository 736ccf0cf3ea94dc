/**
 * Alpha price and pool reserves per subnet over time (metrics.csv `alpha_price`, `pool_tao`,
 * `pool_alpha`; the same for every group row of a (block, subnet), so one point each): three
 * stacked panels sharing the time axis, one line per subnet.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { RunData } from '../readRunDirectory.ts';
import { DAY_AXIS, keptBlocks, shownSubnets, subtitle, type ReportChart, VEGA_LITE_SCHEMA } from './reportChart.ts';

export function poolsChart(run: RunData): ReportChart | null {
  if (run.metrics.length === 0) return null;
  const { shown, note } = shownSubnets(run.metrics.map((m) => m.netuid));
  const kept = keptBlocks(run.metrics.map((m) => m.block));
  const seen = new Set<string>();
  const values: { day: number; subnet: string; priceTao: number; poolTao: number; poolAlpha: number }[] = [];
  for (const m of run.metrics) {
    const key = `${m.block}/${m.netuid}`;
    if (!shown.has(m.netuid) || !kept.has(m.block) || seen.has(key)) continue;
    seen.add(key);
    values.push({ day: m.day, subnet: `subnet ${m.netuid}`, priceTao: m.alphaPriceTao, poolTao: m.poolTao, poolAlpha: m.poolAlpha });
  }
  const netuids = [...shown].sort((a, b) => a - b).map((n) => `subnet ${n}`);
  const color = { field: 'subnet', type: 'nominal', title: 'subnet', sort: netuids, scale: { scheme: 'category10' } } as const;
  const panel = (field: string, title: string) => ({
    width: 640,
    height: 140,
    mark: { type: 'line' },
    encoding: { x: { ...DAY_AXIS }, y: { field, type: 'quantitative', title, scale: { zero: false } }, color },
  });
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: 'Alpha price and pool reserves per subnet', subtitle: subtitle(`${run.manifest.scenario.name}, seed ${run.manifest.seed}`, 'spot price = pool TAO / pool alpha', note) },
    data: { values },
    vconcat: [panel('priceTao', 'alpha price (TAO per alpha)'), panel('poolTao', 'pool TAO reserve (TAO)'), panel('poolAlpha', 'pool alpha reserve (alpha)')],
  } as TopLevelSpec;
  return { name: 'pools', title: 'Alpha price and pool reserves per subnet', caption: "Each subnet's alpha spot price and the TAO and alpha reserves of its pool at each recorded epoch.", spec };
}
