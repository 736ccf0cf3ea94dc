import { describe, expect, it } from 'vitest';
import { runEpochUpTo } from '../../../../../src/consensus/epoch/runEpoch.ts';
import { sparseFromRows, sparseToRows } from '../../../../../src/consensus/epoch/sparseMatrix.ts';
import { commitRevealMaskBlocks, loadStoredRows } from '../../../../../src/consensus/epoch/steps/weights.ts';
import type { WeightCommit } from '../../../../../src/consensus/epoch/types.ts';
import { Arena } from '../../../../../src/primitives/arena.ts';
import { AssertionError } from '../../../../../src/primitives/assert.ts';
import { ONE, makeInputs, rows } from '../fixture.ts';

const q = (x: number, s: number) => Number((BigInt(x) << 32n) / BigInt(s));

/** Validators 0 and 1, miners 2 and 3; each validator also weights itself. */
const WEIGHTS = {
  0: [[0, 100], [2, 300], [3, 100]],
  1: [[2, 50], [1, 25], [3, 50]],
} as const satisfies Record<number, readonly (readonly [number, number])[]>;

function keptRows(inputs: ReturnType<typeof makeInputs>, step: string): [number, number][][] {
  const w = runEpochUpTo(inputs, step);
  const out: [number, number][][] = [];
  const m = w.weightsStored;
  for (let i = 0; i < m.rowCount; i++) {
    const row: [number, number][] = [];
    for (let k = m.rowStart[i]!; k < m.rowStart[i + 1]!; k++) if (w.weightsKeep === null || w.weightsKeep[k] === 1) row.push([m.col[k]!, m.val[k]!]);
    out.push(row);
  }
  return out;
}

describe('loading stored weights', () => {
  it('keeps stored order and explicit zeros, dropping rows and columns ≥ n', () => {
    const stored = sparseFromRows([[[2, 5], [0, 0], [7, 9]], [], [[1, 3]], [[0, 1]]], 4);
    const loaded = loadStoredRows(stored, 3, new Arena());
    expect(sparseToRows(loaded)).toEqual([[[2, 5], [0, 0]], [], [[1, 3]]]);
  });

  it('returns the stored matrix itself when it already has the shape', () => {
    const stored = sparseFromRows([[[1, 5]], []]);
    expect(loadStoredRows(stored, 2, new Arena())).toBe(stored);
  });

  it('pads missing rows when the stored matrix has fewer rows than n', () => {
    const stored = sparseFromRows([[[1, 5]]]);
    expect(sparseToRows(loadStoredRows(stored, 3, new Arena()))).toEqual([[[1, 5]], [], []]);
  });

  it('refuses stored values that are not u16 integers', () => {
    expect(() => loadStoredRows(sparseFromRows([[[0, 65536]]]), 1, new Arena())).toThrow(AssertionError);
    expect(() => loadStoredRows(sparseFromRows([[[0, 1.5]]]), 1, new Arena())).toThrow(AssertionError);
    expect(() => loadStoredRows(sparseFromRows([[[0, -1]]]), 1, new Arena())).toThrow(AssertionError);
  });

  it('starts the pipeline with every entry kept', () => {
    const w = runEpochUpTo(makeInputs({ n: 4, weights: WEIGHTS }), 'weightsLoad');
    // No keep flags yet: they are only allocated when a mask drops an entry.
    expect(w.weightsKeep).toBeNull();
    expect(w.weightsStored.val.length).toBe(6);
    expect(rows(w.weightsStored)[1]).toEqual([[2, 50], [1, 25], [3, 50]]);
  });
});

