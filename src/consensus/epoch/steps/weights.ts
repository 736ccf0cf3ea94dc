/**
 * The weights pipeline (spec/yuma.md §2.5; subtensor `epoch/run_epoch.rs::epoch_mechanism` and
 * `get_weights_sparse`, commit 14bc6f9f): load the stored u16 rows, apply the four masks in the
 * chain's order, then row-normalise. Until normalisation the values are the u16 integers.
 */
import { assert } from '../../../primitives/assert.ts';
import { rowNormalizeIntegerSparse } from '../math.ts';
import { SparseMatrixBuilder, type SparseMatrix } from '../sparseMatrix.ts';
import type { EpochStep, EpochWork, WeightCommit } from '../types.ts';

/** Keeps the entries for which `keep(row, column)` holds, preserving order. */
function filterEntries(m: SparseMatrix, keep: (row: number, column: number) => boolean): SparseMatrix {
  const b = new SparseMatrixBuilder(m.rowCount, m.val.length);
  for (let i = 0; i < m.rowCount; i++) {
    for (let k = m.rowStart[i]!; k < m.rowStart[i + 1]!; k++) {
      const j = m.col[k]!;
      if (keep(i, j)) b.push(j, m.val[k]!);
    }
    b.endRow();
  }
  return b.finish();
}

/**
 * `get_weights_sparse` / `get_bonds_sparse`: n rows; rows ≥ n and entries with column ≥ n are
 * ignored; order and explicit zeros are kept.
 */
export function loadStoredRows(stored: SparseMatrix, n: number): SparseMatrix {
  const b = new SparseMatrixBuilder(n, stored.val.length);
  for (let i = 0; i < n; i++) {
    if (i < stored.rowCount) {
      for (let k = stored.rowStart[i]!; k < stored.rowStart[i + 1]!; k++) {
        const j = stored.col[k]!;
        if (j < n) {
          const v = stored.val[k]!;
          assert(Number.isInteger(v) && v >= 0 && v <= 65535, `stored u16 value out of range at (${i}, ${j}): ${v}`);
          b.push(j, v);
        }
      }
    }
    b.endRow();
  }
  return b.finish();
}

/**
 * Per-uid commit-reveal mask block (spec/yuma.md §2.5.4): the minimum of the block of the first
 * non-expired hash commit and the blocks of all non-expired timelocked commits; `Infinity` when
 * the uid has none. A commit is expired when current_epoch > commit.epoch + reveal_period.
 */
export function commitRevealMaskBlocks(
  commits: readonly WeightCommit[],
  n: number,
  currentEpochIndex: number,
  revealPeriodEpochs: number,
): Float64Array {
  const out = new Float64Array(n).fill(Infinity);
  const firstHashSeen = new Uint8Array(n);
  for (const c of commits) {
    if (c.uid >= n) continue;
    if (currentEpochIndex > c.epoch + revealPeriodEpochs) continue;
    if (c.kind === 'hash') {
      if (firstHashSeen[c.uid]) continue;
      firstHashSeen[c.uid] = 1;
    }
    if (c.block < out[c.uid]!) out[c.uid] = c.block;
  }
  return out;
}

export const weightsLoadStep: EpochStep = {
  name: 'weightsLoad',
  description: 'W = stored weights rows (u16 integers), rows and columns < n',
  run(w: EpochWork): void {
    w.weights = loadStoredRows(w.inputs.weights, w.n);
  },
};

export const weightsMaskPermitsStep: EpochStep = {
  name: 'weightsMaskPermits',
  description: 'rows of uids without a current permit become empty (missing entries = forbidden)',
  run(w: EpochWork): void {
    w.weights = filterEntries(w.weights, (i) => w.currentPermit[i] === true);
  },
};

export const weightsMaskSelfStep: EpochStep = {
  name: 'weightsMaskSelf',
  description: 'drop self-weights (i, i), except the subnet owner’s',
  run(w: EpochWork): void {
    const owner = w.inputs.ownerUid;
    w.weights = filterEntries(w.weights, (i, j) => i !== j || i === owner);
  },
};

export const weightsMaskOutdatedStep: EpochStep = {
  name: 'weightsMaskOutdated',
  description: 'drop (i, j) when last_update[i] ≤ block_at_registration[j]',
  run(w: EpochWork): void {
    const { lastUpdate, blockAtRegistration } = w.inputs;
    w.weights = filterEntries(w.weights, (i, j) => !((lastUpdate[i] ?? 0) <= (blockAtRegistration[j] ?? 0)));
  },
};

export const weightsMaskCommitRevealStep: EpochStep = {
  name: 'weightsMaskCommitReveal',
  description: 'with commit-reveal on, drop (i, j) when i’s live commit predates j’s registration',
  run(w: EpochWork): void {
    const { inputs } = w;
    const h = inputs.hyperparameters;
    if (!h.commitRevealWeightsEnabled) return;
    const maskBlock = commitRevealMaskBlocks(inputs.commits, w.n, inputs.currentEpochIndex, h.revealPeriodEpochs);
    const bar = inputs.blockAtRegistration;
    w.weights = filterEntries(w.weights, (i, j) => !(maskBlock[i]! < (bar[j] ?? 0)));
  },
};

export const weightsRowNormalizeStep: EpochStep = {
  name: 'weightsRowNormalize',
  description: 'each row divided by its sum when the sum is > 0',
  run(w: EpochWork): void {
    w.weights = rowNormalizeIntegerSparse(w.ar, w.weights);
  },
};
