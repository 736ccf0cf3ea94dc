import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMetagraphFile } from '../../../../src/sim/input/metagraphFile.ts';
import { problemsOf, useTempFiles } from '../../../support/tempFiles.ts';

const SMALL = join(resolve(import.meta.dirname, '../../../..'), 'test', 'fixtures', 'metagraph', 'small.json');
const small = JSON.parse(readFileSync(SMALL, 'utf8')) as Record<string, unknown>;
const tmp = useTempFiles('metagraph');

/** A small hand-made export: 1 validator (UID 0) and 2 miners. */
function tiny(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    netuid: 3,
    block: 1000,
    uids: [0, 1, 2],
    hotkeys: ['5Hval', '5Hm1', '5Hm2'],
    coldkeys: ['5Cval', '5Cm', '5Cm'],
    S: [100, 1.5, 0],
    W: [
      [0, 0.75, 0.25],
      [0, 0, 0],
      [0, 0, 0],
    ],
    B: [
      [0, 1000, 500],
      [0, 0, 0],
      [0, 0, 0],
    ],
    last_update: [990, 500, 600],
    block_at_registration: [10, 500, 600],
    validator_permit: [true, false, false],
    ...over,
  };
}

/** One key per line, so problems have distinct lines. */
const write = (data: Record<string, unknown>): string => tmp.write(`{\n${Object.entries(data).filter(([, v]) => v !== undefined).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}\n`);

describe('loadMetagraphFile', () => {
  it('reads the fixture: keys, stakes to the rao, permits, owner and blocks as given', () => {
    const m = loadMetagraphFile(SMALL);
    expect([m.netuid, m.block, m.neurons.length, m.ownerUid]).toEqual([7, 4_200_000, 16, 0]);
    expect(m.neurons.filter((x) => x.validatorPermit).map((x) => m.neurons.indexOf(x))).toEqual([0, 4, 9, 13]);
    expect(m.neurons[4]!.alphaStakeRao).toBe(145_000_250_000_000n);
    // A float32 stake is rounded to the nearest rao: 6.083000183105469 TAO.
    expect(m.neurons[1]!.alphaStakeRao).toBe(6_083_000_183n);
    expect(m.neurons[0]!.hotkey).toBe((small.hotkeys as string[])[0]);
    expect(m.neurons[7]!.registrationBlock).toBe((small.block_at_registration as number[])[7]);
    expect(m.stakeKeys).toEqual(['S']);
    expect([m.weightsEncoding, m.bondsEncoding]).toEqual(['fraction', 'u16']);
    expect(m.otherKeys).toEqual(['incentive', 'hyperparameters', 'tao_in', 'alpha_in']);
  });

  it('stores weight rows as set_weights would: the SDK row-normalised W comes back as u16 rows with max 65535', () => {
    const m = loadMetagraphFile(SMALL);
    for (const uid of [0, 4, 9, 13]) {
      const row = m.neurons[uid]!.weights;
      expect(Math.max(...row.map(([, v]) => v))).toBe(65535);
      // Validators weight miners only; dense zeros are not stored.
      expect(row.every(([j, v]) => ![0, 4, 9, 13].includes(j) && v > 0)).toBe(true);
    }
    expect(m.neurons[1]!.weights).toEqual([]);
    // Bonds are kept as the u16 integers of B.
    const b = (small.B as number[][])[4]!;
    expect(m.neurons[4]!.bonds).toEqual(b.flatMap((v, j) => (v > 0 ? [[j, v]] : [])));
  });

  it('reads the dense W and the sparse [uid, value] form to the same stored rows, in u16 or fractions', () => {
    const dense = loadMetagraphFile(write(tiny()));
    const sparse = loadMetagraphFile(write(tiny({ W: [[[1, 0.75], [2, 0.25]], [], []], B: undefined, bonds: [[[1, 1000], [2, 500]], [], []] })));
    const u16 = loadMetagraphFile(write(tiny({ W: [[0, 65535, 21845], [0, 0, 0], [0, 0, 0]] })));
    expect(dense.neurons[0]!.weights).toEqual([
      [1, 65535],
      [2, 21845],
    ]);
    expect(sparse.neurons[0]!.weights).toEqual(dense.neurons[0]!.weights);
    expect(sparse.neurons[0]!.bonds).toEqual(dense.neurons[0]!.bonds);
    expect(u16.neurons[0]!.weights).toEqual(dense.neurons[0]!.weights);
    expect(dense.neurons[0]!.bonds).toEqual([
      [1, 1000],
      [2, 500],
    ]);
  });

  it('reads fraction bonds as value × 65535, and an explicit encoding over the automatic choice', () => {
    expect(loadMetagraphFile(write(tiny({ B: [[0, 0.5, 1], [0, 0, 0], [0, 0, 0]] }))).neurons[0]!.bonds).toEqual([
      [1, 32768],
      [2, 65535],
    ]);
    // All 0/1 integers would read as fractions; bonds_encoding says they are u16.
    expect(loadMetagraphFile(write(tiny({ B: [[0, 1, 0], [0, 0, 0], [0, 0, 0]], bonds_encoding: 'u16' }))).neurons[0]!.bonds).toEqual([[1, 1]]);
  });

  it('accepts empty matrices (a lite sync), 0/1 permits and the alpha / root split', () => {
    const m = loadMetagraphFile(write(tiny({ W: [], B: [], validator_permit: [1, 0, 0], S: undefined, alpha_stake: [90, '1.000000001', 0], tao_stake: [5000, 0, 0] })));
    expect(m.neurons.map((x) => x.weights.length + x.bonds.length)).toEqual([0, 0, 0]);
    expect(m.neurons[0]!.validatorPermit).toBe(true);
    expect(m.neurons.map((x) => x.alphaStakeRao)).toEqual([90_000_000_000n, 1_000_000_001n, 0n]);
    expect(m.neurons[0]!.rootStakeRao).toBe(5_000_000_000_000n);
    expect([m.weightsEncoding, m.stakeKeys]).toEqual([null, ['alpha_stake', 'tao_stake']]);
  });

  it('takes the owner from owner_hotkey, else the lowest UID of owner_coldkey, else UID 0', () => {
    expect(loadMetagraphFile(write(tiny({ owner_hotkey: '5Hm2' }))).ownerUid).toBe(2);
    const m = loadMetagraphFile(write(tiny({ owner_coldkey: '5Cm' })));
    expect([m.ownerUid, m.ownerColdkey]).toEqual([1, '5Cm']);
    expect(loadMetagraphFile(write(tiny())).ownerUid).toBe(0);
  });
});

