import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vecU16MaxUpscaleToU16 } from '../../../../../src/consensus/epoch/u16Math.ts';
import { I32F32, mul } from '../../../../../src/primitives/fixed.ts';
import { submittedWeightU16 } from '../../../../../src/sim/experiments/consensusGuarantees/blockProportions.ts';
import { maxUpscaleU16 } from '../../../../../src/sim/experiments/consensusGuarantees/maxUpscaleU16.ts';
import { drawRetentionSample } from '../../../../../src/sim/experiments/consensusGuarantees/retentionSample.ts';
import { retentionWeightRows } from '../../../../../src/sim/experiments/consensusGuarantees/retentionWeightRows.ts';

const TOTAL_RAO = 21_000_000_000_000_000n;

describe('retention sample', () => {
  it('splits 21 M TAO S : 1 − S between the teams (minus truncation) and gives servers no stake', () => {
    const s = drawRetentionSample({ stake: 0.6, weightsStddev: 0.4, seed: 0 });
    const major = s.stakeRao.slice(0, 38).reduce((a, b) => a + b, 0n);
    const minor = s.stakeRao.slice(38, 64).reduce((a, b) => a + b, 0n);
    // Each member's normalised share is truncated to 2^-32, so a team loses < count · 2^-32.
    const majorShare = Number(major) / Number(TOTAL_RAO);
    const minorShare = Number(minor) / Number(TOTAL_RAO);
    expect(Math.abs(majorShare - 0.6)).toBeLessThan(38 * 2 ** -32 + 1e-12);
    expect(Math.abs(minorShare - 0.4)).toBeLessThan(26 * 2 ** -32 + 1e-12);
    expect(s.stakeRao.slice(64).every((x) => x === 0n)).toBe(true);
    expect(s.stakeRao.slice(0, 64).every((x) => x > 0n)).toBe(true);
  });

  it('normalises each weight block to total 1 (within I32F32 truncation)', () => {
    const s = drawRetentionSample({ stake: 0.7, weightsStddev: 0.4, seed: 3 });
    const hs = s.teams.majorServers;
    for (const i of [0, 20, 63]) {
      const row = s.blockProportionRaw.subarray(i * 448, (i + 1) * 448);
      const sum = (a: number, b: number): number => row.subarray(a, b).reduce((x, y) => x + y, 0) / 2 ** 32;
      expect(Math.abs(sum(0, hs) - 1)).toBeLessThan(1e-7);
      expect(Math.abs(sum(hs, 448) - 1)).toBeLessThan(1e-7);
    }
  });

  it('consumes the weight draws even when σ_W = 0, so the stakes do not depend on σ_W', () => {
    const noisy = drawRetentionSample({ stake: 0.6, weightsStddev: 0.4, seed: 5 });
    const flat = drawRetentionSample({ stake: 0.6, weightsStddev: 0, seed: 5 });
    expect(flat.stakeRao).toEqual(noisy.stakeRao);
    // σ_W = 0: every server in a block gets the same proportion.
    const block = flat.blockProportionRaw.subarray(0, flat.teams.majorServers);
    expect(new Set(block).size).toBe(1);
  });

  it('is a function of the seed: same seed, same draws; another seed, other draws', () => {
    const a = drawRetentionSample({ stake: 0.6, weightsStddev: 0.4, seed: 1 });
    const b = drawRetentionSample({ stake: 0.6, weightsStddev: 0.4, seed: 1 });
    const c = drawRetentionSample({ stake: 0.6, weightsStddev: 0.4, seed: 2 });
    expect(b.stakeRao).toEqual(a.stakeRao);
    expect(b.blockProportionRaw).toEqual(a.blockProportionRaw);
    expect(c.stakeRao).not.toEqual(a.stakeRao);
  });

  it('rounds submitted weights toward zero exactly as (w ⊗ y) ⊗ 65535 in I32F32', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 }), fc.integer({ min: 0, max: 2 ** 32 }), (w, y) => {
        const p = mul(I32F32, BigInt(w), BigInt(y));
        const expected = Number(mul(I32F32, p, 65535n << 32n) >> 32n);
        expect(submittedWeightU16(w, y)).toBe(expected);
      }),
    );
  });
});

describe('maxUpscaleU16', () => {
  it('equals the chain port vecU16MaxUpscaleToU16 on random vectors, both code paths', () => {
    const vector = fc.oneof(fc.array(fc.integer({ min: 0, max: 65535 }), { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 32768 }), { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 40 }));
    fc.assert(
      fc.property(vector, (values) => {
        const out = new Uint16Array(values.length);
        maxUpscaleU16(values, out);
        expect([...out]).toEqual(vecU16MaxUpscaleToU16(values));
      }),
      { numRuns: 500 },
    );
    for (const values of [[32768, 1, 16384], [32769, 1, 16385], [65535, 0], [0, 0], [1], [146, 147, 3]]) {
      const out = new Uint16Array(values.length);
      maxUpscaleU16(values, out);
      expect([...out]).toEqual(vecU16MaxUpscaleToU16(values));
    }
  });

  it('stores the same rows as set_weights itself for every validator and grid weight of a sampled map', () => {
    for (const stake of [0.51, 0.95]) {
      const sample = drawRetentionSample({ stake, weightsStddev: 0.4, seed: 0 });
      const chain = retentionWeightRows(sample, 10, 'chain');
      const fast = retentionWeightRows(sample, 10, 'fast');
      expect(fast.storedU16).toEqual(chain.storedU16);
      // Every stored row is max-upscaled: its largest entry is 65535.
      for (let r = 0; r < 64 * 11; r++) expect(Math.max(...chain.storedU16.subarray(r * 448, (r + 1) * 448))).toBe(65535);
    }
  });
});
