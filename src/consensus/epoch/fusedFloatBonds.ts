/**
 * Bonds, dividends and stored bonds of the fused float epoch (fusedFloatEpoch.ts): the `yuma2`
 * steps of steps/bondsYuma2.ts and the `yuma3` steps of steps/bondsYuma3.ts with their matrix
 * passes merged — each column normalisation's sums are taken in the pass that produces the
 * entries, and the normalised values are used where they are next read. Every operation and every
 * sum's order is the pipeline's (see fusedFloatEpoch.ts for why that makes them bit-identical).
 * Rows are known to be strictly ascending here, so every row union is the pipeline's merge.
 */
import type { Arena } from '../../primitives/arena.ts';
import { floatArithmetic, floatProportionToU16 } from './floatArithmetic.ts';
import type { SparseMatrix } from './sparseMatrix.ts';
import type { EpochInputs } from './types.ts';

/** What the bond steps leave for the emission step and the output. */
export interface FusedFloatBonds {
  /** Per-validator dividends before `normalize` (the caller normalises them in place). */
  readonly dividends: Float64Array;
  /** Their sum, in uid order. */
  readonly dividendSum: number;
  readonly bondsDelta: SparseMatrix | null;
  readonly emaBonds: SparseMatrix;
  readonly bondsU16: SparseMatrix;
}

/**
 * A stored u16 (weights.ts `isU16`: `x & 0xffff` gives back exactly the integers 0..65535), but
 * not −0, whose sign the pipeline keeps on some paths and loses on others.
 */
export function isPlainU16(x: number): boolean {
  return (x & 0xffff) === x && !(x === 0 && 1 / x < 0);
}

/** n rows whose offsets start at 0 and end at the entry count, one column per value. */
export function hasRowFrame(m: SparseMatrix, n: number): boolean {
  return m.rowCount === n && m.rowStart.length > n && m.rowStart[0] === 0 && m.rowStart[n] === m.val.length && m.col.length === m.val.length;
}

/**
 * `loadMaskedBonds`: the stored rows without the masked columns, values as stored (`integer`) or
 * as u16 proportions. Also adds each kept integer to `colSum` (original Yuma's column sums; exact).
 * Null when a row breaks the shape the fused path handles.
 */
function loadBonds(inputs: EpochInputs, mem: Arena, masked: Uint8Array, proportion: boolean, colSum: Float64Array | null): SparseMatrix | null {
  const n = inputs.n;
  const { rowStart, col, val } = inputs.bonds;
  const outStart = mem.i32(n + 1);
  const outCol = mem.i32(val.length);
  const outVal = mem.f64(val.length);
  let p = 0;
  for (let i = 0; i < n; i++) {
    const start = rowStart[i]!;
    const end = rowStart[i + 1]!;
    if (end < start) return null;
    let previous = -1;
    for (let k = start; k < end; k++) {
      const u = val[k]!;
      if (!isPlainU16(u)) return null;
      const j = col[k]!;
      if (j <= previous || j >= n) return null;
      previous = j;
      if (masked[j] === 1) continue;
      outCol[p] = j;
      outVal[p++] = proportion ? u / 65535 : u;
      if (colSum !== null) colSum[j]! += u;
    }
    outStart[i + 1] = p;
  }
  return { rowCount: n, rowStart: outStart, col: outCol.subarray(0, p), val: outVal.subarray(0, p) };
}

/** `colNormalizeSparse`'s float factor for a column sum: 1 / sum, or 1 for a zero sum. */
function reciprocal(colSum: number): number {
  return colSum === 0 ? 1 : 1 / colSum;
}

function reciprocalsInPlace(colSum: Float64Array): void {
  for (let j = 0; j < colSum.length; j++) colSum[j] = reciprocal(colSum[j]!);
}

/**
 * `matEmaSparse` (merge branch) of `next` (values `nextVal[k] · nextScale[col]`, or `nextVal[k]`
 * when `nextScale` is null) and `old` (likewise): alpha·new + (1 − alpha)·old, kept where > 0.
 * Writes each scaled `next` value back into `nextOut` (null: not wanted) and adds each kept value
 * to `emaColSum`.
 */
