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
 * What one pass over the loaded rows learns for the later steps (filled by `loadStoredRows` when
 * given): each row's sum — exact, since the entries are u16 integers and a row sums to < 2^53 —
 * and whether every row's columns strictly increase, which lets the masks and the row
 * normalisation skip a pass over the entries.
 */
export interface StoredRowsSummary {
  /** Sum of row i's entries, for i < n (zero-filled by the caller). */
  readonly rowSum: Float64Array;
  /** Every row's columns strictly increase. */
  ascending: boolean;
}

/**
 * x is an integer in [0, 65535] (or −0). `x & 0xffff` truncates x to an int32 and keeps its low 16
 * bits, which gives x back exactly for those values and never for a fraction, a negative number,
 * a larger number, ±∞ or NaN — one integer operation instead of three comparisons and a floor.
 */
function isU16(x: number): boolean {
  return (x & 0xffff) === x;
}

function throwNotU16(k: number, x: number): never {
  throw new AssertionError(`stored u16 value out of range at entry ${k}: ${x}`);
}

/** Row offsets that start at 0, never decrease and end at the entry count (one column each). */
function hasWellFormedRows(m: SparseMatrix): boolean {
  const { rowStart, rowCount } = m;
  if (rowStart[0] !== 0 || rowStart[rowCount] !== m.val.length || m.col.length !== m.val.length) return false;
  for (let i = 0; i < rowCount; i++) if (rowStart[i + 1]! < rowStart[i]!) return false;
  return true;
}

const ROWS_ASCENDING = 1;
const COLUMN_BEYOND_N = 2;

/**
 * One pass per row over a matrix with n well-formed rows: validates the values (in entry order,
 * so the first bad entry is reported, as in the flat pass of `loadStoredRows`), writes each row's
 * sum and returns ROWS_ASCENDING | COLUMN_BEYOND_N flags. Kept small so V8 optimises it well.
 */
function validateAndSummarizeRows(m: SparseMatrix, n: number, rowSum: Float64Array): number {
  const { rowStart, col, val } = m;
  let fits = true;
  let ascending = true;
  for (let i = 0; i < n; i++) {
    const start = rowStart[i]!;
    const end = rowStart[i + 1]!;
    let previous = -1;
    let sum = 0;
    for (let k = start; k < end; k++) {
      const x = val[k]!;
      if (!isU16(x)) throwNotU16(k, x);
      const j = col[k]!;
      if (j >= n) fits = false;
      if (j <= previous) ascending = false;
      previous = j;
      sum += x;
    }
    rowSum[i] = sum;
  }
  return (ascending ? ROWS_ASCENDING : 0) | (fits ? 0 : COLUMN_BEYOND_N);
}

/** Fills `summary` from a matrix already known to have n rows and columns < n. */
function summarizeRows(m: SparseMatrix, summary: StoredRowsSummary): void {
  const { rowStart, col, val } = m;
  const rowSum = summary.rowSum;
  let ascending = true;
  for (let i = 0; i < m.rowCount; i++) {
    const end = rowStart[i + 1]!;
    let sum = 0;
    let previous = -1;
    for (let k = rowStart[i]!; k < end; k++) {
      const j = col[k]!;
      if (j <= previous) ascending = false;
      previous = j;
      sum += val[k]!;
    }
    rowSum[i] = sum;
  }
  summary.ascending = ascending;
}

/**
 * `get_weights_sparse` / `get_bonds_sparse`: n rows; rows ≥ n and entries with column ≥ n are
 * ignored; order and explicit zeros are kept. Returns the stored matrix itself when it already
 * has that shape (it is never written to). With `summary`, also fills it for the loaded rows.
 */
export function loadStoredRows(stored: SparseMatrix, n: number, mem: Arena, summary?: StoredRowsSummary): SparseMatrix {
  const { col, val } = stored;
  let fits = stored.rowCount === n;
  if (summary !== undefined && fits && hasWellFormedRows(stored)) {
    const flags = validateAndSummarizeRows(stored, n, summary.rowSum);
    summary.ascending = (flags & ROWS_ASCENDING) !== 0;
    if ((flags & COLUMN_BEYOND_N) === 0) return stored;
  } else {
    // One pass checks every value is a u16 integer (the stored type) and whether a column is ≥ n.
    for (let k = 0; k < val.length; k++) {
      const x = val[k]!;
      if (!isU16(x)) throwNotU16(k, x);
      if (col[k]! >= n) fits = false;
    }
    if (fits) {
      if (summary !== undefined) summarizeRows(stored, summary);
      return stored;
    }
  }
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
  const loaded = b.finish();
  if (summary !== undefined) summarizeRows(loaded, summary);
  return loaded;
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
    const summary: StoredRowsSummary = { rowSum: w.mem.f64(w.n), ascending: false };
    w.weightsStored = loadStoredRows(w.inputs.weights, w.n, w.mem, summary);
    w.weightsRowSum = summary.rowSum;
    w.weightsRowsAscending = summary.ascending;
    w.weightsKeep = null;
  },
};

export const weightsMaskPermitsStep: EpochStep = {
  name: 'weightsMaskPermits',
  description: 'rows of uids without a current permit become empty (missing entries = forbidden)',
  run(w: EpochWork): void {
    const { rowStart } = w.weightsStored;
    const permit = w.currentPermit;
    for (let i = 0; i < w.weightsStored.rowCount; i++) {
      if (permit[i] === true) continue;
      const end = rowStart[i + 1]!;
      for (let k = rowStart[i]!; k < end; k++) drop(w, k);
    }
  },
};

/** Index of column `column` in the ascending row [start, end), or −1. */
function findInAscendingRow(col: Int32Array, start: number, end: number, column: number): number {
  let lo = start;
  let hi = end - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = col[mid]!;
    if (c === column) return mid;
    if (c < column) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export const weightsMaskSelfStep: EpochStep = {
  name: 'weightsMaskSelf',
  description: 'drop self-weights (i, i), except the subnet owner’s',
  run(w: EpochWork): void {
    const { rowStart, col } = w.weightsStored;
    const owner = w.inputs.ownerUid;
    const rows = w.weightsStored.rowCount;
    if (w.weightsRowsAscending) {
      // Each row holds column i at most once, found by bisection (validators' rows usually
      // start past every validator uid and are skipped at once).
      for (let i = 0; i < rows; i++) {
        const start = rowStart[i]!;
        const end = rowStart[i + 1]!;
        if (i === owner || start === end || col[start]! > i || col[end - 1]! < i) continue;
        const k = findInAscendingRow(col, start, end, i);
        if (k >= 0) drop(w, k);
      }
      return;
    }
    for (let i = 0; i < rows; i++) {
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
    // The load step's row sums hold while every entry is kept.
    const rowSum = w.weightsKeep === null ? w.weightsRowSum : null;
    w.weights = rowNormalizeIntegerSparse(w, w.weightsStored, w.weightsKeep, rowSum);
  },
};
