/**
 * The `float` epoch of the chain's variants (`yuma2`, `yuma3`, with or without liquid alpha) as
 * one routine, with the per-uid and per-entry loops of the steps fused. Why: at (V, M) =
 * (64, 256) the step pipeline walks the same uids and weights twenty-odd times, allocating arrays
 * between the steps, and issue 2 asks for 25,000 float epochs/s there.
 *
 * The step pipeline (runEpoch.ts, steps/) stays the definition. This routine performs the same
 * float64 operations on the same operands in the same order — every sum is taken in the order the
 * pipeline takes it — so its result is bit-identical, trace included
 * (test/unit/consensus/epoch/fusedFloatEpoch.test.ts compares every element with Object.is). It only
 * handles the usual shape of stored rows: n rows, well-formed offsets, columns strictly ascending
 * and < n, u16 values other than −0 (whose sign the pipeline keeps on some paths only). For
 * anything else it returns null and the caller runs the pipeline, which also raises the
 * pipeline's errors.
 */
import type { Arena } from '../../primitives/arena.ts';
import { floatArithmetic, floatProportionToU16, floatShareRao, floatStakeBeforeNormalization } from './floatArithmetic.ts';
import { fusedFloatBondsYuma2, fusedFloatBondsYuma3, hasRowFrame, isPlainU16 } from './fusedFloatBonds.ts';
import { isTopk, type MathContext } from './math.ts';
import type { SparseMatrix } from './sparseMatrix.ts';
import { activityCutoffBlocks } from './steps/activity.ts';
import { lastTempoBlock } from './steps/bondsLoad.ts';
import { commitRevealMaskBlocks } from './steps/weights.ts';
import type { EpochInputs, EpochOutput } from './types.ts';
import { selectColumnMedians } from './weightedMedian.ts';

/** The built-in variants this routine reproduces. */
export type FusedFloatVariant = 'yuma2' | 'yuma3';

/**
 * Runs the whole float epoch of `variant` with memory from `mem` (already reset by the caller), or
 * returns null when the inputs are outside the shape described above.
 */
