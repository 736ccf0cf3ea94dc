/**
 * Yuma3 bonds and dividends (spec/yuma.md §2.11; subtensor `epoch/run_epoch.rs::epoch_mechanism`
 * with Yuma3On = true and `compute_bonds_sparse`, commit 14bc6f9f). A bond is the validator's own
 * weight proportion in [0, 1] (not stake-weighted, not normalised before the EMA), updated with
 * per-cell liquid alpha when enabled; dividends are stake × (normalised bonds · incentive).
 */
import { mulI32F32 } from '../../../primitives/fixedNumber.ts';
import { makeLiquidAlpha } from '../liquidAlpha.ts';
import { colNormalizeSparse, isZero, matEmaAlphaSparse, matEmaSparse, matmulTransposeSparse, normalizeInPlace } from '../math.ts';
import type { EpochStep, EpochWork } from '../types.ts';
import { loadMaskedBonds, storeBondRows } from './bondsLoad.ts';

export const yuma3BondsLoadStep: EpochStep = {
  name: 'bondsLoad',
  description: 'B = stored u16 bonds / 65535, recently registered columns masked (no normalisation)',
  run(w: EpochWork): void {
    w.bonds = loadMaskedBonds(w, w.inputs, w.n, 'proportion');
    w.bondsDelta = null;
  },
};

export const yuma3BondsEmaStep: EpochStep = {
  name: 'bondsEma',
  description: "B' = liquid-alpha EMA of W̃ (cells of W̃ only, clamped to 1) or constant-alpha EMA",
  run(w: EpochWork): void {
    const { ar } = w;
    const h = w.inputs.hyperparameters;
    if (h.liquidAlphaOn && w.consensus.length > 0 && !isZero(w.consensus)) {
      const alphaAt = makeLiquidAlpha(w, w.weightsForBonds, w.bonds, w.consensus, {
        alphaLow: ar.fromU16Proportion(h.alphaLowU16),
        alphaHigh: ar.fromU16Proportion(h.alphaHighU16),
        steepnessOverMinus100: ar.steepnessOverMinus100(h.alphaSigmoidSteepness),
      });
      w.emaBonds = matEmaAlphaSparse(w, w.weightsForBonds, w.bonds, w.n, alphaAt);
    } else {
      const a = ar.bondsEmaCoefficient(h.bondsMovingAveragePpm);
      w.emaBonds = matEmaSparse(w, w.weightsForBonds, w.bonds, w.n, a);
    }
  },
};

export const yuma3DividendsStep: EpochStep = {
  name: 'dividends',
  description: "D = normalize(A ∘ (column-normalize(B') · I))",
  run(w: EpochWork): void {
    const { ar } = w;
    const normalizedBonds = colNormalizeSparse(w, w.emaBonds, w.n);
    const perValidator = matmulTransposeSparse(w, normalizedBonds, w.incentive);
    // vec_mul uses checked_mul (overflow → 0); values here are ≤ 1, so it never overflows. The
    // product is written over the (fresh) per-validator sums; direct calls so V8 inlines them.
    const d = perValidator.length === w.n ? perValidator : w.mem.f64(w.n);
    const activeStake = w.activeStake;
    if (ar.mode === 'chain') for (let i = 0; i < w.n; i++) d[i] = mulI32F32(perValidator[i]!, activeStake[i]!);
    else for (let i = 0; i < w.n; i++) d[i] = perValidator[i]! * activeStake[i]!;
    w.dividends = normalizeInPlace(w, d);
  },
};

export const yuma3BondsStoreStep: EpochStep = {
  name: 'bondsStore',
  description: "stored bonds = u16(B') for uids with a new permit (no upscaling)",
  run(w: EpochWork): void {
    w.bondsU16 = storeBondRows(w, w.emaBonds, w.newValidatorPermit);
  },
};
