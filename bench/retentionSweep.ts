/**
 * The full consensus-guarantees retention map (issue 7, part 6): the baseline study, 11 stake
 * levels × 51 × 51 grid points, one draw each, in float mode — run as a user runs it, through
 * `yumalab sweep scenarios/research/consensus-guarantees.yaml` narrowed with `--only` to the
 * baseline variant and `--replicates 1` — with 1 and with 2 worker threads. The time is the whole
 * command's wall clock (process start, tsx, threads, writing 11 run directories and summary.csv);
 * the chain's documentation reports about 15 minutes for its own Rust study of this grid.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = resolve(import.meta.dirname, '..');
export const RETENTION_POINTS = 11 * 51 * 51;

export interface RetentionSweepResult {
  readonly bench: 'retention-sweep';
  readonly mode: 'float';
  readonly workers: number;
  readonly seconds: number;
  readonly points_per_second: number;
}

export function measureRetentionSweep(workers: number): RetentionSweepResult {
  const out = mkdtempSync(join(tmpdir(), 'yumalab-bench-retention-'));
  try {
    const args = [
      join(ROOT, 'bin', 'yumalab.js'),
      'sweep',
      join(ROOT, 'scenarios', 'research', 'consensus-guarantees.yaml'),
      '--set',
      'parameters.numeric=float',
      ...['parameters.weights_stddev=0.4', 'parameters.kappa=0.5', 'parameters.bonds_penalty=1', 'parameters.validator_emission_ratio=0.5'].flatMap((o) => ['--only', o]),
      '--replicates',
      '1',
      '--workers',
      String(workers),
      '--out',
      join(out, 'sweep'),
      '--quiet',
      '--no-report',
    ];
    const start = performance.now();
    execFileSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    const seconds = (performance.now() - start) / 1000;
    return { bench: 'retention-sweep', mode: 'float', workers, seconds: Math.round(seconds * 100) / 100, points_per_second: Math.round(RETENTION_POINTS / seconds) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