export function runFusedFloatEpoch(inputs: EpochInputs, variant: FusedFloatVariant, mem: Arena): EpochOutput | null {
  const n = inputs.n;
  // What makeWork asserts and what loadStoredRows would rebuild: the pipeline handles (or rejects) those.
  if (!Number.isInteger(n) || n < 0 || n > 65535) return null;
  const { blockAtRegistration: bar, alphaStakeRao, rootStakeRao, lastUpdate, currentBlock } = inputs;
  if (bar.length !== n || alphaStakeRao.length !== n || rootStakeRao.length !== n) return null;
  if (!hasRowFrame(inputs.weights, n) || !hasRowFrame(inputs.bonds, n)) return null;
  const h = inputs.hyperparameters;
  const owner = inputs.ownerUid;
  const cx: MathContext = { ar: floatArithmetic, mem };

  // The stake step's sums (the same function); it is normalised in the pass below.
  const stake = mem.f64(n);
  const stakeTotal = floatStakeBeforeNormalization(
    { alphaStakeRao, rootStakeRao, taoWeightRaw: h.taoWeightRaw, stakeThresholdRao: h.stakeThresholdRao, ownerUid: owner },
    stake,
  );

  // One pass over the uids: normalised stake and its u16, activity, current permits, active stake
  // before normalisation, the latest registration (outdated mask), the bond columns masked as
  // recently registered, and the first pass of the new permits' `is_topk_nonzero`.
  const cutoff = activityCutoffBlocks(h.activityCutoffFactorMilli, h.tempoBlocks);
  const storedPermit = inputs.validatorPermit;
  const masksPermits = storedPermit.length > 0;
  const ownerPermitForced = owner !== null && owner < n && owner < storedPermit.length;
  const lastTempo = lastTempoBlock(inputs);
  const active = new Array<boolean>(n);
  const permitted = mem.u8(n);
  const bondColumnMasked = mem.u8(n);
  const activeStake = mem.f64(n);
  const stakeWeightU16 = mem.u16(n);
  const stakeNonZero = new Array<boolean>(n);
  let stakeZeros = 0;
  let stakeNegative = false;
  let latestRegistration = 0;
  let activeSum = 0;
  for (let i = 0; i < n; i++) {
    const isActive = !((lastUpdate[i] ?? 0) + cutoff < currentBlock);
    active[i] = isActive;
    const hasPermit = storedPermit[i] === true || (ownerPermitForced && i === owner);
    if (hasPermit) permitted[i] = 1;
    let s = stake[i]!;
    if (stakeTotal !== 0) stake[i] = s = quotient(s, stakeTotal);
    if (s > 0) stakeWeightU16[i] = floatProportionToU16(s);
    stakeNonZero[i] = s !== 0;
    if (s === 0) stakeZeros++;
    else if (s < 0) stakeNegative = true;
    const a = !isActive || (masksPermits && !hasPermit) ? 0 : s;
    activeStake[i] = a;
    activeSum += a;
    const registered = bar[i]!;
    if (registered > latestRegistration) latestRegistration = registered;
    if (lastTempo <= registered) bondColumnMasked[i] = 1;
  }
  // validatorPermits step. isTopk keeps every non-zero flag when nothing has to be dropped or the
  // zeros fill the places to drop — a working subnet — and otherwise sorts (the same function).
  const k = h.maxAllowedValidators;
  const keepsNonZero = n < k || n - k === 0 || (!stakeNegative && stakeZeros >= n - k);
  const permits = keepsNonZero ? stakeNonZero : isTopk(cx, stake, k, true);
  if (owner !== null && owner < n) permits[owner] = true;
  // normalize(active stake), and the consensus voters: uids with positive active stake.
  let voterCount = 0;
  let positiveSum = 0;
  for (let i = 0; i < n; i++) {
    let a = activeStake[i]!;
    if (activeSum !== 0) activeStake[i] = a = quotient(a, activeSum);
    if (a > 0) {
      voterCount++;
      positiveSum += a;
    }
  }
  const voterStake = voterCount > 0 ? mem.f64(n) : null;

  const crMask =
    h.commitRevealWeightsEnabled && inputs.commits.length > 0
      ? commitRevealMaskBlocks(inputs.commits, n, inputs.currentEpochIndex, h.revealPeriodEpochs, mem)
      : null;
  const nonZeroCount = mem.i32(n);
  const nonZeroStake = mem.f64(n);
  const masked = maskWeights(inputs, mem, permitted, latestRegistration, crMask, activeStake, positiveSum, voterStake, nonZeroCount, nonZeroStake);
  if (masked === null) return null;
  const { weights, raw, rowScale, stakeSum } = masked;
  const minority = stakeSum - h.kappaU16 / 65535;

  const consensus = mem.f64(n);
  const consensusU16 = mem.u16(n);
  const anyConsensus = voterStake !== null && weightedMedianColumns(mem, weights, raw, rowScale, voterStake, voterCount, stakeSum, minority, nonZeroCount, nonZeroStake, consensus, consensusU16);

  const ratio = h.bondsPenaltyU16 / 65535;
  const clipped = clipWeights(mem, weights, raw, rowScale, consensus, activeStake, ratio);
  const { clippedWeights, weightsForBonds, validatorTrust, validatorTrustU16, incentive } = clipped;
  let rankSum = 0;
  for (let j = 0; j < n; j++) rankSum += incentive[j]!;
  if (rankSum !== 0) for (let j = 0; j < n; j++) incentive[j] = quotient(incentive[j]!, rankSum);

  const bonds =
    variant === 'yuma2'
      ? fusedFloatBondsYuma2(inputs, mem, weightsForBonds, activeStake, incentive, bondColumnMasked, permits)
      : fusedFloatBondsYuma3(inputs, mem, weightsForBonds, activeStake, incentive, consensus, anyConsensus, bondColumnMasked, permits);
  if (bonds === null) return null;
  const { dividends, dividendSum } = bonds;

  // normalize(dividends), then the emission step: Σ(I + D) and the three shares.
  const combined = mem.f64(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (dividendSum !== 0) dividends[i] = quotient(dividends[i]!, dividendSum);
    total += combined[i] = incentive[i]! + dividends[i]!;
  }
  let server: Float64Array;
  let validator: Float64Array;
  let combinedShare: Float64Array;
  if (total === 0) {
    server = mem.copyF64(incentive);
    const fallback = isAllZero(activeStake) ? stake : activeStake;
    validator = mem.copyF64(fallback);
    combinedShare = mem.copyF64(fallback);
  } else {
    server = mem.f64(n);
    validator = mem.f64(n);
    combinedShare = combined;
  }
  const e = Number(inputs.emissionRao);
  const emissionTotalRao = inputs.emissionRao;
  const serverEmissionRao = new Array<bigint>(n);
  const validatorEmissionRao = new Array<bigint>(n);
  const emissionRao = new Array<bigint>(n);
  const incentiveU16 = mem.u16(n);
  const dividendsU16 = mem.u16(n);
  for (let i = 0; i < n; i++) {
    const inc = incentive[i]!;
    const div = dividends[i]!;
    if (total !== 0) {
      server[i] = quotient(inc, total);
      validator[i] = quotient(div, total);
      combinedShare[i] = quotient(combinedShare[i]!, total);
    }
    serverEmissionRao[i] = floatShareRao(server[i]!, e, emissionTotalRao);
    validatorEmissionRao[i] = floatShareRao(validator[i]!, e, emissionTotalRao);
    // With Σ(I + D) = 0 the validator and combined shares are copies of the same fallback vector.
    emissionRao[i] = total === 0 ? validatorEmissionRao[i]! : floatShareRao(combinedShare[i]!, e, emissionTotalRao);
    if (inc > 0) incentiveU16[i] = floatProportionToU16(inc);
    if (div > 0) dividendsU16[i] = floatProportionToU16(div);
  }

  return {
    mode: 'float',
    variant,
    n,
    active,
    newValidatorPermit: permits,
    stakeWeightU16,
    consensusU16,
    incentiveU16,
    dividendsU16,
    validatorTrustU16,
    serverEmissionRao,
    validatorEmissionRao,
    emissionRao,
    bondsU16: bonds.bondsU16,
    trace: {
      stake,
      activeStake,
      weights,
      consensus,
      clippedWeights,
      validatorTrust,
      incentive,
      weightsForBonds,
      bondsDelta: bonds.bondsDelta,
      emaBonds: bonds.emaBonds,
      dividends,
      normalizedServerEmission: server,
      normalizedValidatorEmission: validator,
      normalizedCombinedEmission: combinedShare,
    },
  };
}

