/**
 * The drift rule of golden suites. A value drifts when
 *
 *     |now − baseline| > max(relative × max(|baseline|, |now|), absolute)
 *
 * with `relative` the tolerance (`--tolerance`, default DEFAULT_TOLERANCE) and `absolute` the
 * floor ABSOLUTE_FLOOR for values near zero. Why these defaults: suites run in `float` mode,
 * which is deterministic, and every artifact rounds float64 noise away at 9 significant digits
 * (formatFloat.ts) — the same source and seed give the same text, so any difference is a real
 * change. One unit in the 9th significant digit is a relative change of 1e-9 to 1e-8, so 1e-9
 * flags every change of a written ratio or price. Amounts are exact to the rao, finer than that:
 * a few rao of rounding on thousands of TAO (a reordered float sum) stay within tolerance — the
 * digest still says the bytes changed — while anything that moves an amount by a billionth
 * drifts. The floor (1e-12) keeps a ratio that is zero in one run and a float remainder below
 * any chain precision in the other (I32F32 resolves 2.3e-10) from counting.
 *
 * Totals compare one to one; a series compares point by point (reported at its worst point) when
 * both runs recorded it at the same blocks, and as a shape change otherwise. A metric present in
 * only one run is a drift too (a group appeared or vanished).
 */
import type { MetricSeries, RegressMetrics } from './regressMetrics.ts';

export const DEFAULT_TOLERANCE = 1e-9;
export const ABSOLUTE_FLOOR = 1e-12;

export interface DriftRule {
  /** Relative tolerance, in [0, 1). */
  readonly relative: number;
  /** Differences up to this never drift (values near 0). */
  readonly absolute: number;
}

export const DEFAULT_RULE: DriftRule = { relative: DEFAULT_TOLERANCE, absolute: ABSOLUTE_FLOOR };

export type DriftKind = 'value' | 'shape' | 'missing' | 'added';

export interface MetricDrift {
  readonly metric: string;
  /** A per-epoch series (else a total). */
  readonly series: boolean;
  /**
   * `value`: the total, or the series' worst point, moved; `shape`: the series was recorded at
   * other blocks; `missing` / `added`: the metric is only in the baseline / only in this run.
   */
  readonly kind: DriftKind;
  /** The worst point's block (series `value`), or the first block that differs (`shape`). */
  readonly block: number | null;
  /** `value`: the values; `shape`: the numbers of points; null where absent. */
  readonly baseline: number | null;
  readonly now: number | null;
  /** Orders drifts: |now − baseline| / max(|baseline|, |now|) for values, 1 otherwise. */
  readonly severity: number;
  /** Series: how many points drifted (0 for totals and shape changes). */
  readonly pointsDrifted: number;
}

export function valuesDrift(baseline: number, now: number, rule: DriftRule): boolean {
  if (baseline === now) return false;
  if (Number.isNaN(baseline) || Number.isNaN(now)) return !(Number.isNaN(baseline) && Number.isNaN(now));
  if (!Number.isFinite(baseline) || !Number.isFinite(now)) return true;
  return Math.abs(now - baseline) > Math.max(rule.relative * Math.max(Math.abs(baseline), Math.abs(now)), rule.absolute);
}

function severityOf(baseline: number, now: number): number {
  const scale = Math.max(Math.abs(baseline), Math.abs(now));
  if (!Number.isFinite(scale) || Number.isNaN(baseline) || Number.isNaN(now)) return 1;
  return scale === 0 ? 0 : Math.abs(now - baseline) / scale;
}