describe('loadMetagraphFile problems (file:line:col: key.path: message, all of them)', () => {
  it('names a missing uids key', () => {
    const file = write(tiny({ uids: undefined }));
    expect(problemsOf(() => loadMetagraphFile(file))).toEqual([`${file}:1:1: uids: required key is missing`]);
  });

  it('names a per-UID list of the wrong length at its line', () => {
    const file = write(tiny({ hotkeys: ['5Hval', '5Hm1'] }));
    expect(problemsOf(() => loadMetagraphFile(file))).toEqual([`${file}:5:14: hotkeys: 2 entries; expected one per UID (3)`]);
  });

  it('names a weights row that is too long, and one entry of a sparse row out of range', () => {
    const file = write(tiny({ W: [[0, 0.5, 0.5, 0.1], [], [[7, 1]]] }));
    const line = 8;
    expect(problemsOf(() => loadMetagraphFile(file))).toEqual([
      `${file}:${line}:9: W.0: 4 entries; a dense row has one per UID (3)`,
      `${file}:${line}:29: W.2.0: expected a pair [uid, value] with a UID in [0, 2], got [7,1]`,
    ]);
  });

  it('lists every problem: a duplicate hotkey, a block after the snapshot, both S and stake, a non-u16 value', () => {
    const file = write(tiny({ hotkeys: ['5Hval', '5Hm1', '5Hm1'], last_update: [990, 1001, 600], stake: [1, 2, 3], B: [[0, 70000, 2], [0, 0, 0], [0, 0, 0]] }));
    const problems = problemsOf(() => loadMetagraphFile(file));
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/:5:30: hotkeys\.2: hotkey 5Hm1 already holds UID 1$/);
    expect(problems[1]).toMatch(/: stake: give the stake once: S or stake, not both$/);
    expect(problems[2]).toMatch(/:10:\d+: last_update\.1: block 1001 is after the snapshot's block 1000$/);
    expect(problems[3]).toMatch(/: B\.0\.1: expected a u16 integer \(0\.\.65535\): the bonds are read as u16, got 70000$/);
  });

  it('refuses values above 1 in a matrix of fractions, UIDs out of order and the root subnet', () => {
    const file = write(tiny({ netuid: 0, uids: [0, 2, 1], W: [[0, 1.5, 0.5], [0, 0, 0], [0, 0, 0]] }));
    const problems = problemsOf(() => loadMetagraphFile(file));
    expect(problems[0]).toMatch(/:2:\d+: netuid: the root subnet \(netuid 0\) has no neuron table to import$/);
    expect(problems[1]).toMatch(/:4:\d+: uids\.1: expected UID 1: uids must be 0, 1, …, n − 1 in order, got number 2$/);
    const withW = write(tiny({ W: [[0, 1.5, 0.5], [0, 0, 0], [0, 0, 0]] }));
    expect(problemsOf(() => loadMetagraphFile(withW))).toEqual([expect.stringMatching(/: W\.0\.1: expected a fraction in \[0, 1\] \(the weights hold non-integers, so they are read as fractions\), got 1\.5$/)]);
  });
});
