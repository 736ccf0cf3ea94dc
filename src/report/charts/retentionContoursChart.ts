/**
 * Retention lines of one variant of the consensus-guarantees study (shared/spec/retention-map.md
 * §11): for every stake level S, the contour major_ratio = S over the (W_H, W_C) square — to the
 * right of a line the honest team keeps (or grows) its stake share whatever the cabal reports.
 * Styled after the study's plotter: viridis colour by S (stake number i of n takes sample i + 1 of
 * n + 1, as matplotlib's 12 samples for 11 stakes), the S = 0.60 line drawn thicker, both axes
 * [0, 1] with a dotted grid. The lines come from contourLines.ts (sim/experiments).
 */
import type { TopLevelSpec } from 'vega-lite';
import { type ReportChart, VEGA_LITE_SCHEMA } from './reportChart.ts';

export interface RetentionContoursInput {
  /** Names the variant, e.g. `Retention lines, baseline` or `… [β = 0]`. */
  readonly title: string;
  /** One entry per stake level; `points` are the level-S contour's polylines in [0, 1]². */
  readonly lines: readonly { readonly stake: number; readonly points: readonly (readonly { readonly x: number; readonly y: number }[])[] }[];
}

/** The stake level the docs quote and the plotter highlights. */
const HIGHLIGHTED_STAKE = 0.6;
const LINE_WIDTH = 1.5;
const HIGHLIGHT_WIDTH = 3;
const SIZE_PX = 420;

const stakeLabel = (stake: number): string => stake.toFixed(2);

export function retentionContoursChart(input: RetentionContoursInput): ReportChart {
  const stakes = input.lines.map((l) => stakeLabel(l.stake));
  const values = input.lines.flatMap((l) =>
    l.points.flatMap((polyline, p) =>
      polyline.map((pt, order) => ({
        stake: stakeLabel(l.stake),
        line: `${stakeLabel(l.stake)}/${p}`,
        order,
        x: pt.x,
        y: pt.y,
        width: Math.abs(l.stake - HIGHLIGHTED_STAKE) < 1e-9 ? HIGHLIGHT_WIDTH : LINE_WIDTH,
      })),
    ),
  );
  const empty = input.lines.filter((l) => l.points.length === 0).map((l) => stakeLabel(l.stake));
  const axis = { values: Array.from({ length: 11 }, (_, i) => i / 10), gridDash: [1, 3], gridColor: '#c8c8c8', format: '.1f' };
  const n = Math.max(1, stakes.length);
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: input.title,
      // One line each, so the subtitle never makes the chart wider than the plot and legend.
      subtitle: [
        'lines where the major emission share equals the major stake share S;',
        'to the right of a line the honest team keeps its stake share',
        ...(empty.length === 0 ? [] : [`no line (retained everywhere or nowhere) for S = ${empty.join(', ')}`]),
      ],
    },
    width: SIZE_PX,
    height: SIZE_PX,
    data: { values },
    // No `clip`: Vega numbers clip paths with a global counter, which would make the SVG differ
    // between renders; the data lies in [0, 1]² anyway.
    mark: { type: 'line', interpolate: 'linear' },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: 'Major (honest) self-weight W_H', scale: { domain: [0, 1], nice: false }, axis },
      y: { field: 'y', type: 'quantitative', title: 'Minor (cabal) self-weight W_C', scale: { domain: [0, 1], nice: false }, axis },
      detail: { field: 'line', type: 'nominal' },
      order: { field: 'order', type: 'quantitative' },
      color: {
        field: 'stake',
        type: 'ordinal',
        title: 'major stake S',
        sort: stakes,
        scale: { domain: stakes, scheme: { name: 'viridis', extent: [1 / n, 1] } },
      },
      strokeWidth: { field: 'width', type: 'quantitative', scale: null, legend: null },
    },
  } as TopLevelSpec;
  return {
    name: 'retention-contours',
    title: input.title,
    caption:
      'For each honest stake share S, the line where the honest team’s share of one epoch’s emission equals S, over honest self-weight W_H (x) and cabal self-weight W_C (y); the required honest utility is the line’s rightmost point (S = 0.60 drawn thicker).',
    spec,
  };
}
