/**
 * A user mechanism module through the command line, in child processes as a user runs it:
 * `yumalab run` on examples/my-yuma.yaml (the module named in the file, and from `--set`),
 * `yumalab sweep` over mechanisms with 2 worker threads (each thread loads the module itself), a
 * sweep run reproduced alone by its manifest's command, and one-line errors for bad references.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../src/sim/sweep/csvRecords.ts';
import { useTempFiles } from '../support/tempFiles.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin', 'yumalab.js');
const EXAMPLE = join('examples', 'my-yuma.yaml');
const SMALL = join('test', 'fixtures', 'sweeps', 'small.yaml');
const SHORT = ['--set', 'duration.epochs=2'];
const files = useTempFiles('mechanisms-cli');

function yumalab(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const lastLine = (text: string): string => text.trim().split('\n').at(-1)!;
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { mechanism: Record<string, unknown>; emission_rule: string; command: string[]; digest: string };

describe('a mechanism module from the command line', () => {
  it('yumalab run runs the module the scenario names and records it in the manifest', () => {
    const dir = join(files.dir(), 'mine');
    const r = yumalab(['run', EXAMPLE, '--out', dir, '--quiet', ...SHORT]);
    expect(r.code, r.err).toBe(0);
    const m = manifestOf(dir);
    expect(m.mechanism).toEqual({
      source: 'module',
      name: 'my_yuma',
      module: './my-yuma.ts#MyYuma',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      imports: [],
    });
    expect(m.emission_rule).toBe('price');
    const yuma3 = join(files.dir(), 'yuma3');
    const y = yumalab(['run', EXAMPLE, '--out', yuma3, '--quiet', ...SHORT, '--set', 'chain.mechanism=yuma3']);
    expect(y.code, y.err).toBe(0);
    expect(manifestOf(yuma3).mechanism).toEqual({ source: 'registry', name: 'yuma3' });
    expect(lastLine(y.out)).not.toBe(lastLine(r.out));
  }, 120_000);

  it('yumalab run takes the module from --set, relative to the scenario file', () => {
    const dir = join(files.dir(), 'set');
    const r = yumalab(['run', SMALL, '--out', dir, '--quiet', '--set', 'chain.mechanism=../../../examples/my-yuma.ts#MyYuma']);
    expect(r.code, r.err).toBe(0);
    expect(manifestOf(dir).mechanism).toMatchObject({ source: 'module', name: 'my_yuma', module: '../../../examples/my-yuma.ts#MyYuma' });
    const plain = yumalab(['run', SMALL, '--out', join(files.dir(), 'plain'), '--quiet']);
    expect(manifestOf(join(files.dir(), 'plain')).mechanism).toEqual({ source: 'chain', name: 'yuma3_on per subnet' });
    expect(lastLine(plain.out)).not.toBe(lastLine(r.out));
  }, 120_000);

  it('yumalab sweep runs the module in 2 worker threads, and a run reproduces alone from its manifest', () => {
    const dir = join(files.dir(), 'sweep');
    const r = yumalab(['sweep', EXAMPLE, '--out', dir, '--workers', '2', '--quiet', '--no-report', ...SHORT]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('3 runs: 3 complete, 0 failed');
    const rows = csvRecords(readFileSync(join(dir, 'summary.csv'), 'utf8'));
    expect(rows.map((x) => x['chain.mechanism'])).toEqual(['yuma3', 'yuma3_no_stake_dividends', './my-yuma.ts#MyYuma']);
    expect(new Set(rows.map((x) => x.digest)).size).toBe(3);
    const mine = rows[2]!;
    const manifest = manifestOf(join(dir, mine.run_dir!));
    expect(manifest.mechanism).toMatchObject({ source: 'module', name: 'my_yuma' });
    const alone = yumalab([...manifest.command.slice(1), '--out', join(files.dir(), 'alone'), '--quiet']);
    expect(alone.code, alone.err).toBe(0);
    expect(lastLine(alone.out)).toBe(`digest ${mine.digest}`);
  }, 180_000);

  it('exits 2 with one line naming the key’s position for a bad module reference', () => {
    // A step is not a variant: the export has the wrong shape.
    const badExport = join(files.dir(), 'bad-export.yaml');
    writeFileSync(badExport, `name: bad-export\nduration: {blocks: 10}\nchain:\n  mechanism: ${join(ROOT, 'examples', 'my-yuma.ts')}#squaredIncentiveStep\nsubnets:\n  - pool: {tao: 100, alpha: 1000}\n`);
    const cases: [string[], RegExp][] = [
      [['run', SMALL, '--set', 'chain.mechanism=./nope.ts#X'], /^--set chain\.mechanism: no such file: .*test\/fixtures\/sweeps\/nope\.ts$/],
      [['run', SMALL, '--set', 'chain.mechanism=../../../examples/my-yuma.ts#Nope'], /^--set chain\.mechanism: .*my-yuma\.ts has no export 'Nope' \(exports: MyYuma, squaredIncentiveStep\)$/],
      [['run', SMALL, '--set', 'chain.mechanism=yuma5'], /^--set chain\.mechanism: unknown mechanism 'yuma5' \(did you mean 'yuma2'\?\)$/],
      [['validate', badExport], /bad-export\.yaml:4:14: chain\.mechanism: export 'squaredIncentiveStep' of .*examples\/my-yuma\.ts is not an epoch variant: steps must be a non-empty array of epoch steps$/],
    ];
    for (const [args, message] of cases) {
      const r = yumalab(args);
      expect(r.code, r.err).toBe(2);
      expect(r.err.trim().split('\n'), r.err).toHaveLength(1);
      expect(r.err.trim()).toMatch(message);
      expect(r.err).not.toMatch(/ at .*\.ts:\d+/);
    }
  }, 120_000);
});
