/**
 * The weights pipeline (spec/yuma.md §2.5; subtensor `epoch/run_epoch.rs::epoch_mechanism` and
 * `get_weights_sparse`, commit 14bc6f9f): load the stored u16 rows, apply the four masks in the
 * chain's order, then row-normalise. Until normalisation the values are the u16 integers.
 */
import type { Arena } from '../../../primitives/arena.ts';
import { AssertionError } from '../../../primitives/assert.ts';
import { rowNormalizeIntegerSparse } from '../math.ts';
import { SparseMatrixBuilder, type SparseMatrix } from '../sparseMatrix.ts';
import type { EpochStep, EpochWork, WeightCommit } from '../types.ts';

/**
 * `get_weights_sparse` / `get_bonds_sparse`: n rows; rows ≥ n and entries with column ≥ n are
 * ignored; order and explicit zeros are kept. Returns the stored matrix itself when it already
 * has that shape (it is never written to).
 */
export function loadStoredRows(stored: SparseMatrix, n: number, mem: Arena): SparseMatrix {
  const { col, val } = stored;
  let fits = stored.rowCount === n;
  // One pass checks every value is a u16 integer (the stored type) and whether a column is ≥ n.
  for (let k = 0; k < val.length; k++) {
    const x = val[k]!;
    if (!(x >= 0 && x <= 65535 && Math.floor(x) === x)) throw new AssertionError(`stored u16 value out of range at entry ${k}: ${x}`);
    if (col[k]! >= n) fits = false;
  }
  if (fits) return stored;
  const b = new SparseMatrixBuilder(n, val.length, mem);
  for (let i = 0; i < n; i++) {
    if (i < stored.rowCount) {
      for (let k = stored.rowStart[i]!; k < stored.rowStart[i + 1]!; k++) {
        const j = col[k]!;
        if (j < n) b.push(j, val[k]!);
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
  mem: Arena,
): Float64Array {
  const out = mem.f64(n).fill(Infinity);
  const firstHashSeen = mem.u8(n);
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

/*
 * The mask steps clear per-entry keep flags instead of copying the matrix; `weightsRowNormalize`
 * builds the masked, normalised matrix once. The flags are only allocated when a mask first
 * drops an entry (`weightsKeep` stays null while every entry is kept), which on a working subnet
 * is the rule: validators seldom weight themselves or miners registered after their last update.
 */

/** Clears the keep flag of entry k, allocating the flags on the first drop. */
function drop(w: EpochWork, k: number): void {
  if (w.weightsKeep === null) w.weightsKeep = w.mem.u8(w.weightsStored.val.length).fill(1);
  w.weightsKeep[k] = 0;
}

export const weightsLoadStep: EpochStep = {
  name: 'weightsLoad',
  description: 'W = stored weights rows (u16 integers), rows and columns < n; every entry kept',
  run(w: EpochWork): void {
    w.weightsStored = loadStoredRows(w.inputs.weights, w.n, w.mem);
    w.weightsKeep = null;
  },
};

export const weightsMaskPermitsStep: EpochStep = {
  name: 'weightsMaskPermits',
  description: 'rows of uids without a current permit become empty (missing entries = forbidden)',
  run(w: EpochWork): void {
    const { rowStart } = w.weightsStored;
    for (let i = 0; i < w.weightsStored.rowCount; i++) {
      if (w.currentPermit[i] === true) continue;
      for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) drop(w, k);
    }
  },
};

export const weightsMaskSelfStep: EpochStep = {
  name: 'weightsMaskSelf',
  description: 'drop self-weights (i, i), except the subnet owner’s',
  run(w: EpochWork): void {
    const { rowStart, col } = w.weightsStored;
    const owner = w.inputs.ownerUid;
    for (let i = 0; i < w.weightsStored.rowCount; i++) {
      if (i === owner) continue;
      const end = rowStart[i + 1]!;
      for (let k = rowStart[i]!; k < end; k++) if (col[k] === i) drop(w, k);
    }
  },
};

export const weightsMaskOutdatedStep: EpochStep = {
  name: 'weightsMaskOutdated',
  description: 'drop (i, j) when last_update[i] ≤ block_at_registration[j]',
  run(w: EpochWork): void {
    const { rowStart, col } = w.weightsStored;
    const { lastUpdate, blockAtRegistration } = w.inputs;
    // A row updated after every registration cannot lose an entry; most rows are.
    let latestRegistration = 0;
    for (let j = 0; j < w.n; j++) if (blockAtRegistration[j]! > latestRegistration) latestRegistration = blockAtRegistration[j]!;
    for (let i = 0; i < w.weightsStored.rowCount; i++) {
      const updated = lastUpdate[i] ?? 0;
      if (updated > latestRegistration) continue;
      const end = rowStart[i + 1]!;
      for (let k = rowStart[i]!; k < end; k++) if (updated <= blockAtRegistration[col[k]!]!) drop(w, k);
    }
  },
};

export const weightsMaskCommitRevealStep: EpochStep = {
  name: 'weightsMaskCommitReveal',
  description: 'with commit-reveal on, drop (i, j) when i’s live commit predates j’s registration',
  run(w: EpochWork): void {
    const { inputs } = w;
    const h = inputs.hyperparameters;
    if (!h.commitRevealWeightsEnabled || inputs.commits.length === 0) return;
    const maskBlock = commitRevealMaskBlocks(inputs.commits, w.n, inputs.currentEpochIndex, h.revealPeriodEpochs, w.mem);
    const bar = inputs.blockAtRegistration;
    const { rowStart, col } = w.weightsStored;
    for (let i = 0; i < w.weightsStored.rowCount; i++) {
      const cb = maskBlock[i]!;
      if (cb === Infinity) continue;
      for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) if (cb < bar[col[k]!]!) drop(w, k);
    }
  },
};

export const weightsRowNormalizeStep: EpochStep = {
  name: 'weightsRowNormalize',
  description: 'W = kept entries, each row divided by its sum when the sum is > 0',
  run(w: EpochWork): void {
    w.weights = rowNormalizeIntegerSparse(w, w.weightsStored, w.weightsKeep);
  },
};
