import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../src/sim/input/readStructuredFile.ts';
import { loadReplayFile } from '../../../../src/sim/scenario/replayFile.ts';

const DIR = join(resolve(import.meta.dirname, '../../../..'), 'test', 'fixtures', 'replay');

describe('loadReplayFile', () => {
  it('reads validators, miners, exact stakes and weight rows', () => {
    const r = loadReplayFile(join(DIR, 'two-validators.json'));
    expect([r.validators, r.miners, r.epochs.length]).toEqual([2, 3, 4]);
    expect(r.epochs[0]!.stakesRao).toEqual([800_000_000_000n, 200_000_000_000n, 0n, 0n, 0n]);
    expect(r.epochs[2]!.weights).toEqual([
      [0.2, 1, 0],
      [0, 0.2, 1],
    ]);
  });

  it('names file, line and key for rows of the wrong length', () => {
    const file = join(DIR, 'ragged.json');
    try {
      loadReplayFile(file);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).problems).toEqual([`${file}:1:62: epochs.0.weights.1: 1 weights; expected one per miner (2)`]);
    }
  });
});
