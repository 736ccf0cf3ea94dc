/**
 * The specialised float kernel against the real epoch in float mode (runEpoch), on the same
 * inputs: every point of an 11 × 11 grid, for several parameter sets including β ∈ {0, 0.5, 1},
 * ξ ≠ 0.5, κ ∈ {0.4, 0.5, 0.7}, σ_W = 0 (many exact ties) and the fallback corner.
 */
import { describe, expect, it } from 'vitest';
import { runEpoch } from '../../../../../src/consensus/epoch/runEpoch.ts';
import { Arena } from '../../../../../src/primitives/arena.ts';
import { FloatRetentionKernel } from '../../../../../src/sim/experiments/consensusGuarantees/floatRetentionKernel.ts';
import { majorRatioOfEpoch } from '../../../../../src/sim/experiments/consensusGuarantees/majorRatioOfEpoch.ts';
import { RetentionEpochInputs, warmUpPermits } from '../../../../../src/sim/experiments/consensusGuarantees/retentionEpochInputs.ts';
import { baselineRetentionParams, type RetentionParams } from '../../../../../src/sim/experiments/consensusGuarantees/retentionParams.ts';
import { drawRetentionSample } from '../../../../../src/sim/experiments/consensusGuarantees/retentionSample.ts';
import { retentionWeightRows } from '../../../../../src/sim/experiments/consensusGuarantees/retentionWeightRows.ts';

const STEPS = 10;

function compare(p: RetentionParams): { maxDifference: number; fallbacks: number } {
  const sample = drawRetentionSample(p);
  const permits = warmUpPermits(sample, p);
  const rows = retentionWeightRows(sample, STEPS, 'fast');
  const kernel = new FloatRetentionKernel(sample, rows, permits, p);
  const inputs = new RetentionEpochInputs(sample, rows, permits, p);
  const workspace = new Arena(1 << 22);
  const r = { majorRatio: 0, fallback: false };
  let maxDifference = 0;
  let fallbacks = 0;
  for (let a = 0; a <= STEPS; a++) {
    for (let b = 0; b <= STEPS; b++) {
      kernel.evaluate(a, b, r);
      const reference = majorRatioOfEpoch(runEpoch(inputs.at(a, b), { mode: 'float', variant: 'yuma2', workspace }), sample.teams, p.validatorEmissionRatio);
      expect(r.fallback, `fallback at (${a}, ${b})`).toBe(reference.fallback);
      maxDifference = Math.max(maxDifference, Math.abs(r.majorRatio - reference.majorRatio));
      if (r.fallback) fallbacks++;
    }
  }
  return { maxDifference, fallbacks };
}

describe('FloatRetentionKernel', () => {
  const base = { ...baselineRetentionParams(0.6), weightSteps: STEPS };
  const cases: [string, RetentionParams][] = [
    ['the baseline (β = 1, ξ = 0.5, κ = 0.5)', base],
    ['β = 0', { ...base, bondsPenalty: 0, stake: 0.75 }],
    ['β = 0.5', { ...base, bondsPenalty: 0.5, stake: 0.55 }],
    ['ξ = 0.25', { ...base, validatorEmissionRatio: 0.25, seed: 4 }],
    ['ξ = 0 and κ = 0.4', { ...base, validatorEmissionRatio: 0, kappa: 0.4, stake: 0.9 }],
    ['σ_W = 0 (exact ties between validators)', { ...base, weightsStddev: 0, stake: 0.51 }],
  ];
  for (const [name, p] of cases) {
    it(`agrees with runEpoch in float mode to 1e-9 in major_ratio: ${name}`, () => {
      expect(compare(p).maxDifference).toBeLessThan(1e-9);
    });
  }

  it('agrees with runEpoch on the fallback corner (κ above both teams’ shares) and takes the fallback there', () => {
    const { maxDifference, fallbacks } = compare({ ...base, kappa: 0.7 });
    expect(maxDifference).toBeLessThan(1e-9);
    expect(fallbacks).toBeGreaterThan(0);
  });
});