describe('weight masks, each on its own', () => {
  it('empties the rows of uids without a current permit', () => {
    const inputs = makeInputs({ n: 4, weights: WEIGHTS, permit: [true, false, true, true] });
    expect(keptRows(inputs, 'weightsMaskPermits')).toEqual([[[0, 100], [2, 300], [3, 100]], [], [], []]);
  });

  it('empties every row when the stored permit vector is empty', () => {
    const inputs = makeInputs({ n: 4, weights: WEIGHTS, permit: [] });
    expect(keptRows(inputs, 'weightsMaskPermits')).toEqual([[], [], [], []]);
  });

  it('drops self-weights except the subnet owner’s', () => {
    const inputs = makeInputs({ n: 4, weights: WEIGHTS });
    expect(keptRows(inputs, 'weightsMaskSelf')).toEqual([[[2, 300], [3, 100]], [[2, 50], [3, 50]], [], []]);
    const owned = makeInputs({ n: 4, weights: WEIGHTS, owner: 0 });
    expect(keptRows(owned, 'weightsMaskSelf')).toEqual([[[0, 100], [2, 300], [3, 100]], [[2, 50], [3, 50]], [], []]);
  });

  it('drops weights set at or before the target’s registration block', () => {
    const weights = { 0: [[2, 300], [3, 100]], 1: [[2, 50], [3, 50]] } as const;
    // uid 0 updated at 500, uid 1 at 400; miner 2 registered at 400, miner 3 at 500.
    const inputs = makeInputs({ n: 4, weights, lastUpdate: [500, 400, 1, 1], blockAtRegistration: [1, 1, 400, 500], block: 600 });
    expect(keptRows(inputs, 'weightsMaskOutdated')).toEqual([[[2, 300]], [], [], []]);
  });

  it('treats a missing last_update entry as 0, masking every weight of that uid', () => {
    const inputs = makeInputs({ n: 4, weights: { 1: [[2, 50]] }, lastUpdate: [999], blockAtRegistration: [0, 0, 0, 0] });
    expect(keptRows(inputs, 'weightsMaskOutdated')).toEqual([[], [], [], []]);
  });

  it('drops weights to uids registered after the validator’s live commit when commit-reveal is on', () => {
    const weights = { 0: [[2, 300], [3, 100]], 1: [[2, 50], [3, 50]] } as const;
    const commits: WeightCommit[] = [{ uid: 0, block: 450, epoch: 3, kind: 'hash' }];
    const base = { n: 4, weights, blockAtRegistration: [1, 1, 400, 500], block: 1000, commits, currentEpochIndex: 4 };
    const on = makeInputs({ ...base, hp: { commitRevealWeightsEnabled: true, revealPeriodEpochs: 1 } });
    expect(keptRows(on, 'weightsMaskCommitReveal')).toEqual([[[2, 300]], [[2, 50], [3, 50]], [], []]);
    const off = makeInputs({ ...base, hp: { commitRevealWeightsEnabled: false } });
    expect(keptRows(off, 'weightsMaskCommitReveal')).toEqual([[[2, 300], [3, 100]], [[2, 50], [3, 50]], [], []]);
    // Epoch 5 > 3 + 1: the commit has expired and masks nothing.
    const expired = makeInputs({ ...base, currentEpochIndex: 5, hp: { commitRevealWeightsEnabled: true, revealPeriodEpochs: 1 } });
    expect(keptRows(expired, 'weightsMaskCommitReveal')).toEqual([[[2, 300], [3, 100]], [[2, 50], [3, 50]], [], []]);
  });

  it('keeps a weight to a uid registered exactly at the commit block', () => {
    const commits: WeightCommit[] = [{ uid: 0, block: 500, epoch: 0, kind: 'timelocked' }];
    const inputs = makeInputs({
      n: 4,
      weights: { 0: [[2, 1], [3, 1]] },
      blockAtRegistration: [1, 1, 500, 501],
      commits,
      hp: { commitRevealWeightsEnabled: true, revealPeriodEpochs: 1 },
    });
    expect(keptRows(inputs, 'weightsMaskCommitReveal')).toEqual([[[2, 1]], [], [], []]);
  });
});

describe('commitRevealMaskBlocks', () => {
  const blocks = (commits: WeightCommit[], n = 2, epoch = 1, reveal = 1) => Array.from(commitRevealMaskBlocks(commits, n, epoch, reveal, new Arena()));

  it('is unbounded for uids without commits', () => {
    expect(blocks([])).toEqual([Infinity, Infinity]);
  });

  it('uses only the first non-expired hash commit, even when a later one is earlier', () => {
    const commits: WeightCommit[] = [
      { uid: 0, block: 100, epoch: 1, kind: 'hash' },
      { uid: 0, block: 50, epoch: 1, kind: 'hash' },
    ];
    expect(blocks(commits)).toEqual([100, Infinity]);
  });

  it('skips expired hash commits when looking for the first one', () => {
    const commits: WeightCommit[] = [
      { uid: 0, block: 10, epoch: 0, kind: 'hash' },
      { uid: 0, block: 200, epoch: 5, kind: 'hash' },
      { uid: 0, block: 150, epoch: 5, kind: 'hash' },
    ];
    // Epoch 2 > 0 + 1 expires the first; the second is then the first live one.
    expect(blocks(commits, 2, 2, 1)).toEqual([200, Infinity]);
  });

  it('takes the minimum over all live timelocked commits and the first hash commit', () => {
    const commits: WeightCommit[] = [
      { uid: 1, block: 300, epoch: 1, kind: 'timelocked' },
      { uid: 1, block: 100, epoch: 1, kind: 'hash' },
      { uid: 1, block: 80, epoch: 1, kind: 'timelocked' },
      { uid: 1, block: 60, epoch: 1, kind: 'hash' },
    ];
    expect(blocks(commits)).toEqual([Infinity, 80]);
  });

  it('keeps a commit alive while the epoch is at most commit epoch + reveal period', () => {
    const commit: WeightCommit[] = [{ uid: 0, block: 7, epoch: 3, kind: 'timelocked' }];
    expect(blocks(commit, 1, 5, 2)).toEqual([7]);
    expect(blocks(commit, 1, 6, 2)).toEqual([Infinity]);
  });

  it('ignores commits of uids ≥ n', () => {
    expect(blocks([{ uid: 5, block: 1, epoch: 1, kind: 'hash' }])).toEqual([Infinity, Infinity]);
  });
});

describe('row normalisation of the masked weights', () => {
  it('divides each row’s kept entries by their sum, keeping stored order', () => {
    const w = runEpochUpTo(makeInputs({ n: 4, weights: WEIGHTS }), 'weightsRowNormalize');
    expect(rows(w.weights)).toEqual([[[2, q(300, 400)], [3, q(100, 400)]], [[2, ONE / 2], [3, ONE / 2]], [], []]);
  });

  it('keeps explicit zeros of a row whose kept entries sum to zero', () => {
    const w = runEpochUpTo(makeInputs({ n: 3, weights: { 0: [[1, 0], [2, 0]] } }), 'weightsRowNormalize');
    expect(rows(w.weights)).toEqual([[[1, 0], [2, 0]], [], []]);
  });

  it('produces fractions in float mode', () => {
    const w = runEpochUpTo(makeInputs({ n: 4, weights: WEIGHTS }), 'weightsRowNormalize', { mode: 'float' });
    expect(rows(w.weights)).toEqual([[[2, 0.75], [3, 0.25]], [[2, 0.5], [3, 0.5]], [], []]);
  });
});