/** What the clipping pass leaves: the clipping, incentive (ranks) and bonds-weights steps' results. */
interface ClippedWeights {
  readonly clippedWeights: SparseMatrix;
  readonly weightsForBonds: SparseMatrix;
  readonly validatorTrust: Float64Array;
  readonly validatorTrustU16: Uint16Array;
  /** Ranks Σ_i A_i · Wc_ij, not yet normalised. */
  readonly incentive: Float64Array;
}

/**
 * One pass over the weights: writes the row-normalised values (`raw[k] · rowScale[row]`) into
 * `weights.val`, clips them to consensus (`colClipSparse`), sums each clipped row (validator trust),
 * accumulates the ranks `matmulSparse(Wc, A)` in the pipeline's row order, and, for a bonds penalty
 * strictly between 0 and 1, interpolates W̃ = W + β·(Wc − W) over each row's union — W's columns,
 * since clipping only drops entries.
 */
function clipWeights(
  mem: Arena,
  weights: SparseMatrix,
  raw: Float64Array,
  rowScale: Float64Array,
  consensus: Float64Array,
  activeStake: Float64Array,
  ratio: number,
): ClippedWeights {
  const n = weights.rowCount;
  const interpolate = ratio !== 0 && ratio !== 1;
  const { rowStart, col, val } = weights;
  const count = val.length;
  const clipStart = mem.i32(n + 1);
  const clipCol = mem.i32(count);
  const clipVal = mem.f64(count);
  const mixStart = interpolate ? mem.i32(n + 1) : clipStart;
  const mixCol = interpolate ? mem.i32(count) : clipCol;
  const mixVal = interpolate ? mem.f64(count) : clipVal;
  const validatorTrust = mem.f64(n);
  const validatorTrustU16 = mem.u16(n);
  const incentive = mem.f64(n);
  let q = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const start = rowStart[i]!;
    const end = rowStart[i + 1]!;
    if (start === end) {
      clipStart[i + 1] = q;
      if (interpolate) mixStart[i + 1] = r;
      continue;
    }
    const a = activeStake[i]!;
    const scale = rowScale[i]!;
    let rowSum = 0;
    if (!interpolate) {
      for (let k = start; k < end; k++) {
        const j = col[k]!;
        const v = raw[k]! * scale;
        val[k] = v;
        const t = consensus[j]!;
        // min(v, t), dropped when it is a threshold ≤ 0.
        const c = t < v ? t : v;
        if (t < v && !(t > 0)) continue;
        clipCol[q] = j;
        clipVal[q++] = c;
        rowSum += c;
        incentive[j]! += a * c;
      }
    } else {
      for (let k = start; k < end; k++) {
        const j = col[k]!;
        const v = raw[k]! * scale;
        val[k] = v;
        const t = consensus[j]!;
        let y = v;
        if (t < v) y = t > 0 ? t : 0;
        if (!(t < v) || t > 0) {
          clipCol[q] = j;
          clipVal[q++] = y;
          rowSum += y;
          incentive[j]! += a * y;
        }
        // The union visit of interpolate_sparse: y is 0 where clipping dropped the entry.
        const mixed = v + ratio * (y - v);
        if (mixed > 0) {
          mixCol[r] = j;
          mixVal[r++] = mixed;
        }
      }
      mixStart[i + 1] = r;
    }
    clipStart[i + 1] = q;
    validatorTrust[i] = rowSum;
    if (rowSum > 0) validatorTrustU16[i] = floatProportionToU16(rowSum);
  }
  const clippedWeights: SparseMatrix = { rowCount: n, rowStart: clipStart, col: clipCol.subarray(0, q), val: clipVal.subarray(0, q) };
  const weightsForBonds: SparseMatrix =
    ratio === 0
      ? weights
      : interpolate
        ? { rowCount: n, rowStart: mixStart, col: mixCol.subarray(0, r), val: mixVal.subarray(0, r) }
        : clippedWeights;
  return { clippedWeights, weightsForBonds, validatorTrust, validatorTrustU16, incentive };
}

