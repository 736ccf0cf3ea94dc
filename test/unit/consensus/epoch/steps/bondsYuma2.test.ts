import { describe, expect, it } from 'vitest';
import { chainArithmetic } from '../../../../../src/consensus/epoch/chainArithmetic.ts';
import {
  colMaxUpscaleSparse,
  colNormalizeSparse,
  matEmaSparse,
  matmulTransposeSparse,
  normalize,
  rowHadamardSparse,
} from '../../../../../src/consensus/epoch/math.ts';
import { runEpoch, runEpochUpTo } from '../../../../../src/consensus/epoch/runEpoch.ts';
import { HALF, ONE, makeInputs, rows, twoValidators, vec } from '../fixture.ts';

const BONDS = { 0: [[2, 65535]], 1: [[2, 65535], [3, 65535]] } as const;
const withBonds = (hp = {}) => ({ ...twoValidators(60, 40, hp), bonds: makeInputs({ n: 4, bonds: BONDS }).bonds });
/** a = 1 − 0.9 as the chain computes it: 2^32 − floor(0.9·2^32). */
const A_DEFAULT = 429_496_730;

describe('original Yuma bonds and dividends', () => {
  it('uses the EMA coefficient 1 − bonds_moving_average/10^6 floored to I32F32', () => {
    expect(chainArithmetic.bondsEmaCoefficient(900_000)).toBe(A_DEFAULT);
    expect(chainArithmetic.bondsEmaCoefficient(0)).toBe(ONE);
    expect(chainArithmetic.bondsEmaCoefficient(1_000_000)).toBe(0);
  });

  it('loads stored bonds as u16 integers and column-normalises them', () => {
    const w = runEpochUpTo(withBonds(), 'bondsLoad');
    expect(rows(w.bonds)).toEqual([[[2, HALF]], [[2, HALF], [3, ONE]], [], []]);
  });

  it('computes ΔB as the column-normalised W̃ ∘ A', () => {
    const w = runEpochUpTo(withBonds(), 'bondsDelta');
    const expected = colNormalizeSparse(w, rowHadamardSparse(w, w.weightsForBonds, w.activeStake), 4);
    expect(rows(w.bondsDelta!)).toEqual(rows(expected));
    // Miner 3 is weighted by validator 0 only: its column normalises to 1.
    expect(rows(w.bondsDelta!)[0]![1]).toEqual([3, ONE]);
  });

  it('blends ΔB and the old bonds with the EMA and column-normalises the result', () => {
    const w = runEpochUpTo(withBonds(), 'bondsEma');
    const expected = colNormalizeSparse(w, matEmaSparse(w, w.bondsDelta!, w.bonds, 4, A_DEFAULT), 4);
    expect(rows(w.emaBonds)).toEqual(rows(expected));
  });

  it('pays dividends as normalize(EMA bonds · incentive)', () => {
    const w = runEpochUpTo(withBonds(), 'dividends');
    expect(vec(w.dividends)).toEqual(vec(normalize(w, matmulTransposeSparse(w, w.emaBonds, w.incentive))));
    expect(w.dividends[0]! + w.dividends[1]!).toBeGreaterThan(ONE - 4);
  });

  it('stores bonds column-max-upscaled, only for uids with a new permit', () => {
    const w = runEpochUpTo(withBonds(), 'bondsStore');
    const upscaled = colMaxUpscaleSparse(w, w.emaBonds, 4);
    const expected = rows(upscaled).map((row, i) => (w.newValidatorPermit[i] ? row.map(([c, v]) => [c, chainArithmetic.toU16(v)]) : []));
    expect(rows(w.bondsU16)).toEqual(expected);
    expect(w.newValidatorPermit).toEqual([true, true, false, false]);
  });

  it('gives a lone validator all dividends and a full bond on its first epoch', () => {
    const inputs = makeInputs({ n: 2, stake: [1, 0], permit: [true, false], weights: { 0: [[1, 65535]] } });
    const out = runEpoch(inputs);
    expect(out.variant).toBe('yuma2');
    expect(Array.from(out.dividendsU16)).toEqual([65535, 0]);
    expect(rows(out.bondsU16)).toEqual([[[1, 65535]], []]);
    expect(rows(out.trace.bondsDelta!)).toEqual([[[1, ONE]], []]);
  });

  it('ignores liquid alpha', () => {
    const off = runEpoch(withBonds({ liquidAlphaOn: false }));
    const on = runEpoch(withBonds({ liquidAlphaOn: true }));
    expect(rows(on.bondsU16)).toEqual(rows(off.bondsU16));
    expect(vec(on.dividendsU16)).toEqual(vec(off.dividendsU16));
  });

  it('agrees with chain mode to about 1e-6 in float mode', () => {
    const c = runEpoch(withBonds());
    const f = runEpoch(withBonds(), { mode: 'float' });
    for (let i = 0; i < 4; i++) expect(f.trace.dividends[i]!).toBeCloseTo(c.trace.dividends[i]! / ONE, 6);
    expect(rows(f.bondsU16).map((r) => r.map(([col]) => col))).toEqual(rows(c.bondsU16).map((r) => r.map(([col]) => col)));
  });
});
