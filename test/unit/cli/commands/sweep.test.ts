import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepTree } from '../../../support/sweepTree.ts';
import { useTempFiles } from '../../../support/tempFiles.ts';

const ROOT = resolve(import.meta.dirname, '../../../..');
const BIN = join(ROOT, 'bin', 'yumalab.js');
const SMALL = join(ROOT, 'test', 'fixtures', 'sweeps', 'small.yaml');
const files = useTempFiles('sweep-cli');
// Long enough per run that a kill lands between runs' completions, short enough for CI.
const LONGER = ['--set', 'duration.blocks=3000'];

function cli(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, 'sweep', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const completeRuns = (dir: string): number => (existsSync(join(dir, 'runs')) ? readdirSync(join(dir, 'runs')).filter((d) => existsSync(join(dir, 'runs', d, 'manifest.json'))).length : 0);

describe('yumalab sweep', () => {
  it('after kill -9 mid-sweep, --resume finishes with results identical to an uninterrupted sweep', async () => {
    const reference = join(files.dir(), 'reference');
    const ref = cli([SMALL, '--out', reference, '--workers', '2', '--quiet', ...LONGER]);
    expect(ref.code, ref.err).toBe(0);

    const killed = join(files.dir(), 'killed');
    const child = spawn(process.execPath, [BIN, 'sweep', SMALL, '--out', killed, '--workers', '1', '--quiet', ...LONGER], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_code, signal) => res(signal)));
    while (completeRuns(killed) < 2) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const before = completeRuns(killed);
    expect(before).toBeGreaterThanOrEqual(2);
    expect(before).toBeLessThan(8);
    expect(existsSync(join(killed, 'summary.csv'))).toBe(false);

    const resumed = cli([SMALL, '--out', killed, '--workers', '2', '--resume', ...LONGER]);
    expect(resumed.code, resumed.err).toBe(0);
    expect(resumed.out).toContain(`(${8 - before} computed, ${before} from cache)`);
    expect(readdirSync(join(killed, 'runs')).filter((d) => d.startsWith('.'))).toEqual([]);
    expect(sweepTree(killed)).toEqual(sweepTree(reference));
    expect(resumed.out.trim().split('\n').at(-1)).toBe(ref.out.trim().split('\n').at(-1));
  }, 180_000);

  it('ends with a count line and the digest, and exits 2 with one line for bad arguments', () => {
    const dir = join(files.dir(), 'ok');
    const ok = cli([SMALL, '--out', dir, '--workers', '2', '--no-report']);
    expect(ok.code, ok.err).toBe(0);
    const lines = ok.out.trim().split('\n');
    expect(lines.at(-2)).toBe('8 runs: 8 complete, 0 failed');
    expect(lines.at(-1)).toMatch(/^digest sha256:[0-9a-f]{64}$/);

    for (const [args, message] of [
      [[SMALL, '--workers', '0'], /^yumalab sweep: --workers must be an integer in \[1, 1024\], got '0'$/],
      [[join(files.dir(), 'missing.yaml')], /missing\.yaml: cannot read file: no such file$/],
      [[SMALL, '--queue', 'http://x'], /--queue must be a redis:\/\/ URL/],
      [[SMALL, '--set', 'subnets.0.hyperparameters.kapa=1'], /'subnets\.0\.hyperparameters\.kapa' is not a scenario key path/],
    ] as const) {
      const r = cli([...args]);
      expect(r.code, r.err).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err.trim()).toMatch(message);
      expect(r.err).not.toMatch(/ at .*\.ts:\d+/);
    }
  }, 120_000);
});
