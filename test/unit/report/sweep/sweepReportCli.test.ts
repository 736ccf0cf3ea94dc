/**
 * `yumalab sweep` writes the sweep report into DIR/report (and prints `report <path>` before the
 * run counts), `--no-report` leaves it out, a report that cannot be written is one line and exit
 * 2 with the sweep kept, and `yumalab report DIR` on a sweep directory writes the same report.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepCommand } from '../../../../src/cli/commands/sweep.ts';
import { main } from '../../../../src/cli/main.ts';
import { useTempFiles } from '../../../support/tempFiles.ts';
import { fileTree } from '../../../support/fileTree.ts';

const FIXTURE = resolve(import.meta.dirname, '../../../fixtures/sweeps/report.yaml');
const files = useTempFiles('sweep-report-cli');

async function sweep(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await sweepCommand([...argv, '--workers', '2', '--quiet'], (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}


describe('the sweep report from the command line', () => {
  it('is written by yumalab sweep into DIR/report, and yumalab report DIR writes the same bytes', async () => {
    const dir = join(files.dir(), 'sweep');
    const r = await sweep([FIXTURE, '--out', dir]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([`report ${join(dir, 'report', 'report.html')}`, '8 runs: 8 complete, 0 failed', expect.stringMatching(/^digest sha256:/)]);
    const html = readFileSync(join(dir, 'report', 'report.html'), 'utf8');
    expect(html).toContain('<title>yumalab report: report-sweep sweep</title>');
    expect(html).toContain('sn1.cabal_validators.emission_share');
    expect(existsSync(join(dir, 'report', 'charts', 'sweep-heatmap.svg'))).toBe(true);
    const written = fileTree(join(dir, 'report'));

    const out: string[] = [];
    const again = join(files.dir(), 'again');
    expect(await main(['report', dir, '--out', again], (l) => out.push(l), () => {})).toBe(0);
    expect(out).toEqual([`wrote ${again}: report.html, report.md, charts/ (2 charts)`]);
    expect(fileTree(again)).toEqual(written);

    // --no-report: the sweep (here all from the cache) without a report.
    rmSync(join(dir, 'report'), { recursive: true });
    const quiet = await sweep([FIXTURE, '--out', dir, '--resume', '--no-report']);
    expect(quiet.code).toBe(0);
    expect(quiet.out[0]).toBe('8 runs: 8 complete, 0 failed');
    expect(existsSync(join(dir, 'report'))).toBe(false);

    // A report that cannot be made (a metric no run has): one line, exit 2, the sweep kept.
    const typo = files.write(readFileSync(FIXTURE, 'utf8').replace('metric: sn1.cabal_validators.emission_share', 'metric: sn1.nobody.share'), 'yaml');
    const failed = await sweep([typo, '--out', dir, '--resume']);
    expect(failed.code).toBe(2);
    expect(failed.err).toHaveLength(1);
    expect(failed.err[0]).toMatch(/^yumalab sweep: the report was not written \(the sweep itself is complete\): .*sweep\.json: report\.metric: 'sn1\.nobody\.share' is not a column of summary\.csv/);
    expect(failed.out[0]).toBe('8 runs: 8 complete, 0 failed');
    expect(existsSync(join(dir, 'summary.csv'))).toBe(true);
    expect(existsSync(join(dir, 'report'))).toBe(false);
  }, 180_000);

  it('gives one line and exit 2 from yumalab report for a corrupt sweep directory', async () => {
    const dir = join(files.dir(), 'corrupt');
    mkdirSync(dir);
    writeFileSync(join(dir, 'sweep.json'), '{ not json');
    const err: string[] = [];
    expect(await main(['report', dir], () => {}, (l) => err.push(l))).toBe(2);
    expect(err).toEqual([`yumalab report: ${join(dir, 'sweep.json')}: not valid JSON (corrupt or partial sweep)`]);
  });
});
