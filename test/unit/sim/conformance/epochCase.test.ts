import { describe, expect, it } from 'vitest';
import { runEpochCase } from '../../../../src/sim/conformance/epochCase.ts';
import { gatherInputs, initialState, parseEpochHyperparameters } from '../../../../src/sim/conformance/epochReplay.ts';
import { CaseFormatError, type Failure } from '../../../../src/sim/conformance/expectations.ts';
import { runConformanceCase } from '../../../../src/sim/conformance/runCase.ts';

const HYPERPARAMETERS = {
  tempo: 360,
  kappa: 32767,
  bonds_penalty: 65535,
  bonds_moving_average: '900000',
  yuma3_on: false,
  liquid_alpha_on: false,
  alpha_values: [45875, 58982],
  alpha_sigmoid_steepness: 1000,
  activity_cutoff_factor_milli: 13889,
  max_allowed_validators: 64,
  commit_reveal_weights_enabled: false,
  reveal_period_epochs: '1',
  bonds_reset_on: false,
  mechanism_count_current: 1,
  stake_threshold: '0',
  tao_weight: '0',
};

/** Validators 0 and 1 with equal stake, miner 2, no weights or bonds yet. */
const STATE = {
  block: '1000',
  n: 3,
  owner_uid: null,
  hotkeys: ['h0', 'h1', 'h2'],
  alpha_stake: ['1000000000', '1000000000', '0'],
  root_stake: ['0', '0', '0'],
  block_at_registration: ['1', '1', '1'],
  validator_permit: [true, true, false],
  last_mechanism_step_block: '0',
  mechanisms: [{ last_update: ['0', '0', '0'], weights: {}, bonds: {} }],
  commit_reveal: { current_epoch: '0', commits: [] },
};

type Json = Record<string, unknown>;
const exact = (value: unknown) => ({ value, tolerance: 'exact' });
const setWeights = (uid: number, weights: [number, number][]) => ({ op: 'set_weights', mechanism: 0, uid, weights });
const epoch = { op: 'epoch', emission_rao: '1000000000' };

function makeCase(steps: Json[], state: Json = {}, hp: Json = {}): Json {
  return {
    format: 'yumalab.conformance/1',
    id: 'epoch.unit.hand_written',
    kind: 'epoch',
    description: 'two equal validators agree on one miner',
    hyperparameters: { ...HYPERPARAMETERS, ...hp },
    state: { ...STATE, ...state },
    steps,
  };
}

/** Both validators put all their weight on miner 2 and an epoch runs, at block 1000. */
const AGREE: { block: string; ops: Json[] } = { block: '1000', ops: [setWeights(0, [[2, 65535]]), setWeights(1, [[2, 65535]]), epoch] };

/*
 * Expected values, by hand (spec/yuma.md §2, original Yuma): S = A = (½, ½, 0); W rows (2 → 1.0);
 * C₂ = 1.0, I₂ = 1.0; ΔB column-normalised = ½ each; EMA = a·ΔB column-normalised = ½ each;
 * D = EMA·I = ½ each → u16 32767; T = 2 so server₂ = 0.5·E, validator₀,₁ = 0.25·E; stored bonds are
 * column-max-upscaled: 65535 each.
 */
