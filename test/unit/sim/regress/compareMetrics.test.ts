import { describe, expect, it } from 'vitest';
import { compareMetrics, DEFAULT_RULE, describeDrift, formatChange, valuesDrift, type DriftRule } from '../../../../src/sim/regress/compareMetrics.ts';
import type { RegressMetrics } from '../../../../src/sim/regress/regressMetrics.ts';

const metrics = (totals: Record<string, number>, series: Record<string, [number[], number[]]> = {}): RegressMetrics => ({
  totals,
  series: Object.fromEntries(Object.entries(series).map(([k, [blocks, values]]) => [k, { blocks, values }])),
});

describe('the drift rule', () => {
  it('treats equal values, and both NaN, as no drift', () => {
    expect(valuesDrift(0.25, 0.25, DEFAULT_RULE)).toBe(false);
    expect(valuesDrift(Number.NaN, Number.NaN, DEFAULT_RULE)).toBe(false);
    expect(valuesDrift(Infinity, Infinity, DEFAULT_RULE)).toBe(false);
  });

  it('flags a change of the ninth significant digit at the default tolerance', () => {
    expect(valuesDrift(0.123456789, 0.12345679, DEFAULT_RULE)).toBe(true);
    expect(valuesDrift(3084.573313052, 3084.57332, DEFAULT_RULE)).toBe(true);
  });

  it('lets a few rao of rounding on a large amount pass at the default tolerance', () => {
    expect(valuesDrift(3084.573313052, 3084.573313055, DEFAULT_RULE)).toBe(false);
  });

  it('ignores differences below the relative tolerance or the absolute floor', () => {
    const rule: DriftRule = { relative: 1e-6, absolute: 1e-12 };
    expect(valuesDrift(1000, 1000.0005, rule)).toBe(false);
    expect(valuesDrift(1000, 1000.002, rule)).toBe(true);
    expect(valuesDrift(0, 5e-13, DEFAULT_RULE)).toBe(false);
    expect(valuesDrift(0, 5e-12, DEFAULT_RULE)).toBe(true);
  });

  it('counts a value turning NaN or infinite as a drift', () => {
    expect(valuesDrift(1, Number.NaN, DEFAULT_RULE)).toBe(true);
    expect(valuesDrift(1, Infinity, DEFAULT_RULE)).toBe(true);
  });
});

describe('compareMetrics', () => {
  it('finds nothing between identical metrics', () => {
    const m = metrics({ a: 1, 'sn1.g.emission_share': 0.5 }, { 'sn1.g.emission_share': [[100, 200], [0.4, 0.6]] });
    expect(compareMetrics(m, structuredClone(m), DEFAULT_RULE)).toEqual([]);
  });

  it('reports a series at its worst point, with the number of points that drifted', () => {
    const base = metrics({}, { s: [[100, 200, 300], [1, 2, 3]] });
    const now = metrics({}, { s: [[100, 200, 300], [1, 2.2, 3.1]] });
    const [d, ...rest] = compareMetrics(base, now, DEFAULT_RULE);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ metric: 's', series: true, kind: 'value', block: 200, baseline: 2, now: 2.2, pointsDrifted: 2 });
    expect(describeDrift(d!)).toBe('series s at block 200: 2 → 2.2 (+10%; 2 points drifted)');
  });

  it('reports a series recorded at other blocks as a shape change', () => {
    const base = metrics({}, { s: [[100, 200, 300], [1, 2, 3]] });
    const shorter = compareMetrics(base, metrics({}, { s: [[100, 200], [1, 2]] }), DEFAULT_RULE);
    expect(shorter).toMatchObject([{ kind: 'shape', baseline: 3, now: 2 }]);
    expect(describeDrift(shorter[0]!)).toBe('series s: 3 points → 2 points');
    const moved = compareMetrics(base, metrics({}, { s: [[100, 250, 300], [1, 2, 3]] }), DEFAULT_RULE);
    expect(describeDrift(moved[0]!)).toBe('series s: recorded at other blocks (first difference at block 200)');
  });

  it('reports metrics present on one side only', () => {
    const d = compareMetrics(metrics({ gone: 1 }), metrics({ added: 2 }), DEFAULT_RULE);
    expect(d.map((x) => [x.metric, x.kind])).toEqual([['added', 'added'], ['gone', 'missing']]);
    expect(d.map(describeDrift)).toEqual(['added: absent → 2', 'gone: 1 → absent']);
  });

  it('puts totals before series, each worst first', () => {
    const base = metrics({ small: 100, big: 100 }, { s: [[1], [1]] });
    const now = metrics({ small: 101, big: 150 }, { s: [[1], [5]] });
    expect(compareMetrics(base, now, DEFAULT_RULE).map((d) => d.metric)).toEqual(['big', 'small', 's']);
  });

  it('writes a total as the issue asks: metric: baseline → now (Δ%)', () => {
    const [d] = compareMetrics(metrics({ 'sn1.cabal.emission_share': 0.2 }), metrics({ 'sn1.cabal.emission_share': 0.25 }), DEFAULT_RULE);
    expect(describeDrift(d!)).toBe('sn1.cabal.emission_share: 0.2 → 0.25 (+25%)');
  });
});

describe('formatChange', () => {
  it('gives a signed percentage with three significant digits, or says the baseline was 0', () => {
    expect(formatChange(3, 2)).toBe('-33.3%');
    expect(formatChange(-2, -1)).toBe('+50%');
    expect(formatChange(0, 1)).toBe('from 0');
  });
});