/**
 * x / d, the quotient every normalisation here takes, without the division when x is ±0 and d > 0:
 * the quotient is then x itself, sign included. Most uids hold zeros in most vectors.
 */
function quotient(x: number, d: number): number {
  return x === 0 && d > 0 ? x : x / d;
}

function isAllZero(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] !== 0) return false;
  return true;
}

/**
 * The kept weights before row normalisation: the normalised matrix's structure with `val` still to
 * be written (entry k is `raw[k] · rowScale[row]`, the pipeline's `w · (1 / row sum)`), so the pass
 * that first reads the normalised values writes them.
 */
interface MaskedWeights {
  readonly weights: SparseMatrix;
  readonly raw: Float64Array;
  readonly rowScale: Float64Array;
  /** Σ of the voters' normalised stakes, in uid order. */
  readonly stakeSum: number;
}

/**
 * The weights steps (load, the four masks, the row sums of normalisation) in one pass per row,
 * which also does the start of the median: each voter's stake (active stake > 0, over their sum
 * `positiveSum`), written into `voterStake` (null: no voters), and per column the voters with a
 * non-zero score and their stake. A kept entry's normalised value is non-zero exactly when
 * the stored one is (a u16 ≥ 1 over a row sum below 2^32 does not underflow), so the count can be
 * taken on the stored values. While no entry has been dropped the result shares the stored
 * structure, as the pipeline's does. Null when a row breaks the handled shape.
 */
function maskWeights(
  inputs: EpochInputs,
  mem: Arena,
  permitted: Uint8Array,
  latestRegistration: number,
  crMask: Float64Array | null,
  activeStake: Float64Array,
  positiveSum: number,
  voterStake: Float64Array | null,
  nonZeroCount: Int32Array,
  nonZeroStake: Float64Array,
): MaskedWeights | null {
  const n = inputs.n;
  const owner = inputs.ownerUid;
  const { lastUpdate, blockAtRegistration: bar } = inputs;
  const { rowStart: wStart, col: wCol, val: wVal } = inputs.weights;
  const storedCount = wVal.length;
  const rowScale = mem.f64(n);
  let outStart = wStart;
  let outCol = wCol;
  // Kept raw values, packed, once an entry has been dropped.
  let outRaw: Float64Array | null = null;
  let stakeSum = 0;
  let p = 0;
  for (let i = 0; i < n; i++) {
    const start = wStart[i]!;
    const end = wStart[i + 1]!;
    if (end < start) return null;
    const rowPermitted = permitted[i] === 1;
    const selfMasked = i !== owner;
    const updated = lastUpdate[i] ?? 0;
    // weightsMaskOutdated skips rows updated after every registration (they cannot lose an entry).
    const outdatedPossible = !(updated > latestRegistration);
    const commitBlock = crMask === null ? Infinity : crMask[i]!;
    // Only the self mask can drop an entry of a permitted, recently updated row without a commit.
    const onlySelfMask = rowPermitted && !outdatedPossible && commitBlock === Infinity;
    let s = 0;
    if (voterStake !== null) {
      const a = activeStake[i]!;
      if (a > 0) stakeSum += voterStake[i] = s = a / positiveSum;
    }
    let previous = -1;
    let sum = 0;
    let dropped = 0;
    for (let k = start; k < end; k++) {
      const x = wVal[k]!;
      if (!isPlainU16(x)) return null;
      const j = wCol[k]!;
      if (j <= previous || j >= n) return null;
      previous = j;
      let kept: boolean;
      if (onlySelfMask) kept = !(selfMasked && j === i);
      else {
        const registered = bar[j]!;
        kept = rowPermitted && !(selfMasked && j === i) && !(outdatedPossible && updated <= registered) && !(commitBlock < registered);
      }
      if (!kept) {
        dropped++;
        continue;
      }
      sum += x;
      if (s !== 0 && x !== 0) {
        nonZeroCount[j]!++;
        nonZeroStake[j]! += s;
      }
    }
    // u16 sums are exact, so the kept sum is the pipeline's whichever way it was taken; and with
    // values ≥ 0, `sum > 0 ? w · inverse : 0` (entries dropped) equals `w · inverse` (none dropped).
    rowScale[i] = sum > 0 ? 1 / sum : 0;
    if (dropped === 0 && outRaw === null) {
      p = end;
      continue;
    }
    if (outRaw === null) {
      // First dropped entry: from here on the kept entries are packed into new arrays.
      outStart = mem.i32(n + 1);
      outStart.set(wStart.subarray(0, i + 1));
      outCol = mem.i32(storedCount);
      outCol.set(wCol.subarray(0, p));
      outRaw = mem.f64(storedCount);
      outRaw.set(wVal.subarray(0, p));
    }
    for (let k = start; k < end; k++) {
      const j = wCol[k]!;
      if (dropped > 0) {
        const registered = bar[j]!;
        if (!(rowPermitted && !(selfMasked && j === i) && !(outdatedPossible && updated <= registered) && !(commitBlock < registered))) continue;
      }
      outCol[p] = j;
      outRaw[p++] = wVal[k]!;
    }
    outStart[i + 1] = p;
  }
  const val = mem.f64(p);
  if (outRaw === null) return { weights: { rowCount: n, rowStart: wStart, col: wCol, val }, raw: wVal, rowScale, stakeSum };
  return { weights: { rowCount: n, rowStart: outStart, col: outCol.subarray(0, p), val }, raw: outRaw, rowScale, stakeSum };
}

