import { describe, expect, it } from 'vitest';
import { regressSections, SERIES_PER_CHART, TOTALS_PER_CHART } from '../../../../src/report/regress/regressCharts.ts';
import { regressReportDocument } from '../../../../src/report/regress/regressReportDocument.ts';
import { DEFAULT_RULE } from '../../../../src/sim/regress/compareMetrics.ts';
import { BASELINE_FORMAT, type BaselineRecord } from '../../../../src/sim/regress/regressBaseline.ts';
import { attackerShifts, judgeScenario } from '../../../../src/sim/regress/scenarioVerdict.ts';

function record(id: string, scale: number, totals: number, series: number): BaselineRecord {
  return {
    format: BASELINE_FORMAT,
    id,
    scenario: { name: id, file: `${id}.yaml`, resolved_sha256: 'a'.repeat(64), seed: 1, numeric_mode: 'float', duration_blocks: 300 },
    overrides: [],
    digest: `sha256:${scale}`,
    totals: Object.fromEntries(Array.from({ length: totals }, (_, i) => [`sn1.g${i}.emission_share`, (i + 1) * 0.01 * scale])),
    series: Object.fromEntries(Array.from({ length: series }, (_, i) => [`sn1.g${i}.stake_share`, { blocks: [100, 200], values: [0.1 * scale, 0.2 * (i + 1)] }])),
  };
}

const verdict = (id: string, totals: number, series: number, attacker: string | null) =>
  judgeScenario({ id, record: record(id, 1.5, totals, series), error: null }, record(id, 1, totals, series), DEFAULT_RULE, attacker);

describe('the regression report', () => {
  it('draws every drifted metric, in charts of bounded size', () => {
    const v = verdict('big', TOTALS_PER_CHART + 5, SERIES_PER_CHART + 1, null);
    const [section, ...rest] = regressSections([v], []);
    expect(rest).toEqual([]);
    expect(section!.heading).toBe('big: drifted metrics');
    expect(section!.charts.map((c) => c.name)).toEqual(['big-totals-1', 'big-totals-2', 'big-series-1', 'big-series-2']);
    const drawn = section!.charts.flatMap((c) => [...new Set(((c.spec as { data: { values: { metric: string }[] } }).data.values).map((x) => x.metric))]);
    expect(drawn.sort()).toEqual(v.drifts.map((d) => d.metric).sort());
  });

  it('ranks attackers in a chart of shares and a table, and leaves passing scenarios out of the charts', () => {
    const moved = verdict('cabal', 2, 0, 'sn1.g1.emission_share');
    const same = judgeScenario({ id: 'calm', record: record('calm', 1, 2, 0), error: null }, record('calm', 1, 2, 0), DEFAULT_RULE, 'sn1.g0.emission_share');
    const shifts = attackerShifts([same, moved]);
    expect(shifts.map((s) => [s.id, s.delta])).toEqual([['cabal', expect.closeTo(0.01, 12)], ['calm', 0]]);
    const sections = regressSections([same, moved], shifts);
    expect(sections.map((s) => s.heading)).toEqual(['Attacker share moved', 'cabal: drifted metrics']);
    const doc = regressReportDocument({ suite: { name: 's', dir: 'd', file: null, description: '' }, baselineDir: 'd/baseline', rule: DEFAULT_RULE, overrides: [{ path: 'seed', value: 2 }], verdicts: [same, moved], updated: false }, sections);
    expect(doc.summary).toBe('1 passed, 1 failed against the baseline in d/baseline (1 drifted). Every scenario ran with seed=2: the drifts are what this variant changes against the baseline.');
    expect(doc.tables.map((t) => t.heading)).toEqual(['Scenarios', 'Attacker share moved (largest first)', 'Drifted metrics']);
    expect(doc.tables[1]!.rows[0]!.slice(0, 3)).toEqual(['1', 'cabal', 'sn1.g1.emission_share']);
    expect(doc.tables[1]!.rows[0]![5]).toBe('+1 pp');
  });
});