const HAND_EXPECTATIONS: Json = {
  epoch_ran: exact(true),
  stake_weight: exact({ 0: 32767, 1: 32767, 2: 0 }),
  consensus: exact({ 2: 65535, 0: 0 }),
  incentive: exact({ 0: 0, 1: 0, 2: 65535 }),
  incentive_fraction: exact({ 2: 1 }),
  dividends: exact({ 0: 32767, 1: 32767, 2: 0 }),
  dividends_fraction: { value: { 0: 0.5 }, tolerance: { abs: 0.00001 } },
  validator_trust: exact({ 0: 65535, 1: 65535 }),
  validator_permit: exact({ 0: true, 1: true, 2: false }),
  active: exact({ 0: true, 1: true, 2: true }),
  server_emission: exact({ 0: '0', 2: '500000000' }),
  validator_emission: exact({ 0: '250000000', 1: '250000000', 2: '0' }),
  emission: exact({ 0: '250000000', 1: '250000000', 2: '500000000' }),
  total_emission: exact('1000000000'),
  bonds: exact([
    [0, 2, 65535],
    [1, 2, 65535],
    [2, 0, 0],
  ]),
  weights: exact({ 0: [[2, 65535]], 1: [[2, 65535]] }),
  'trace.stake': exact({ 0: '2147483648', 1: '2147483648', 2: '0' }),
  'trace.active_stake': exact({ 0: '2147483648', 1: '2147483648' }),
  'trace.consensus': exact({ 2: '4294967296' }),
  'trace.incentive': exact({ 2: '4294967296' }),
  'trace.dividends': exact({ 0: '2147483648', 1: '2147483648' }),
  'trace.normalized_server_emission': exact({ 2: '2147483648' }),
  'trace.normalized_validator_emission': exact({ 0: '1073741824' }),
  'trace.normalized_combined_emission': exact({ 2: '2147483648' }),
  'trace.weights': exact({ 0: [[2, '4294967296']], 2: [] }),
  'trace.bonds_delta': exact({ 0: [[2, '2147483648']], 1: [[2, '2147483648']] }),
};

function run(c: Json): Failure[] {
  return runEpochCase(c, 'chain');
}

describe('a hand-written epoch case', () => {
  it('passes with set_weights, an epoch and hand-computed expectations', () => {
    expect(run(makeCase([{ ...AGREE, expect: HAND_EXPECTATIONS }]))).toEqual([]);
    expect(runConformanceCase(makeCase([{ ...AGREE, expect: HAND_EXPECTATIONS }]), 'f.json', 'chain').passed).toBe(true);
  });

  it('fails a deliberately wrong expectation with its field, index, expected and got', () => {
    const failures = run(makeCase([{ ...AGREE, expect: { consensus: exact({ 2: 65534 }), server_emission: exact({ 2: '1' }) } }]));
    expect(failures).toEqual([
      { field: 'steps[0].consensus', index: '2', expected: '65534', got: '65535' },
      { field: 'steps[0].server_emission', index: '2', expected: '1', got: '500000000' },
    ]);
  });

  it('reports wrong bonds, weights, traces and fractions at the right index', () => {
    const failures = run(
      makeCase([
        {
          ...AGREE,
          expect: {
            bonds: exact([[1, 2, 1]]),
            weights: exact({ 1: [[2, 1]] }),
            'trace.stake': exact({ 1: '1' }),
            incentive_fraction: exact({ 2: 0.5 }),
            total_emission: exact('999999999'),
            validator_permit: exact({ 2: true }),
          },
        },
      ]),
    );
    expect(failures.map((f) => [f.field, f.index])).toEqual([
      ['steps[0].bonds', '[1,2]'],
      ['steps[0].weights', '1'],
      ['steps[0].trace.stake', '1'],
      ['steps[0].incentive_fraction', '2'],
      ['steps[0].total_emission', ''],
      ['steps[0].validator_permit', '2'],
    ]);
    expect(failures[0]).toEqual({ field: 'steps[0].bonds', index: '[1,2]', expected: '1', got: '65535' });
    expect(failures[3]!.got).toBe('65535/65535');
  });

  it('accepts integer outputs within an absolute tolerance', () => {
    const near = { server_emission: { value: { 2: '500000002' }, tolerance: { abs: 2 } } };
    const far = { server_emission: { value: { 2: '500000003' }, tolerance: { abs: 2 } } };
    expect(run(makeCase([{ ...AGREE, expect: near }]))).toEqual([]);
    expect(run(makeCase([{ ...AGREE, expect: far }]))).toHaveLength(1);
  });
});

