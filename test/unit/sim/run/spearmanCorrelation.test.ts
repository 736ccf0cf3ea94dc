import { describe, expect, it } from 'vitest';
import { averageRanks, spearmanCorrelation } from '../../../../src/sim/run/spearmanCorrelation.ts';

describe('spearmanCorrelation', () => {
  it('is 1 for any increasing relation and −1 for any decreasing one', () => {
    expect(spearmanCorrelation([1, 2, 3, 4], [10, 100, 1000, 10000])).toBeCloseTo(1, 12);
    expect(spearmanCorrelation([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
  });

  it('gives tied values their average rank', () => {
    expect(averageRanks([5, 1, 5, 3])).toEqual([3.5, 1, 3.5, 2]);
  });

  it('is NaN when one side is constant or there are fewer than two points', () => {
    expect(spearmanCorrelation([1, 2, 3], [7, 7, 7])).toBeNaN();
    expect(spearmanCorrelation([1], [2])).toBeNaN();
  });
});
