import { describe, expect, it } from 'vitest';
import { lossesToScores } from '../../../../src/agents/ml/lossesToScores.ts';

const LOSSES = new Map([
  [3, 0.3],
  [1, 0.1],
  [2, 0.2],
  [4, 0.2],
]);

describe('lossesToScores', () => {
  it('softmax gives the best miner 1 and a miner one temperature worse 1/e', () => {
    const s = lossesToScores(LOSSES, 'softmax', 0.1);
    expect(s.get(1)).toBe(1);
    expect(s.get(2)).toBeCloseTo(Math.exp(-1), 12);
    expect(s.get(3)).toBeCloseTo(Math.exp(-2), 12);
  });

  it('rank scores only the order, ties sharing the better rank', () => {
    const s = lossesToScores(LOSSES, 'rank', 1);
    expect([...s]).toEqual([
      [1, 1],
      [2, 0.75],
      [3, 0.25],
      [4, 0.75],
    ]);
  });

  it('is empty without measurements', () => {
    expect(lossesToScores(new Map(), 'softmax', 0.1).size).toBe(0);
  });
});
