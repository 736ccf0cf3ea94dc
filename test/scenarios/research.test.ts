/**
 * The research experiments in scenarios/research/ run in CI, briefly: the consensus-guarantees
 * study through `yumalab sweep` on a coarse grid and a slice of its stake levels, in both numeric
 * modes, with its outputs (thresholds.csv, the retention charts) checked for shape — and a sweep
 * run reproduced alone by the command its manifest records.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../src/sim/sweep/csvRecords.ts';
import { useTempFiles } from '../support/tempFiles.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin', 'yumalab.js');
const STUDY = join(ROOT, 'scenarios', 'research', 'consensus-guarantees.yaml');
const files = useTempFiles('research');

function yumalab(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('scenarios/research/consensus-guarantees.yaml', () => {
  it('runs as a sweep and writes thresholds for every variant family, their replicates and a retention chart per variant', () => {
    const dir = join(files.dir(), 'float');
    const r = yumalab(['sweep', STUDY, '--out', dir, '--set', 'parameters.weight_steps=6', '--only', 'parameters.stake=0.6', '--only', 'parameters.stake=0.7', '--replicates', '2', '--workers', '2', '--quiet']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('36 runs: 36 complete, 0 failed');
    const thresholds = readFileSync(join(dir, 'thresholds.csv'), 'utf8');
    expect(thresholds.split('\n')[0]).toBe('variant,parameter,value,honest_stake,honest_utility_required');
    const rows = csvRecords(thresholds);
    // 4 families × 3 values (the baseline counted in each) × 2 stake levels.
    expect(rows).toHaveLength(24);
    expect([...new Set(rows.map((x) => x.parameter))]).toEqual(['weights_stddev', 'kappa', 'bonds_penalty', 'validator_emission_ratio']);
    expect(rows.find((x) => x.variant === 'kappa_50' && x.honest_stake === '0.6')!.honest_utility_required).toBe(rows.find((x) => x.variant === 'bonds_penalty_100' && x.honest_stake === '0.6')!.honest_utility_required);
    for (const x of rows) expect(x.honest_utility_required).toMatch(/^(0(\.\d+)?|1|not_attainable)$/);
    expect(csvRecords(readFileSync(join(dir, 'thresholds-replicates.csv'), 'utf8'))).toHaveLength(48);
    for (const v of ['baseline', 'kappa_40', 'kappa_60', 'weights_stddev_0', 'bonds_penalty_0', 'validator_emission_0']) expect(existsSync(join(dir, 'report', 'charts', `retention-${v}.svg`)), v).toBe(true);
    expect(readFileSync(join(dir, 'report', 'report.md'), 'utf8')).toContain('Honest utility required to preserve 60% honest stake');
  }, 180_000);

  it('runs in chain mode too, agreeing with float mode to about 1e-6 on the same draws', () => {
    const maps: Record<string, number[]> = {};
    for (const mode of ['float', 'chain']) {
      const dir = join(files.dir(), mode);
      const only = ['parameters.stake=0.6', 'parameters.weights_stddev=0.4', 'parameters.kappa=0.5', 'parameters.bonds_penalty=1', 'parameters.validator_emission_ratio=0.5'].flatMap((o) => ['--only', o]);
      const r = yumalab(['sweep', STUDY, '--out', `${dir}-chaincheck`, '--set', `parameters.numeric=${mode}`, '--set', 'parameters.weight_steps=3', ...only, '--replicates', '1', '--workers', '1', '--quiet', '--no-report']);
      expect(r.code, r.err).toBe(0);
      const summary = csvRecords(readFileSync(join(`${dir}-chaincheck`, 'summary.csv'), 'utf8'));
      expect(summary).toHaveLength(1);
      maps[mode] = csvRecords(readFileSync(join(`${dir}-chaincheck`, summary[0]!.run_dir!, 'map.csv'), 'utf8')).map((x) => Number(x.major_ratio));
    }
    expect(maps.chain).toHaveLength(16);
    for (let i = 0; i < 16; i++) expect(Math.abs(maps.chain![i]! - maps.float![i]!)).toBeLessThan(5e-6);
  }, 180_000);

  it('reproduces a sweep run alone with the command its manifest records', () => {
    const dir = join(files.dir(), 'float');
    const row = csvRecords(readFileSync(join(dir, 'summary.csv'), 'utf8'))[0]!;
    const manifest = JSON.parse(readFileSync(join(dir, row.run_dir!, 'manifest.json'), 'utf8')) as { command: string[]; digest: string };
    expect(manifest.command.slice(0, 2)).toEqual(['yumalab', 'run']);
    const r = yumalab([...manifest.command.slice(1), '--out', join(files.dir(), 'alone')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out.trim().split('\n').at(-1)).toBe(`digest ${row.digest}`);
  }, 120_000);
});
