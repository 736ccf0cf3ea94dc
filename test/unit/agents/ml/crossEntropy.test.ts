import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { accuracy, normalisedCrossEntropy, PROBABILITY_FLOOR } from '../../../../src/agents/ml/crossEntropy.ts';

describe('normalisedCrossEntropy', () => {
  it('normalises each answered row, so scaling a row changes nothing', () => {
    const labels = Float32Array.from([0, 2]);
    const p = Float32Array.from([0.5, 0.25, 0.25, 0.1, 0.1, 0.8]);
    const scaled = Float32Array.from([5, 2.5, 2.5, 0.1, 0.1, 0.8]);
    expect(normalisedCrossEntropy(scaled, labels, 2, 3)).toBeCloseTo(normalisedCrossEntropy(p, labels, 2, 3), 6);
  });

  it('treats a row without positive mass as a uniform guess and floors the true-class probability', () => {
    expect(normalisedCrossEntropy(Float32Array.from([0, 0, -1, -2]), Float32Array.from([0, 1]), 2, 2)).toBeCloseTo(1, 12);
    expect(normalisedCrossEntropy(Float32Array.from([0, 1]), Float32Array.from([0]), 1, 2)).toBeCloseTo(-Math.log(PROBABILITY_FLOOR) / Math.log(2), 12);
  });

  it('is between 0 and ln(1/floor)/ln(K) for any answer (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 8 }), fc.integer(), (k, n, seed) => {
        const values = Array.from({ length: n * k }, (_v, i) => Math.fround(Math.sin(seed + i * 7.1) * 3));
        const labels = Float32Array.from({ length: n }, (_v, i) => Math.abs(seed + i) % k);
        const loss = normalisedCrossEntropy(Float32Array.from(values), labels, n, k);
        return loss >= 0 && loss <= -Math.log(PROBABILITY_FLOOR) / Math.log(k) + 1e-12;
      }),
    );
  });
});

describe('accuracy', () => {
  it('counts rows whose most probable class is the label (first on ties)', () => {
    const p = Float32Array.from([0.6, 0.4, 0.5, 0.5, 0.1, 0.9]);
    expect(accuracy(p, Float32Array.from([0, 0, 0]), 3, 2)).toBeCloseTo(2 / 3, 12);
  });
});
