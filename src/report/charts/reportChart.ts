/**
 * What every chart builder returns, and the conventions they share: x is simulated time in days
 * (metrics.csv `day`, blocks of 12 s); per-subnet charts show at most MAX_SUBNETS subnets, one
 * panel each (the rest are named in the subtitle); a series longer than MAX_POINTS recorded
 * epochs is thinned to every k-th epoch (always keeping the last) so that a run recorded at every
 * block still gives an SVG a browser can open.
 */
import type { TopLevelSpec } from 'vega-lite';

export interface ReportChart {
  /** File stem under charts/ (`emission-share` → charts/emission-share.svg). */
  readonly name: string;
  readonly title: string;
  /** One sentence under the chart in the report: what it shows and how to read it. */
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

/** The Vega-Lite schema every spec declares (editors use it to validate a saved `.vl.json`). */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export const MAX_SUBNETS = 4;
export const MAX_POINTS = 1500;
export const PANEL_WIDTH = 320;
export const PANEL_HEIGHT = 170;

export const DAY_AXIS = { field: 'day', type: 'quantitative', title: 'time (simulated days)' } as const;

/** Subnet facet header: `subnet N`, panels in netuid order. */
export const SUBNET_FACET = { field: 'netuid', type: 'ordinal', title: null, header: { labelExpr: "'subnet ' + datum.value", labelFontSize: 12, labelFontWeight: 'bold' } } as const;

/** The netuids to draw, and a subtitle note if some are left out. */
export function shownSubnets(netuids: Iterable<number>): { readonly shown: ReadonlySet<number>; readonly note: string | null } {
  const all = [...new Set(netuids)].sort((a, b) => a - b);
  const shown = all.slice(0, MAX_SUBNETS);
  const note = all.length > shown.length ? `first ${shown.length} of ${all.length} subnets shown` : null;
  return { shown: new Set(shown), note };
}

/** The blocks to keep so that at most MAX_POINTS remain (every k-th, plus the last). */
export function keptBlocks(blocks: Iterable<number>): ReadonlySet<number> {
  const all = [...new Set(blocks)].sort((a, b) => a - b);
  if (all.length <= MAX_POINTS) return new Set(all);
  const stride = Math.ceil(all.length / MAX_POINTS);
  return new Set(all.filter((_, i) => i % stride === 0 || i === all.length - 1));
}

/** A subtitle from the non-null parts. */
export function subtitle(...parts: (string | null)[]): string {
  return parts.filter((p): p is string => p !== null).join(' · ');
}