/** Every drifted metric; totals first, then series, each by severity (worst first), then name. */
export function compareMetrics(baseline: RegressMetrics, now: RegressMetrics, rule: DriftRule): MetricDrift[] {
  const drifts: MetricDrift[] = [];
  for (const key of unionKeys(baseline.totals, now.totals)) {
    const b = baseline.totals[key];
    const n = now.totals[key];
    if (b === undefined || n === undefined) drifts.push(absent(key, false, b, n));
    else if (valuesDrift(b, n, rule)) drifts.push({ metric: key, series: false, kind: 'value', block: null, baseline: b, now: n, severity: severityOf(b, n), pointsDrifted: 0 });
  }
  for (const key of unionKeys(baseline.series, now.series)) {
    const b = baseline.series[key];
    const n = now.series[key];
    if (b === undefined || n === undefined) {
      drifts.push(absent(key, true, b === undefined ? undefined : b.values.length, n === undefined ? undefined : n.values.length));
      continue;
    }
    const d = compareSeries(key, b, n, rule);
    if (d !== null) drifts.push(d);
  }
  return drifts.sort((x, y) => Number(x.series) - Number(y.series) || y.severity - x.severity || (x.metric < y.metric ? -1 : x.metric > y.metric ? 1 : 0));
}

function compareSeries(metric: string, b: MetricSeries, n: MetricSeries, rule: DriftRule): MetricDrift | null {
  const sameBlocks = b.blocks.length === n.blocks.length && b.blocks.every((x, i) => x === n.blocks[i]);
  if (!sameBlocks) {
    const i = b.blocks.findIndex((x, k) => x !== n.blocks[k]);
    const first = i < 0 ? (n.blocks[b.blocks.length] ?? null) : b.blocks[i]!;
    return { metric, series: true, kind: 'shape', block: first, baseline: b.blocks.length, now: n.blocks.length, severity: 1, pointsDrifted: 0 };
  }
  let worst = -1;
  let worstSeverity = -1;
  let count = 0;
  for (let i = 0; i < b.values.length; i++) {
    if (!valuesDrift(b.values[i]!, n.values[i]!, rule)) continue;
    count++;
    const s = severityOf(b.values[i]!, n.values[i]!);
    if (s > worstSeverity) {
      worstSeverity = s;
      worst = i;
    }
  }
  if (worst < 0) return null;
  return { metric, series: true, kind: 'value', block: b.blocks[worst]!, baseline: b.values[worst]!, now: n.values[worst]!, severity: worstSeverity, pointsDrifted: count };
}

function absent(metric: string, series: boolean, b: number | undefined, n: number | undefined): MetricDrift {
  return { metric, series, kind: b === undefined ? 'added' : 'missing', block: null, baseline: b ?? null, now: n ?? null, severity: 1, pointsDrifted: 0 };
}

function unionKeys(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

/** `+9.15%`, `-0.000123%`; `from 0` when the baseline is 0. */
export function formatChange(baseline: number, now: number): string {
  if (baseline === 0) return now === 0 ? '0%' : 'from 0';
  const pct = ((now - baseline) / Math.abs(baseline)) * 100;
  if (!Number.isFinite(pct)) return 'n/a';
  const text = String(+pct.toPrecision(3));
  return `${pct > 0 ? '+' : ''}${text}%`;
}

/**
 * One drift in words: `sn1.x.emission_share: 0.119 → 0.13 (+9.15%)`, `series sn1.x.emission_share
 * at block 3600: … (…; 41 of 72 points drifted)`, `series …: 72 points → 36 points`, `…: absent → 0.3`.
 */
export function describeDrift(d: MetricDrift): string {
  const name = d.series ? `series ${d.metric}` : d.metric;
  const v = (x: number | null): string => (x === null ? 'absent' : String(x));
  switch (d.kind) {
    case 'missing':
    case 'added':
      return d.series ? `${name}: ${d.baseline === null ? 'absent' : `${d.baseline} points`} → ${d.now === null ? 'absent' : `${d.now} points`}` : `${name}: ${v(d.baseline)} → ${v(d.now)}`;
    case 'shape':
      return d.baseline === d.now
        ? `${name}: recorded at other blocks (first difference at block ${d.block})`
        : `${name}: ${d.baseline} points → ${d.now} points`;
    case 'value': {
      const where = d.series ? ` at block ${d.block}` : '';
      const points = d.series ? `; ${d.pointsDrifted} point${d.pointsDrifted === 1 ? '' : 's'} drifted` : '';
      return `${name}${where}: ${v(d.baseline)} → ${v(d.now)} (${formatChange(d.baseline!, d.now!)}${points})`;
    }
  }
}
