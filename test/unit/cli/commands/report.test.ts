import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunCommandHooks } from '../../../../src/cli/commands/run.ts';
import { main } from '../../../../src/cli/main.ts';
import { runCli } from '../../../support/runCli.ts';
import { corrupt, writePairFixture, writeRunFixture } from '../../report/runDirFixture.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/run');
const TINY = join(FIXTURES, 'tiny.yaml');
const STUB: RunCommandHooks = { runnerModuleUrl: pathToFileURL(join(FIXTURES, 'stubRunScenario.ts')).href };

let root = '';
let n = 0;
const fresh = (): string => join(root, `d${n++}`);
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'yumalab-report-cli-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

async function report(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['report', ...argv], (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

describe('yumalab report', () => {
  it('is listed in yumalab --help and has its own --help', async () => {
    const out: string[] = [];
    expect(main(['--help'], (l) => out.push(l), () => {})).toBe(0);
    expect(out.join('\n')).toMatch(/^ {2}report <run-dir> +check a run directory/m);
    const r = await report(['--help']);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^usage: yumalab report <run-dir>/);
  });

  it('writes into <run-dir>/report by default, both formats', async () => {
    const dir = fresh();
    writeRunFixture(dir);
    const r = await report([dir]);
    expect(r).toEqual({ code: 0, out: [`wrote ${join(dir, 'report')}: report.html, report.md, charts/ (8 charts)`], err: [] });
    expect(readdirSync(join(dir, 'report')).sort()).toEqual(['charts', 'report.html', 'report.md']);
  });

  it('--out and --format md, --years 0', async () => {
    const dir = fresh();
    writeRunFixture(dir);
    const out = fresh();
    const r = await report([dir, '--out', out, '--format', 'md', '--years', '0']);
    expect(r.out).toEqual([`wrote ${out}: report.md, charts/ (7 charts)`]);
    expect(readdirSync(out).sort()).toEqual(['charts', 'report.md']);
    expect(existsSync(join(dir, 'report'))).toBe(false);
  });

  it('reports an A/B pair directory', async () => {
    const dir = fresh();
    writePairFixture(dir);
    const r = await report([dir, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'report', 'report.html'), 'utf8')).toContain('Attack against control');
  });

  it('argument mistakes: one line, exit 2', async () => {
    expect(await report([])).toEqual({ code: 2, out: [], err: ['yumalab report: give exactly one run directory (got 0)'] });
    expect(await report(['a', '--format', 'pdf'])).toEqual({ code: 2, out: [], err: ["yumalab report: --format: unknown format 'pdf' (formats: html, md)"] });
    expect(await report(['a', '--years', 'ten'])).toEqual({ code: 2, out: [], err: ["yumalab report: --years must be a number of years from 0 to 200, got 'ten'"] });
    const bad = await report(['a', '--colour']);
    expect(bad.code).toBe(2);
    expect(bad.err).toHaveLength(1);
    expect(bad.err[0]).toMatch(/^yumalab report: Unknown option '--colour'/);
  });

  it('a corrupt run, a missing directory, a foreign --out: one line, exit 2, nothing written', async () => {
    const dir = fresh();
    writeRunFixture(dir);
    corrupt(join(dir, 'neurons.csv'));
    expect(await report([dir])).toEqual({ code: 2, out: [], err: [`yumalab report: ${dir}: neurons.csv does not match its manifest sha256 (corrupt or partial run)`] });
    expect(existsSync(join(dir, 'report'))).toBe(false);
    const missing = join(root, 'nope');
    expect(await report([missing])).toEqual({ code: 2, out: [], err: [`yumalab report: ${missing}: no such directory`] });
    const good = fresh();
    writeRunFixture(good);
    const taken = fresh();
    mkdirSync(taken);
    writeFileSync(join(taken, 'data.csv'), 'x');
    expect((await report([good, '--out', taken])).err).toEqual([`yumalab report: ${taken}: not empty and not an earlier report (holds data.csv); choose another --out`]);
    expect(readdirSync(taken)).toEqual(['data.csv']);
  });
});

describe('yumalab run --report (stub loop)', () => {
  it('runs, then reports into DIR/report; the digest stays the last line', async () => {
    const dir = fresh();
    const r = await runCli([TINY, '--out', dir, '--report'], STUB);
    expect(r.code).toBe(0);
    expect(r.out.at(-2)).toMatch(new RegExp(`^wrote ${join(dir, 'report')}: report.html, report.md, charts/ \\(\\d+ charts\\)$`));
    expect(r.out.at(-1)).toMatch(/^digest sha256:[0-9a-f]{64}$/);
    expect(readdirSync(join(dir, 'report')).sort()).toEqual(['charts', 'report.html', 'report.md']);
    // The run's own files are untouched: its manifest still verifies (the report command re-reads it).
    expect((await report([dir, '--out', join(root, `again-${n++}`)])).code).toBe(0);
  });

  it('with --quiet prints only the digest', async () => {
    const dir = fresh();
    const r = await runCli([TINY, '--out', dir, '--report', '--quiet'], STUB);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    expect(r.out[0]).toMatch(/^digest sha256:/);
    expect(existsSync(join(dir, 'report', 'report.html'))).toBe(true);
  });

  it('reports an A/B pair run', async () => {
    const pair = join(root, 'tiny-ab.yaml');
    writeFileSync(pair, `${readFileSync(TINY, 'utf8')}control:\n  subnets.0.population.0.kind: validator.lazy\n`);
    const dir = fresh();
    const r = await runCli([pair, '--out', dir, '--report', '--quiet'], STUB);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['ab.csv', 'attack', 'control', 'manifest.json', 'report']);
    const html = readFileSync(join(dir, 'report', 'report.html'), 'utf8');
    expect(html).toContain('id="chart-ab-comparison"');
    expect(html).toContain('id="chart-control-emission-share"');
  });

  it('without --report writes no report', async () => {
    const dir = fresh();
    expect((await runCli([TINY, '--out', dir, '--quiet'], STUB)).code).toBe(0);
    expect(existsSync(join(dir, 'report'))).toBe(false);
  });
});