function emaMerge(
  mem: Arena,
  next: SparseMatrix,
  nextVal: Float64Array,
  nextScale: Float64Array | null,
  nextOut: Float64Array | null,
  old: SparseMatrix,
  oldScale: Float64Array | null,
  alpha: number,
  emaColSum: Float64Array,
): SparseMatrix {
  const rows = next.rowCount;
  const oneMinusAlpha = 1 - alpha;
  const capacity = next.val.length + old.val.length;
  const outStart = mem.i32(rows + 1);
  const outCol = mem.i32(capacity);
  const outVal = mem.f64(capacity);
  const { rowStart: nStart, col: nCol } = next;
  const { rowStart: oStart, col: oCol, val: oVal } = old;
  let p = 0;
  for (let i = 0; i < rows; i++) {
    let a = nStart[i]!;
    const a1 = nStart[i + 1]!;
    let b = oStart[i]!;
    const b1 = oStart[i + 1]!;
    while (a < a1 || b < b1) {
      let j: number;
      let x = 0;
      let y = 0;
      if (b === b1 || (a < a1 && nCol[a]! < oCol[b]!)) {
        j = nCol[a]!;
        x = nextScale === null ? nextVal[a]! : nextVal[a]! * nextScale[j]!;
        if (nextOut !== null) nextOut[a] = x;
        a++;
      } else if (a === a1 || oCol[b]! < nCol[a]!) {
        j = oCol[b]!;
        y = oldScale === null ? oVal[b]! : oVal[b]! * oldScale[j]!;
        b++;
      } else {
        j = nCol[a]!;
        x = nextScale === null ? nextVal[a]! : nextVal[a]! * nextScale[j]!;
        if (nextOut !== null) nextOut[a] = x;
        a++;
        y = oldScale === null ? oVal[b]! : oVal[b]! * oldScale[j]!;
        b++;
      }
      const v = alpha * x + oneMinusAlpha * y;
      if (v > 0) {
        outCol[p] = j;
        outVal[p++] = v;
        emaColSum[j]! += v;
      }
    }
    outStart[i + 1] = p;
  }
  return { rowCount: rows, rowStart: outStart, col: outCol.subarray(0, p), val: outVal.subarray(0, p) };
}

/** An empty stored-bonds frame of n rows with room for `capacity` entries. */
function storeFrame(mem: Arena, n: number, capacity: number): { start: Int32Array; col: Int32Array; val: Float64Array } {
  return { start: mem.i32(n + 1), col: mem.i32(capacity), val: mem.f64(capacity) };
}

/**
 * Original Yuma (steps/bondsYuma2.ts): B column-normalised, ΔB = column-normalize(W̃ ∘ A),
 * EMA column-normalised, D = EMA · I, stored bonds = u16(column-max-upscale(EMA)) for new permits.
 */
export function fusedFloatBondsYuma2(
  inputs: EpochInputs,
  mem: Arena,
  weightsForBonds: SparseMatrix,
  activeStake: Float64Array,
  incentive: Float64Array,
  bondColumnMasked: Uint8Array,
  newValidatorPermit: readonly boolean[],
): FusedFloatBonds | null {
  const n = inputs.n;
  const bondScale = mem.f64(n);
  const bonds = loadBonds(inputs, mem, bondColumnMasked, false, bondScale);
  if (bonds === null) return null;

  // W̃ ∘ A (row_hadamard_sparse) and its column sums, in entry order.
  const { rowStart: fStart, col: fCol, val: fVal } = weightsForBonds;
  const deltaVal = mem.f64(fVal.length);
  const deltaScale = mem.f64(n);
  for (let i = 0; i < n; i++) {
    const a = activeStake[i]!;
    for (let k = fStart[i]!, end = fStart[i + 1]!; k < end; k++) {
      const x = fVal[k]! * a;
      deltaVal[k] = x;
      deltaScale[fCol[k]!]! += x;
    }
  }
  for (let j = 0; j < n; j++) {
    bondScale[j] = reciprocal(bondScale[j]!);
    deltaScale[j] = reciprocal(deltaScale[j]!);
  }

  const alpha = floatArithmetic.bondsEmaCoefficient(inputs.hyperparameters.bondsMovingAveragePpm);
  const emaScale = mem.f64(n);
  // The merge normalises ΔB as it reads it, writing the normalised values over the products.
  const ema = emaMerge(mem, weightsForBonds, deltaVal, deltaScale, deltaVal, bonds, bondScale, alpha, emaScale);
  const bondsDelta: SparseMatrix = { rowCount: weightsForBonds.rowCount, rowStart: fStart, col: fCol, val: deltaVal };
  reciprocalsInPlace(emaScale);

  // Normalised EMA, the dividends EMA · I, and the column maxima for the stored bonds.
  const { rowStart: eStart, col: eCol, val: eVal } = ema;
  const dividends = mem.f64(n);
  const colMax = mem.f64(n);
  let dividendSum = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = eStart[i]!, end = eStart[i + 1]!; k < end; k++) {
      const j = eCol[k]!;
      const v = eVal[k]! * emaScale[j]!;
      eVal[k] = v;
      s += incentive[j]! * v;
      if (colMax[j]! < v) colMax[j] = v;
    }
    dividends[i] = s;
    dividendSum += s;
  }

  const store = storeFrame(mem, n, eVal.length);
  let p = 0;
  for (let i = 0; i < n; i++) {
    if (newValidatorPermit[i]) {
      for (let k = eStart[i]!, end = eStart[i + 1]!; k < end; k++) {
        const j = eCol[k]!;
        const mx = colMax[j]!;
        const v = eVal[k]!;
        store.col[p] = j;
        store.val[p++] = floatProportionToU16(mx === 0 ? v : v / mx);
      }
    }
    store.start[i + 1] = p;
  }
  const bondsU16: SparseMatrix = { rowCount: n, rowStart: store.start, col: store.col.subarray(0, p), val: store.val.subarray(0, p) };
  return { dividends, dividendSum, bondsDelta, emaBonds: ema, bondsU16 };
}

