/**
 * Original Yuma bonds and dividends ("yuma2", spec/yuma.md §2.10; subtensor
 * `epoch/run_epoch.rs::epoch_mechanism` with Yuma3On = false and
 * `compute_ema_bonds_normal_sparse`, commit 14bc6f9f). Bonds are stake-weighted, column-normalised
 * and stored column-max-upscaled. Liquid alpha has no effect on this branch.
 */
import {
  colMaxUpscaleSparse,
  colNormalizeSparse,
  matEmaSparse,
  matmulTransposeSparse,
  normalizeInPlace,
  rowHadamardSparse,
} from '../math.ts';
import type { EpochStep, EpochWork } from '../types.ts';
import { loadMaskedBonds, storeBondRows } from './bondsLoad.ts';

export const yuma2BondsLoadStep: EpochStep = {
  name: 'bondsLoad',
  description: 'B = stored u16 bonds as integers, recently registered columns masked, column-normalised',
  run(w: EpochWork): void {
    const raw = loadMaskedBonds(w, w.inputs, w.n, 'integer');
    w.bonds = colNormalizeSparse(w, raw, w.n, true);
  },
};

export const yuma2BondsDeltaStep: EpochStep = {
  name: 'bondsDelta',
  description: 'ΔB = column-normalize(W̃ ∘ A)',
  run(w: EpochWork): void {
    w.bondsDelta = colNormalizeSparse(w, rowHadamardSparse(w, w.weightsForBonds, w.activeStake), w.n);
  },
};

export const yuma2BondsEmaStep: EpochStep = {
  name: 'bondsEma',
  description: 'EMA = column-normalize(a·ΔB + (1 − a)·B), a = 1 − bonds_moving_average/10^6',
  run(w: EpochWork): void {
    const a = w.ar.bondsEmaCoefficient(w.inputs.hyperparameters.bondsMovingAveragePpm);
    const ema = matEmaSparse(w, w.bondsDelta!, w.bonds, w.n, a);
    w.emaBonds = colNormalizeSparse(w, ema, w.n);
  },
};

export const yuma2DividendsStep: EpochStep = {
  name: 'dividends',
  description: 'D = normalize(EMA · I)',
  run(w: EpochWork): void {
    w.dividends = normalizeInPlace(w, matmulTransposeSparse(w, w.emaBonds, w.incentive));
  },
};

export const yuma2BondsStoreStep: EpochStep = {
  name: 'bondsStore',
  description: 'stored bonds = u16(column-max-upscale(EMA)) for uids with a new permit',
  run(w: EpochWork): void {
    const upscaled = colMaxUpscaleSparse(w, w.emaBonds, w.n);
    w.bondsU16 = storeBondRows(w, upscaled, w.newValidatorPermit);
  },
};
