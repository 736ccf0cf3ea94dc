/**
 * Reading stored bonds for the epoch (spec/yuma.md §2.10.1 / §2.11.1): rows and columns < n,
 * with the columns of uids registered since the last epoch dropped so a new occupant of a uid does
 * not inherit the previous occupant's bonds.
 */
import { i32f32ProportionToU16, u16ProportionToI32F32 } from '../../../primitives/fixedNumber.ts';
import { floatProportionToU16 } from '../floatArithmetic.ts';
import type { MathContext } from '../math.ts';
import type { SparseMatrix } from '../sparseMatrix.ts';
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
 * |a, b| a <= b)`. Stored u16 values are read as integers for original Yuma (`I32F32::from_num`)
 * or as proportions u/65535 for Yuma3 (`fixed_proportion_from_u16`).
 */
export function loadMaskedBonds(cx: MathContext, inputs: EpochInputs, n: number, read: 'integer' | 'proportion'): SparseMatrix {
  const stored = loadStoredRows(inputs.bonds, n, cx.mem);
  const lastTempo = lastTempoBlock(inputs);
  const bar = inputs.blockAtRegistration;
  const masked = cx.mem.u8(n);
  for (let j = 0; j < n; j++) if (lastTempo <= bar[j]!) masked[j] = 1;
  const { rowStart, col, val } = stored;
  const outStart = cx.mem.i32(n + 1);
  const outCol = cx.mem.i32(val.length);
  const outVal = cx.mem.f64(val.length);
  const chain = cx.ar.mode === 'chain';
  const proportion = read === 'proportion';
  let p = 0;
  for (let i = 0; i < n; i++) {
    for (let k = rowStart[i]!, end = rowStart[i + 1]!; k < end; k++) {
      const j = col[k]!;
      if (masked[j] === 1) continue;
      const u = val[k]!;
      outCol[p] = j;
      outVal[p++] = !proportion ? u : chain ? u16ProportionToI32F32(u) : u / 65535;
    }
    outStart[i + 1] = p;
  }
  return { rowCount: n, rowStart: outStart, col: outCol.subarray(0, p), val: outVal.subarray(0, p) };
}

/** Stored bond rows: `fixed_proportion_to_u16` of each entry for uids with a new permit, else empty. */
export function storeBondRows(cx: MathContext, bonds: SparseMatrix, newValidatorPermit: readonly boolean[]): SparseMatrix {
  const { rowStart, col, val } = bonds;
  const outStart = cx.mem.i32(bonds.rowCount + 1);
  const outCol = cx.mem.i32(val.length);
  const outVal = cx.mem.f64(val.length);
  const chain = cx.ar.mode === 'chain';
  let p = 0;
  for (let i = 0; i < bonds.rowCount; i++) {
    if (newValidatorPermit[i]) {
      for (let k = rowStart[i]!, end = rowStart[i + 1]!; k < end; k++) {
        const x = val[k]!;
        outCol[p] = col[k]!;
        outVal[p++] = chain ? i32f32ProportionToU16(x) : floatProportionToU16(x);
      }
    }
    outStart[i + 1] = p;
  }
  return { rowCount: bonds.rowCount, rowStart: outStart, col: outCol.subarray(0, p), val: outVal.subarray(0, p) };
}