describe('relations', () => {
  it('compare output paths, literals and values recorded at an earlier step', () => {
    const steps = [
      AGREE,
      {
        block: '1001',
        ops: [epoch],
        expect: {
          relations: [
            { lhs: 'incentive.2', op: '>', rhs: 'incentive.0' },
            { lhs: 'dividends.0', op: '==', rhs: 'dividends.1' },
            { lhs: 'emission.2', op: '>=', rhs: '500000000' },
            { lhs: 'bonds.0.2', op: '==', rhs: { path: 'bonds.0.2', step: 0 } },
            { lhs: 'trace.incentive.2', op: '==', rhs: '4294967296' },
            { lhs: { path: 'server_emission.2', step: 0 }, op: '<=', rhs: 'server_emission.2' },
          ],
        },
      },
    ];
    expect(run(makeCase(steps))).toEqual([]);
  });

  it('fail with the relation as the index', () => {
    const steps = [{ ...AGREE, expect: { relations: [{ lhs: 'incentive.0', op: '>', rhs: 'incentive.2' }] } }];
    expect(run(makeCase(steps))).toEqual([
      { field: 'steps[0].relations', index: 'incentive.0 > incentive.2', expected: '0 > 65535', got: '0 vs 65535' },
    ]);
  });

  it('refuse a step that has not run yet and an unknown operator', () => {
    const future = [{ ...AGREE, expect: { relations: [{ lhs: { path: 'incentive.2', step: 3 }, op: '==', rhs: '0' }] } }];
    expect(() => run(makeCase(future))).toThrow(CaseFormatError);
    const badOp = [{ ...AGREE, expect: { relations: [{ lhs: 'incentive.2', op: '=~', rhs: '0' }] } }];
    expect(() => run(makeCase(badOp))).toThrow(/unknown relation operator '=~'/);
  });
});

describe('replay operations', () => {
  it('replace_neuron zeroes other rows’ weights to the uid, keeps their bonds, and clears the uid’s own rows', () => {
    const steps = [
      { ...AGREE, ops: [...AGREE.ops.slice(0, 2), setWeights(2, [[0, 100]]), epoch] },
      {
        block: '1010',
        ops: [{ op: 'replace_neuron', uid: 2, alpha_stake: '5', root_stake: '0', hotkey: 'h2-new' }],
        expect: {
          weights: exact({ 0: [[2, 0]], 1: [[2, 0]], 2: [] }),
          bonds: exact([
            [0, 2, 65535],
            [1, 2, 65535],
          ]),
        },
      },
    ];
    expect(run(makeCase(steps))).toEqual([]);
  });

  it('replace_neuron updates registration, stake, last update and permit as the next epoch sees them', () => {
    const c = makeCase([AGREE]);
    const s = initialState(c.state as Json);
    expect(s.hotkeys).toEqual(['h0', 'h1', 'h2']);
    const steps = [
      AGREE,
      {
        block: '1010',
        ops: [{ op: 'replace_neuron', uid: 1, alpha_stake: '7', root_stake: '0', hotkey: 'h1-new' }, epoch],
        expect: {
          // uid 1's row is gone and its permit was cleared: validator 0 alone decides consensus.
          validator_permit: exact({ 1: true }),
          weights: exact({ 1: [] }),
          'trace.active_stake': exact({ 0: '4294967296', 1: '0' }),
          'trace.stake': exact({ 1: String((7n << 32n) / 1_000_000_007n) }),
        },
      },
    ];
    expect(run(makeCase(steps))).toEqual([]);
  });

  it('reset_bonds deletes bonds to the uid only when bonds_reset_on is set', () => {
    const steps = (expected: [number, number, number][]) => [
      AGREE,
      { block: '1001', ops: [{ op: 'reset_bonds', uid: 2 }], expect: { bonds: exact(expected) } },
    ];
    expect(run(makeCase(steps([[0, 2, 0], [1, 2, 0]]), {}, { bonds_reset_on: true }))).toEqual([]);
    expect(run(makeCase(steps([[0, 2, 65535], [1, 2, 65535]]), {}, { bonds_reset_on: false }))).toEqual([]);
  });

  it('write_state replaces the listed state fields', () => {
    const steps = [
      {
        block: '1000',
        ops: [
          { op: 'write_state', state: { alpha_stake: ['3000000000', '1000000000', '0'] } },
          setWeights(0, [[2, 65535]]),
          setWeights(1, [[2, 65535]]),
          epoch,
        ],
        expect: { stake_weight: exact({ 0: 49151, 1: 16383 }) },
      },
    ];
    expect(run(makeCase(steps))).toEqual([]);
  });

  it('skips the epoch when two uids share a hotkey, and says so for output expectations', () => {
    const steps = [{ ...AGREE, expect: { epoch_ran: exact(false), incentive: exact({ 2: 0 }), weights: exact({ 0: [[2, 65535]] }) } }];
    const failures = run(makeCase(steps, { hotkeys: ['h0', 'h0', 'h2'] }));
    expect(failures).toEqual([{ field: 'steps[0].incentive', index: '', expected: '{"2":0}', got: 'epoch did not run' }]);
  });

  it('refuses unknown ops, unknown expectations and blocks that go backwards', () => {
    expect(() => run(makeCase([{ block: '1000', ops: [{ op: 'teleport' }] }]))).toThrow(/unknown op 'teleport'/);
    expect(() => run(makeCase([{ ...AGREE, expect: { rank: exact({ 0: 1 }) } }]))).toThrow(/unknown expectation 'rank'/);
    expect(() => run(makeCase([{ block: '999', ops: [] }]))).toThrow(/goes backwards/);
    expect(() => run(makeCase([AGREE], { mystery: 1 }))).toThrow(/state.mystery: unknown state field/);
  });
});

