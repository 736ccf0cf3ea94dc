import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { experimentPathOk, parseExperimentFile } from '../../../../src/sim/experiments/experimentFile.ts';
import { problemsOf } from '../../../support/tempFiles.ts';

const STUDY = join(resolve(import.meta.dirname, '../../../..'), 'scenarios', 'research', 'consensus-guarantees.yaml');
const TEXT = readFileSync(STUDY, 'utf8');

describe('parseExperimentFile', () => {
  it('reads the study file: baseline parameters, seed 0, a sweep section', () => {
    const e = parseExperimentFile(TEXT, STUDY, []);
    expect(e.experiment).toBe('consensus_guarantees');
    expect(e.params).toEqual({ stake: 0.6, weightsStddev: 0.4, kappa: 0.5, bondsPenalty: 1, validatorEmissionRatio: 0.5, mode: 'float', seed: 0, weightSteps: 50 });
    expect(e.sweep?.grid?.['parameters.stake']).toHaveLength(11);
  });

  it('applies overrides before validation, naming the override in its problems', () => {
    expect(parseExperimentFile(TEXT, STUDY, [{ path: 'parameters.kappa', value: 0.6, label: '--set parameters.kappa' }]).params.kappa).toBe(0.6);
    expect(problemsOf(() => parseExperimentFile(TEXT, STUDY, [{ path: 'parameters.kappa', value: 1.5, label: '--set parameters.kappa' }]))).toEqual(['--set parameters.kappa: must be in [0, 1], got 1.5']);
    expect(problemsOf(() => parseExperimentFile(TEXT, STUDY, [{ path: 'parameters.kapa', value: 1, label: '--set parameters.kapa' }]))[0]).toMatch(/^--set parameters\.kapa: 'parameters\.kapa' is not an experiment key/);
  });

  it('reports file problems with line and column, unknown keys at the key', () => {
    const text = TEXT.replace('  kappa: 0.5\n', '  kappa: 0.5\n  kapa: 0.4\n').replace('  stake: 0.6\n', '  stake: 1.6\n');
    const problems = problemsOf(() => parseExperimentFile(text, 'x.yaml', []));
    expect(problems).toHaveLength(2);
    expect(problems.some((p) => /^x\.yaml:\d+:\d+: parameters\.stake: must be in \(0, 1\), got 1\.6$/.test(p))).toBe(true);
    expect(problems.some((p) => /^x\.yaml:\d+:3: parameters\.kapa: unknown key 'kapa'/.test(p))).toBe(true);
  });

  it('accepts parameters and seed as paths, nothing else', () => {
    expect(experimentPathOk('parameters.stake')).toBe(true);
    expect(experimentPathOk('seed')).toBe(true);
    expect(experimentPathOk('parameters')).toBe(false);
    expect(experimentPathOk('parameters.stake.x')).toBe(false);
    expect(experimentPathOk('subnets.0.tempo')).toBe(false);
  });
});
