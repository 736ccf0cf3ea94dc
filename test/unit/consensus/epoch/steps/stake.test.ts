import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { StakeInputs } from '../../../../../src/consensus/epoch/arithmetic.ts';
import { chainArithmetic, taoWeightRaw32 } from '../../../../../src/consensus/epoch/chainArithmetic.ts';
import { floatArithmetic } from '../../../../../src/consensus/epoch/floatArithmetic.ts';
import { runEpoch, runEpochUpTo } from '../../../../../src/consensus/epoch/runEpoch.ts';
import { Arena } from '../../../../../src/primitives/arena.ts';
import { HALF, ONE, makeInputs } from '../fixture.ts';

const U64_MAX = (1n << 64n) - 1n;
const runs = { numRuns: 400, seed: 271828 };

/**
 * Direct bigint computation of the chain's normalised stake: T_i = α_i·2^32 + τ_i·floor(tw·2^32/(2^64−1)),
 * zeroed when floor(T_i/2^32) < threshold (owner exempt), S_i = floor(T_i·2^32 / ΣT), 0 for ΣT = 0.
 */
function stakeReference(s: StakeInputs, n: number): number[] {
  const tw = (s.taoWeightRaw << 32n) / U64_MAX;
  const t: bigint[] = [];
  for (let i = 0; i < n; i++) {
    const total = (s.alphaStakeRao[i]! << 32n) + s.rootStakeRao[i]! * tw;
    t.push(total >> 32n < s.stakeThresholdRao && i !== s.ownerUid ? 0n : total);
  }
  const sum = t.reduce((a, b) => a + b, 0n);
  return t.map((x) => (sum === 0n ? 0 : Number((x << 32n) / sum)));
}

/** u64 amounts spread over every magnitude. */
const u64Amount = fc
  .tuple(fc.integer({ min: 0, max: 64 }), fc.bigInt({ min: 0n, max: U64_MAX }))
  .map(([bits, x]) => x % (1n << BigInt(bits)));

describe('taoWeightRaw32', () => {
  it('is the TaoWeight fraction floored to 32 fractional bits', () => {
    expect(taoWeightRaw32(0n)).toBe(0n);
    expect(taoWeightRaw32(U64_MAX)).toBe(1n << 32n);
    expect(taoWeightRaw32(1n << 63n)).toBe(((1n << 63n) << 32n) / U64_MAX);
    expect(taoWeightRaw32(971_718_665_099_567_868n)).toBe(226_245_882n);
  });
});

describe('normalized stake (chain arithmetic)', () => {
  it('equals the direct bigint computation for random large stakes and tao weights', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) =>
          fc.tuple(
            fc.array(u64Amount, { minLength: n, maxLength: n }),
            fc.array(u64Amount, { minLength: n, maxLength: n }),
            fc.oneof(fc.constant(0n), u64Amount),
            fc.oneof(fc.constant(0n), u64Amount),
            fc.option(fc.integer({ min: 0, max: n - 1 }), { nil: null }),
          ),
        ),
        ([alpha, root, taoWeightRaw, threshold, owner]) => {
          const inputs: StakeInputs = { alphaStakeRao: alpha, rootStakeRao: root, taoWeightRaw, stakeThresholdRao: threshold, ownerUid: owner };
          const got = chainArithmetic.normalizedStake(inputs, alpha.length, new Arena());
          expect(Array.from(got)).toEqual(stakeReference(inputs, alpha.length));
        },
      ),
      runs,
    );
  });

  it('takes the tao_weight = 0 fast path with the same result as the bigint path, also near 2^53', () => {
    const near = 2n ** 52n;
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.bigInt({ min: 0n, max: 1n << 40n }), fc.bigInt({ min: near - 1000n, max: near + 1000n }), u64Amount), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.bigInt({ min: 0n, max: 1n << 41n }),
        (alpha, threshold) => {
          const root = alpha.map(() => 123_456_789n); // ignored when tao_weight is 0
          const inputs: StakeInputs = { alphaStakeRao: alpha, rootStakeRao: root, taoWeightRaw: 0n, stakeThresholdRao: threshold, ownerUid: null };
          const got = chainArithmetic.normalizedStake(inputs, alpha.length, new Arena());
          expect(Array.from(got)).toEqual(stakeReference(inputs, alpha.length));
        },
      ),
      runs,
    );
  });

  it('returns zeros when every stake is zero or filtered', () => {
    const inputs: StakeInputs = { alphaStakeRao: [5n, 3n], rootStakeRao: [0n, 0n], taoWeightRaw: 0n, stakeThresholdRao: 10n, ownerUid: null };
    expect(Array.from(chainArithmetic.normalizedStake(inputs, 2, new Arena()))).toEqual([0, 0]);
    expect(Array.from(floatArithmetic.normalizedStake(inputs, 2, new Arena()))).toEqual([0, 0]);
  });

  it('counts root stake at the tao weight', () => {
    // tw = 0.5 (floored): uid 1's 2 TAO of root stake count as ~1 alpha.
    const inputs: StakeInputs = { alphaStakeRao: [1_000_000_000n, 0n], rootStakeRao: [0n, 2_000_000_000n], taoWeightRaw: 1n << 63n, stakeThresholdRao: 0n, ownerUid: null };
    const s = chainArithmetic.normalizedStake(inputs, 2, new Arena());
    expect(Array.from(s)).toEqual(stakeReference(inputs, 2));
    expect(Math.abs(s[0]! - HALF)).toBeLessThan(4);
    const f = floatArithmetic.normalizedStake(inputs, 2, new Arena());
    expect(f[0]).toBeCloseTo(0.5, 9);
  });
});

describe('stake step', () => {
  it('zeroes stakes below the threshold but keeps stakes equal to it', () => {
    const inputs = makeInputs({ n: 3, stake: [100, 50, 10], hp: { stakeThresholdRao: 50n } });
    const w = runEpochUpTo(inputs, 'stake');
    expect(Array.from(w.stake)).toEqual([Number((100n << 32n) / 150n), Number((50n << 32n) / 150n), 0]);
  });

  it('exempts the subnet owner from the stake threshold', () => {
    const inputs = makeInputs({ n: 3, stake: [100, 50, 10], owner: 2, hp: { stakeThresholdRao: 50n } });
    const w = runEpochUpTo(inputs, 'stake');
    expect(Array.from(w.stake)).toEqual([Number((100n << 32n) / 160n), Number((50n << 32n) / 160n), Number((10n << 32n) / 160n)]);
  });

  it('produces normalised fractions in float mode', () => {
    const inputs = makeInputs({ n: 3, stake: [100, 50, 10], hp: { stakeThresholdRao: 50n } });
    const w = runEpochUpTo(inputs, 'stake', { mode: 'float' });
    expect(Array.from(w.stake)).toEqual([100 / 150, 50 / 150, 0]);
  });

  it('stores the stake weight as floor(S · 65535)', () => {
    const out = runEpoch(makeInputs({ n: 2, stake: [1, 1] }));
    expect(Array.from(out.stakeWeightU16)).toEqual([32767, 32767]);
    expect(Array.from(out.trace.stake)).toEqual([HALF, HALF]);
    const all = runEpoch(makeInputs({ n: 2, stake: [1, 0] }));
    expect(Array.from(all.trace.stake)).toEqual([ONE, 0]);
    expect(Array.from(all.stakeWeightU16)).toEqual([65535, 0]);
  });
});
