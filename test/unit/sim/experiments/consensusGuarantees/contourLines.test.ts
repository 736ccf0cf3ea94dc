import { describe, expect, it } from 'vitest';
import { computeRetentionMap } from '../../../../../src/sim/experiments/consensusGuarantees/computeRetentionMap.ts';
import { contourLines } from '../../../../../src/sim/experiments/consensusGuarantees/contourLines.ts';
import { baselineRetentionParams } from '../../../../../src/sim/experiments/consensusGuarantees/retentionParams.ts';
import { retentionThreshold } from '../../../../../src/sim/experiments/consensusGuarantees/retentionThreshold.ts';

function grid(size: number, z: (a: number, b: number) => number): Float64Array {
  const v = new Float64Array(size * size);
  for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) v[a * size + b] = z(a, b);
  return v;
}

describe('contourLines', () => {
  it('places vertices on cell edges by linear interpolation (a ramp in x gives a vertical line)', () => {
    const lines = contourLines(grid(5, (a) => a / 4), 5, 0.6);
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).toHaveLength(5);
    for (const [i, p] of line.entries()) {
      expect(p.x).toBeCloseTo(0.6, 12);
      expect(p.y).toBeCloseTo(i / 4, 12);
    }
  });

  it('closes a loop around a peak and ends it on its first point', () => {
    const lines = contourLines(grid(5, (a, b) => (a === 2 && b === 2 ? 1 : 0)), 5, 0.5);
    expect(lines).toHaveLength(1);
    const loop = lines[0]!;
    expect(loop).toHaveLength(5);
    expect(loop[4]).toEqual(loop[0]);
    const xs = loop.map((p) => p.x).sort((x, y) => x - y);
    expect(xs[0]).toBeCloseTo(0.375, 12);
    expect(xs[4]).toBeCloseTo(0.625, 12);
  });

  it('resolves a saddle by the mean of the cell: above joins the high corners, below separates them', () => {
    // Z(0,0) = Z(1,1) = 1, Z(1,0) = Z(0,1) = 0; the mean is 0.5.
    const values = grid(2, (a, b) => (a === b ? 1 : 0));
    const joined = contourLines(values, 2, 0.5).map((l) => l.map((p) => [p.x, p.y]));
    // Each line starts at its end whose edge id is smaller (left edge before top edge, …).
    expect(joined).toEqual([[[0.5, 0], [1, 0.5]], [[0, 0.5], [0.5, 1]]]);
    const split = contourLines(values, 2, 0.6).map((l) => l.map((p) => [+p.x.toFixed(12), +p.y.toFixed(12)]));
    expect(split).toEqual([[[0.4, 0], [0, 0.4]], [[0.6, 1], [1, 0.6]]]);
  });

  it('is empty when the level is not crossed', () => {
    expect(contourLines(grid(4, () => 0.7), 4, 0.6)).toEqual([]);
    expect(contourLines(grid(4, () => 0.1), 4, 0.6)).toEqual([]);
  });

  it('reaches exactly the threshold U(S): the rightmost vertex of a retention line', () => {
    const map = computeRetentionMap({ ...baselineRetentionParams(0.7), weightSteps: 20 });
    const lines = contourLines(map.majorRatio, map.size, 0.7);
    const rightmost = Math.max(...lines.flat().map((p) => p.x));
    const t = retentionThreshold(map);
    expect(t.kind).toBe('value');
    if (t.kind === 'value') expect(rightmost).toBe(t.honestUtility);
    for (const p of lines.flat()) expect(p.x >= 0 && p.x <= 1 && p.y >= 0 && p.y <= 1).toBe(true);
    expect(contourLines(map.majorRatio, map.size, 0.7)).toEqual(lines);
  });
});
