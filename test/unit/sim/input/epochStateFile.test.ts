import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEW_SUBNET_EPOCH_HYPERPARAMETERS } from '../../../../src/consensus/epoch/defaults.ts';
import { runEpoch } from '../../../../src/consensus/epoch/runEpoch.ts';
import { sparseToRows } from '../../../../src/consensus/epoch/sparseMatrix.ts';
import { readEpochStateFile } from '../../../../src/sim/input/epochStateFile.ts';
import { problemsOf, useTempFiles } from '../../../support/tempFiles.ts';

const temp = useTempFiles('statefile');
const write = temp.write;

const MINIMAL_STATE = {
  block: '1000',
  n: 3,
  alpha_stake: ['600', '400', '0'],
  block_at_registration: ['1', '1', '1'],
  validator_permit: [true, true, false],
  mechanisms: [{ last_update: ['999', '999', '1'], weights: { 0: [[2, 65535]], 1: [[2, 65535]] }, bonds: {} }],
};

const json = (v: unknown) => JSON.stringify(v, null, 2);

describe('readEpochStateFile', () => {
  it('reads a minimal file and fills in new-subnet defaults for everything omitted', () => {
    const f = readEpochStateFile(write(json({ state: MINIMAL_STATE })));
    expect(f.hyperparameters).toEqual(NEW_SUBNET_EPOCH_HYPERPARAMETERS);
    expect(f.mechanismCount).toBe(1);
    expect(f.emissionRao).toBe(1_000_000_000n);
    expect(f.mechanism).toBeNull();
    expect(f.n).toBe(3);
    expect(f.block).toBe(1000);
    const inputs = f.inputsFor(0, 5n);
    expect(inputs.rootStakeRao).toEqual([0n, 0n, 0n]);
    expect(inputs.alphaStakeRao).toEqual([600n, 400n, 0n]);
    expect(inputs.ownerUid).toBeNull();
    expect(inputs.lastMechanismStepBlock).toBe(0);
    expect(inputs.commits).toEqual([]);
    expect(inputs.currentEpochIndex).toBe(0);
    expect(inputs.emissionRao).toBe(5n);
    expect(sparseToRows(inputs.weights)).toEqual([[[2, 65535]], [[2, 65535]], []]);
    expect(runEpoch(inputs).incentiveU16[2]).toBe(65535);
  });

  it('takes given hyperparameters, emission and mechanism, and lets overrides win', () => {
    const file = write(
      json({
        hyperparameters: { tempo: 10, yuma3_on: false, tao_weight: '0', stake_threshold: 5, bonds_moving_average: '500000' },
        state: { ...MINIMAL_STATE, root_stake: ['1', '2', '3'], owner_uid: 2 },
        emission_rao: '123',
        mechanism: 0,
      }),
    );
    const f = readEpochStateFile(file);
    expect(f.hyperparameters.tempoBlocks).toBe(10);
    expect(f.hyperparameters.yuma3On).toBe(false);
    expect(f.hyperparameters.taoWeightRaw).toBe(0n);
    expect(f.hyperparameters.stakeThresholdRao).toBe(5n);
    expect(f.hyperparameters.bondsMovingAveragePpm).toBe(500000);
    expect(f.hyperparameters.kappaU16).toBe(32767);
    expect(f.emissionRao).toBe(123n);
    expect(f.mechanism).toBe(0);
    expect(f.inputsFor(0, 1n).rootStakeRao).toEqual([1n, 2n, 3n]);
    expect(f.inputsFor(0, 1n).ownerUid).toBe(2);
    const overridden = readEpochStateFile(file, 77n, 0);
    expect(overridden.emissionRao).toBe(77n);
  });

  it('accepts YAML', () => {
    const yaml = `state:
  block: 1000
  n: 2
  alpha_stake: [1, 1]
  block_at_registration: [1, 1]
  validator_permit: [true, true]
  mechanisms:
    - last_update: [999, 999]
      weights: {}
      bonds: {}
`;
    const f = readEpochStateFile(write(yaml, 'yaml'));
    expect(f.n).toBe(2);
    expect(f.inputsFor(0, 0n).alphaStakeRao).toEqual([1n, 1n]);
  });

  it('reports an unknown key as file:line:col: key.path: unknown key', () => {
    const file = write(json({ state: { ...MINIMAL_STATE, colour: 'blue' } }));
    const problems = problemsOf(() => readEpochStateFile(file));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${escape(file)}:\\d+:\\d+: state\\.colour: unknown key 'colour'$`));
    // The reported line is the key's line.
    const line = json({ state: { ...MINIMAL_STATE, colour: 'blue' } }).split('\n').findIndex((l) => l.includes('"colour"')) + 1;
    expect(problems[0]!.startsWith(`${file}:${line}:`)).toBe(true);
  });

  it('reports values of the wrong type at their position, every problem at once', () => {
    const text = `{
  "hyperparameters": { "tempo": "360", "kappa": 70000 },
  "state": {
    "block": "1000",
    "n": "three",
    "alpha_stake": ["1", "2", "3"],
    "block_at_registration": ["1", "1", "1"],
    "validator_permit": [true],
    "mechanisms": [{ "last_update": [], "weights": {}, "bonds": {} }]
  }
}`;
    const file = write(text);
    const problems = problemsOf(() => readEpochStateFile(file));
    expect(problems).toEqual([
      `${file}:2:33: hyperparameters.tempo: Invalid input: expected number, received string`,
      `${file}:2:49: hyperparameters.kappa: expected a u16 (0..65535)`,
      `${file}:5:10: state.n: Invalid input: expected number, received string`,
    ]);
  });

  it('reports a duplicate key with its position', () => {
    const file = write('{\n  "state": {\n    "n": 3,\n    "n": 4\n  }\n}\n');
    const problems = problemsOf(() => readEpochStateFile(file));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${escape(file)}:4:5: .*unique`));
  });

  it('reports a YAML syntax error with its position', () => {
    const file = write('state:\n  block: [1, 2\n  n: 3\n', 'yaml');
    const problems = problemsOf(() => readEpochStateFile(file));
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p).toMatch(new RegExp(`^${escape(file)}:\\d+:\\d+: \\S`));
  });

  it('reports a missing file in one line', () => {
    const file = join(temp.dir(), 'absent.json');
    expect(problemsOf(() => readEpochStateFile(file))).toEqual([`${file}: cannot read file: no such file`]);
  });

  it('reports per-uid vectors whose length differs from n', () => {
    const file = write(json({ state: { ...MINIMAL_STATE, alpha_stake: ['1', '2'], root_stake: ['0'], block_at_registration: ['1', '1', '1', '1'] } }));
    const problems = problemsOf(() => readEpochStateFile(file));
    expect(problems.map((p) => p.slice(file.length).replace(/^:\d+:\d+: /, ''))).toEqual([
      'state.alpha_stake: must have n = 3 entries, has 2',
      'state.root_stake: must have n = 3 entries, has 1',
      'state.block_at_registration: must have n = 3 entries, has 4',
    ]);
  });

  it('reports an owner uid out of range, bad hotkeys and an empty mechanism list', () => {
    const file = write(json({ state: { ...MINIMAL_STATE, owner_uid: 3, hotkeys: ['a'], mechanisms: [] } }));
    const problems = problemsOf(() => readEpochStateFile(file)).join('\n');
    expect(problems).toMatch(/state\.owner_uid: must be below n = 3/);
    expect(problems).toMatch(/state\.hotkeys: must have n = 3 entries/);
    expect(problems).toMatch(/state\.mechanisms: at least one mechanism/);
  });

  it('reports a mechanism count that does not match the state and a mechanism that does not exist', () => {
    const file = write(json({ hyperparameters: { mechanism_count_current: 2 }, state: MINIMAL_STATE, mechanism: 3 }));
    expect(problemsOf(() => readEpochStateFile(file))).toEqual([
      `${file}: state.mechanisms: has 1 entries but mechanism_count_current is 2`,
      `${file}: mechanism: 3 does not exist (the state has 1)`,
    ]);
    const ok = write(json({ state: MINIMAL_STATE }));
    expect(problemsOf(() => readEpochStateFile(ok, undefined, 1))).toEqual([`${ok}: mechanism: 1 does not exist (the state has 1)`]);
  });

  it('refuses integers above 2^53 written as JSON numbers and amounts above u64', () => {
    const file = write(`{"state": ${json({ ...MINIMAL_STATE, alpha_stake: ['1', '2', '18446744073709551616'] })}, "emission_rao": 9007199254740993}`);
    const problems = problemsOf(() => readEpochStateFile(file)).join('\n');
    expect(problems).toMatch(/state\.alpha_stake\.2: exceeds u64/);
    expect(problems).toMatch(/emission_rao: integers above 2\^53 must be written as strings/);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
