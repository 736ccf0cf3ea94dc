/**
 * The sweep charts on hand-made sweep directories: which charts a sweep gets, their specs (ordinal
 * axes in sweep order, cell labels, one dot per replicate, panels) and that each compiles and
 * renders to an SVG with its marks drawn.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { chartSvg } from '../../../../src/report/chartSvg.ts';
import type { ReportChart } from '../../../../src/report/charts/reportChart.ts';
import { aggregateSweepMetric } from '../../../../src/report/sweep/aggregateSweepMetric.ts';
import { readSweepDirectory } from '../../../../src/report/sweep/readSweepDirectory.ts';
import { sweepCharts } from '../../../../src/report/sweep/sweepCharts.ts';
import { meanLabel } from '../../../../src/report/sweep/sweepHeatmapChart.ts';
import { sweepView } from '../../../../src/report/sweep/sweepView.ts';
import type { SweepAxis } from '../../../../src/sim/sweep/sweepDefinition.ts';
import { useTempFiles } from '../../../support/tempFiles.ts';
import { coordinate, grid, writeSweepFixture, type SweepFixture } from './sweepDirFixture.ts';

const files = useTempFiles('sweep-charts');
let n = 0;

function chartsOf(axes: readonly SweepAxis[], o: Partial<SweepFixture> = {}): ReportChart[] {
  const dir = writeSweepFixture(join(files.dir(), `s${n++}`), {
    axes,
    replicates: 3,
    run: (p) => ({ 'sn1.cabal.emission_share': String(0.2 + Number(coordinate(p, KAPPA.path) ?? 0) / 10 + p.replicate / 1000) }),
    ...o,
  });
  const data = readSweepDirectory(dir);
  const view = sweepView(data);
  return sweepCharts(data, view, aggregateSweepMetric(data, view)).flatMap((s) => s.charts);
}

type Row = Record<string, unknown>;
const rowsOf = (c: ReportChart): Row[] => (c.spec as { data: { values: Row[] } }).data.values;
/** The inner (per-panel) spec of a faceted chart, or the chart itself. */
const innerOf = (c: ReportChart): Record<string, unknown> => ((c.spec as { spec?: Record<string, unknown> }).spec ?? (c.spec as unknown as Record<string, unknown>));

async function expectRenders(c: ReportChart, mark: RegExp): Promise<string> {
  const svg = await chartSvg(c.spec as TopLevelSpec);
  expect(svg).toMatch(/^<svg /);
  expect(svg).toMatch(mark);
  return svg;
}

/** How many items Vega drew in the marks of one type (each item is one <path>). */
function marksDrawn(svg: string, type: 'symbol' | 'rect'): number {
  const groups = [...svg.matchAll(new RegExp(`<g class="mark-${type} role-mark[^"]*"[^>]*>(.*?)</g>`, 'gs'))];
  return groups.reduce((sum, g) => sum + (g[1]!.match(/<path/g)?.length ?? 0), 0);
}

// Sweep order is not sorted order: the charts must keep 0.5 before 0.3.
const KAPPA = grid('subnets.0.hyperparameters.kappa', [0.5, 0.3, 0.4]);
const TEMPO = grid('subnets.0.tempo', [100, 360]);

