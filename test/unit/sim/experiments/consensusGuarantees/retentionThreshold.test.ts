import { describe, expect, it } from 'vitest';
import { baselineRetentionParams } from '../../../../../src/sim/experiments/consensusGuarantees/retentionParams.ts';
import { gridConservativeThreshold, retentionThreshold } from '../../../../../src/sim/experiments/consensusGuarantees/retentionThreshold.ts';

/** A hand-made map: z(a, b) on a (steps+1)² grid, at stake level S. */
function handMap(steps: number, stake: number, z: (a: number, b: number) => number) {
  const size = steps + 1;
  const majorRatio = new Float64Array(size * size);
  for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) majorRatio[a * size + b] = z(a, b);
  return { size, majorRatio, params: { ...baselineRetentionParams(stake), weightSteps: steps } };
}

describe('retentionThreshold (spec §12.2)', () => {
  it('interpolates the crossing on the horizontal grid edge', () => {
    // z = W_H: crosses 0.6 between a = 2 (0.5) and a = 3 (0.75), at 2.4/4.
    const t = retentionThreshold(handMap(4, 0.6, (a) => a / 4));
    expect(t).toMatchObject({ kind: 'value', level: 0.6, knifeEdgePoints: 0 });
    if (t.kind === 'value') expect(t.honestUtility).toBeCloseTo(0.6, 12);
  });

  it('takes the rightmost crossing over all cabal self-weights, not the value at W_C = 1', () => {
    // Retention needs W_H ≥ 0.25 except at W_C = 0.5, where it needs the crossing between
    // a = 2 (0.5) and a = 3 (0.8): x = (2 + 0.1/0.3)/4.
    const t = retentionThreshold(handMap(4, 0.6, (a, b) => (b === 2 ? [0, 0.2, 0.5, 0.8, 1][a]! : a >= 1 ? 0.7 : 0.3)));
    expect(t.kind).toBe('value');
    if (t.kind === 'value') expect(t.honestUtility).toBeCloseTo((2 + 0.1 / 0.3) / 4, 12);
  });

  it('says everywhere (U = 0) when the whole map is at or above the level', () => {
    expect(retentionThreshold(handMap(3, 0.6, () => 0.6)).kind).toBe('everywhere');
    expect(retentionThreshold(handMap(3, 0.6, (a, b) => 0.7 + a * b * 0.01)).kind).toBe('everywhere');
  });

  it('says not attainable when some point of the right border W_H = 1 is below the level', () => {
    expect(retentionThreshold(handMap(3, 0.6, (a, b) => (a === 3 && b === 1 ? 0.59 : 0.9))).kind).toBe('not_attainable');
    expect(retentionThreshold(handMap(3, 0.6, () => 0.1)).kind).toBe('not_attainable');
  });

  it('returns exactly 1 when W_H = 1 retains only with equality, and flags that knife edge', () => {
    const t = retentionThreshold(handMap(4, 0.6, (a, b) => (a === 4 ? (b === 0 ? 0.6 : 0.9) : 0.3)));
    expect(t).toMatchObject({ kind: 'value', honestUtility: 1, knifeEdgePoints: 1 });
  });

  it('counts knife-edge points within 1e-6 of the level', () => {
    const t = retentionThreshold(handMap(2, 0.6, (a, b) => [0.6 + 5e-7, 0.6 - 9e-7, 0.6 + 2e-6][b]! + a * 0));
    expect(t.knifeEdgePoints).toBe(6);
  });

  it('reads other levels when asked', () => {
    const t = retentionThreshold(handMap(4, 0.6, (a) => a / 4), 0.5);
    expect(t).toMatchObject({ kind: 'value', honestUtility: 0.5, level: 0.5 });
  });
});

describe('gridConservativeThreshold', () => {
  it('is the smallest grid W_H from which every grid point retains, up to one step above U(S)', () => {
    const map = handMap(4, 0.6, (a) => a / 4);
    expect(gridConservativeThreshold(map)).toMatchObject({ kind: 'value', honestUtility: 0.75 });
    const u = retentionThreshold(map);
    if (u.kind === 'value') expect(0.75 - u.honestUtility).toBeLessThanOrEqual(0.25);
  });

  it('agrees with the interpolated rule on everywhere and not attainable', () => {
    expect(gridConservativeThreshold(handMap(3, 0.6, () => 0.8)).kind).toBe('everywhere');
    expect(gridConservativeThreshold(handMap(3, 0.6, (a, b) => (a === 3 && b === 2 ? 0.5 : 0.9))).kind).toBe('not_attainable');
  });
});
