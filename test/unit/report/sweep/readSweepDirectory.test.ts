import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSweepDirectory, readSweepDirectory } from '../../../../src/report/sweep/readSweepDirectory.ts';
import { sha256Hex } from '../../../../src/sim/artifacts/scenarioHash.ts';
import { problemsOf, useTempFiles } from '../../../support/tempFiles.ts';
import { grid, writeSweepFixture } from './sweepDirFixture.ts';

const files = useTempFiles('sweep-read');
let n = 0;
const fixture = (): string =>
  writeSweepFixture(join(files.dir(), `s${n++}`), {
    axes: [grid('subnets.0.hyperparameters.kappa', [0.4, 'high']), grid('subnets.0.hyperparameters.liquid_alpha', [true, false])],
    run: (p) => (p.index === 3 ? 'Error: "quoted", with a comma' : { 'sn1.a.share': '0.5' }),
  });

/** The one problem of the InputError readSweepDirectory throws. */
function problem(dir: string): string {
  const problems = problemsOf(() => readSweepDirectory(dir));
  expect(problems).toHaveLength(1);
  expect(problems[0]).not.toContain('\n');
  return problems[0]!;
}

describe('readSweepDirectory', () => {
  it('reads the axes, every run row and the metric columns', () => {
    const dir = fixture();
    expect(isSweepDirectory(dir)).toBe(true);
    const data = readSweepDirectory(dir);
    expect(data.axes.map((a) => a.labels)).toEqual([['0.4', 'high'], ['true', 'false']]);
    expect(data.rows).toHaveLength(8);
    expect(data.rows[3]).toMatchObject({ index: 3, coordinates: ['0.4', 'false'], replicate: 1, status: 'failed', error: 'Error: "quoted", with a comma' });
    expect(data.metricNames).toEqual(['sn1.a.share']);
    expect(data.manifest.scenario.name).toBe('fixture');
  });

  it('gives a one-line InputError naming summary.csv when it is corrupt', () => {
    const dir = fixture();
    const path = join(dir, 'summary.csv');
    writeFileSync(path, readFileSync(path, 'utf8').replace('0.5', '0.6'));
    expect(problem(dir)).toBe(`${path}: does not match the summary_sha256 in sweep.json (corrupt, edited or from another sweep)`);
  });

  it('gives a one-line InputError naming the file when sweep.json or summary.csv is missing or unreadable', () => {
    const noSummary = fixture();
    rmSync(join(noSummary, 'summary.csv'));
    expect(problem(noSummary)).toMatch(/summary\.csv: missing \(the sweep did not finish/);
    const noManifest = fixture();
    rmSync(join(noManifest, 'sweep.json'));
    expect(isSweepDirectory(noManifest)).toBe(false);
    expect(problem(noManifest)).toMatch(/sweep\.json: missing \(not a sweep directory/);
    const badJson = fixture();
    writeFileSync(join(badJson, 'sweep.json'), '{"kind": "sweep",');
    expect(problem(badJson)).toMatch(/sweep\.json: not valid JSON/);
    const notSweep = fixture();
    writeFileSync(join(notSweep, 'sweep.json'), '{"kind": "ab"}');
    expect(problem(notSweep)).toMatch(/sweep\.json: not a yumalab sweep manifest \(/);
  });

  it('refuses a summary whose columns or coordinates do not belong to the sweep', () => {
    const dir = fixture();
    const manifestPath = join(dir, 'sweep.json');
    const rewrite = (summary: string): void => {
      writeFileSync(join(dir, 'summary.csv'), summary);
      const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
      m.summary_sha256 = sha256Hex(summary);
      writeFileSync(manifestPath, JSON.stringify(m));
    };
    const original = readFileSync(join(dir, 'summary.csv'), 'utf8');
    rewrite(original.replace('subnets.0.hyperparameters.kappa', 'subnets.0.tempo'));
    expect(problem(dir)).toMatch(/summary\.csv: column 2 is 'subnets\.0\.tempo', expected 'subnets\.0\.hyperparameters\.kappa'/);
    rewrite(original.replace('\n0,0.4,', '\n0,0.45,'));
    expect(problem(dir)).toMatch(/summary\.csv: line 2: '0\.45' is not a value of the axis subnets\.0\.hyperparameters\.kappa/);
  });
});
