import { describe, expect, it } from 'vitest';
import { BASELINE_FORMAT, baselineJson, parseBaseline, type BaselineRecord } from '../../../../src/sim/regress/regressBaseline.ts';
import { problemsOf } from '../../../support/tempFiles.ts';

const record = (): BaselineRecord => ({
  format: BASELINE_FORMAT,
  id: 'demo',
  scenario: { name: 'demo', file: '../demo.yaml', resolved_sha256: 'a'.repeat(64), seed: 3, numeric_mode: 'float', duration_blocks: 300 },
  overrides: [{ path: 'duration', value: { epochs: 3, blocks: undefined } }, { path: 'chain.numeric', value: 'float' }],
  digest: `sha256:${'b'.repeat(64)}`,
  totals: { 'sn1.b.emission_share': 0.25, 'sn1.a.emission_share': 0.75, blocks: 300, 'sn1.price': Infinity },
  series: { 'sn1.a.emission_share': { blocks: [100, 200, 300], values: [0.7, Number.NaN, 0.8] } },
});

describe('baseline files', () => {
  it('are written with sorted keys, one-line arrays and a trailing newline', () => {
    const text = baselineJson(record());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('"blocks": [100, 200, 300]');
    expect(text).toContain('"values": [0.7, "NaN", 0.8]');
    const keys = [...text.matchAll(/^  "([^"]+)":/gm)].map((m) => m[1]);
    expect(keys).toEqual([...keys].sort());
    const totals = text.slice(text.indexOf('"totals"'));
    expect(totals.indexOf('sn1.a.emission_share')).toBeLessThan(totals.indexOf('sn1.b.emission_share'));
  });

  it('give the same bytes whatever order the record was built in', () => {
    const r = record();
    const shuffled: BaselineRecord = { ...r, totals: Object.fromEntries(Object.entries(r.totals).reverse()) };
    expect(baselineJson(shuffled)).toBe(baselineJson(r));
  });

  it('read back to the same record, non-finite numbers included', () => {
    const text = baselineJson(record());
    const back = parseBaseline(text, 'demo.json');
    expect(back.totals['sn1.price']).toBe(Infinity);
    expect(back.series['sn1.a.emission_share']!.values[1]).toBeNaN();
    expect(baselineJson(back)).toBe(text);
  });

  it('refuse malformed files with one line naming the file', () => {
    expect(problemsOf(() => parseBaseline('{', 'x.json'))[0]).toMatch(/^x\.json: not a baseline file: /);
    expect(problemsOf(() => parseBaseline('{"format": "other"}', 'x.json'))).toEqual([
      `x.json: not a baseline file (format is "other", expected "${BASELINE_FORMAT}"); rewrite it with yumalab regress --update`,
    ]);
    const text = baselineJson(record()).replace('"blocks": 300', '"blocks": "many"');
    expect(problemsOf(() => parseBaseline(text, 'x.json'))[0]).toContain('totals.blocks must be a number');
  });
});
