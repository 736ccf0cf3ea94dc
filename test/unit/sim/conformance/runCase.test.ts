import { describe, expect, it } from 'vitest';
import {
  CONFORMANCE_FORMAT,
  formatCaseResult,
  implementedKinds,
  runConformanceCase,
  type CaseResult,
} from '../../../../src/sim/conformance/runCase.ts';

/** A `math` case computing the weighted median of stakes (0.6, 0.4) over scores (1, 2). */
function mathCase(expected: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: CONFORMANCE_FORMAT,
    id: 'math.unit.median',
    kind: 'math',
    description: 'unit test case',
    function: 'weighted_median',
    args: { stake: ['60', '40'], score: ['1', '2'], minority: '50' },
    expect: { value: expected, tolerance: 'exact' },
    ...extra,
  };
}

describe('runConformanceCase', () => {
  it('passes a correct math case', () => {
    const r = runConformanceCase(mathCase('1'), 'a/math.unit.median.json', 'chain');
    expect(r).toEqual({ id: 'math.unit.median', file: 'a/math.unit.median.json', kind: 'math', passed: true, failures: [] });
  });

  it('records a mismatch as a failure with field, index, expected and got', () => {
    const r = runConformanceCase(mathCase('2'), 'f.json', 'chain');
    expect(r.passed).toBe(false);
    expect(r.error).toBeUndefined();
    expect(r.failures).toEqual([{ field: 'value', index: '', expected: '2', got: '1' }]);
  });

  it('fails, rather than skips, a case of a kind that is not implemented', () => {
    const r = runConformanceCase({ ...mathCase('1'), kind: 'futures' }, 'f.json', 'chain');
    expect(r.passed).toBe(false);
    expect(r.kind).toBe('futures');
    expect(r.error).toBe(`kind 'futures' is not implemented yet (implemented: ${implementedKinds().join(', ')})`);
  });

  it('fails a case of an unknown format', () => {
    const r = runConformanceCase({ ...mathCase('1'), format: 'yumalab.conformance/2' }, 'f.json', 'chain');
    expect(r.passed).toBe(false);
    expect(r.error).toBe('unknown format "yumalab.conformance/2" (expected yumalab.conformance/1)');
    const missing = runConformanceCase({ id: 'x', kind: 'math' }, 'f.json', 'chain');
    expect(missing.error).toMatch(/^unknown format undefined/);
  });

  it('turns a malformed case into a failure with a message', () => {
    const r = runConformanceCase(mathCase('1', { args: { stake: 'oops', score: [], minority: '0' } }), 'f.json', 'chain');
    expect(r.passed).toBe(false);
    expect(r.error).toBe('malformed case: args.stake: expected a list, got "oops"');
    const noFunction = runConformanceCase(mathCase('1', { function: 42 }), 'f.json', 'chain');
    expect(noFunction.error).toBe('malformed case: math case without a function name');
  });

  it('turns an internal assertion into a failure instead of crashing the run', () => {
    const broken = {
      format: CONFORMANCE_FORMAT,
      id: 'epoch.unit.broken',
      kind: 'epoch',
      hyperparameters: {
        tempo: 360, kappa: 32767, bonds_penalty: 65535, bonds_moving_average: '900000', yuma3_on: false, liquid_alpha_on: false,
        alpha_values: [45875, 58982], alpha_sigmoid_steepness: 1000, activity_cutoff_factor_milli: 13889, max_allowed_validators: 64,
        commit_reveal_weights_enabled: false, reveal_period_epochs: '1', bonds_reset_on: false, mechanism_count_current: 1,
        stake_threshold: '0', tao_weight: '0',
      },
      // block_at_registration is shorter than n: the epoch's shape assertion fires.
      state: {
        block: '10', n: 2, owner_uid: null, hotkeys: null, alpha_stake: ['1', '1'], root_stake: ['0', '0'],
        block_at_registration: ['0'], validator_permit: [true, true], last_mechanism_step_block: '0',
        mechanisms: [{ last_update: [], weights: {}, bonds: {} }], commit_reveal: { current_epoch: '0', commits: [] },
      },
      steps: [{ block: '10', ops: [{ op: 'epoch', emission_rao: '1000' }] }],
    };
    const r = runConformanceCase(broken, 'f.json', 'chain');
    expect(r.passed).toBe(false);
    expect(r.error).toMatch(/^internal assertion failed: epoch: block_at_registration must have n entries/);
  });

  it('names a case that is not an object, or has no id, after its file', () => {
    const r = runConformanceCase([1, 2], 'dir/odd.json', 'chain');
    expect(r.id).toBe('dir/odd.json');
    expect(r.kind).toBe('?');
    expect(r.passed).toBe(false);
    const { id: _id, ...noId } = mathCase('1');
    expect(runConformanceCase(noId, 'dir/noid.json', 'chain').id).toBe('dir/noid.json');
  });

  it('lists the implemented kinds', () => {
    expect(implementedKinds()).toEqual([
      'block_emission',
      'coinbase',
      'epoch',
      'epoch_schedule',
      'math',
      'network_registration',
      'registration_burn',
      'subnet_emission_shares',
      'swap',
      'uid_prune',
    ]);
  });
});

describe('formatCaseResult', () => {
  const base = { id: 'case.1', file: 'f.json', kind: 'math' };

  it('prints PASS id for a passing case', () => {
    expect(formatCaseResult({ ...base, passed: true, failures: [] })).toBe('PASS case.1');
  });

  it('prints FAIL id: error for a case that could not run', () => {
    expect(formatCaseResult({ ...base, passed: false, failures: [], error: 'kind \'x\' is not implemented yet' })).toBe(
      "FAIL case.1: kind 'x' is not implemented yet",
    );
  });

  it('prints one FAIL id: field, index, expected E, got G line per mismatch, with - for an empty index', () => {
    const r: CaseResult = {
      ...base,
      passed: false,
      failures: [
        { field: 'steps[0].incentive', index: '2', expected: '65535', got: '65534' },
        { field: 'value', index: '', expected: '1', got: '0' },
      ],
    };
    expect(formatCaseResult(r).split('\n')).toEqual([
      'FAIL case.1: steps[0].incentive, 2, expected 65535, got 65534',
      'FAIL case.1: value, -, expected 1, got 0',
    ]);
  });
});
