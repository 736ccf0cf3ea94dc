import { describe, expect, it } from 'vitest';
import { chainArithmetic } from '../../../../../src/consensus/epoch/chainArithmetic.ts';
import { makeLiquidAlpha } from '../../../../../src/consensus/epoch/liquidAlpha.ts';
import { colNormalizeSparse, matEmaAlphaSparse, matEmaSparse, matmulTransposeSparse, normalize } from '../../../../../src/consensus/epoch/math.ts';
import { runEpoch, runEpochUpTo } from '../../../../../src/consensus/epoch/runEpoch.ts';
import type { EpochHyperparameters } from '../../../../../src/consensus/epoch/types.ts';
import { ONE, makeInputs, mulRef, rows, twoValidators, vec } from '../fixture.ts';

const A_DEFAULT = 429_496_730;
const P = (u: number) => Number((BigInt(u) << 32n) / 65535n);

/** Validator 0 (40 %) weights miners 2 and 3, validator 1 (60 %) only miner 2; both hold bonds to both. */
function yuma3(hp: Partial<EpochHyperparameters> = {}) {
  const bonds = makeInputs({ n: 4, bonds: { 0: [[2, 30000], [3, 40000]], 1: [[2, 50000], [3, 10000]] } }).bonds;
  return { ...twoValidators(40, 60, { yuma3On: true, ...hp }), bonds };
}

describe('Yuma3 bonds and dividends', () => {
  it('loads stored bonds as u16/65535 proportions without column normalisation', () => {
    const w = runEpochUpTo(yuma3(), 'bondsLoad');
    expect(rows(w.bonds)).toEqual([[[2, P(30000)], [3, P(40000)]], [[2, P(50000)], [3, P(10000)]], [], []]);
    expect(w.bondsDelta).toBeNull();
  });

  it('applies the constant-α EMA over the union of cells when liquid alpha is off, decaying bonds W̃ lacks', () => {
    const w = runEpochUpTo(yuma3({ liquidAlphaOn: false }), 'bondsEma');
    expect(vec(w.consensus)).toEqual([0, 0, ONE, 0]); // (0,3) is clipped away, so W̃ lacks it
    expect(rows(w.emaBonds)).toEqual(rows(matEmaSparse(w, w.weightsForBonds, w.bonds, 4, A_DEFAULT)));
    // (0,3): (1 − a)·B, decayed rather than dropped.
    expect(rows(w.emaBonds)[0]).toContainEqual([3, mulRef(ONE - A_DEFAULT, P(40000))]);
  });

  it('uses per-cell liquid alpha when consensus is non-zero, dropping bonds whose cell W̃ lacks', () => {
    const hp = { liquidAlphaOn: true };
    const w = runEpochUpTo(yuma3(hp), 'bondsEma');
    const h = w.inputs.hyperparameters;
    const ar = chainArithmetic;
    const alphaAt = makeLiquidAlpha(w, w.weightsForBonds, w.bonds, w.consensus, {
      alphaLow: ar.fromU16Proportion(h.alphaLowU16),
      alphaHigh: ar.fromU16Proportion(h.alphaHighU16),
      steepnessOverMinus100: ar.steepnessOverMinus100(h.alphaSigmoidSteepness),
    });
    expect(rows(w.emaBonds)).toEqual(rows(matEmaAlphaSparse(w, w.weightsForBonds, w.bonds, 4, alphaAt)));
    expect(rows(w.emaBonds)[0]!.map(([c]) => c)).toEqual([2]);
    const constant = runEpochUpTo(yuma3({ liquidAlphaOn: false }), 'bondsEma');
    expect(rows(w.emaBonds)).not.toEqual(rows(constant.emaBonds));
  });

  it('falls back to the constant-α EMA when liquid alpha is on but every consensus value is 0', () => {
    // Each miner is weighted by one validator only and κ = 1 puts each median at the smallest
    // score, 0; with bonds penalty 0, W̃ keeps the weights.
    const inputs = {
      ...yuma3({ liquidAlphaOn: true, kappaU16: 65535, bondsPenaltyU16: 0 }),
      weights: makeInputs({ n: 4, weights: { 0: [[2, 65535]], 1: [[3, 65535]] } }).weights,
    };
    const w = runEpochUpTo(inputs, 'bondsEma');
    expect(vec(w.consensus)).toEqual([0, 0, 0, 0]);
    expect(rows(w.emaBonds)).toEqual(rows(matEmaSparse(w, w.weightsForBonds, w.bonds, 4, A_DEFAULT)));
    // The bond (0,3), absent from W̃, decays instead of being dropped as the liquid path would.
    expect(rows(w.emaBonds)[0]!.map(([c]) => c)).toEqual([2, 3]);
  });

  it('pays dividends as normalize(A ∘ (column-normalised B′ · I))', () => {
    const w = runEpochUpTo(yuma3({ liquidAlphaOn: true }), 'dividends');
    const perValidator = matmulTransposeSparse(w, colNormalizeSparse(w, w.emaBonds, 4), w.incentive);
    const d = Float64Array.from(perValidator, (x, i) => mulRef(x, w.activeStake[i]!));
    expect(vec(w.dividends)).toEqual(vec(normalize(w, d)));
  });

  it('stores B′ as floor(x · 65535) without upscaling, only for uids with a new permit', () => {
    const w = runEpochUpTo(yuma3(), 'bondsStore');
    const expected = rows(w.emaBonds).map((row, i) => (w.newValidatorPermit[i] ? row.map(([c, v]) => [c, chainArithmetic.toU16(v)]) : []));
    expect(rows(w.bondsU16)).toEqual(expected);
    const out = runEpoch(yuma3());
    expect(out.variant).toBe('yuma3');
    expect(rows(out.bondsU16)).toEqual(expected);
  });

  it('moves a fresh bond a fraction a of the way to the validator’s own weight', () => {
    const inputs = makeInputs({ n: 2, stake: [1, 0], permit: [true, false], weights: { 0: [[1, 65535]] }, hp: { yuma3On: true } });
    const out = runEpoch(inputs);
    expect(rows(out.trace.emaBonds)).toEqual([[[1, A_DEFAULT]], []]);
    expect(rows(out.bondsU16)).toEqual([[[1, chainArithmetic.toU16(A_DEFAULT)]], []]);
    expect(Array.from(out.dividendsU16)).toEqual([65535, 0]);
  });
});
