import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../../../src/sim/sweep/csvRecords.ts';
import { loadSweepPlan } from '../../../../src/sim/sweep/loadSweepPlan.ts';
import { localExecutor } from '../../../../src/sim/sweep/localExecutor.ts';
import { runSweep } from '../../../../src/sim/sweep/runSweep.ts';
import type { SweepExecutor } from '../../../../src/sim/sweep/sweepExecutor.ts';
import { subjectForFile } from '../../../../src/sim/sweep/sweepSubjects.ts';
import { parseSetArgument } from '../../../../src/sim/scenario/scenarioOverride.ts';
import { sweepTree } from '../../../support/sweepTree.ts';
import { useTempFiles } from '../../../support/tempFiles.ts';

const ROOT = resolve(import.meta.dirname, '../../../..');
const SMALL = join(ROOT, 'test', 'fixtures', 'sweeps', 'small.yaml');
const files = useTempFiles('run-sweep');

async function sweep(file: string, outDir: string, executor: SweepExecutor, resume = false, sets: string[] = []) {
  const plan = loadSweepPlan(file, sets.map(parseSetArgument), subjectForFile);
  try {
    return await runSweep({ plan, outDir, executor, resume, noControl: false, command: ['test'], generatedAt: () => 'now' });
  } finally {
    await executor.close();
  }
}

describe('runSweep', () => {
  it('writes byte-identical summary.csv and run directories with 1 and 2 worker threads', async () => {
    const one = join(files.dir(), 'one');
    const two = join(files.dir(), 'two');
    const a = await sweep(SMALL, one, localExecutor(1));
    const b = await sweep(SMALL, two, localExecutor(2));
    expect(a.complete).toBe(8);
    expect(b.digest).toBe(a.digest);
    expect(sweepTree(two)).toEqual(sweepTree(one));
    const rows = csvRecords(readFileSync(join(one, 'summary.csv'), 'utf8'));
    expect(rows.map((r) => r.status)).toEqual(Array(8).fill('complete'));
    expect(new Set(rows.map((r) => r.seed)).size).toBe(8);
    expect(rows[0]!['sn1.copiers.emission_share']).toMatch(/^0\.\d+/);
  }, 120_000);

  it('takes complete runs from the cache and computes only new points when an axis gains a value', async () => {
    const dir = join(files.dir(), 'grow');
    await sweep(SMALL, dir, localExecutor(2));
    const grown = files.write(readFileSync(SMALL, 'utf8').replace('kappa: [0.4, 0.6]', 'kappa: [0.4, 0.5, 0.6]'), 'yaml');
    const again = await sweep(grown, dir, localExecutor(2), true);
    expect(again.rows).toHaveLength(12);
    expect(again.cached).toBe(8);
    expect(again.computed).toBe(4);
    const before = csvRecords(readFileSync(join(files.dir(), 'one', 'summary.csv'), 'utf8'));
    const after = csvRecords(readFileSync(join(dir, 'summary.csv'), 'utf8')).filter((r) => r['subnets.0.hyperparameters.kappa'] !== '0.5');
    expect(after.map((r) => [r.seed, r.digest])).toEqual(before.map((r) => [r.seed, r.digest]));
  }, 120_000);

  it('records a run that fails and goes on with the others', async () => {
    const failing: SweepExecutor = {
      async run(tasks, onResult) {
        const real = localExecutor(1);
        try {
          await real.run(tasks.slice(1), onResult);
        } finally {
          await real.close();
        }
        onResult({ ok: false, runKey: tasks[0]!.runKey, error: 'RangeError: boom' });
      },
      async close() {},
    };
    const dir = join(files.dir(), 'failing');
    const outcome = await sweep(SMALL, dir, failing);
    expect(outcome.failed).toBe(1);
    expect(outcome.complete).toBe(7);
    const rows = csvRecords(readFileSync(join(dir, 'summary.csv'), 'utf8'));
    expect(rows[0]).toMatchObject({ status: 'failed', error: 'RangeError: boom', run_dir: '', digest: '' });
  }, 120_000);

  it('records a combination the scenario refuses as a failed run with the loader message', async () => {
    const file = files.write(readFileSync(SMALL, 'utf8').replace(/sweep:[\s\S]*$/, 'sweep:\n  grid:\n    subnets.0.population.0.count: [4, 16]\n    subnets.0.population.2.count: [12, 16]\n'), 'yaml');
    const outcome = await sweep(file, join(files.dir(), 'refused'), localExecutor(2));
    expect(outcome.rows.map((r) => r.status)).toEqual(['complete', 'complete', 'complete', 'failed']);
    expect(outcome.rows[3]!.error).toMatch(/max_allowed_uids|UIDs/);
  }, 120_000);

  it('refuses a non-empty directory without --resume, and --resume into a directory that is not a sweep', async () => {
    const dir = join(files.dir(), 'one');
    await expect(sweep(SMALL, dir, localExecutor(1))).rejects.toThrow(/not empty \(use --resume/);
    // A run directory is not empty and has no runs/ of its own.
    const runDir = csvRecords(readFileSync(join(dir, 'summary.csv'), 'utf8'))[0]!.run_dir!;
    const notSweep = join(dir, runDir);
    await expect(sweep(SMALL, notSweep, localExecutor(1), true)).rejects.toThrow(/not a sweep directory/);
  }, 120_000);
});

describe('runSweep with A/B scenarios', () => {
  it('runs every point as an attack/control pair with the same seed and reports the deltas', async () => {
    const control = 'control:\n  subnets.0.population.1.kind: validator.honest\n';
    const text = readFileSync(SMALL, 'utf8').replace(/sweep:[\s\S]*$/, `${control}sweep:\n  grid:\n    subnets.0.hyperparameters.kappa: [0.4, 0.6]\n`);
    const file = files.write(text, 'yaml');
    const dir = join(files.dir(), 'pairs');
    const outcome = await sweep(file, dir, localExecutor(2));
    expect(outcome.complete).toBe(2);
    const rows = csvRecords(readFileSync(join(dir, 'summary.csv'), 'utf8'));
    for (const r of rows) {
      expect(readFileSync(join(dir, r.run_dir!, 'ab.csv'), 'utf8')).toMatch(/^netuid,group,kind_attack,kind_control/);
      expect(r['sn1.copiers.emission_share_delta']).toMatch(/^-?\d/);
      expect(r['sn1.copiers.attacker_profit_vs_control_tao']).toMatch(/^-?\d/);
      const attack = JSON.parse(readFileSync(join(dir, r.run_dir!, 'attack', 'manifest.json'), 'utf8')) as { seed: number };
      const control = JSON.parse(readFileSync(join(dir, r.run_dir!, 'control', 'manifest.json'), 'utf8')) as { seed: number };
      expect(attack.seed).toBe(Number(r.seed));
      expect(control.seed).toBe(Number(r.seed));
    }
  }, 120_000);
});