describe('sweep charts', () => {
  it('draws two axes as a heatmap of the mean labelled mean ± sd, in sweep order, and renders it', async () => {
    const charts = chartsOf([KAPPA, TEMPO]);
    expect(charts.map((c) => c.name)).toEqual(['sweep-heatmap', 'sweep-spread']);
    const heat = charts[0]!;
    const inner = innerOf(heat) as { encoding: { x: { sort: string[]; type: string }; y: { sort: string[]; type: string } } };
    expect(inner.encoding.x).toMatchObject({ type: 'ordinal', sort: ['0.5', '0.3', '0.4'], title: 'kappa' });
    expect(inner.encoding.y).toMatchObject({ type: 'ordinal', sort: ['360', '100'], title: 'tempo' });
    const rows = rowsOf(heat);
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatchObject({ x: '0.5', y: '100', n: 3, label: '0.251 ± 0.001' });
    const svg = await expectRenders(heat, /<path[^>]*d="M/);
    expect(svg).toContain('0.251 ± 0.001');
  });

  it('shows every replicate as a dot with the mean marked, one panel per y value', async () => {
    const spread = chartsOf([KAPPA, TEMPO])[1]!;
    const rows = rowsOf(spread);
    expect(rows.filter((r) => r.kind === 'run')).toHaveLength(18);
    expect(rows.filter((r) => r.kind === 'mean')).toHaveLength(6);
    expect((spread.spec as { facet: { field: string; sort: string[] } }).facet).toMatchObject({ field: 'panel', sort: ['tempo=100', 'tempo=360'] });
    const svg = await expectRenders(spread, /tempo=360/);
    // Drawn: 18 dots (symbol marks) and 6 mean ticks (rect marks), over the two panels.
    expect(marksDrawn(svg, 'symbol')).toBe(18);
    expect(marksDrawn(svg, 'rect')).toBe(6);
  });

  it('draws one axis as a line of the mean with a min–max band and the replicate dots', async () => {
    const charts = chartsOf([KAPPA]);
    expect(charts.map((c) => c.name)).toEqual(['sweep-line']);
    const line = charts[0]!;
    const layers = (innerOf(line) as { layer: { mark: { type: string } }[] }).layer.map((l) => l.mark.type);
    expect(layers).toEqual(['area', 'line', 'circle']);
    const means = rowsOf(line).filter((r) => r.kind === 'mean');
    expect(means[0]).toMatchObject({ x: '0.5', min: 0.25, max: 0.252 });
    await expectRenders(line, /<path[^>]*d="M/);
  });

  it('draws a sweep without axes as the spread of its replicates alone', async () => {
    const charts = chartsOf([], { replicates: 4, run: (p) => ({ m: String(p.replicate) }) });
    expect(charts.map((c) => c.name)).toEqual(['sweep-spread']);
    expect(rowsOf(charts[0]!).filter((r) => r.kind === 'run')).toHaveLength(4);
    await expectRenders(charts[0]!, /all runs/);
  });

  it('puts a third axis with few values into panels, and names pooled axes in the subtitle', async () => {
    const faceted = chartsOf([KAPPA, TEMPO, grid('subnets.0.hyperparameters.rho', [10, 30])], { replicates: 1 });
    const heat = faceted[0]!;
    expect((heat.spec as { facet: { field: string; sort: string[] } }).facet).toMatchObject({ field: 'facet', sort: ['rho=10', 'rho=30'] });
    await expectRenders(heat, /rho=30/);
    const spread = faceted[1]!.spec as { facet: { row: { field: string }; column: { field: string } } };
    expect(spread.facet.row.field).toBe('facet');
    expect(spread.facet.column.field).toBe('panel');
    await expectRenders(faceted[1]!, /rho=10/);

    const pooled = chartsOf([KAPPA, TEMPO, grid('subnets.0.hyperparameters.rho', [1, 2, 3, 4, 5])], { replicates: 1 });
    expect((pooled[0]!.spec as { title: { subtitle: string } }).title.subtitle).toContain('pooled over rho');
    expect(rowsOf(pooled[0]!)[0]).toMatchObject({ n: 5 });
  });

  it('greys out a cell whose runs all failed and draws no chart when no run has a value', async () => {
    const charts = chartsOf([KAPPA, TEMPO], { run: (p) => (p.index < 3 ? 'Error: boom' : { m: '0.5' }) });
    const failedCell = rowsOf(charts[0]!).find((r) => r.x === '0.5' && r.y === '100')!;
    expect(failedCell).toMatchObject({ mean: null, label: 'failed' });
    await expectRenders(charts[0]!, /failed/);
    expect(chartsOf([KAPPA, TEMPO], { run: () => 'Error: boom' })).toEqual([]);
  });

  it('labels a mean to the digit of its sd', () => {
    expect(meanLabel(0.199688, 0.000061)).toBe('0.199688 ± 0.000061');
    expect(meanLabel(0.19966, 0.00014)).toBe('0.19966 ± 0.00014');
    expect(meanLabel(12.3456, 2)).toBe('12.35 ± 2');
    expect(meanLabel(0.25, null)).toBe('0.25');
    expect(meanLabel(0.25, 0)).toBe('0.25 ± 0');
  });
});
