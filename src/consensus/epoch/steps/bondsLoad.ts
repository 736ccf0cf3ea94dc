/**
 * Reading stored bonds for the epoch (spec/yuma.md §2.10.1 / §2.11.1): rows and columns < n,
 * with the columns of uids registered since the last epoch dropped so a new occupant of a uid does
 * not inherit the previous occupant's bonds.
 */
import { SparseMatrixBuilder, type SparseMatrix } from '../sparseMatrix.ts';
import type { EpochInputs } from '../types.ts';
import { loadStoredRows } from './weights.ts';

/**
 * `last_tempo`: `current_block − tempo` (saturating) when `LastMechansimStepBlock` is 0, else
 * `LastMechansimStepBlock + 1`.
 */
export function lastTempoBlock(inputs: EpochInputs): number {
  if (inputs.lastMechanismStepBlock === 0) return Math.max(0, inputs.currentBlock - inputs.hyperparameters.tempoBlocks);
  return inputs.lastMechanismStepBlock + 1;
}

/**
 * `get_bonds_sparse` then `scalar_vec_mask_sparse_matrix(bonds, last_tempo, block_at_registration,
 * |a, b| a <= b)`; `read` converts each stored u16 (integer for original Yuma, proportion for
 * Yuma3).
 */
export function loadMaskedBonds(inputs: EpochInputs, n: number, read: (u16: number) => number): SparseMatrix {
  const stored = loadStoredRows(inputs.bonds, n);
  const lastTempo = lastTempoBlock(inputs);
  const bar = inputs.blockAtRegistration;
  const b = new SparseMatrixBuilder(n, stored.val.length);
  for (let i = 0; i < n; i++) {
    for (let k = stored.rowStart[i]!; k < stored.rowStart[i + 1]!; k++) {
      const j = stored.col[k]!;
      if (lastTempo <= (bar[j] ?? 0)) continue;
      b.push(j, read(stored.val[k]!));
    }
    b.endRow();
  }
  return b.finish();
}

/** Stored bond rows: `fixed_proportion_to_u16` of each entry for uids with a new permit, else empty. */
export function storeBondRows(
  toU16: (x: number) => number,
  bonds: SparseMatrix,
  newValidatorPermit: readonly boolean[],
): SparseMatrix {
  const b = new SparseMatrixBuilder(bonds.rowCount, bonds.val.length);
  for (let i = 0; i < bonds.rowCount; i++) {
    if (newValidatorPermit[i]) {
      for (let k = bonds.rowStart[i]!; k < bonds.rowStart[i + 1]!; k++) b.push(bonds.col[k]!, toU16(bonds.val[k]!));
    }
    b.endRow();
  }
  return b.finish();
}