describe('state helpers', () => {
  it('parses hyperparameters into epoch hyperparameters', () => {
    const h = parseEpochHyperparameters(HYPERPARAMETERS);
    expect(h).toEqual({
      tempoBlocks: 360,
      kappaU16: 32767,
      bondsPenaltyU16: 65535,
      bondsMovingAveragePpm: 900000,
      yuma3On: false,
      liquidAlphaOn: false,
      alphaLowU16: 45875,
      alphaHighU16: 58982,
      alphaSigmoidSteepness: 1000,
      activityCutoffFactorMilli: 13889,
      maxAllowedValidators: 64,
      commitRevealWeightsEnabled: false,
      revealPeriodEpochs: 1,
      stakeThresholdRao: 0n,
      taoWeightRaw: 0n,
    });
    expect(() => parseEpochHyperparameters({ ...HYPERPARAMETERS, tempo: '360' })).toThrow(/hyperparameters.tempo/);
  });

  it('gathers a mechanism’s epoch inputs from the replay state', () => {
    const s = initialState({
      ...STATE,
      mechanisms: [{ last_update: ['5'], weights: { 0: [[2, 7]], 4: [[1, 1]] }, bonds: {} }],
      commit_reveal: { current_epoch: '3', commits: [{ uid: 0, block: '9', epoch: '2', kind: 'hash' }, { uid: 1, block: '8', epoch: '2', kind: 'timelocked', mechanism: 1 }] },
    });
    const inputs = gatherInputs(s, parseEpochHyperparameters(HYPERPARAMETERS), 0, 77n);
    expect(inputs.n).toBe(3);
    expect(inputs.currentBlock).toBe(1000);
    expect(inputs.emissionRao).toBe(77n);
    expect(inputs.lastUpdate).toEqual([5]);
    expect(inputs.weights.rowCount).toBe(5); // rows beyond n are kept for the epoch to ignore
    expect(inputs.commits).toEqual([{ uid: 0, block: 9, epoch: 2, kind: 'hash', mechanism: 0 }]);
    expect(inputs.currentEpochIndex).toBe(3);
    expect(() => gatherInputs(s, parseEpochHyperparameters(HYPERPARAMETERS), 1, 77n)).toThrow(/mechanism 1 does not exist/);
  });

  it('rejects commits of an unknown kind', () => {
    expect(() => initialState({ commit_reveal: { current_epoch: '0', commits: [{ uid: 0, block: '1', epoch: '0', kind: 'magic' }] } })).toThrow(
      /commits\[0\]\.kind: unknown 'magic'/,
    );
  });
});
