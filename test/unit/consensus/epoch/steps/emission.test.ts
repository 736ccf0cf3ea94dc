import { describe, expect, it } from 'vitest';
import { chainArithmetic } from '../../../../../src/consensus/epoch/chainArithmetic.ts';
import { floatArithmetic } from '../../../../../src/consensus/epoch/floatArithmetic.ts';
import { normalize, normalizeUsingSum } from '../../../../../src/consensus/epoch/math.ts';
import { runEpoch, runEpochUpTo } from '../../../../../src/consensus/epoch/runEpoch.ts';
import { HALF, ONE, makeInputs, twoValidators, vec } from '../fixture.ts';

const U64_MAX = (1n << 64n) - 1n;
const raoOf = (x: number, e: bigint) => (BigInt(x) * e) >> 32n;

describe('emission step', () => {
  it('splits by T = Σ(I + D): server = I/T, validator = D/T, combined = normalize(I + D)', () => {
    const w = runEpochUpTo(twoValidators(60, 40), 'emission');
    const combined = Float64Array.from(w.incentive, (x, i) => x + w.dividends[i]!);
    const total = combined.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(vec(w.normalizedServerEmission)).toEqual(vec(normalizeUsingSum(w, w.incentive, total)));
    expect(vec(w.normalizedValidatorEmission)).toEqual(vec(normalizeUsingSum(w, w.dividends, total)));
    expect(vec(w.normalizedCombinedEmission)).toEqual(vec(normalize(w, combined)));
  });

  it('converts fractions to rao with floor(x · E)', () => {
    const e = 1_000_000_007n;
    const w = runEpochUpTo({ ...twoValidators(60, 40), emissionRao: e }, 'emission');
    expect(w.serverEmissionRao).toEqual(Array.from(w.normalizedServerEmission, (x) => raoOf(x, e)));
    expect(w.validatorEmissionRao).toEqual(Array.from(w.normalizedValidatorEmission, (x) => raoOf(x, e)));
    expect(w.emissionRao).toEqual(Array.from(w.normalizedCombinedEmission, (x) => raoOf(x, e)));
    const server = w.serverEmissionRao.reduce((a, b) => a + b, 0n);
    const validator = w.validatorEmissionRao.reduce((a, b) => a + b, 0n);
    expect(Number(e / 2n - server)).toBeLessThanOrEqual(4);
    expect(Number(e / 2n - validator)).toBeLessThanOrEqual(4);
    expect(server).toBeLessThanOrEqual(e / 2n + 1n);
  });

  it('pays validators by active stake when no weights give incentive or dividends (T = 0)', () => {
    const inputs = makeInputs({ n: 3, stake: [1, 3, 4], permit: [true, true, false] });
    const w = runEpochUpTo(inputs, 'emission');
    expect(vec(w.activeStake)).toEqual([ONE / 4, 3 * (ONE / 4), 0]);
    expect(vec(w.normalizedServerEmission)).toEqual([0, 0, 0]);
    expect(vec(w.normalizedValidatorEmission)).toEqual(vec(w.activeStake));
    expect(vec(w.normalizedCombinedEmission)).toEqual(vec(w.activeStake));
    expect(w.emissionRao).toEqual([250_000_000n, 750_000_000n, 0n]);
  });

  it('falls back to raw stake when active stake is zero as well', () => {
    const inputs = makeInputs({ n: 2, stake: [1, 1], lastUpdate: [0, 0], block: 1_000_000 });
    const w = runEpochUpTo(inputs, 'emission');
    expect(vec(w.activeStake)).toEqual([0, 0]);
    expect(vec(w.normalizedValidatorEmission)).toEqual([HALF, HALF]);
    expect(vec(w.normalizedCombinedEmission)).toEqual([HALF, HALF]);
    expect(w.validatorEmissionRao).toEqual([500_000_000n, 500_000_000n]);
    expect(w.serverEmissionRao).toEqual([0n, 0n]);
  });

  it('emits nothing when there is no stake at all', () => {
    const out = runEpoch(makeInputs({ n: 2, stake: [0, 0] }));
    expect(out.emissionRao).toEqual([0n, 0n]);
    expect(out.validatorEmissionRao).toEqual([0n, 0n]);
  });

  it('reproduces the chain’s I32F32 rounding: a tenth of 10^9 rao is 99 999 999', () => {
    const stake = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const out = runEpoch(makeInputs({ n: 10, stake }));
    expect(out.emissionRao[0]).toBe(99_999_999n);
    const f = runEpoch(makeInputs({ n: 10, stake }), { mode: 'float' });
    expect(f.emissionRao[0]).toBe(100_000_000n);
  });

  it('multiplies on bigint for emissions of 2^53 rao or more, saturating at u64::MAX', () => {
    const big = 1n << 60n;
    expect(chainArithmetic.emissionRao(Float64Array.from([HALF, ONE, 0, -5]), big)).toEqual([big / 2n, big, 0n, 0n]);
    expect(chainArithmetic.emissionRao(Float64Array.from([2 * ONE]), U64_MAX)).toEqual([U64_MAX]);
    expect(chainArithmetic.emissionRao(Float64Array.from([3]), 1_000_000_000n)).toEqual([0n]);
    expect(floatArithmetic.emissionRao(Float64Array.from([0.25, -1]), 1000n)).toEqual([250n, 0n]);
  });
});
