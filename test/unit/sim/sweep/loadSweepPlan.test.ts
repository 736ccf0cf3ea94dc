import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSweepPlan } from '../../../../src/sim/sweep/loadSweepPlan.ts';
import { subjectForFile } from '../../../../src/sim/sweep/sweepSubjects.ts';
import { problemsOf, useTempFiles } from '../../../support/tempFiles.ts';

const SMALL = join(resolve(import.meta.dirname, '../../../..'), 'test', 'fixtures', 'sweeps', 'small.yaml');
const base = readFileSync(SMALL, 'utf8').split('\nsweep:\n')[0]!;
const files = useTempFiles('sweep-plan');
const withSweep = (sweep: string): string => files.write(`${base}\nsweep:\n${sweep}`, 'yaml');
const load = (file: string) => loadSweepPlan(file, [], subjectForFile);

describe('loadSweepPlan', () => {
  it('reads the fixture: two grid axes, two replicates, eight runs', () => {
    const plan = load(SMALL);
    expect(plan.name).toBe('small-sweep');
    expect(plan.definition.axes.map((a) => `${a.kind}:${a.path}`)).toEqual(['grid:subnets.0.hyperparameters.kappa', 'grid:subnets.0.hyperparameters.bonds_penalty']);
    expect(plan.points).toHaveLength(8);
  });

  it('refuses zip axes of unequal length at the shorter list, naming both lengths', () => {
    const file = withSweep('  zip:\n    subnets.0.hyperparameters.kappa: [0.4, 0.6]\n    subnets.0.hyperparameters.bonds_penalty: [0, 0.5, 1]\n');
    const problems = problemsOf(() => load(file));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: sweep\\.zip\\.subnets\\.0\\.hyperparameters\\.bonds_penalty: zip axes vary together and need lists of one length: .* has 3 values, .* has 2`));
  });

  it('refuses a path that is not a scenario key, and the reserved seed', () => {
    const file = withSweep('  grid:\n    subnets.0.hyperparameters.kapa: [0.4]\n    seed: [1, 2]\n');
    const problems = problemsOf(() => load(file));
    expect(problems.some((p) => /sweep\.grid\.subnets\.0\.hyperparameters\.kapa: 'subnets\.0\.hyperparameters\.kapa' is not a key path/.test(p))).toBe(true);
    expect(problems.some((p) => /sweep\.grid\.seed: 'seed' cannot be swept: .*replicates/.test(p))).toBe(true);
  });

  it('reports an invalid axis value at its own position in the list', () => {
    const file = withSweep('  grid:\n    subnets.0.hyperparameters.kappa: [0.4, 7]\n');
    const problems = problemsOf(() => load(file));
    expect(problems).toHaveLength(1);
    const line = `${base}\nsweep:\n`.split('\n').length + 1;
    expect(problems[0]).toMatch(new RegExp(`:${line}:\\d+: sweep\\.grid\\.subnets\\.0\\.hyperparameters\\.kappa\\.1: `));
  });

  it('refuses unknown keys in the sweep section with a suggestion', () => {
    const file = withSweep('  grids:\n    subnets.0.hyperparameters.kappa: [0.4]\n');
    expect(problemsOf(() => load(file)).join('\n')).toMatch(/sweep\.grids: unknown key 'grids' \(did you mean 'grid'\?\)/);
  });

  it('refuses a file without a sweep section', () => {
    const file = files.write(base, 'yaml');
    expect(problemsOf(() => load(file))).toEqual([`${file}: no 'sweep:' section to run (add one, or use 'yumalab run' for a single run)`]);
  });

  it('narrows a sweep with --only and --replicates, keeping each run\'s index and seed', () => {
    const full = load(SMALL);
    const some = loadSweepPlan(SMALL, [], subjectForFile, { only: [{ path: 'subnets.0.hyperparameters.kappa', value: 0.6 }], replicates: 3 });
    expect(some.points).toHaveLength(6);
    const fullByKey = new Map(full.points.map((p) => [`${JSON.stringify(p.coordinates)}#${p.replicate}`, p]));
    for (const p of some.points.filter((x) => x.replicate < 2)) expect(fullByKey.get(`${JSON.stringify(p.coordinates)}#${p.replicate}`)!.seed).toBe(p.seed);
    expect(problemsOf(() => loadSweepPlan(SMALL, [], subjectForFile, { only: [{ path: 'subnets.0.hyperparameters.kappa', value: 0.5 }] }))).toEqual([
      '--only subnets.0.hyperparameters.kappa=0.5: not a value of that axis (values: 0.4, 0.6)',
    ]);
  });
});
