import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { attackerMetric, isSuiteFile, loadSuite } from '../../../../src/sim/regress/regressSuite.ts';
import { parseSetArgument } from '../../../../src/sim/scenario/scenarioOverride.ts';
import { problemsOf } from '../../../support/tempFiles.ts';

const ROOT = resolve(import.meta.dirname, '../../../..');
const CABAL = join(ROOT, 'scenarios', 'attacks', 'cabal.yaml');
const REPLAY = join(ROOT, 'scenarios', 'replay-demo.yaml');

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** A suite directory with `suite.yaml` holding `text`. */
function suiteDir(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'yumalab-suite-'));
  roots.push(dir);
  writeFileSync(join(dir, 'suite.yaml'), text);
  return dir;
}

describe('loadSuite', () => {
  it('resolves each listed scenario with the suite overrides, its own, then --set', () => {
    const dir = suiteDir(`name: small
overrides: {chain.numeric: float}
scenarios:
  - scenario: ${CABAL}
    overrides: {duration: {blocks: 300}}
    attacker: cabal_validators
  - scenario: ${REPLAY}
    id: replay
`);
    const suite = loadSuite(dir, [parseSetArgument('subnets.0.hyperparameters.kappa=0.6')]);
    expect(suite.name).toBe('small');
    expect(suite.entries.map((e) => e.id)).toEqual(['cabal', 'replay']);
    const [cabal, replay] = suite.entries;
    expect(cabal!.overrides.map((o) => o.path)).toEqual(['chain.numeric', 'duration', 'subnets.0.hyperparameters.kappa']);
    expect(cabal!.scenario.durationBlocks).toBe(300);
    expect(cabal!.scenario.chain.mode).toBe('float');
    expect(cabal!.scenario.subnets[0]!.rules.hyperparameters.kappaU16).toBe(Math.round(0.6 * 65535));
    expect(attackerMetric(cabal!)).toBe('sn1.cabal_validators.emission_share');
    expect(attackerMetric(replay!)).toBeNull();
  });

  it('takes every scenario file of a directory without suite.yaml, unchanged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yumalab-suite-'));
    roots.push(dir);
    mkdirSync(join(dir, 'replay'));
    copyFileSync(REPLAY, join(dir, 'replay-demo.yaml'));
    copyFileSync(join(ROOT, 'scenarios', 'replay', 'two-validators.json'), join(dir, 'replay', 'two-validators.json'));
    const suite = loadSuite(dir);
    expect(suite.file).toBeNull();
    expect(suite.entries.map((e) => [e.id, e.overrides.length])).toEqual([['replay-demo', 0]]);
  });

  it('reports a problem of the suite file at its line', () => {
    const dir = suiteDir(`scenarios:\n  - scenario: ${REPLAY}\n    atacker: x\n`);
    expect(problemsOf(() => loadSuite(dir))).toEqual([`${join(dir, 'suite.yaml')}:3:5: scenarios.0.atacker: unknown key 'atacker'`]);
  });

  it('reports a bad override at its line in the suite file, naming the scenario it hit', () => {
    const dir = suiteDir(`scenarios:\n  - scenario: ${REPLAY}\n    overrides:\n      subnets.3.tempo: 5\n`);
    expect(problemsOf(() => loadSuite(dir))).toEqual([`${join(dir, 'suite.yaml')}:4:7: scenarios.0.overrides.subnets.3.tempo: subnets.3 does not exist in this scenario (suite scenario replay-demo)`]);
  });

  it('reports a bad --set once per scenario it hits', () => {
    const dir = suiteDir(`scenarios:\n  - scenario: ${REPLAY}\n  - scenario: ${CABAL}\n`);
    expect(problemsOf(() => loadSuite(dir, [parseSetArgument('subnets.0.hyperparameters.kappa=7')]))).toEqual([
      '--set subnets.0.hyperparameters.kappa: must be a fraction in [0, 1], got 7 (suite scenario replay-demo)',
      '--set subnets.0.hyperparameters.kappa: must be a fraction in [0, 1], got 7 (suite scenario cabal)',
    ]);
  });

  it('refuses missing files, duplicate ids and attackers that are no group', () => {
    const dir = suiteDir(`scenarios:
  - scenario: nowhere.yaml
  - scenario: ${REPLAY}
  - scenario: ${REPLAY}
  - scenario: ${CABAL}
    id: cabal
    attacker: cabal_validator
`);
    const file = join(dir, 'suite.yaml');
    expect(problemsOf(() => loadSuite(dir))).toEqual([
      `${file}:2:15: scenarios.0.scenario: ${join(dir, 'nowhere.yaml')}: no such scenario file`,
      `${file}:4:15: scenarios.2.scenario: id 'replay-demo' is already scenarios.1's; give one of them another id`,
      `${file}:7:15: scenarios.3.attacker: 'cabal_validator' is not a population group of ${CABAL} (groups: cabal_miners, cabal_validators, honest_validators, miners); or give a metric such as sn1.cabal_miners.emission_share`,
    ]);
  });

  it('tells a suite file from a scenario', () => {
    expect(isSuiteFile(join(ROOT, 'scenarios', 'regress', 'suite.yaml'))).toBe(true);
    expect(isSuiteFile(CABAL)).toBe(false);
  });
});
