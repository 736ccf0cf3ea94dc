/**
 * Small Vega-Lite spec builders for the notebooks: plain data rows in, a spec out. They only lay
 * out numbers the notebooks got from src/ (runScenario, runAB, projectIssuance); no figure is
 * computed here. src/report's chart builders work from a run directory's CSV tables, which these
 * in-memory studies do not write.
 */
import type { TopLevelSpec } from 'vega-lite';

/** One plotted row: field name → value. */
export type Datum = Readonly<Record<string, number | string>>;

export interface XYChart {
  readonly title: string;
  readonly data: readonly Datum[];
  readonly x: string;
  readonly y: string;
  /** Field that splits the data into colours (series or bar segments). */
  readonly color?: string;
  readonly xTitle?: string;
  readonly yTitle?: string;
  readonly width?: number;
  readonly height?: number;
}

const FONT = { font: 'sans-serif' };

/** Colours in the order the series first appear in the data (not alphabetical), full legend labels. */
function colorEncoding(c: XYChart): object {
  return c.color === undefined ? {} : { color: { field: c.color, type: 'nominal', title: c.color, sort: null, legend: { labelLimit: 400 } } };
}

/** Bars per x category; with `color`, side-by-side bars (`grouped`) or one stacked bar per x. */
export function barChart(c: XYChart & { readonly layout?: 'grouped' | 'stacked' }): TopLevelSpec {
  const grouped = c.color !== undefined && c.layout !== 'stacked';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: c.title,
    width: c.width ?? 420,
    height: c.height ?? 240,
    config: FONT,
    data: { values: c.data.map((d) => ({ ...d })) },
    mark: { type: 'bar' },
    encoding: {
      x: { field: c.x, type: 'nominal', title: c.xTitle ?? c.x, axis: { labelAngle: 0 } },
      y: { field: c.y, type: 'quantitative', title: c.yTitle ?? c.y, ...(grouped ? {} : { stack: 'zero' }) },
      ...colorEncoding(c),
      ...(grouped ? { xOffset: { field: c.color!, type: 'nominal' } } : {}),
    },
  } as TopLevelSpec;
}

/** A dashed reference line with a label: vertical at x = `at`, or horizontal at y = `at`. */
export interface Marker {
  readonly at: number;
  readonly label: string;
}

export interface LineOptions {
  /** Vertical lines, e.g. dates. */
  readonly xMarkers?: readonly Marker[];
  /** Horizontal lines, e.g. halving thresholds. */
  readonly yMarkers?: readonly Marker[];
  /** Draw each datum as a point too. */
  readonly points?: boolean;
  /** Start the y scale at zero (default true). */
  readonly zeroY?: boolean;
  /** Only whole-number ticks on x. */
  readonly integerX?: boolean;
  /** Hold each value until the next x (a step function such as block emission). */
  readonly step?: boolean;
}

function markerLayers(markers: readonly Marker[], axis: 'x' | 'y'): object[] {
  if (markers.length === 0) return [];
  const values = markers.map((m) => ({ at: m.at, label: m.label }));
  const position = { [axis]: { field: 'at', type: 'quantitative' } };
  const text = axis === 'x'
    ? { mark: { type: 'text', align: 'left', baseline: 'top', dx: 3, dy: 3, color: 'gray', fontSize: 10 }, encoding: { ...position, y: { value: 0 }, text: { field: 'label' } } }
    : { mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 3, dy: -2, color: 'gray', fontSize: 10 }, encoding: { ...position, x: { value: 0 }, text: { field: 'label' } } };
  return [
    { data: { values }, mark: { type: 'rule', strokeDash: [4, 3], color: 'gray' }, encoding: position },
    { data: { values }, ...text },
  ];
}

/** Lines over a quantitative x, one per `color` value, with optional reference lines. */
export function lineChart(c: XYChart & LineOptions): TopLevelSpec {
  const line = {
    data: { values: c.data.map((d) => ({ ...d })) },
    mark: { type: 'line', point: c.points ?? false, ...(c.step === true ? { interpolate: 'step-after' } : {}) },
    encoding: {
      x: { field: c.x, type: 'quantitative', title: c.xTitle ?? c.x, ...(c.integerX === true ? { axis: { tickMinStep: 1, format: 'd' } } : {}) },
      y: { field: c.y, type: 'quantitative', title: c.yTitle ?? c.y, scale: { zero: c.zeroY ?? true } },
      ...colorEncoding(c),
    },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: c.title,
    width: c.width ?? 460,
    height: c.height ?? 260,
    config: FONT,
    layer: [line, ...markerLayers(c.xMarkers ?? [], 'x'), ...markerLayers(c.yMarkers ?? [], 'y')],
  } as TopLevelSpec;
}

/** One point per datum, coloured by `color`; for "does y track x" questions. */
export function pointChart(c: XYChart): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: c.title,
    width: c.width ?? 420,
    height: c.height ?? 260,
    config: FONT,
    data: { values: c.data.map((d) => ({ ...d })) },
    mark: { type: 'point', filled: true },
    encoding: {
      x: { field: c.x, type: 'quantitative', title: c.xTitle ?? c.x },
      y: { field: c.y, type: 'quantitative', title: c.yTitle ?? c.y },
      ...colorEncoding(c),
    },
  } as TopLevelSpec;
}