/**
 * Yuma3 (steps/bondsYuma3.ts): B = stored proportions, B' = liquid-alpha EMA of W̃ (when enabled
 * and consensus is not all zero) or the constant-alpha EMA, D = A ∘ (column-normalize(B') · I),
 * stored bonds = u16(B') for new permits.
 */
export function fusedFloatBondsYuma3(
  inputs: EpochInputs,
  mem: Arena,
  weightsForBonds: SparseMatrix,
  activeStake: Float64Array,
  incentive: Float64Array,
  consensus: Float64Array,
  anyConsensus: boolean,
  bondColumnMasked: Uint8Array,
  newValidatorPermit: readonly boolean[],
): FusedFloatBonds | null {
  const n = inputs.n;
  const h = inputs.hyperparameters;
  const bonds = loadBonds(inputs, mem, bondColumnMasked, true, null);
  if (bonds === null) return null;
  const emaScale = mem.f64(n);
  const ema =
    h.liquidAlphaOn && n > 0 && anyConsensus
      ? liquidAlphaEma(mem, weightsForBonds, bonds, consensus, h.alphaLowU16 / 65535, h.alphaHighU16 / 65535, floatArithmetic.steepnessOverMinus100(h.alphaSigmoidSteepness), emaScale)
      : emaMerge(mem, weightsForBonds, weightsForBonds.val, null, null, bonds, null, floatArithmetic.bondsEmaCoefficient(h.bondsMovingAveragePpm), emaScale);
  reciprocalsInPlace(emaScale);

  // column-normalize(B') · I per validator, times active stake; and the stored bonds.
  const { rowStart: eStart, col: eCol, val: eVal } = ema;
  const dividends = mem.f64(n);
  const store = storeFrame(mem, n, eVal.length);
  let dividendSum = 0;
  let p = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    const permit = newValidatorPermit[i];
    for (let k = eStart[i]!, end = eStart[i + 1]!; k < end; k++) {
      const j = eCol[k]!;
      const v = eVal[k]!;
      s += incentive[j]! * (v * emaScale[j]!);
      if (permit) {
        store.col[p] = j;
        store.val[p++] = floatProportionToU16(v);
      }
    }
    const d = s * activeStake[i]!;
    dividends[i] = d;
    dividendSum += d;
    store.start[i + 1] = p;
  }
  const bondsU16: SparseMatrix = { rowCount: n, rowStart: store.start, col: store.col.subarray(0, p), val: store.val.subarray(0, p) };
  return { dividends, dividendSum, bondsDelta: null, emaBonds: ema, bondsU16 };
}

/**
 * `matEmaAlphaSparse` with `makeLiquidAlpha`'s coefficients, for ascending rows: for each entry of
 * W̃, with b the bond at its column (0 if none), α from the distance of `alpha_sigmoid`, then
 * min(1, (1 − α)·b + max(0, α·w)), kept where > 0. Adds each kept value to `emaColSum`.
 */
function liquidAlphaEma(
  mem: Arena,
  weights: SparseMatrix,
  bonds: SparseMatrix,
  consensus: Float64Array,
  alphaLow: number,
  alphaHigh: number,
  steepnessOverMinus100: number,
  emaColSum: Float64Array,
): SparseMatrix {
  const rows = weights.rowCount;
  const { rowStart: wStart, col: wCol, val: wVal } = weights;
  const { rowStart: bStart, col: bCol, val: bVal } = bonds;
  const outStart = mem.i32(rows + 1);
  const outCol = mem.i32(wVal.length);
  const outVal = mem.f64(wVal.length);
  // As makeLiquidAlpha: each distinct distance is evaluated once per epoch.
  const byDistance = new Map<number, number>();
  let lastDistance = -1;
  let lastAlpha = 0;
  let p = 0;
  for (let i = 0; i < rows; i++) {
    let b = bStart[i]!;
    const b1 = bStart[i + 1]!;
    for (let k = wStart[i]!, end = wStart[i + 1]!; k < end; k++) {
      const j = wCol[k]!;
      const w = wVal[k]!;
      while (b < b1 && bCol[b]! < j) b++;
      const old = b < b1 && bCol[b] === j ? bVal[b]! : 0;
      let d = w >= old ? w - consensus[j]! : old - w;
      if (d < 0) d = 0;
      else if (d > 1) d = 1;
      let alpha: number;
      if (d === lastDistance) alpha = lastAlpha;
      else {
        let cached = byDistance.get(d);
        if (cached === undefined) {
          cached = floatArithmetic.alphaForDistance(d, alphaLow, alphaHigh, steepnessOverMinus100);
          byDistance.set(d, cached);
        }
        alpha = cached;
        lastDistance = d;
        lastAlpha = alpha;
      }
      const decayed = (1 - alpha) * old;
      let inc = alpha * w;
      if (inc < 0) inc = 0;
      let v = decayed + inc;
      if (v > 1) v = 1;
      if (v > 0) {
        outCol[p] = j;
        outVal[p++] = v;
        emaColSum[j]! += v;
      }
    }
    outStart[i + 1] = p;
  }
  return { rowCount: rows, rowStart: outStart, col: outCol.subarray(0, p), val: outVal.subarray(0, p) };
}
