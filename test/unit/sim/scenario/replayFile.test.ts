import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

  const tmp = mkdtempSync(join(tmpdir(), 'yumalab-replay-'));
  let n = 0;
  /** Writes `text` to a fresh file; returns its path. */
  function fileWith(text: string): string {
    const file = join(tmp, `case${n++}.json`);
    writeFileSync(file, text);
    return file;
  }
  function problemsOf(file: string): readonly string[] {
    try {
      loadReplayFile(file);
    } catch (e) {
      if (e instanceof InputError) return e.problems;
      throw e;
    }
    throw new Error('expected an InputError');
  }
  /** 1-based column of the first occurrence of `needle` in a one-line file. */
  const col = (text: string, needle: string): number => text.indexOf(needle) + 1;

  it('reads decimal strings exactly to the rao and infers V and M from the first epoch', () => {
    const r = loadReplayFile(fileWith('{"epochs": [{"stakes_tao": ["0.000000001", "1.5", 2], "weights": [[0.5, 0]]}]}'));
    expect([r.validators, r.miners]).toEqual([1, 2]);
    expect(r.epochs[0]!.stakesRao).toEqual([1n, 1_500_000_000n, 2_000_000_000n]);
  });

  it('refuses a negative stake at its position', () => {
    const text = '{"epochs": [{"stakes_tao": [1, -2, 0], "weights": [[1, 2]]}]}';
    const file = fileWith(text);
    const problems = problemsOf(file);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${escape(file)}:1:${col(text, '-2')}: epochs\\.0\\.stakes_tao\\.1: .*negative`));
  });

  it('refuses a stake finer than one rao instead of rounding it', () => {
    const text = '{"epochs": [{"stakes_tao": [1, 0.0000000001, 0], "weights": [[1, 2]]}]}';
    const file = fileWith(text);
    const problems = problemsOf(file);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.startsWith(`${file}:1:${col(text, '0.0000000001')}: epochs.0.stakes_tao.1: `)).toBe(true);
  });

  it('requires the same number of validators and miners in every epoch', () => {
    const text = '{"epochs": [{"stakes_tao": [1, 0, 0], "weights": [[1, 2]]}, {"stakes_tao": [1, 0, 0], "weights": [[1, 2], [3, 4]]}]}';
    const file = fileWith(text);
    expect(problemsOf(file)).toEqual([`${file}:1:${col(text, '[[1, 2], [3, 4]]')}: epochs.1.weights: 2 validator rows; epoch 0 has 1`]);
  });

  it('requires stakes for V + M UIDs', () => {
    const text = '{"epochs": [{"stakes_tao": [1, 0, 0], "weights": [[1, 2]]}, {"stakes_tao": [1, 0], "weights": [[1, 2]]}]}';
    const file = fileWith(text);
    expect(problemsOf(file)).toEqual([`${file}:1:${col(text, '[1, 0]')}: epochs.1.stakes_tao: 2 stakes; expected 3 (V + M)`]);
  });

  it('needs at least one miner column', () => {
    const text = '{"epochs": [{"stakes_tao": [1, 1], "weights": [[], []]}]}';
    const file = fileWith(text);
    expect(problemsOf(file)).toEqual([`${file}:1:${col(text, '[1, 1]')}: epochs.0.stakes_tao: 2 stakes for 2 validator rows leave no miner`]);
  });

  it('rejects unknown keys and negative weights', () => {
    const text = '{"epochs": [{"stakes_tao": [1, 0, 0], "weights": [[1, -1]]}], "extra": 1}';
    const file = fileWith(text);
    const problems = problemsOf(file);
    expect(problems).toContain(`${file}:1:${col(text, '"extra"')}: extra: unknown key 'extra'`);
    expect(problems).toContain(`${file}:1:${col(text, '-1')}: epochs.0.weights.0.1: weights must not be negative`);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
