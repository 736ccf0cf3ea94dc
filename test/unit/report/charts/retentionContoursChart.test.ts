import { describe, expect, it } from 'vitest';
import { chartPng } from '../../../../src/report/chartPng.ts';
import { chartSvg } from '../../../../src/report/chartSvg.ts';
import { retentionContoursChart } from '../../../../src/report/charts/retentionContoursChart.ts';

const STAKES = [0.51, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.99];

/** Straight stand-in retention lines: one per stake, from (S − 0.5, 0) to (S, 1). */
const INPUT = {
  title: 'Retention lines [β = 0]',
  lines: STAKES.map((stake) => ({ stake, points: stake === 0.99 ? [] : [[{ x: stake - 0.5, y: 0 }, { x: stake, y: 1 }]] })),
};

type Row = { stake: string; line: string; order: number; x: number; y: number; width: number };

describe('retentionContoursChart', () => {
  const chart = retentionContoursChart(INPUT);
  const spec = chart.spec as unknown as { title: { text: string; subtitle: string[] }; data: { values: Row[] }; mark: { type: string }; encoding: Record<string, { title?: string; scale?: { domain?: unknown } }> };

  it('draws one ordered line per polyline, coloured by stake, S = 0.60 thicker, axes W_H and W_C on [0, 1]', () => {
    expect(chart.title).toBe('Retention lines [β = 0]');
    expect(spec.title.text).toBe('Retention lines [β = 0]');
    expect(spec.mark.type).toBe('line');
    expect(spec.data.values).toHaveLength(20);
    expect(spec.data.values.filter((r) => r.width === 3).map((r) => r.stake)).toEqual(['0.60', '0.60']);
    expect(new Set(spec.data.values.filter((r) => r.stake !== '0.60').map((r) => r.width))).toEqual(new Set([1.5]));
    expect(spec.encoding.x!.title).toBe('Major (honest) self-weight W_H');
    expect(spec.encoding.y!.title).toBe('Minor (cabal) self-weight W_C');
    expect(spec.encoding.x!.scale!.domain).toEqual([0, 1]);
    expect(spec.encoding.y!.scale!.domain).toEqual([0, 1]);
    // Every stake keeps its colour and legend entry, even without a line.
    expect(spec.encoding.color!.scale!.domain).toEqual(STAKES.map((s) => s.toFixed(2)));
    expect(spec.title.subtitle.join(' ')).toContain('no line (retained everywhere or nowhere) for S = 0.99');
  });

  it('renders to SVG and PNG through the report path, with the title and drawn lines', async () => {
    const svg = await chartSvg(chart.spec);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/role-mark[^>]*>(<path[^>]* d="M[^"]+"|<path transform)/);
    expect(svg).toContain('Retention lines [β = 0]</text>');
    expect(svg).toContain('Major (honest) self-weight W_H</text>');
    expect(await chartSvg(chart.spec)).toBe(svg);
    expect(chartPng(svg).length).toBeGreaterThan(1000);
  });
});
