import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../src/sim/input/readStructuredFile.ts';
import { loadScenario } from '../../../../src/sim/scenario/loadScenario.ts';
import { parseSetArgument } from '../../../../src/sim/scenario/scenarioOverride.ts';

const TINY = resolve(import.meta.dirname, '../../../fixtures/run/tiny.yaml');

function problems(f: () => unknown): readonly string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  return [];
}

describe('parseSetArgument', () => {
  it('reads the value as a YAML scalar', () => {
    expect(parseSetArgument('subnets.0.hyperparameters.kappa=0.6')).toEqual({ path: 'subnets.0.hyperparameters.kappa', value: 0.6, label: '--set subnets.0.hyperparameters.kappa' });
    expect(parseSetArgument('a.b=true').value).toBe(true);
    expect(parseSetArgument('a=float').value).toBe('float');
    expect(parseSetArgument('a="12"').value).toBe('12');
    expect(parseSetArgument('a=').value).toBeNull();
    expect(parseSetArgument('description=x=y').value).toBe('x=y');
  });

  it('keeps a decimal with more digits than a float64 holds as its exact text', () => {
    expect(parseSetArgument('chain.issuance_tao=21000000.123456789').value).toBe('21000000.123456789');
    expect(parseSetArgument('chain.issuance_tao=21000000.5').value).toBe(21000000.5);
  });

  it('refuses a missing "=", an empty path and non-scalar values', () => {
    expect(problems(() => parseSetArgument('kappa'))).toEqual(['--set kappa: expected key.path=value (e.g. --set subnets.0.hyperparameters.kappa=0.6)']);
    expect(problems(() => parseSetArgument('=3'))).toHaveLength(1);
    expect(problems(() => parseSetArgument('a..b=3'))).toHaveLength(1);
    expect(problems(() => parseSetArgument('a={b: 1}'))).toEqual(["--set a: expected a single value (a number, true/false, a name or a quoted string), got '{b: 1}'"]);
  });
});

describe('loadScenario with overrides', () => {
  it('applies overrides in order, a later one winning, and resolves them like file values', () => {
    const s = loadScenario(TINY, [parseSetArgument('seed=4'), parseSetArgument('subnets.0.tempo=50'), { path: 'seed', value: 9, label: '--seed' }]);
    expect(s.seed).toBe(9);
    expect(s.subnets[0]!.rules.hyperparameters.tempoBlocks).toBe(50);
    // The file itself is unchanged by an override-free load.
    expect(loadScenario(TINY).seed).toBe(3);
  });

  it('creates missing mappings on the way (subnets.0.owner in a file without an owner)', () => {
    const s = loadScenario(TINY, [parseSetArgument('subnets.0.owner.stake=5')]);
    expect(s.subnets[0]!.ownerStakeAlphaRao).toBe(5_000_000_000n);
  });

  it('reports a problem inside an overridden mapping against the override, with the key path', () => {
    expect(problems(() => loadScenario(TINY, [parseSetArgument('subnets.0.hyperparameters.kappa=-1')]))).toEqual(['--set subnets.0.hyperparameters.kappa: must be a fraction in [0, 1], got -1']);
    expect(problems(() => loadScenario(TINY, [{ path: 'seed', value: -2, label: '--seed' }]))).toEqual([expect.stringMatching(/^--seed: /)]);
  });
});
