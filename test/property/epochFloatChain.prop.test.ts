/**
 * `float` mode runs the same algorithm as `chain` on float64 fractions; away from the points
 * where the algorithm is discontinuous the two agree to far better than 1e-6.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arithmeticFor, runEpoch } from '../../src/consensus/epoch/runEpoch.ts';
import type { SparseMatrix } from '../../src/consensus/epoch/sparseMatrix.ts';
import type { EpochInputs, EpochOutput } from '../../src/consensus/epoch/types.ts';
import { epochInputsArbitrary } from './arbitraries.ts';

const TOLERANCE = 1e-6;
/** How close to a discontinuity a case must come to be called degenerate. */
const BOUNDARY = 1e-6;
const chainReal = arithmeticFor('chain').toReal;

/** Uids with zero (active) stake are the same in both modes: no share floors to 0 in chain only. */
function sameZeroPattern(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i] === 0) !== (b[i] === 0)) return false;
  return true;
}

/**
 * Active stake renormalises the shares of active validators with a permit. Chain floors each
 * share to 2^-32 first, so when those validators hold a small part σ of all stake the flooring
 * is amplified by 1/σ (n·2^-32/σ in the worst case). Requires σ ≥ 0.05, which bounds the effect
 * by about 1e-7 for n ≤ 24.
 */
const MIN_ACTIVE_SHARE = 0.05;
function activeShareLargeEnough(chain: EpochOutput): boolean {
  const { stake, activeStake } = chain.trace;
  let share = 0;
  for (let i = 0; i < stake.length; i++) if (activeStake[i]! > 0) share += chainReal(stake[i]!);
  return share === 0 || share >= MIN_ACTIVE_SHARE;
}

/**
 * No weighted-median boundary within BOUNDARY: the median of column j is the smallest score v
 * with Σ_{x ≤ v} s > m (m = Σs − κ), a strict comparison, so when a cumulative stake lies within
 * rounding of m the two modes may legitimately pick neighbouring scores. Evaluated on the chain
 * trace (voters = uids with active stake, scores = their normalised weights, 0 if absent).
 */
function medianBoundariesClear(inputs: EpochInputs, chain: EpochOutput): boolean {
  const { activeStake, weights } = chain.trace;
  const n = inputs.n;
  let total = 0;
  for (const a of activeStake) total += chainReal(a);
  if (total === 0) return true;
  const kappa = inputs.hyperparameters.kappaU16 / 65535;
  const m = 1 - kappa;
  const perColumn: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (let i = 0; i < n; i++) {
    const s = chainReal(activeStake[i]!) / total;
    if (s === 0) continue;
    const row = new Map<number, number>();
    for (let k = weights.rowStart[i]!; k < weights.rowStart[i + 1]!; k++) row.set(weights.col[k]!, chainReal(weights.val[k]!));
    for (let j = 0; j < n; j++) {
      const x = row.get(j) ?? 0;
      const col = perColumn[j]!;
      col.set(x, (col.get(x) ?? 0) + s);
    }
  }
  for (const col of perColumn) {
    let cumulative = 0;
    for (const x of [...col.keys()].sort((p, q) => p - q)) {
      cumulative += col.get(x)!;
      if (Math.abs(cumulative - m) < BOUNDARY) return false;
    }
  }
  return true;
}

function lookup(m: SparseMatrix, i: number, j: number): number {
  let v = 0;
  for (let k = m.rowStart[i]!; k < m.rowStart[i + 1]!; k++) if (m.col[k] === j) v = m.val[k]!;
  return v;
}

/**
 * Liquid alpha switches between "buying" (d = w − c when w ≥ b) and "selling" (d = b − w): a
 * jump in the coefficient when the bond-weight w equals the stored bond b. When w and b are equal
 * as reals (e.g. 1/3 and 21845/65535) the two modes can land on different sides, so such cases
 * are skipped: those where the modes disagree on w ≥ b for some cell of W̃.
 */
function liquidAlphaBranchesAgree(inputs: EpochInputs, chain: EpochOutput, float: EpochOutput): boolean {
  const h = inputs.hyperparameters;
  if (!(h.yuma3On && h.liquidAlphaOn)) return true;
  const wc = chain.trace.weightsForBonds;
  const wf = float.trace.weightsForBonds;
  const bonds = inputs.bonds;
  for (let i = 0; i < inputs.n; i++) {
    for (let k = wc.rowStart[i]!; k < wc.rowStart[i + 1]!; k++) {
      const j = wc.col[k]!;
      const stored = j < inputs.n && i < bonds.rowCount ? lookup(bonds, i, j) : 0;
      const bChain = arithmeticFor('chain').fromU16Proportion(stored);
      const bFloat = stored / 65535;
      if ((wc.val[k]! >= bChain) !== (lookup(wf, i, j) >= bFloat)) return false;
    }
  }
  return true;
}

const COMPARED = ['incentive', 'dividends', 'consensus', 'validatorTrust', 'normalizedCombinedEmission'] as const;

describe('float mode against chain mode', () => {
  it('agrees with chain mode to 1e-6 on incentive, dividends, consensus, validator trust and emission for non-degenerate subnets', () => {
    fc.assert(
      fc.property(epochInputsArbitrary({ minN: 1, healthy: true }), (inputs) => {
        const chain = runEpoch(inputs, { mode: 'chain' });
        const float = runEpoch(inputs, { mode: 'float' });
        fc.pre(sameZeroPattern(chain.trace.stake, float.trace.stake));
        fc.pre(sameZeroPattern(chain.trace.activeStake, float.trace.activeStake));
        fc.pre(activeShareLargeEnough(chain));
        fc.pre(medianBoundariesClear(inputs, chain));
        fc.pre(liquidAlphaBranchesAgree(inputs, chain, float));
        const differences: string[] = [];
        for (const key of COMPARED) {
          const c = chain.trace[key];
          const f = float.trace[key];
          for (let i = 0; i < inputs.n; i++) {
            const diff = Math.abs(chainReal(c[i]!) - f[i]!);
            if (!(diff <= TOLERANCE)) differences.push(`${key}[${i}]: chain ${chainReal(c[i]!)}, float ${f[i]}, |Δ| = ${diff}`);
          }
        }
        expect(differences, chain.variant).toEqual([]);
      }),
      { seed: 0x5eed_0006, numRuns: 2000 },
    );
  });
});