/**
 * The rest of `weightedMedianColSparse` once pass 1 (the per-column non-zero counts, taken while
 * the weights were masked) is done: the same offsets, fill and selection, on the normalised
 * weights `raw[k] · rowScale[row]`. Writes the median of
 * every column and its u16 into `median` / `medianU16`; returns whether a median is non-zero.
 */
function weightedMedianColumns(
  mem: Arena,
  weights: SparseMatrix,
  raw: Float64Array,
  rowScale: Float64Array,
  voterStake: Float64Array,
  voterCount: number,
  stakeSum: number,
  minority: number,
  nonZeroCount: Int32Array,
  nonZeroStake: Float64Array,
  median: Float64Array,
  medianU16: Uint16Array,
): boolean {
  const columns = median.length;
  const offset = mem.i32(columns + 1);
  let maxCol = 1;
  for (let j = 0; j < columns; j++) {
    const count = nonZeroCount[j]!;
    const hasZero = count < voterCount;
    const zeroMass = stakeSum - nonZeroStake[j]!;
    // No score is negative (u16 quotients), so 0 is the smallest score.
    const decidedByZeros = count === 0 || (hasZero && zeroMass > minority);
    const size = decidedByZeros ? 0 : count + (hasZero ? 1 : 0);
    offset[j + 1] = offset[j]! + size;
    if (size > maxCol) maxCol = size;
  }
  const total = offset[columns]!;
  if (total === 0) return false;
  const entryScore = mem.f64(total);
  const entryStake = mem.f64(total);
  const fill = mem.i32(columns);
  fill.set(offset.subarray(0, columns));
  const { rowStart, col } = weights;
  for (let i = 0; i < weights.rowCount; i++) {
    const s = voterStake[i]!;
    if (s === 0) continue;
    const scale = rowScale[i]!;
    for (let k = rowStart[i]!, end = rowStart[i + 1]!; k < end; k++) {
      const j = col[k]!;
      const x = raw[k]! * scale;
      if (x === 0 || offset[j + 1] === offset[j]) continue;
      const p = fill[j]!++;
      entryScore[p] = x;
      entryStake[p] = s;
    }
  }
  selectColumnMedians(mem, entryScore, entryStake, offset, fill, maxCol, nonZeroStake, stakeSum, minority, median);
  let anyNonZero = false;
  for (let j = 0; j < columns; j++) {
    const m = median[j]!;
    if (m !== 0) anyNonZero = true;
    if (m > 0) medianU16[j] = floatProportionToU16(m);
  }
  return anyNonZero;
}
